import { useState, type ReactNode } from 'react';
import type { Input } from '../../../../shared/api/index';
import type { Office } from '../../../../shared/api/office';
import { call, isCallError } from '../../api/client';
import { useCall } from '../../api/use-call';
import { Field, Kbd } from '../../components/Field';
import { errorText, fieldErrors, ui } from '../../i18n';

export interface Notice {
  ok: boolean;
  text: string;
}

export type SettingsNotice = Notice | null;

/**
 * A panel of Settings: a form saved by its button or Ctrl+Enter (⌘+Enter on a Mac), with the outcome
 * announced below it. Read-only for those who may not change it: no button, no key.
 */
export function SettingsForm(props: {
  id: string;
  title: string;
  editable: boolean;
  busy: boolean;
  notice: Notice | null;
  saveLabel?: string;
  onSave(): void;
  children: ReactNode;
}) {
  const { id, editable, busy, notice, onSave } = props;
  return (
    <form
      className="panel"
      aria-labelledby={`${id}-title`}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSave();
      }}
      onKeyDown={(e) => {
        if (editable && e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          onSave();
        }
      }}
    >
      <h2 id={`${id}-title`}>{props.title}</h2>
      {props.children}
      <div className="live" aria-live="polite">
        {notice ? <p className={`banner banner--${notice.ok ? 'success' : 'error'}`}>{notice.text}</p> : null}
      </div>
      {editable ? (
        <div className="actions">
          <button type="submit" className="btn btn--primary" disabled={busy}>
            {busy ? ui.saving : (props.saveLabel ?? ui.save)} <Kbd>Ctrl+Enter</Kbd>
          </button>
        </div>
      ) : null}
    </form>
  );
}

/**
 * The state of a Settings panel over the office's settings: the form loaded from `office.get`, and a save
 * through `office.update` that reports field errors under the form's own keys (`prefix` taken off). Until
 * the panel is edited its form follows the office as last read, a save in another panel included; the
 * edits are the panel's own until it saves them.
 */
export function useOfficeSettings<F>(formOf: (o: Office) => F, prefix: RegExp) {
  const office = useCall('office.get', {});
  const [draft, setForm] = useState<F | null>(null);
  const form = draft ?? (office.data ? formOf(office.data) : null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setNotice] = useState<Notice | null>(null);
  const notice = saved ?? (office.error ? { ok: false, text: errorText(office.error) } : null);
  const [busy, setBusy] = useState(false);

  async function save(input: Input<'office.update'>, savedText: string): Promise<void> {
    if (busy) return;
    setBusy(true);
    setErrors({});
    setNotice(null);
    try {
      office.setData(await call('office.update', input));
      setForm(null);
      setNotice({ ok: true, text: savedText });
    } catch (e) {
      if (isCallError(e))
        setErrors(
          Object.fromEntries(Object.entries(fieldErrors(e)).map(([k, v]) => [k.replace(prefix, ''), v])),
        );
      setNotice({ ok: false, text: errorText(e) });
    } finally {
      setBusy(false);
    }
  }

  return { form, setForm, errors, notice, busy, save };
}

/** One text setting: a labelled input, read-only where the role may not edit. */
export function TextSetting(p: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  editable: boolean;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <Field id={p.id} label={p.label} hint={p.hint} error={p.error}>
      {(a) => (
        <input
          id={p.id}
          {...a}
          readOnly={!p.editable}
          value={p.value}
          onChange={(e) => p.onChange(e.target.value)}
        />
      )}
    </Field>
  );
}
