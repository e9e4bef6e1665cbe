import { useState } from 'react';
import { call } from '../../api/client';
import { useCall } from '../../api/use-call';
import { Field } from '../../components/Field';
import { KeptFiles } from '../assignments/AssignmentFiles';
import { formatDate, formatInstant } from '../../i18n';
import { useStore } from '../../store';
import { MANDATE_MOVES, REASON_NEEDED, type MandateState } from '../../../../shared/domain/mandates';
import {
  mandateHistoryLabels,
  mandateLinkLabels,
  mandateMoveLabels,
  mandateStateLabels,
  mandatesUi,
} from '../../../../shared/i18n/ru/mandates';

/** A наказ: its fields, the moves it may make (with the reason where needed), its links and history. */
export function MandateCard({ id, onClose }: { id: string; onClose: () => void }) {
  const card = useCall('mandates.card', { id });
  const requests = useCall('requests.list', { limit: 100 });
  const own = useCall('ownRequests.list', { limit: 100 });
  const tz = useStore((s) => s.office?.timeZone);
  const [reason, setReason] = useState('');
  const [pick, setPick] = useState('');
  const [error, setError] = useState<string | null>(null);
  const c = card.data;
  if (!c) return <section className="panel mandate-card">{card.error?.message ?? '…'}</section>;
  const m = c.mandate;
  const f = mandatesUi.fields;
  const run = async (fn: () => Promise<unknown>) => {
    try {
      setError(null);
      await fn();
      setReason('');
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const move = (to: MandateState) =>
    run(() => call('mandates.setStatus', { id: m.id, status: to, reason: reason.trim() || undefined }));
  const link = () => {
    const [kind, targetId] = pick.split(':') as ['request' | 'own_request', string];
    if (targetId) void run(() => call('mandates.link', { id: m.id, kind, targetId }));
  };
  const rows: [string, string | number | null][] = [
    [f.givers, m.givers],
    [f.district, [m.district, m.settlement, m.address].filter(Boolean).join(', ') || null],
    [f.topic, m.topicName],
    [f.body, m.bodyName],
    [f.planYear, m.planYear],
    [f.budgetLine, m.budgetLine],
    [f.givenOn, formatDate(m.givenOn)],
    [f.reason, m.statusReason],
  ];
  return (
    <section className="panel mandate-card" aria-label={mandatesUi.card} data-testid="mandate-card">
      <div className="mandate-card__head">
        <h2>
          {mandatesUi.card} № {m.number}
        </h2>
        <button type="button" className="btn btn--ghost btn--small" onClick={onClose}>
          {mandatesUi.close}
        </button>
      </div>
      <p className="mandate-card__text">{m.text}</p>
      <p>
        <span className={`pill pill--mandate-${m.status}`} data-testid="mandate-status">
          {mandateStateLabels[m.status]}
        </span>
      </p>
      <dl className="mandate-card__fields">
        {rows
          .filter(([, v]) => v !== null && v !== '')
          .map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
      </dl>
      <div className="mandate-card__moves">
        <Field id="mandate-reason" label={`${f.reason} / ${f.comment}`}>
          {(a) => (
            <input id="mandate-reason" value={reason} onChange={(e) => setReason(e.target.value)} {...a} />
          )}
        </Field>
        <div className="actions">
          {MANDATE_MOVES[m.status].map((to) => (
            <button
              key={to}
              type="button"
              className="btn"
              title={REASON_NEEDED.includes(to) ? mandatesUi.reasonNeeded : undefined}
              onClick={() => void move(to)}
            >
              {mandateMoveLabels[to]}
            </button>
          ))}
        </div>
      </div>
      <h3>{mandatesUi.links}</h3>
      {c.links.length === 0 ? <p className="muted">{mandatesUi.noLinks}</p> : null}
      <ul className="plist" data-testid="mandate-links">
        {c.links.map((l) => (
          <li key={`${l.kind}:${l.targetId}`}>
            {mandateLinkLabels[l.kind]}: {l.title}{' '}
            {l.date ? <span className="muted">{formatDate(l.date)}</span> : null}
          </li>
        ))}
      </ul>
      <div className="mandate-card__link">
        <Field id="mandate-link" label={mandatesUi.linkRequest}>
          {(a) => (
            <select id="mandate-link" value={pick} onChange={(e) => setPick(e.target.value)} {...a}>
              <option value="">—</option>
              {(requests.data?.rows ?? []).map((r) => (
                <option key={r.id} value={`request:${r.id}`}>
                  {r.regNumber} — {r.bodyName ?? '…'}
                </option>
              ))}
              {(own.data?.rows ?? []).map((r) => (
                <option key={r.id} value={`own_request:${r.id}`}>
                  {mandateLinkLabels.own_request} № {r.number} — {r.bodyName ?? '…'}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="button" className="btn" disabled={!pick} onClick={link}>
          {mandatesUi.link}
        </button>
      </div>
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
      <KeptFiles
        files={c.files}
        title={mandatesUi.files}
        none={mandatesUi.noFiles}
        attachLabel={mandatesUi.attach}
        attach={(name, mime, dataBase64) => call('mandates.attach', { id: m.id, name, mime, dataBase64 })}
        download={(fileId) => call('mandates.file', { id: fileId })}
        onError={setError}
      />
      <h3>{mandatesUi.history}</h3>
      <ol className="timeline" data-testid="mandate-history">
        {c.history.map((h, i) => (
          <li key={i} className="timeline__item">
            <div className="timeline__head">
              <span>{/^\d{4}-\d{2}-\d{2}$/.test(h.at) ? formatDate(h.at) : formatInstant(h.at, tz)}</span>{' '}
              {h.userName ? <span className="timeline__who">{h.userName}</span> : null}{' '}
              <span>{mandateHistoryLabels[h.action] ?? h.action}</span>
              {h.changes.status ? (
                <span>
                  {' '}
                  {mandateStateLabels[h.changes.status.from as MandateState]} →{' '}
                  {mandateStateLabels[h.changes.status.to as MandateState]}
                </span>
              ) : null}
              {h.action === 'attach' && h.changes.file ? <span> {String(h.changes.file.to)}</span> : null}
              {h.link ? (
                <span>
                  {' '}
                  {mandateLinkLabels[h.link.kind]}: {h.link.title}
                </span>
              ) : null}
            </div>
            {h.comment ? <div className="muted">{h.comment}</div> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
