import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { ContactFieldDef, ContactFilter, ContactRow } from '../../../../shared/api/contacts';
import { call } from '../../api/client';
import { useWritesTouching } from '../../api/use-call';
import { contactsText, errorText, formatDate, ui } from '../../i18n';

const ROW_HEIGHT = 34;
const PAGE = 200;
/** The list's own columns' widths; each field column chosen adds one. */
const COLUMNS = '2fr minmax(10em, 1.5fr) 2fr 1fr 1fr 1fr';

/** A field's value as a cell shows it: a date as the office writes it, a number with a comma. */
function cellValue(def: ContactFieldDef, v: string | number | undefined): string {
  if (v === undefined) return ui.none;
  return def.type === 'date' ? formatDate(String(v)) : String(v).replace('.', ',');
}

/**
 * The base as a virtualized grid: pages of 200 are fetched as the window reaches them, so a list of a
 * million contacts scrolls like one of a hundred. ↑/↓ PageUp/PageDown Home/End move, Enter opens.
 */
export function ContactList(props: {
  filter: ContactFilter;
  statusName(code: string): string;
  onOpen(row: ContactRow): void;
  /** The office's fields shown as columns after the list's own. */
  fieldColumns?: readonly ContactFieldDef[];
}) {
  const fieldColumns = props.fieldColumns ?? [];
  const fieldIds = fieldColumns.map((d) => d.id);
  const grid = { gridTemplateColumns: `${COLUMNS}${' minmax(6.5em, 1fr)'.repeat(fieldColumns.length)}` };
  const [total, setTotal] = useState<number | null>(null);
  const [pages, setPages] = useState<Map<number, ContactRow[]>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState(0);
  const parent = useRef<HTMLDivElement>(null);
  const loading = useRef(new Set<number>());
  const filterKey = JSON.stringify([props.filter, fieldIds]);
  // A write that touches the list (a change on the card, a merge) reads it again from the top.
  const writes = useWritesTouching('contacts.list');

  useEffect(() => {
    let live = true;
    loading.current = new Set([0]);
    setPages(new Map());
    setSelected(0);
    call('contacts.list', { filter: props.filter, offset: 0, limit: PAGE, fieldIds }).then(
      (r) => {
        if (!live) return;
        setTotal(r.total);
        setPages(new Map([[0, r.rows]]));
      },
      (e: unknown) => live && setError(errorText(e)),
    );
    return () => {
      live = false;
    };
    // The filter's JSON is its identity; the object itself changes on every render of the parent.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [filterKey, writes]);

  const count = total ?? 0;
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer re-renders through its own subscription
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => parent.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 20,
  });
  const items = virtualizer.getVirtualItems();

  useEffect(() => {
    const needed = new Set(items.map((i) => Math.floor(i.index / PAGE)));
    for (const page of needed) {
      if (pages.has(page) || loading.current.has(page)) continue;
      loading.current.add(page);
      call('contacts.list', { filter: props.filter, offset: page * PAGE, limit: PAGE, fieldIds }).then(
        (r) => setPages((m) => new Map(m).set(page, r.rows)),
        (e: unknown) => setError(errorText(e)),
      );
    }
  });

  const rowAt = (i: number): ContactRow | undefined => pages.get(Math.floor(i / PAGE))?.[i % PAGE];

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    const moves: Record<string, number> = {
      ArrowDown: selected + 1,
      ArrowUp: selected - 1,
      PageDown: selected + 15,
      PageUp: selected - 15,
      Home: 0,
      End: count - 1,
    };
    const move = moves[e.key];
    if (move !== undefined) {
      e.preventDefault();
      const next = Math.max(0, Math.min(count - 1, move));
      setSelected(next);
      virtualizer.scrollToIndex(next);
    } else if (e.key === 'Enter') {
      const row = rowAt(selected);
      if (row) props.onOpen(row);
    }
  };

  if (error) return <div className="banner banner--error">{error}</div>;
  if (total === 0)
    return (
      <p className="empty" data-testid="contacts-empty">
        {props.filter.q ? contactsText.notFound(props.filter.q) : contactsText.empty}
      </p>
    );
  return (
    <>
      <div className="page__meta" aria-live="polite" data-testid="contacts-count">
        {total === null ? ui.loading : contactsText.count(total)}
      </div>
      <div
        ref={parent}
        className="contact-list"
        role="grid"
        aria-label={contactsText.listLabel}
        aria-rowcount={count}
        tabIndex={0}
        onKeyDown={onKeyDown}
      >
        <div role="row" className="contact-row contact-row--head" style={grid}>
          {Object.values(contactsText.columns).map((h) => (
            <div key={h} role="columnheader" className="cell" title={h}>
              {h}
            </div>
          ))}
          {fieldColumns.map((d) => (
            <div key={d.id} role="columnheader" className="cell" title={d.name}>
              {d.name}
            </div>
          ))}
        </div>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = rowAt(item.index);
            return (
              <div
                key={item.key}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={item.index === selected}
                className="contact-row"
                style={{
                  ...grid,
                  position: 'absolute',
                  top: 0,
                  transform: `translateY(${item.start}px)`,
                  height: ROW_HEIGHT,
                }}
                onClick={() => {
                  setSelected(item.index);
                  if (row) props.onOpen(row);
                }}
              >
                {row ? (
                  <>
                    <div role="gridcell" className="cell" title={row.fullName}>
                      {row.fullName}
                    </div>
                    <div role="gridcell" className="cell cell--num">
                      {row.phones.join(', ') || ui.none}
                    </div>
                    <div role="gridcell" className="cell" title={row.address ?? undefined}>
                      {row.address ?? ui.none}
                    </div>
                    <div role="gridcell" className="cell">
                      {row.district ?? ui.none}
                    </div>
                    <div role="gridcell" className="cell">
                      {row.statuses.map(props.statusName).join(', ')}
                    </div>
                    <div role="gridcell" className="cell">
                      {row.tags.join(', ')}
                    </div>
                    {fieldColumns.map((d) => (
                      <div key={d.id} role="gridcell" className="cell">
                        {cellValue(d, row.fieldValues?.[d.id])}
                      </div>
                    ))}
                  </>
                ) : (
                  <div role="gridcell" className="cell muted">
                    {ui.loading}
                  </div>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </>
  );
}
