import { useState } from 'react';
import { call, isCallError } from '../../api/client';
import { useCall } from '../../api/use-call';
import { Field } from '../../components/Field';
import { formKeys } from './form-keys';
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
  const [error, setError] = useState<{ field: string | null; message: string } | null>(null);
  const bodies = useCall('bodies.list', {});
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
        eventId: props.eventId,
      });
      props.onDone(m.id);
    } catch (e) {
      const field = isCallError(e) ? (e.field ?? null) : null;
      setError({ field, message: e instanceof Error ? e.message : String(e) });
    }
  };
  const err = (k: string) => (error?.field === k ? error.message : null);
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
      <div className="grid2">
        {text('district', f.district)}
        {text('settlement', f.settlement)}
        {text('address', f.address)}
        <Field id="mandate-bodyId" label={f.body} error={err('bodyId')}>
          {(a) => (
            <select id="mandate-bodyId" value={d.bodyId} onChange={set('bodyId')} {...a}>
              <option value="">—</option>
              {(bodies.data ?? []).map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
            </select>
          )}
        </Field>
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
