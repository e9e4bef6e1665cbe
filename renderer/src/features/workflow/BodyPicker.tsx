import { useState, type KeyboardEvent } from 'react';
import type { Body } from '../../../../shared/api/requests';
import { mayCall } from '../../api/access';
import { call, isCallError } from '../../api/client';
import { useCall } from '../../api/use-call';
import { Field } from '../../components/Field';
import { errorText, fieldErrors, workflowText } from '../../i18n';
import { useStore } from '../../store';
import { str, type FormProps } from './fields';

const f = workflowText.form;
const NO_BODIES: Body[] = [];
const EMPTY = { name: '', address: '', email: '', head: '', answerDays: '30' };
type NewBody = typeof EMPTY;

/**
 * The request's addressee from the directory of bodies, and "add a body" in place: the new body is
 * created at once and chosen. Its inputs claim Enter and Ctrl+Enter, so they add the body rather than
 * send the whole dialog.
 */
export function BodyPicker(
  p: FormProps & {
    autoFocus?: boolean;
    label?: string;
    /** The label (the request's addressee unless told) and no answer term under it (a наказ's body). */
    noTerm?: boolean;
  },
) {
  const role = useStore((s) => s.user?.role);
  const listed = useCall('bodies.list', {});
  const bodies = listed.data ?? NO_BODIES;
  const [adding, setAdding] = useState(false);
  const [draft, setDraft] = useState<NewBody>(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [said, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const message = said ?? (listed.error ? { ok: false, text: errorText(listed.error) } : null);
  const [busy, setBusy] = useState(false);
  const id = `${p.prefix}-bodyId`;

  async function create(): Promise<void> {
    if (busy) return;
    setBusy(true);
    setErrors({});
    setMessage(null);
    try {
      const body = await call('bodies.create', {
        name: draft.name,
        address: draft.address,
        email: draft.email,
        head: draft.head,
        answerDays: Number(draft.answerDays) || 30,
      });
      // Chosen at once, so the list must hold it before the read the write set off comes back.
      listed.setData([...bodies, body].sort((a, b) => a.name.localeCompare(b.name, 'ru')));
      p.set({ bodyId: body.id });
      setAdding(false);
      setDraft(EMPTY);
      setMessage({ ok: true, text: f.bodyAdded(body.name) });
      document.getElementById(id)?.focus();
    } catch (e) {
      if (isCallError(e)) setErrors(fieldErrors(e));
      setMessage({ ok: false, text: errorText(e) });
    } finally {
      setBusy(false);
    }
  }

  const close = (): void => {
    setAdding(false);
    document.getElementById(id)?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      close();
    } else if (e.key === 'Enter' && e.target instanceof HTMLInputElement) {
      e.preventDefault();
      e.stopPropagation();
      void create();
    }
  };

  const input = (key: keyof NewBody, label: string) => (
    <Field id={`${p.prefix}-new-${key}`} label={label} error={errors[key]}>
      {(a) => (
        <input
          id={`${p.prefix}-new-${key}`}
          {...a}
          autoComplete="off"
          autoFocus={key === 'name'}
          inputMode={key === 'answerDays' ? 'numeric' : undefined}
          value={draft[key]}
          onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
        />
      )}
    </Field>
  );

  const chosen = bodies.find((b) => b.id === str(p.values, 'bodyId'));
  return (
    <div className="body-picker">
      <Field
        id={id}
        label={p.label ?? f.body}
        hint={chosen && !p.noTerm ? f.bodyTerm(chosen.answerDays) : undefined}
        error={p.errors.bodyId}
      >
        {(a) => (
          <select
            id={id}
            {...a}
            data-autofocus={p.autoFocus ? '' : undefined}
            value={str(p.values, 'bodyId')}
            onChange={(e) => p.set({ bodyId: e.target.value })}
          >
            <option value="">{f.bodyPlaceholder}</option>
            {bodies.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      {mayCall(role, 'bodies.create') && !adding ? (
        <button type="button" className="btn btn--small" onClick={() => setAdding(true)}>
          + {f.addBody}
        </button>
      ) : null}
      {adding ? (
        <div className="fieldset" role="group" aria-label={f.addBody} onKeyDown={onKeyDown}>
          <div className="grid4 grid2">
            {input('name', f.newBodyName)}
            {input('head', f.newBodyHead)}
            {input('address', f.newBodyAddress)}
            {input('email', f.newBodyEmail)}
            {input('answerDays', f.newBodyDays)}
          </div>
          <div className="actions">
            <button type="button" className="btn btn--small" disabled={busy} onClick={() => void create()}>
              {f.newBodyCreate}
            </button>
            <button type="button" className="btn btn--small btn--ghost" onClick={close}>
              {workflowText.form.close}
            </button>
          </div>
        </div>
      ) : null}
      <div className="live" aria-live="polite">
        {message ? (
          <p className={`banner banner--${message.ok ? 'success' : 'error'}`}>{message.text}</p>
        ) : null}
      </div>
    </div>
  );
}
