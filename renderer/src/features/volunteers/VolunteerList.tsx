import { useState } from 'react';
import { VOLUNTEER_STAGES, type VolunteerStage } from '../../../../shared/api/volunteers';
import { volunteersText as T } from '../../../../shared/i18n/ru/volunteers';
import { useCall } from '../../api/use-call';
import { Field } from '../../components/Field';
import { errorText, formatInstant, ui } from '../../i18n';
import { useStore } from '../../store';
import { ContactCard } from '../contacts/ContactCard';
import './volunteers.css';

const u = T.ui;

/**
 * Контакты → Кандидаты в волонтёры: the candidates at a stage (all by default), the latest move first;
 * a name opens the contact's card beside the list, where the next step's button is.
 */
export function VolunteerList(props: { statusName(code: string): string }) {
  const timeZone = useStore((s) => s.office?.timeZone);
  const [stage, setStage] = useState<VolunteerStage | ''>('');
  const [open, setOpen] = useState<string | null>(null);
  const listed = useCall('volunteers.list', stage ? { stage } : {});
  const rows = listed.data ?? [];
  return (
    <div className="contacts__base">
      <section className="contacts__list" aria-labelledby="volunteers-title">
        <h2 id="volunteers-title" className="sr-only">
          {u.listTitle}
        </h2>
        <div className="volunteers-list__tools">
          <Field id="volunteers-stage" label={u.filterStage}>
            {(a) => (
              <select
                id="volunteers-stage"
                {...a}
                value={stage}
                onChange={(e) => setStage(e.target.value as VolunteerStage | '')}
              >
                <option value="">{u.allStages}</option>
                {VOLUNTEER_STAGES.map((s) => (
                  <option key={s} value={s}>
                    {T.stage[s]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        {listed.error ? <p className="banner banner--error">{errorText(listed.error)}</p> : null}
        {!listed.data && !listed.error ? <p className="muted">{ui.loading}</p> : null}
        {listed.data && rows.length === 0 ? <p className="muted">{u.empty}</p> : null}
        {rows.length > 0 ? (
          <table className="table" data-testid="volunteers-table">
            <thead>
              <tr>
                <th>{u.name}</th>
                <th>{u.stageLabel}</th>
                <th>{u.region}</th>
                <th>{u.campaign}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} aria-selected={open === r.contactId}>
                  <td>
                    <button
                      type="button"
                      className="btn btn--ghost btn--small"
                      onClick={() => setOpen(r.contactId)}
                    >
                      {r.fullName}
                    </button>
                  </td>
                  <td>
                    {T.stage[r.stage]}{' '}
                    <span className="muted">
                      {u.since} {formatInstant(r.stageAt, timeZone)}
                    </span>
                  </td>
                  <td>{r.region ?? '—'}</td>
                  <td>{r.campaign ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
      {open ? (
        <ContactCard
          key={open}
          id={open}
          statusName={props.statusName}
          onClose={() => setOpen(null)}
          onOpen={setOpen}
        />
      ) : null}
    </div>
  );
}
