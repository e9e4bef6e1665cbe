import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import type { AppealRow } from '../../../../shared/api/appeals';
import type { ClassifierName } from '../../../../shared/api/classifier';
import { topicLabel, withdrawnName } from '../../../../shared/i18n/ru/classifier';
import { formatDate, labels, ui } from '../../i18n';
import { useStore } from '../../store';
import { useTopicNames } from '../classifier/names';
import type { SortField } from './slice';

const ROW_HEIGHT = 34;
const HEAD_HEIGHT = 36;

type ColumnKey = keyof typeof ui.registry.columns;

const COLUMNS: ReadonlyArray<{ key: ColumnKey; sort?: SortField }> = [
  { key: 'regNumber', sort: 'regNumber' },
  { key: 'registeredOn', sort: 'registeredOn' },
  { key: 'applicantName', sort: 'applicantName' },
  { key: 'applicantPhone' },
  { key: 'summary' },
  { key: 'topics' },
  { key: 'kind', sort: 'kind' },
  { key: 'channel', sort: 'channel' },
  { key: 'status', sort: 'status' },
  { key: 'responsibleName', sort: 'responsibleName' },
  { key: 'dueDate', sort: 'dueDate' },
];

/** «Козлова Дарья Андреевна» → «Козлова Д. А.»: the column is narrow and the full name is in the tooltip. */
function shortName(full: string): string {
  const [surname, ...rest] = full.split(/\s+/);
  return [surname, ...rest.map((p) => `${p[0]}.`)].join(' ');
}

/** A question as the narrow cell shows it: its name (marked when withdrawn), or the code. */
const shownName = (code: string, n: ClassifierName | undefined): string =>
  n?.name ? (n.withdrawn ? withdrawnName(n.name) : n.name) : code;

/** The appeal's first question by name (the others counted), every one of them in the tooltip. */
function TopicsCell({ codes, names }: { codes: string[]; names: ReadonlyMap<string, ClassifierName> }) {
  const label = (c: string): string => {
    const n = names.get(c);
    return n ? topicLabel(c, n.name, n.withdrawn) : c;
  };
  const first = codes[0];
  return (
    <div role="gridcell" className="cell" title={codes.map(label).join('\n')}>
      {first ? shownName(first, names.get(first)) : ui.none}
      {codes.length > 1 ? <span className="cell__more"> +{codes.length - 1}</span> : null}
    </div>
  );
}

function Cells({
  row,
  office,
  names,
}: {
  row: AppealRow;
  office: string | null;
  names: ReadonlyMap<string, ClassifierName>;
}) {
  return (
    <>
      {office !== null ? (
        <div role="gridcell" className="cell" title={office}>
          {office}
        </div>
      ) : null}
      <div role="gridcell" className="cell cell--num">
        {row.regNumber}
      </div>
      <div role="gridcell" className="cell">
        {formatDate(row.registeredOn)}
      </div>
      <div role="gridcell" className="cell" title={row.applicantName}>
        {row.applicantName || ui.none}
      </div>
      <div role="gridcell" className="cell cell--num">
        {row.applicantPhone ?? ui.none}
      </div>
      <div role="gridcell" className="cell" title={row.summary}>
        {row.summary}
      </div>
      <TopicsCell codes={row.topics} names={names} />
      <div role="gridcell" className="cell" title={labels.kindLabels[row.kind]}>
        {labels.kindLabels[row.kind]}
      </div>
      <div role="gridcell" className="cell" title={labels.channelLabels[row.channel]}>
        {labels.channelLabels[row.channel]}
      </div>
      <div role="gridcell" className="cell">
        <span className={`pill pill--${row.status}`}>{labels.statusLabels[row.status]}</span>
      </div>
      <div role="gridcell" className="cell" title={row.responsibleName ?? undefined}>
        {row.responsibleName ? shortName(row.responsibleName) : ui.none}
      </div>
      <div role="gridcell" className={`cell${row.overdue ? ' cell--overdue' : ''}`}>
        {formatDate(row.dueDate)}
        {row.overdue ? (
          <>
            <span className="overdue-mark" aria-hidden="true">
              {' '}
              !
            </span>
            <span className="sr-only">, {ui.registry.overdue}</span>
          </>
        ) : null}
      </div>
    </>
  );
}

/** The registry as a grid: one tab stop, ↑/↓ PageUp/PageDown Home/End move the selection, Enter opens. */
export function RegistryTable({ onOpen }: { onOpen(row: AppealRow): void }) {
  const rows = useStore((s) => s.rows);
  const nextCursor = useStore((s) => s.nextCursor);
  const loading = useStore((s) => s.loading);
  const total = useStore((s) => s.total);
  const selected = useStore((s) => s.selected);
  const sort = useStore((s) => s.sort);
  const { select, loadMore, toggleSort } = useStore.getState();
  // HQ's analyst view holds several offices: each row says whose it is (a number's format may not).
  const offices = useStore((s) => s.offices);
  const officeCode = offices.length > 1 ? new Map(offices.map((o) => [o.id, o.code])) : null;
  const scrollRef = useRef<HTMLDivElement>(null);
  const codes = useMemo(() => rows.flatMap((r) => r.topics), [rows]);
  const names = useTopicNames(codes);

  const count = rows.length + (nextCursor ? 1 : 0);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer re-renders through its own subscription
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    paddingStart: HEAD_HEIGHT,
    scrollPaddingStart: HEAD_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const lastVisible = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    // Fetch the next page while the user is still a screen away from its end.
    if (nextCursor && !loading && lastVisible >= rows.length - 30) void loadMore();
  }, [lastVisible, rows.length, nextCursor, loading, loadMore]);

  useEffect(() => {
    if (rows.length > 0) virtualizer.scrollToIndex(selected, { align: 'auto' });
  }, [selected, rows.length, virtualizer]);

  const pageRows = (): number =>
    Math.max(1, Math.floor(((scrollRef.current?.clientHeight ?? 400) - HEAD_HEIGHT) / ROW_HEIGHT) - 1);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    if (e.target !== e.currentTarget || e.altKey || e.ctrlKey || e.metaKey) return;
    const moves: Record<string, () => number> = {
      ArrowDown: () => selected + 1,
      ArrowUp: () => selected - 1,
      PageDown: () => selected + pageRows(),
      PageUp: () => selected - pageRows(),
      Home: () => 0,
      End: () => rows.length - 1,
    };
    const move = moves[e.key];
    if (move) {
      e.preventDefault();
      select(move());
      if (e.key === 'End') void loadMore();
    } else if (e.key === 'Enter') {
      const row = rows[selected];
      if (row) {
        e.preventDefault();
        onOpen(row);
      }
    }
  };

  return (
    <div
      ref={scrollRef}
      className={officeCode ? 'grid grid--offices' : 'grid'}
      role="grid"
      aria-label={ui.registry.tableLabel}
      aria-rowcount={total !== null ? total + 1 : -1}
      aria-colcount={COLUMNS.length + (officeCode ? 1 : 0)}
      aria-activedescendant={rows[selected] ? `appeal-row-${selected}` : undefined}
      aria-busy={loading}
      tabIndex={0}
      id="registry-grid"
      onKeyDown={onKeyDown}
    >
      <div className="grid__canvas" style={{ height: virtualizer.getTotalSize() }}>
        <div role="rowgroup" className="grid__head">
          <div role="row" aria-rowindex={1} className="grid__row">
            {officeCode ? (
              <div role="columnheader" className="cell">
                {ui.offices.column}
              </div>
            ) : null}
            {COLUMNS.map((c) => {
              const active = c.sort && sort.field === c.sort;
              return (
                <div
                  key={c.key}
                  role="columnheader"
                  className="cell"
                  aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}
                >
                  {c.sort ? (
                    <button type="button" className="sort" onClick={() => toggleSort(c.sort!)}>
                      {ui.registry.columns[c.key]}
                      <span aria-hidden="true" className="sort__arrow">
                        {active ? (sort.dir === 'asc' ? '▲' : '▼') : ''}
                      </span>
                    </button>
                  ) : (
                    ui.registry.columns[c.key]
                  )}
                </div>
              );
            })}
          </div>
        </div>
        <div role="rowgroup">
          {items.map((v) => {
            const row = rows[v.index];
            const style = { height: v.size, transform: `translateY(${v.start}px)` };
            if (!row)
              return (
                <div
                  key="more"
                  role="row"
                  className="grid__row grid__row--data grid__row--more"
                  style={style}
                >
                  <div role="gridcell" className="cell muted">
                    {ui.registry.loadingMore}
                  </div>
                </div>
              );
            return (
              <div
                key={row.id}
                id={`appeal-row-${v.index}`}
                role="row"
                aria-rowindex={v.index + 2}
                aria-selected={v.index === selected}
                className={`grid__row grid__row--data${row.overdue ? ' grid__row--overdue' : ''}`}
                style={style}
                onClick={() => {
                  select(v.index);
                  scrollRef.current?.focus();
                }}
                onDoubleClick={() => onOpen(row)}
              >
                <Cells
                  row={row}
                  office={officeCode ? (officeCode.get(row.officeId) ?? '') : null}
                  names={names}
                />
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
