import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, type CSSProperties, type KeyboardEvent } from 'react';
import type { AppealRow } from '../../../../shared/api/appeals';
import type { RegistryColumn, RegistryColumns } from '../../../../shared/api/prefs';
import { registryColumnsUi } from '../../../../shared/i18n/ru/registry-columns';
import { ui } from '../../i18n';
import { useStore } from '../../store';
import { useTopicNames } from '../classifier/names';
import { COLUMN_DEFS, columnTemplate } from './columns';

const ROW_HEIGHT = 34;
const HEAD_HEIGHT = 36;

/** The registry as a grid: one tab stop, ↑/↓ PageUp/PageDown Home/End move the selection, Enter opens. */
/** Drags a column's right edge: the width follows the pointer and is kept when let go. */
function ResizeHandle({ name, onWidth }: { name: string; onWidth(width: number, keep: boolean): void }) {
  return (
    <span
      className="col-resize"
      // A pointer's handle; the keyboard sets the columns in «Столбцы».
      aria-hidden="true"
      title={registryColumnsUi.resize(name)}
      onPointerDown={(e) => {
        e.preventDefault();
        const cell = (e.currentTarget as HTMLElement).parentElement!;
        const left = cell.getBoundingClientRect().left;
        const onMove = (m: PointerEvent): void => onWidth(m.clientX - left, false);
        const onUp = (u: PointerEvent): void => {
          window.removeEventListener('pointermove', onMove);
          window.removeEventListener('pointerup', onUp);
          onWidth(u.clientX - left, true);
        };
        window.addEventListener('pointermove', onMove);
        window.addEventListener('pointerup', onUp);
      }}
    />
  );
}

export function RegistryTable({
  onOpen,
  columns,
  onWidth,
}: {
  onOpen(row: AppealRow): void;
  columns: RegistryColumns;
  onWidth(key: RegistryColumn, width: number, keep: boolean): void;
}) {
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

  const layout = columnTemplate(columns, officeCode ? 84 : null);
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
      className="grid"
      role="grid"
      aria-label={ui.registry.tableLabel}
      aria-rowcount={total !== null ? total + 1 : -1}
      aria-colcount={columns.length + (officeCode ? 1 : 0)}
      aria-activedescendant={rows[selected] ? `appeal-row-${selected}` : undefined}
      aria-busy={loading}
      tabIndex={0}
      id="registry-grid"
      onKeyDown={onKeyDown}
    >
      <div
        className="grid__canvas"
        style={
          {
            height: virtualizer.getTotalSize(),
            minWidth: layout.minWidth,
            '--cols': layout.template,
          } as CSSProperties
        }
      >
        <div role="rowgroup" className="grid__head">
          <div role="row" aria-rowindex={1} className="grid__row">
            {officeCode ? (
              <div role="columnheader" className="cell">
                {ui.offices.column}
              </div>
            ) : null}
            {columns.map(({ key }) => {
              const c = { key, sort: COLUMN_DEFS[key].sort };
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
                  <ResizeHandle
                    name={ui.registry.columns[c.key]}
                    onWidth={(w, keep) => onWidth(key, w, keep)}
                  />
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
                {officeCode ? (
                  <div role="gridcell" className="cell" title={officeCode.get(row.officeId)}>
                    {officeCode.get(row.officeId)}
                  </div>
                ) : null}
                {columns.map(({ key }) => {
                  const c = COLUMN_DEFS[key].cell(row, names);
                  return (
                    <div
                      key={key}
                      role="gridcell"
                      className={c.className ? `cell ${c.className}` : 'cell'}
                      title={c.title}
                    >
                      {c.text}
                    </div>
                  );
                })}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
