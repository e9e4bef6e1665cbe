import { useStore } from '../store';
import { Kbd } from './Field';
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

/** What became of the item: its state, the appeal registered from it (a link), the reason it was set aside. */
export function TriageOutcome(props: {
  testId: string;
  state: string;
  regNumber: string | null;
  appealId: string | null;
  openAppeal(regNumber: string): string;
  reason: string | null;
}) {
  const go = useStore((s) => s.go);
  const { regNumber, appealId } = props;
  return (
    <dd data-testid={props.testId}>
      {props.state}
      {regNumber && appealId ? (
        <>
          {' '}
          <button
            type="button"
            className="btn btn--small btn--ghost"
            onClick={() => go({ view: 'appeal', id: appealId })}
          >
            {props.openAppeal(regNumber)}
          </button>
        </>
      ) : null}
      {props.reason ? ` · ${props.reason}` : null}
    </dd>
  );
}

/** The chosen item's two buttons, with the keys the list answers to. */
export function TriageActions(props: {
  register: string;
  dismiss: string;
  onRegister(): void;
  onDismiss(): void;
}) {
  return (
    <div className="mailin__actions">
      <button type="button" className="btn btn--primary" onClick={props.onRegister}>
        {props.register} <Kbd>Enter</Kbd>
      </button>
      <button type="button" className="btn" onClick={props.onDismiss}>
        {props.dismiss} <Kbd>N</Kbd>
      </button>
    </div>
  );
}
