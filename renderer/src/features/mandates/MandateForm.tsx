import { useState } from 'react';
import { call, isCallError } from '../../api/client';
import { useCall } from '../../api/use-call';
import { Field } from '../../components/Field';
import { errorText, formatDate, todayIn } from '../../i18n';
import { useStore } from '../../store';
import { BodyPicker } from '../workflow/BodyPicker';
import { formKeys } from './form-keys';
import { VoterPicker, type Voter } from './VoterPicker';
import { mandatesUi } from '../../../../shared/i18n/ru/mandates';

type Draft = Record<
  'text' | 'givers' | 'district' | 'settlement' | 'address' | 'planYear' | 'budgetLine' | 'bodyId',
  string
>;
const EMPTY: Draft = {
  text: '',
  givers: '',
  district: '',
  settlement: '',
  address: '',
  planYear: '',
  budgetLine: '',
  bodyId: '',
};

/** Records a наказ; at an event (`eventId`) its district and day are the event's unless typed here. */
export function MandateForm(props: { eventId?: string; onDone: (id: string) => void; onCancel: () => void }) {
  const [d, setD] = useState<Draft>(EMPTY);
  const [voters, setVoters] = useState<Voter[]>([]);
  const [eventId, setEventId] = useState(props.eventId ?? '');
  const [error, setError] = useState<{ field: string | null; message: string } | null>(null);
  const tz = useStore((s) => s.office?.timeZone) ?? 'Europe/Moscow';
  // The events of this year and the last, newest first: a наказ is written down at one of them.
  const since = `${Number(todayIn(tz).slice(0, 4)) - 1}-01-01`;
  const events = useCall(
    'events.list',
    { from: since, includeFinished: true, limit: 500 },
    { enabled: !props.eventId },
  );
  const f = mandatesUi.fields;
  const set = (k: keyof Draft) => (e: { target: { value: string } }) => setD({ ...d, [k]: e.target.value });
  const opt = (s: string) => (s.trim() ? s.trim() : undefined);
  const save = async () => {
    try {
      const m = await call('mandates.create', {
        text: d.text,
        givers: opt(d.givers),
        district: opt(d.district),
        settlement: opt(d.settlement),
        address: opt(d.address),
        planYear: d.planYear ? Number(d.planYear) : undefined,
        budgetLine: opt(d.budgetLine),
        bodyId: d.bodyId || undefined,
        eventId: eventId || undefined,
        contactIds: voters.length ? voters.map((v) => v.id) : undefined,
      });
      props.onDone(m.id);
    } catch (e) {
      const field = isCallError(e) ? (e.field ?? null) : null;
      setError({ field, message: errorText(e) });
    }
  };
  const err = (k: string) => (error?.field === k || error?.field?.startsWith(`${k}.`) ? error.message : null);
  const text = (k: keyof Draft, label: string) => (
    <Field id={`mandate-${k}`} label={label} error={err(k)}>
      {(a) => <input id={`mandate-${k}`} value={d[k]} onChange={set(k)} {...a} />}
    </Field>
  );
  return (
    <form
      className="panel mandate-form"
      aria-label={mandatesUi.newMandate}
      {...formKeys(save, props.onCancel)}
    >
      <h2>{mandatesUi.newMandate}</h2>
      <Field id="mandate-text" label={f.text} error={err('text')}>
        {(a) => (
          <textarea id="mandate-text" autoFocus rows={3} value={d.text} onChange={set('text')} {...a} />
        )}
      </Field>
      {text('givers', f.givers)}
      <VoterPicker value={voters} error={err('contactIds')} onChange={setVoters} />
      {props.eventId ? null : (
        <Field id="mandate-eventId" label={f.event} error={err('eventId')}>
          {(a) => (
            <select id="mandate-eventId" value={eventId} onChange={(e) => setEventId(e.target.value)} {...a}>
              <option value="">{mandatesUi.noEvent}</option>
              {[...(events.data ?? [])].reverse().map((ev) => (
                <option key={ev.id} value={ev.id}>
                  {formatDate(ev.date)} — {ev.title}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <BodyPicker
        prefix="mandate"
        label={f.body}
        noTerm
        values={{ bodyId: d.bodyId }}
        errors={err('bodyId') ? { bodyId: err('bodyId')! } : {}}
        set={(patch) => setD({ ...d, bodyId: String(patch.bodyId ?? '') })}
      />
      <div className="grid2">
        {text('district', f.district)}
        {text('settlement', f.settlement)}
        {text('address', f.address)}
        {text('planYear', f.planYear)}
        {text('budgetLine', f.budgetLine)}
      </div>
      {error && !error.field ? <p className="field__error">{error.message}</p> : null}
      <div className="actions">
        <button type="submit" className="btn btn--primary" title="Ctrl+Enter">
          {mandatesUi.create}
        </button>
        <button type="button" className="btn" onClick={props.onCancel}>
          {mandatesUi.cancel}
        </button>
      </div>
    </form>
  );
}
