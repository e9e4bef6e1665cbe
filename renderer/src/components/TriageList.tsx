import { KeyTable, type Column } from './KeyTable';

/**
 * A list of arrived items worked from the keyboard, as «Входящие» has them (mail, the web reception):
 * the arrows choose, Enter registers the chosen item, N (Т on a Russian layout) sets it aside. An action
 * the chosen item does not take is absent, and its key does nothing.
 */
export function TriageList<R extends { id: string }>(props: {
  id: string;
  label: string;
  hint: string;
  rows: R[];
  columns: Array<Column<R>>;
  onSelect(row: R | null): void;
  onRegister?: (() => void) | null;
  onDismiss?: (() => void) | null;
}) {
  const { onRegister, onDismiss } = props;
  return (
    <div
      className="mailin__list"
      onKeyDown={(e) => {
        if (e.altKey || e.ctrlKey || e.metaKey) return;
        if (e.key === 'Enter' && onRegister) {
          e.preventDefault();
          e.stopPropagation();
          onRegister();
        } else if (onDismiss && (e.key === 'n' || e.key === 'N' || e.key === 'т' || e.key === 'Т')) {
          e.preventDefault();
          onDismiss();
        }
      }}
    >
      <KeyTable
        id={props.id}
        label={props.label}
        rows={props.rows}
        columns={props.columns}
        rowKey={(r) => r.id}
        onOpen={() => undefined}
        onSelect={props.onSelect}
        autoFocus
      />
      <p className="muted list-hint">{props.hint}</p>
    </div>
  );
}
