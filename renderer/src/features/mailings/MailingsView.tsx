import { useEffect, useState } from 'react';
import type { Mailing } from '../../../../shared/api/mailings';
import { mailingsUi as t } from '../../../../shared/i18n/ru/mail-outbox';
import { mayCall } from '../../api/access';
import { call } from '../../api/client';
import { useCall } from '../../api/use-call';
import { errorText, formatInstant, ui } from '../../i18n';
import { useStore } from '../../store';
import { NewMailing } from './NewMailing';
import './mailings.css';
import { LiveNotice } from '../mail-outbox/LiveNotice';

/** How often a running mailing's progress is read again. */
const PROGRESS_MS = 2000;

function MailingRow({ m, onError }: { m: Mailing; onError(text: string): void }) {
  const timeZone = useStore((s) => s.office?.timeZone);
  const done = m.sent + m.failed + m.withdrawn + m.bounced;
  const act = (fn: () => Promise<unknown>) => void fn().catch((e: unknown) => onError(errorText(e)));
  return (
    <li className="mailings__item" data-testid="mailing">
      <div className="mailings__head">
        <strong>{m.name}</strong>
        <span className="muted">
          {t.statusLabels[m.status]}
          {m.startedAt ? ` · ${formatInstant(m.startedAt, timeZone)}` : ''}
        </span>
        <span className="mailings__actions">
          {m.status === 'draft' || m.status === 'paused' ? (
            <button
              type="button"
              className="btn btn--small"
              onClick={() => act(() => call('mailings.start', { id: m.id }))}
            >
              {m.status === 'draft' ? t.start : t.resume}
            </button>
          ) : null}
          {m.status === 'running' ? (
            <button
              type="button"
              className="btn btn--small btn--ghost"
              onClick={() => act(() => call('mailings.pause', { id: m.id }))}
            >
              {t.pause}
            </button>
          ) : null}
        </span>
      </div>
      <div className="muted">{m.subject}</div>
      {m.status !== 'draft' ? (
        <>
          <div className="mailings__progress">
            <progress max={Math.max(m.total, 1)} value={done} aria-label={m.name} />
            <span>{t.progress(done, m.total)}</span>
          </div>
          <div className="muted" data-testid="mailing-report">
            {t.report(m)}
          </div>
        </>
      ) : null}
      {m.lastError ? <div className="field__error">{m.lastError}</div> : null}
    </li>
  );
}

/**
 * Контакты → Рассылки: a mailing to a saved segment from a template with fields; started, it is sent by
 * the main process at the office's rate (and goes on after a restart); its progress and report.
 */
export function MailingsView() {
  const role = useStore((s) => s.user?.role);
  const read = useCall('mailings.list', {});
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const mailings = read.data ?? [];
  const running = mailings.some((m) => m.status === 'running');
  const { reload } = read;
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(reload, PROGRESS_MS);
    return () => clearInterval(timer);
  }, [running, reload]);

  return (
    <div className="mailings">
      {mayCall(role, 'mailings.create') ? (
        <NewMailing onCreated={(text) => setNotice({ ok: true, text })} />
      ) : null}
      <LiveNotice notice={notice} />
      <section className="panel" aria-labelledby="mailings-title">
        <h2 id="mailings-title">{t.listTitle}</h2>
        {read.data === undefined ? (
          <p className="muted">{read.error ? errorText(read.error) : ui.loading}</p>
        ) : mailings.length === 0 ? (
          <p className="muted">{t.empty}</p>
        ) : (
          <ul className="mailings__list">
            {mailings.map((m) => (
              <MailingRow key={m.id} m={m} onError={(text) => setNotice({ ok: false, text })} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
