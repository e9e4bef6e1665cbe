import { useState } from 'react';
import type { MailIntakeSettings } from '../../../../shared/api/mail-intake';
import { mailboxesUi as t } from '../../../../shared/i18n/ru/mail-intake';
import { call, isCallError } from '../../api/client';
import { Field } from '../../components/Field';
import { errorText, fieldErrors } from '../../i18n';

/** How often the mailboxes are fetched and the largest message taken whole. */
export function IntakeSettingsForm({ settings }: { settings: MailIntakeSettings }) {
  const [interval, setInterval] = useState(String(settings.intervalMinutes));
  const [maxMb, setMaxMb] = useState(String(settings.maxMessageMb));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [banner, setBanner] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <form
      className="mailboxes__settings"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setErrors({});
        call('mail.saveSettings', { intervalMinutes: Number(interval), maxMessageMb: Number(maxMb) }).then(
          () => setBanner({ ok: true, text: t.saved }),
          (err: unknown) => {
            setErrors(isCallError(err) ? fieldErrors(err) : {});
            setBanner({ ok: false, text: errorText(err) });
          },
        );
      }}
    >
      <h3>{t.settings}</h3>
      <div className="mailboxes__grid">
        <Field id="mbx-interval" label={t.interval} error={errors.intervalMinutes}>
          {(a) => (
            <input
              id="mbx-interval"
              {...a}
              type="number"
              min={0}
              value={interval}
              onChange={(e) => setInterval(e.target.value)}
            />
          )}
        </Field>
        <Field id="mbx-max" label={t.maxSize} error={errors.maxMessageMb}>
          {(a) => (
            <input
              id="mbx-max"
              {...a}
              type="number"
              min={1}
              value={maxMb}
              onChange={(e) => setMaxMb(e.target.value)}
            />
          )}
        </Field>
      </div>
      <div className="live" aria-live="polite">
        {banner ? <p className={`banner banner--${banner.ok ? 'success' : 'error'}`}>{banner.text}</p> : null}
      </div>
      <button type="submit" className="btn">
        {t.saveSettings}
      </button>
    </form>
  );
}
