import { useEffect, useRef, useState } from 'react';
import type { UserInfo } from '../../../../shared/api/office';
import { call, isCallError } from '../../api/client';
import { Field } from '../../components/Field';
import { errorText, fieldErrors, ui } from '../../i18n';

/**
 * A new password for a user, typed twice, in a modal dialog (the browser's own: focus stays inside, the page
 * behind is inert). Escape closes it without leaving the Settings screen.
 */
export function PasswordDialog(props: { user: UserInfo; onClose(): void; onDone(text: string): void }) {
  const { user, onClose, onDone } = props;
  const a = ui.settings.userActions;
  const ref = useRef<HTMLDialogElement>(null);
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const dialog = ref.current;
    dialog?.showModal();
    return () => dialog?.close();
  }, []);

  async function submit(): Promise<void> {
    if (busy) return;
    setFailure(null);
    if (password !== repeat) {
      setErrors({ repeat: a.passwordsDiffer });
      return;
    }
    setBusy(true);
    setErrors({});
    try {
      await call('users.update', { id: user.id, password });
      onDone(a.passwordChanged(user.fullName));
      onClose();
    } catch (e) {
      const byField = isCallError(e) ? fieldErrors(e) : {};
      setErrors(byField);
      // A field's own message says it already; the banner is for what belongs to no field.
      if (!byField.password) setFailure(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  const input = (id: string, label: string, value: string, set: (v: string) => void, error?: string) => (
    <Field id={id} label={label} hint={id === 'reset-password' ? a.passwordHint : null} error={error}>
      {(x) => (
        <input
          id={id}
          {...x}
          type="password"
          autoComplete="new-password"
          value={value}
          onChange={(e) => set(e.target.value)}
        />
      )}
    </Field>
  );

  return (
    <dialog
      ref={ref}
      className="dialog dialog--plain"
      aria-labelledby="reset-title"
      onKeyDown={(e) => {
        // Handled here so the desk's Escape (back to the previous screen) does not fire as well.
        if (e.key === 'Escape') {
          e.preventDefault();
          onClose();
        }
      }}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <h2 id="reset-title">{a.passwordTitle(user.fullName)}</h2>
        <p className="muted">{a.passwordIntro}</p>
        {input('reset-password', a.newPassword, password, setPassword, errors.password)}
        {input('reset-repeat', a.newPasswordRepeat, repeat, setRepeat, errors.repeat)}
        <div className="live" aria-live="polite">
          {failure ? <p className="banner banner--error">{failure}</p> : null}
        </div>
        <div className="actions">
          <button type="submit" className="btn btn--primary" disabled={busy}>
            {a.resetPassword}
          </button>
          <button type="button" className="btn" onClick={onClose}>
            {ui.cancel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
