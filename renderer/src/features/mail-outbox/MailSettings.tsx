import { useState } from 'react';
import type { SmtpAccount } from '../../../../shared/api/mail-outbox';
import { SMTP_SECURITY } from '../../../../shared/api/mail-outbox';
import { mailUi as t } from '../../../../shared/i18n/ru/mail-outbox';
import { call, isCallError } from '../../api/client';
import { useCall } from '../../api/use-call';
import { Field } from '../../components/Field';
import { errorText, fieldErrors, ui } from '../../i18n';
import { MailTemplates } from './MailTemplates';
import { LiveNotice } from './LiveNotice';

type Security = (typeof SMTP_SECURITY)[number];

interface Draft {
  host: string;
  port: string;
  security: Security;
  login: string;
  password: string;
  fromName: string;
  fromAddress: string;
  rate: string;
}

const draftOf = (a: SmtpAccount | null): Draft => ({
  host: a?.host ?? '',
  port: String(a?.port ?? 587),
  security: a?.security ?? 'starttls',
  login: a?.login ?? '',
  password: '',
  fromName: a?.fromName ?? '',
  fromAddress: a?.fromAddress ?? '',
  rate: String(a?.ratePerMinute ?? 0),
});

const toNumber = (s: string): number => (/^\d+$/.test(s.trim()) ? Number(s.trim()) : NaN);

/**
 * Settings → Отправка почты (office head, admin): the SMTP account, its password typed and never shown,
 * and a connection check that says in plain words what is wrong.
 */
export function MailSettings() {
  const read = useCall('mail.account.get', {});
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState<'save' | 'check' | null>(null);

  if (read.data === undefined)
    return <p className="muted">{read.error ? errorText(read.error) : ui.loading}</p>;
  const account = read.data;
  const d = draft ?? draftOf(account);
  const set = (p: Partial<Draft>) => setDraft({ ...d, ...p });

  const save = async () => {
    setBusy('save');
    setNotice(null);
    setErrors({});
    try {
      await call('mail.account.save', {
        host: d.host,
        port: toNumber(d.port),
        security: d.security,
        login: d.login.trim() || undefined,
        password: d.password === '' ? undefined : d.password,
        fromName: d.fromName,
        fromAddress: d.fromAddress,
        ratePerMinute: toNumber(d.rate),
      });
      setDraft(null);
      setNotice({ ok: true, text: t.saved });
    } catch (e) {
      if (isCallError(e)) setErrors(fieldErrors(e));
      setNotice({ ok: false, text: errorText(e) });
    } finally {
      setBusy(null);
    }
  };
  const check = async () => {
    setBusy('check');
    setNotice(null);
    try {
      const r = await call('mail.account.check', {});
      setNotice({ ok: r.ok, text: r.message });
    } catch (e) {
      setNotice({ ok: false, text: errorText(e) });
    } finally {
      setBusy(null);
    }
  };
  const text = (key: keyof Draft, field: string, label: string, type = 'text', hint?: string) => (
    <Field id={`smtp-${field}`} label={label} error={errors[field]} hint={hint}>
      {(a) => (
        <input
          id={`smtp-${field}`}
          {...a}
          type={type}
          autoComplete={type === 'password' ? 'new-password' : 'off'}
          value={d[key]}
          onChange={(e) => set({ [key]: e.target.value })}
        />
      )}
    </Field>
  );

  return (
    <section className="panel mail-settings" aria-labelledby="mail-settings-title">
      <h2 id="mail-settings-title">{t.settingsTitle}</h2>
      <p className="muted">{t.settingsIntro}</p>
      {account ? null : <p className="muted">{t.notSet}</p>}
      <form
        className="mail-settings__form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <div className="grid2">
          {text('host', 'host', t.host)}
          {text('port', 'port', t.port)}
          <Field id="smtp-security" label={t.security} error={errors.security}>
            {(a) => (
              <select
                id="smtp-security"
                {...a}
                value={d.security}
                onChange={(e) => set({ security: e.target.value as Security })}
              >
                {SMTP_SECURITY.map((s) => (
                  <option key={s} value={s}>
                    {t.securityLabels[s]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {text('login', 'login', t.login)}
          {text(
            'password',
            'password',
            t.password,
            'password',
            account?.hasPassword ? t.passwordKept : undefined,
          )}
          {text('fromName', 'fromName', t.fromName)}
          {text('fromAddress', 'fromAddress', t.fromAddress, 'email')}
          {text('rate', 'ratePerMinute', t.rate, 'text', t.rateHint)}
        </div>
        <div className="actions">
          <button type="submit" className="btn btn--primary" disabled={busy !== null}>
            {t.save}
          </button>
          <button
            type="button"
            className="btn"
            disabled={busy !== null || !account || draft !== null}
            onClick={() => void check()}
          >
            {busy === 'check' ? t.checking : t.check}
          </button>
        </div>
      </form>
      <LiveNotice notice={notice} />
      <MailTemplates />
    </section>
  );
}
