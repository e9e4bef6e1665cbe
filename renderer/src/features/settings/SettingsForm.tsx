import type { ReactNode } from 'react';
import { Field, Kbd } from '../../components/Field';
import { t } from '../../i18n';

export type SettingsNotice = { ok: boolean; text: string } | null;

/**
 * A panel of Settings as a form: its heading, Ctrl+Enter and the save button (when editable), and the
 * notice after a save, read out by screen readers.
 */
export function SettingsForm({
  id,
  title,
  editable,
  busy,
  notice,
  onSave,
  saveLabel = t.save,
  children,
}: {
  id: string;
  title: string;
  editable: boolean;
  busy: boolean;
  notice: SettingsNotice;
  onSave: () => void;
  saveLabel?: string;
  children: ReactNode;
}) {
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
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
      <div className="live" aria-live="polite">
        {notice ? <p className={`banner banner--${notice.ok ? 'success' : 'error'}`}>{notice.text}</p> : null}
      </div>
      {editable ? (
        <div className="actions">
          <button type="submit" className="btn btn--primary" disabled={busy}>
            {busy ? t.saving : saveLabel} <Kbd>Ctrl+Enter</Kbd>
          </button>
        </div>
      ) : null}
    </form>
  );
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
