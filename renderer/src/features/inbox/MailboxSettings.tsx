import { useState } from 'react';
import { MAIL_SECURITY, type Mailbox, type MailboxInput } from '../../../../shared/api/mail-intake';
import { mailboxesUi as t } from '../../../../shared/i18n/ru/mail-intake';
import { call, isCallError } from '../../api/client';
import { useCall } from '../../api/use-call';
import { Check, Field } from '../../components/Field';
import { errorText, fieldErrors, formatInstant, ui } from '../../i18n';
import { useStore } from '../../store';
import { IntakeSettingsForm } from './IntakeSettingsForm';
import './mail-inbox.css';

type Form = Required<Omit<MailboxInput, 'id' | 'port'>> & { id?: string; port: string };

const formOf = (m: Mailbox | null): Form => ({
  id: m?.id,
  name: m?.name ?? '',
  host: m?.host ?? '',
  port: String(m?.port ?? 993),
  security: m?.security ?? 'tls',
  login: m?.login ?? '',
  password: '',
  folder: m?.folder ?? 'INBOX',
  deleteAfterTake: m?.deleteAfterTake ?? false,
  active: m?.active ?? true,
});

const inputOf = (f: Form): MailboxInput => ({
  ...f,
  port: Number(f.port),
  password: f.password || undefined,
});

/** One mailbox added or edited, with the connection check that says in plain words what is wrong. */
function MailboxEditor({ mailbox, onDone }: { mailbox: Mailbox | null; onDone(): void }) {
  const [f, setF] = useState<Form>(() => formOf(mailbox));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [banner, setBanner] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<Form>): void => setF({ ...f, ...patch });
  const fail = (e: unknown): void => {
    setErrors(isCallError(e) ? fieldErrors(e) : {});
    setBanner({ ok: false, text: errorText(e) });
  };
  const run = (p: Promise<unknown>, then: (v: unknown) => void): void => {
    setBusy(true);
    setBanner(null);
    setErrors({});
    p.then(then, fail).finally(() => setBusy(false));
  };
  const text = (key: 'name' | 'host' | 'port' | 'login' | 'password' | 'folder', type = 'text') => (
    <Field
      id={`mbx-${key}`}
      label={t[key]}
      hint={key === 'password' && mailbox ? t.passwordKept : null}
      error={errors[key]}
    >
      {(a) => (
        <input
          id={`mbx-${key}`}
          {...a}
          type={type}
          autoFocus={key === 'name'}
          autoComplete={key === 'password' ? 'new-password' : 'off'}
          value={f[key]}
          onChange={(e) => set({ [key]: e.target.value })}
        />
      )}
    </Field>
  );
  return (
    <form
      className="mailboxes__editor"
      data-testid="mailbox-editor"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        run(call('mail.saveMailbox', inputOf(f)), onDone);
      }}
    >
      <div className="mailboxes__grid">
        {text('name')}
        {text('host')}
        {text('port', 'number')}
        <Field id="mbx-security" label={t.security} error={errors.security}>
          {(a) => (
            <select
              id="mbx-security"
              {...a}
              value={f.security}
              onChange={(e) => set({ security: e.target.value as Form['security'] })}
            >
              {MAIL_SECURITY.map((s) => (
                <option key={s} value={s}>
                  {t.securityText[s]}
                </option>
              ))}
            </select>
          )}
        </Field>
        {text('login')}
        {text('password', 'password')}
        {text('folder')}
      </div>
      <Check
        id="mbx-delete"
        label={t.deleteAfterTake}
        checked={f.deleteAfterTake}
        onChange={(v) => set({ deleteAfterTake: v })}
      />
      <Check id="mbx-active" label={t.active} checked={f.active} onChange={(v) => set({ active: v })} />
      <div className="live" aria-live="polite">
        {banner ? (
          <p className={`banner banner--${banner.ok ? 'success' : 'error'}`} data-testid="mailbox-check">
            {banner.text}
          </p>
        ) : null}
      </div>
      <div className="mailin__actions">
        <button type="submit" className="btn btn--primary" disabled={busy}>
          {t.save}
        </button>
        <button
          type="button"
          className="btn"
          disabled={busy}
          onClick={() =>
            run(call('mail.checkMailbox', inputOf(f)), (v) => {
              const r = v as { ok: boolean; message: string };
              setBanner({ ok: r.ok, text: r.message });
            })
          }
        >
          {busy ? t.checking : t.check}
        </button>
        <button type="button" className="btn btn--ghost" onClick={onDone}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}

/** Settings → Почтовые ящики: the IMAP mailboxes fetched into «Входящие», and how often. */
export function MailboxSettings() {
  const tz = useStore((s) => s.office?.timeZone);
  const listed = useCall('mail.mailboxes', {});
  const [editing, setEditing] = useState<Mailbox | 'new' | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const boxes = listed.data?.mailboxes ?? [];
  return (
    <section className="panel mailboxes" aria-labelledby="mailboxes-title">
      <h2 id="mailboxes-title">{t.title}</h2>
      <p className="muted">{t.intro}</p>
      {listed.error ? <p className="banner banner--error">{errorText(listed.error)}</p> : null}
      {error ? <p className="banner banner--error">{error}</p> : null}
      {!listed.data && !listed.error ? <p className="muted">{ui.loading}</p> : null}
      {listed.data && boxes.length === 0 ? <p className="muted">{t.empty}</p> : null}
      <ul className="mailboxes__list">
        {boxes.map((m) => (
          <li key={m.id} data-testid="mailbox">
            <strong>{m.name}</strong> — {m.login} @ {m.host}:{m.port} ({t.securityText[m.security]},{' '}
            {m.folder})
            <div className="muted">
              {m.checkedAt ? t.lastCheck(formatInstant(m.checkedAt, tz)) : null}
              {m.checkedAt ? ', ' : null}
              {t.taken(m.taken)}
            </div>
            {m.error ? <div className="banner banner--error">{m.error}</div> : null}
            <div className="mailin__actions">
              <button type="button" className="btn btn--small" onClick={() => setEditing(m)}>
                {t.edit}
              </button>
              {removing === m.id ? (
                <>
                  <span>{t.removeConfirm(m.name)}</span>
                  <button
                    type="button"
                    className="btn btn--small"
                    onClick={() =>
                      call('mail.removeMailbox', { id: m.id }).then(
                        () => setRemoving(null),
                        (e: unknown) => setError(errorText(e)),
                      )
                    }
                  >
                    {t.remove}
                  </button>
                  <button
                    type="button"
                    className="btn btn--small btn--ghost"
                    onClick={() => setRemoving(null)}
                  >
                    {t.cancel}
                  </button>
                </>
              ) : (
                <button type="button" className="btn btn--small btn--ghost" onClick={() => setRemoving(m.id)}>
                  {t.remove}
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>
      {editing ? (
        <MailboxEditor
          key={editing === 'new' ? 'new' : editing.id}
          mailbox={editing === 'new' ? null : editing}
          onDone={() => setEditing(null)}
        />
      ) : (
        <button type="button" className="btn" onClick={() => setEditing('new')}>
          {t.add}
        </button>
      )}
      {listed.data ? <IntakeSettingsForm settings={listed.data.settings} /> : null}
    </section>
  );
}
