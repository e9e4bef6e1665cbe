import { useState } from 'react';
import { call } from '../../api/client';
import { useCall } from '../../api/use-call';
import { DateInput } from '../../components/DateInput';
import { Field } from '../../components/Field';
import { formKeys } from '../mandates/form-keys';
import { JurisdictionSetting } from './Jurisdiction';
import { formatDate, labels, todayIn } from '../../i18n';
import { useStore } from '../../store';
import './own-requests.css';
import type { OwnRequest } from '../../../../shared/api/own-requests';
import { REQUEST_ACTIONS, type RequestAction } from '../../../../shared/domain/workflow/request';
import { ownRequestsUi as t } from '../../../../shared/i18n/ru/own-requests';

/** The steps shown on a row; `update` is the draft's form. */
const STEPS = REQUEST_ACTIONS.filter((a) => a !== 'update');

function NewOwnRequest({ onDone }: { onDone: () => void }) {
  const bodies = useCall('bodies.list', {});
  const [bodyId, setBodyId] = useState('');
  const [text, setText] = useState('');
  const [basis, setBasis] = useState<string>(t.defaultBasis);
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    try {
      await call('ownRequests.create', { bodyId: bodyId || null, text, legalBasis: basis });
      onDone();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <form className="panel" aria-label={t.create} {...formKeys(save, onDone)}>
      <Field id="own-body" label={t.fields.body}>
        {(a) => (
          <select id="own-body" autoFocus value={bodyId} onChange={(e) => setBodyId(e.target.value)} {...a}>
            <option value="">—</option>
            {(bodies.data ?? []).map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="own-text" label={t.fields.text}>
        {(a) => (
          <textarea id="own-text" rows={4} value={text} onChange={(e) => setText(e.target.value)} {...a} />
        )}
      </Field>
      <Field id="own-basis" label={t.fields.legalBasis}>
        {(a) => <input id="own-basis" value={basis} onChange={(e) => setBasis(e.target.value)} {...a} />}
      </Field>
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="actions">
        <button type="submit" className="btn btn--primary" title="Ctrl+Enter">
          {t.save}
        </button>
        <button type="button" className="btn" onClick={onDone}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}

/** A row's next step: the date, the number and the text it needs, then the move. */
function Step({ q, today }: { q: OwnRequest; today: string }) {
  const [date, setDate] = useState(today);
  const [number, setNumber] = useState('');
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const run = async (a: RequestAction) => {
    const c = comment.trim();
    try {
      setError(null);
      if (a === 'submit') await call('ownRequests.submit', { id: q.id });
      else if (a === 'approve') await call('ownRequests.approve', { id: q.id });
      else if (a === 'return') await call('ownRequests.return', { id: q.id, comment: c });
      else if (a === 'send')
        await call('ownRequests.send', { id: q.id, sentOn: date, outgoingNumber: number });
      else if (a === 'recordAnswer')
        await call('ownRequests.recordAnswer', {
          id: q.id,
          answeredOn: date,
          incomingNumber: number,
          summary: c,
        });
      else if (a === 'resolveAnswer') await call('ownRequests.resolve', { id: q.id, comment: c });
      else if (a === 'cancel') await call('ownRequests.cancel', { id: q.id, comment: c });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const steps = STEPS.filter((a) => q.actions.includes(a));
  if (steps.length === 0) return null;
  const dated = steps.includes('send') || steps.includes('recordAnswer');
  const id = `own-${q.number}`;
  return (
    <div className="own-step">
      {dated ? (
        <>
          <DateInput
            aria-label={t.fields.date}
            id={`${id}-date`}
            value={date}
            onChange={(v) => setDate(v ?? '')}
          />
          <input
            aria-label={t.fields.number}
            placeholder={t.fields.number}
            id={`${id}-number`}
            value={number}
            onChange={(e) => setNumber(e.target.value)}
          />
        </>
      ) : null}
      <input
        aria-label={t.fields.comment}
        placeholder={t.fields.comment}
        id={`${id}-comment`}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
      />
      {steps.map((a) => (
        <button key={a} type="button" className="btn btn--small" onClick={() => void run(a)}>
          {t.actions[a]}
        </button>
      ))}
      {error ? (
        <span className="field__error" role="alert">
          {error}
        </span>
      ) : null}
    </div>
  );
}

/** In «Запросы»: the deputy's requests with no citizen's appeal, and drafting one. */
export function OwnRequests() {
  const list = useCall('ownRequests.list', { limit: 100 });
  const [creating, setCreating] = useState(false);
  const today = todayIn(useStore((s) => s.office?.timeZone) ?? 'Europe/Moscow');
  const rows = list.data?.rows ?? [];
  return (
    <section className="panel own-requests" aria-label={t.title}>
      <header className="page__head">
        <h2>{t.heading}</h2>
        <JurisdictionSetting />
        <button type="button" className="btn btn--primary" onClick={() => setCreating(true)}>
          {t.create}
        </button>
      </header>
      {creating ? <NewOwnRequest onDone={() => setCreating(false)} /> : null}
      {rows.length === 0 ? <p className="muted">{t.empty}</p> : null}
      {rows.length > 0 ? (
        <table className="table" aria-label={t.title}>
          <thead>
            <tr>
              {Object.values(t.columns).map((h) => (
                <th key={h}>{h}</th>
              ))}
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((q) => (
              <tr key={q.id} className={q.overdue ? 'row--overdue' : undefined}>
                <td className="num">{q.number}</td>
                <td>{q.bodyName ?? '—'}</td>
                <td>
                  <span className={`pill pill--rq-${q.status}`}>{labels.requestStateLabels[q.status]}</span>
                </td>
                <td>{formatDate(q.dueDate)}</td>
                <td>{q.answerSummary ?? ''}</td>
                <td>
                  <Step q={q} today={today} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
