import { useState, type FormEvent } from 'react';
import { call, isCallError } from '../../api/client';
import { Field } from '../../components/Field';
import { errorText, fieldErrors, labels, ui } from '../../i18n';
import { useStore } from '../../store';
import './session.css';

const EMPTY = {
  name: '',
  code: '',
  region: '',
  timeZone: 'Europe/Moscow',
  deputyName: '',
  login: '',
  fullName: '',
  password: '',
  repeat: '',
};

/** Server error fields, as the form names its inputs. */
const FIELD_OF: Record<string, keyof typeof EMPTY> = {
  'office.name': 'name',
  'office.code': 'code',
  'office.region': 'region',
  'office.timeZone': 'timeZone',
  'office.deputyName': 'deputyName',
  'admin.login': 'login',
  login: 'login',
  'admin.fullName': 'fullName',
  'admin.password': 'password',
};

export function SetupScreen() {
  const [v, setV] = useState(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<keyof typeof EMPTY, string>>>({});
  const [banner, setBanner] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const s = ui.setup;

  const bind = (key: keyof typeof EMPTY) => ({
    id: `setup-${key}`,
    value: v[key],
    onChange: (e: { target: { value: string } }) => setV({ ...v, [key]: e.target.value }),
  });

  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    if (v.password !== v.repeat) {
      setErrors({ repeat: s.passwordsDiffer });
      setBanner(s.passwordsDiffer);
      return;
    }
    setBusy(true);
    setErrors({});
    setBanner(null);
    try {
      await call('setup.init', {
        office: {
          name: v.name,
          code: v.code.trim().toUpperCase(),
          region: v.region,
          timeZone: v.timeZone,
          deputyName: v.deputyName,
        },
        admin: { login: v.login, fullName: v.fullName, password: v.password },
      });
      useStore.getState().setupDone(v.login.trim().toLowerCase());
    } catch (err) {
      setBusy(false);
      setBanner(errorText(err));
      if (isCallError(err)) {
        const byField: typeof errors = {};
        for (const [f, msg] of Object.entries(fieldErrors(err))) {
          const key = FIELD_OF[f];
          if (key) byField[key] ??= msg;
        }
        setErrors(byField);
      }
    }
  }

  return (
    <div className="gate">
      <form className="gate__card gate__card--wide" onSubmit={(e) => void submit(e)} noValidate>
        <h1 className="gate__title">{s.title}</h1>
        <p className="muted">{s.intro}</p>
        <fieldset className="fieldset">
          <legend>{s.officeSection}</legend>
          <div className="grid2">
            <Field id="setup-name" label={s.officeName} error={errors.name}>
              {(a) => <input {...bind('name')} {...a} required autoFocus />}
            </Field>
            <Field id="setup-code" label={s.officeCode} hint={s.officeCodeHint} error={errors.code}>
              {(a) => <input {...bind('code')} {...a} required maxLength={10} className="upper" />}
            </Field>
            <Field id="setup-region" label={s.region} error={errors.region}>
              {(a) => <input {...bind('region')} {...a} />}
            </Field>
            <Field id="setup-timeZone" label={s.timeZone} error={errors.timeZone}>
              {(a) => (
                <select {...bind('timeZone')} {...a}>
                  {labels.timeZones.map((z) => (
                    <option key={z.id} value={z.id}>
                      {z.label}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id="setup-deputyName" label={s.deputyName} error={errors.deputyName} className="span2">
              {(a) => <input {...bind('deputyName')} {...a} required />}
            </Field>
          </div>
        </fieldset>
        <fieldset className="fieldset">
          <legend>{s.adminSection}</legend>
          <div className="grid2">
            <Field id="setup-login" label={s.login} error={errors.login}>
              {(a) => <input {...bind('login')} {...a} required autoComplete="username" />}
            </Field>
            <Field id="setup-fullName" label={s.fullName} error={errors.fullName}>
              {(a) => <input {...bind('fullName')} {...a} required />}
            </Field>
            <Field id="setup-password" label={s.password} hint={s.passwordHint} error={errors.password}>
              {(a) => (
                <input {...bind('password')} {...a} type="password" required autoComplete="new-password" />
              )}
            </Field>
            <Field id="setup-repeat" label={s.passwordRepeat} error={errors.repeat}>
              {(a) => (
                <input {...bind('repeat')} {...a} type="password" required autoComplete="new-password" />
              )}
            </Field>
          </div>
        </fieldset>
        <div className="live" aria-live="assertive">
          {banner ? <p className="banner banner--error">{banner}</p> : null}
        </div>
        <button type="submit" className="btn btn--primary" disabled={busy}>
          {busy ? s.submitting : s.submit}
        </button>
      </form>
    </div>
  );
}
