import { useState } from 'react';
import { volunteersText as T } from '../../../../shared/i18n/ru/volunteers';
import { mayCall } from '../../api/access';
import { call } from '../../api/client';
import { useCall } from '../../api/use-call';
import { Field } from '../../components/Field';
import { errorText, ui } from '../../i18n';
import { useStore } from '../../store';
import './volunteers.css';

const u = T.ui;

/** Settings → Волонтёры: who gets the task for each new volunteer candidate (none: the office head). */
export function VolunteerSettings() {
  const role = useStore((s) => s.user?.role);
  const editable = mayCall(role, 'volunteers.updateSettings');
  const current = useCall('volunteers.settings', {});
  const users = useCall('users.list', {});
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const value = current.data?.coordinatorId ?? '';
  return (
    <section className="panel volunteer-settings" aria-labelledby="volunteer-settings-title">
      <h2 id="volunteer-settings-title">{u.settingsTitle}</h2>
      {!current.data && !current.error ? <p className="muted">{ui.loading}</p> : null}
      <Field id="volunteer-coordinator" label={u.coordinator} hint={u.coordinatorHelp}>
        {(a) => (
          <select
            id="volunteer-coordinator"
            {...a}
            value={value}
            disabled={!editable || !current.data}
            onChange={(e) => {
              setNotice(null);
              call('volunteers.updateSettings', { coordinatorId: e.target.value || null }).then(
                (r) => {
                  current.setData(r);
                  setNotice({ ok: true, text: u.saved });
                },
                (err: unknown) => setNotice({ ok: false, text: errorText(err) }),
              );
            }}
          >
            <option value="">{u.officeHead}</option>
            {(users.data ?? []).map((x) => (
              <option key={x.id} value={x.id}>
                {x.fullName}
              </option>
            ))}
          </select>
        )}
      </Field>
      {notice ? (
        <p className={notice.ok ? 'muted' : 'banner banner--error'} role={notice.ok ? 'status' : 'alert'}>
          {notice.text}
        </p>
      ) : null}
    </section>
  );
}
