import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { formatDate, workflowText } from '../i18n';
import './dialog.css';

/** The row a list's key selects (↑/↓, Home/End, PageUp/PageDown), or undefined for another key. */
export function rowAfterKey(key: string, index: number, count: number): number | undefined {
  const moves: Record<string, number> = {
    ArrowDown: index + 1,
    ArrowUp: index - 1,
    Home: 0,
    End: count - 1,
    PageDown: index + 10,
    PageUp: index - 10,
  };
  const move = moves[key];
  return move === undefined ? undefined : Math.max(0, Math.min(count - 1, move));
}

export interface Column<R> {
  key: string;
  header: string;
  cell(row: R): ReactNode;
  className?: string;
}

/**
 * A short list as a grid: one tab stop, ↑/↓ Home/End move the selection, Enter opens the selected row.
 * For the queue, tasks and requests: hundreds of rows at a time (a longer list is read a page at a time,
 * `onEnd`), so it is not virtualized.
 */
export function KeyTable<R>(props: {
  id: string;
  label: string;
  rows: readonly R[];
  columns: ReadonlyArray<Column<R>>;
  rowKey(row: R): string;
  overdue?(row: R): boolean;
  onOpen(row: R): void;
  onSelect?(row: R | null): void;
  /** Focus the list when it first shows rows (the screen's main list). */
  autoFocus?: boolean;
  /** The selection reached the last row: a list read a page at a time asks for the next page. */
  onEnd?(): void;
}) {
  const { rows, onSelect, onEnd } = props;
  const [selected, setSelected] = useState(0);
  const ref = useRef<HTMLTableElement>(null);
  const index = Math.min(selected, Math.max(0, rows.length - 1));
  const current = rows[index] ?? null;

  useEffect(() => {
    onSelect?.(current);
  }, [current, onSelect]);

  const hasRows = rows.length > 0;
  const atEnd = hasRows && index === rows.length - 1;
  useEffect(() => {
    if (atEnd) onEnd?.();
  }, [atEnd, onEnd]);

  useEffect(() => {
    if (props.autoFocus && hasRows) ref.current?.focus();
  }, [props.autoFocus, hasRows]);

  useEffect(() => {
    document.getElementById(`${props.id}-row-${index}`)?.scrollIntoView({ block: 'nearest' });
  }, [index, props.id]);

  const onKeyDown = (e: KeyboardEvent<HTMLTableElement>): void => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const move = rowAfterKey(e.key, index, rows.length);
    if (move !== undefined) {
      e.preventDefault();
      setSelected(move);
    } else if (e.key === 'Enter' && current) {
      e.preventDefault();
      props.onOpen(current);
    }
  };

  return (
    <table
      ref={ref}
      id={props.id}
      className="keytable"
      role="grid"
      aria-label={props.label}
      aria-rowcount={rows.length + 1}
      aria-activedescendant={current ? `${props.id}-row-${index}` : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
    >
      <thead>
        <tr>
          {props.columns.map((c) => (
            <th key={c.key} role="columnheader" scope="col">
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          <tr
            key={props.rowKey(row)}
            id={`${props.id}-row-${i}`}
            data-key={props.rowKey(row)}
            aria-selected={i === index}
            className={props.overdue?.(row) ? 'is-overdue' : undefined}
            onClick={() => {
              setSelected(i);
              ref.current?.focus();
            }}
            onDoubleClick={() => props.onOpen(row)}
          >
            {props.columns.map((c) => (
              <td key={c.key} role="gridcell" className={c.className}>
                {c.cell(row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A due date cell: red with a spoken "overdue" when past. */
export function DueCell({ date, overdue }: { date: string | null; overdue: boolean }) {
  return (
    <span className={overdue ? 'cell--overdue' : undefined}>
      {formatDate(date)}
      {overdue ? (
        <>
          <span className="overdue-mark" aria-hidden="true">
            !
          </span>
          <span className="sr-only">, {workflowText.list.overdue}</span>
        </>
      ) : null}
    </span>
  );
}
