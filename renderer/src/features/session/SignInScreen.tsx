import { useState, type FormEvent } from 'react';
import { call, isCallError } from '../../api/client';
import { Field } from '../../components/Field';
import { errorText, formatInstant, ui } from '../../i18n';
import { useStore } from '../../store';
import './session.css';

function signInError(e: unknown): string {
  if (!isCallError(e)) return errorText(e);
  if (e.code === 'unauthenticated') return ui.signIn.wrong;
  if (e.code === 'locked') {
    const d = e.details as { lockedUntil?: string; timeZone?: string } | undefined;
    // The office's clock, as every time on screen; the sign-in screen has no office of its own yet.
    const timeZone = d?.timeZone ?? useStore.getState().office?.timeZone;
    return d?.lockedUntil ? ui.signIn.lockedUntil(formatInstant(d.lockedUntil, timeZone)) : ui.signIn.locked;
  }
  return errorText(e);
}

export function SignInScreen() {
  const notice = useStore((s) => s.signInNotice);
  const [login, setLogin] = useState(() => useStore.getState().signInLogin);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const result = await call('auth.signIn', { login, password });
      useStore.getState().signedIn(result);
    } catch (err) {
      setBusy(false);
      setPassword('');
      setError(signInError(err));
    }
  }

  return (
    <div className="gate">
      <form className="gate__card" onSubmit={(e) => void submit(e)} noValidate>
        <div className="gate__app">{ui.appName}</div>
        <h1 className="gate__title">{ui.signIn.title}</h1>
        {notice ? (
          <p className="banner banner--info" role="status">
            {notice}
          </p>
        ) : null}
        <Field id="signin-login" label={ui.signIn.login}>
          {(a) => (
            <input
              id="signin-login"
              {...a}
              value={login}
              onChange={(e) => setLogin(e.target.value)}
              autoComplete="username"
              autoFocus={!login}
              required
            />
          )}
        </Field>
        <Field id="signin-password" label={ui.signIn.password}>
          {(a) => (
            <input
              id="signin-password"
              {...a}
              type="password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              autoComplete="current-password"
              autoFocus={!!login}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? 'signin-error' : undefined}
              required
            />
          )}
        </Field>
        <div className="live" aria-live="assertive">
          {error ? (
            <p id="signin-error" className="banner banner--error">
              {error}
            </p>
          ) : null}
        </div>
        <button type="submit" className="btn btn--primary btn--block" disabled={busy}>
          {busy ? ui.signIn.submitting : ui.signIn.submit}
        </button>
      </form>
    </div>
  );
}
