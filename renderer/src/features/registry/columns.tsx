import { useState, type ReactNode } from 'react';
import type { AppealRow } from '../../../../shared/api/appeals';
import type { ClassifierName } from '../../../../shared/api/classifier';
import { REGISTRY_COLUMNS, type RegistryColumn, type RegistryColumns } from '../../../../shared/api/prefs';
import { topicLabel, withdrawnName } from '../../../../shared/i18n/ru/classifier';
import { call } from '../../api/client';
import { useCall } from '../../api/use-call';
import { formatDate, labels, ui } from '../../i18n';
import type { SortField } from './slice';

/** «Козлова Дарья Андреевна» → «Козлова Д. А.»: the column is narrow and the full name is in the tooltip. */
function shortName(full: string): string {
  const [surname, ...rest] = full.split(/\s+/);
  return [surname, ...rest.map((p) => `${p[0]}.`)].join(' ');
}

type Names = ReadonlyMap<string, ClassifierName>;

/** A question as the narrow cell shows it: its name (marked when withdrawn), or the code. */
const shownName = (code: string, n: ClassifierName | undefined): string =>
  n?.name ? (n.withdrawn ? withdrawnName(n.name) : n.name) : code;

interface ColumnDef {
  sort?: SortField;
  /** The width it takes when nobody has dragged it: px, or a share of what is left above `min`. */
  width: number | { min: number; share: number };
  cell(row: AppealRow, names: Names): { text: ReactNode; title?: string; className?: string };
}

const person = (row: AppealRow) => ({
  text: row.responsibleName ? shortName(row.responsibleName) : ui.none,
  title: row.responsibleName ?? undefined,
});

export const COLUMN_DEFS: Record<RegistryColumn, ColumnDef> = {
  regNumber: { sort: 'regNumber', width: 126, cell: (r) => ({ text: r.regNumber, className: 'cell--num' }) },
  registeredOn: { sort: 'registeredOn', width: 90, cell: (r) => ({ text: formatDate(r.registeredOn) }) },
  applicantName: {
    sort: 'applicantName',
    width: { min: 110, share: 1.2 },
    cell: (r) => ({ text: r.applicantName || ui.none, title: r.applicantName }),
  },
  applicantPhone: {
    width: 118,
    cell: (r) => ({ text: r.applicantPhone ?? ui.none, className: 'cell--num' }),
  },
  summary: { width: { min: 120, share: 2 }, cell: (r) => ({ text: r.summary, title: r.summary }) },
  topics: {
    width: { min: 80, share: 1 },
    cell: (r, names) => {
      const label = (c: string): string => {
        const n = names.get(c);
        return n ? topicLabel(c, n.name, n.withdrawn) : c;
      };
      const first = r.topics[0];
      return {
        title: r.topics.map(label).join('\n'),
        text: (
          <>
            {first ? shownName(first, names.get(first)) : ui.none}
            {r.topics.length > 1 ? <span className="cell__more"> +{r.topics.length - 1}</span> : null}
          </>
        ),
      };
    },
  },
  kind: {
    sort: 'kind',
    width: 94,
    cell: (r) => ({ text: labels.kindLabels[r.kind], title: labels.kindLabels[r.kind] }),
  },
  channel: {
    sort: 'channel',
    width: 100,
    cell: (r) => ({ text: labels.channelLabels[r.channel], title: labels.channelLabels[r.channel] }),
  },
  status: {
    sort: 'status',
    width: 136,
    cell: (r) => ({
      text: <span className={`pill pill--${r.status}`}>{labels.statusLabels[r.status]}</span>,
      title: labels.statusLabels[r.status],
    }),
  },
  responsibleName: { sort: 'responsibleName', width: 110, cell: person },
  dueDate: {
    sort: 'dueDate',
    width: 100,
    cell: (r) => ({
      className: r.overdue ? 'cell--overdue' : undefined,
      text: (
        <>
          {formatDate(r.dueDate)}
          {r.overdue ? (
            <>
              <span className="overdue-mark" aria-hidden="true">
                {' '}
                !
              </span>
              <span className="sr-only">, {ui.registry.overdue}</span>
            </>
          ) : null}
        </>
      ),
    }),
  },
};

/** The narrowest screen on which the default set has room for the question's column. */
const WIDE_SCREEN = 1280;

/**
 * The set a person starts with: what an office works by (number, date, who, what, status, who holds it,
 * the term) fits a 1024 px screen without sideways scrolling; from 1280 px the question (by its
 * classifier name) joins them. The phone, the kind and the channel are a click away in «Столбцы».
 */
export function defaultColumns(screenWidth: number): RegistryColumns {
  const keys: RegistryColumn[] = [
    'regNumber',
    'registeredOn',
    'applicantName',
    'status',
    'responsibleName',
    'dueDate',
    'summary',
  ];
  if (screenWidth >= WIDE_SCREEN) keys.push('topics');
  return keys.map((key) => ({ key }));
}

/** `grid-template-columns` of a set, and the narrowest the grid may get before it scrolls sideways. */
export function columnTemplate(
  cols: RegistryColumns,
  lead: number | null,
): { template: string; minWidth: number } {
  const parts: string[] = lead === null ? [] : [`${lead}px`];
  let minWidth = lead ?? 0;
  for (const c of cols) {
    const def = COLUMN_DEFS[c.key].width;
    if (c.width !== undefined) {
      parts.push(`${c.width}px`);
      minWidth += c.width;
    } else if (typeof def === 'number') {
      parts.push(`${def}px`);
      minWidth += def;
    } else {
      parts.push(`minmax(${def.min}px, ${def.share}fr)`);
      minWidth += def.min;
    }
  }
  // The row's 3 px overdue mark on its left.
  return { template: parts.join(' '), minWidth: minWidth + 3 };
}

/** The signed-in person's columns (kept in the office file), with a live width while a column is dragged. */
export function useRegistryColumns(): {
  columns: RegistryColumns;
  save(cols: RegistryColumns | null): void;
  /** Shown at once; `keep` also saves it (on letting go of the drag). */
  setWidth(key: RegistryColumn, width: number, keep: boolean): void;
} {
  const kept = useCall('prefs.registryColumns', {});
  const [live, setLive] = useState<RegistryColumns | null>(null);
  const columns = live ?? kept.data?.columns ?? defaultColumns(window.innerWidth);
  const save = (cols: RegistryColumns | null): void => {
    setLive(cols ?? defaultColumns(window.innerWidth));
    void call('prefs.setRegistryColumns', { columns: cols });
  };
  return {
    columns,
    save,
    setWidth(key, width, keep) {
      const next = columns.map((c) =>
        c.key === key ? { ...c, width: Math.round(Math.max(40, Math.min(900, width))) } : c,
      );
      if (keep) save(next);
      else setLive(next);
    },
  };
}

export { REGISTRY_COLUMNS };
