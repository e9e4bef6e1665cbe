import { useState } from 'react';
import type { SyncConflictView } from '../../../../shared/api/sync';
import { syncUi } from '../../../../shared/i18n/ru/sync';
import { mayCall } from '../../api/access';
import { call } from '../../api/client';
import { useCall } from '../../api/use-call';
import { Field } from '../../components/Field';
import { errorText, formatInstant, todayIn, ui } from '../../i18n';
import { useStore } from '../../store';
import { ViewSyncPanel } from './ViewSyncPanel';

type Notice = { ok: boolean; text: string };
const NO_CONFLICTS: SyncConflictView[] = [];

function shown(v: string | number | boolean | null): string {
  return v === null || v === '' ? ui.none : String(v);
}

function when(iso: string | null, timeZone: string | undefined): string {
  return iso ? formatInstant(iso, timeZone) : syncUi.never;
}

/**
 * Sync with HQ in Settings: the status in plain words, «sync now», the interval, a bundle for a USB
 * stick, and the conflicts with both values and a choice. HQ refuses what a role may not do; the
 * buttons follow the contract so nobody meets a button that cannot work.
 */
export function SyncPanel() {
  // HQ's analyst view follows HQ by itself: its panel says how far behind it is.
  return useStore((s) => s.readOnly) ? <ViewSyncPanel /> : <OfficeSyncPanel />;
}

function OfficeSyncPanel() {
  const role = useStore((s) => s.user?.role);
  const timeZone = useStore((s) => s.office?.timeZone);
  // Every action here is a write: the status and the conflicts read again by themselves.
  const statusRead = useCall('sync.status', {});
  const conflictsRead = useCall('sync.conflicts', {});
  const status = statusRead.data ?? null;
  const conflicts = conflictsRead.data ?? NO_CONFLICTS;
  const [done, setNotice] = useState<Notice | null>(null);
  const readError = statusRead.error ?? conflictsRead.error;
  const notice = done ?? (readError ? { ok: false, text: errorText(readError) } : null);
  const [busy, setBusy] = useState(false);
  const [enrolForm, setEnrolForm] = useState({ url: '', code: '' });
  // The interval as chosen; until then, as the status has it.
  const [chosenInterval, setIntervalMin] = useState<number | null>(null);
  const interval = chosenInterval ?? status?.intervalMinutes ?? null;

  const run = async (fn: () => Promise<string | null>) => {
    if (busy) return;
    setBusy(true);
    setNotice(null);
    try {
      const text = await fn();
      if (text) setNotice({ ok: true, text });
    } catch (e) {
      setNotice({ ok: false, text: errorText(e) });
    } finally {
      setBusy(false);
    }
  };

  const syncNow = () =>
    run(async () => {
      const r = await call('sync.now', {});
      if (!r.ok) throw new Error(r.error ?? syncUi.syncNow);
      return `${syncUi.sent(r.sent)}. ${syncUi.received(r.received)}.`;
    });

  const exportBundle = () =>
    run(async () => {
      const { bundle } = await call('sync.exportBundle', {});
      const a = document.createElement('a');
      a.href = URL.createObjectURL(new Blob([bundle], { type: 'application/json' }));
      a.download = `priemnaya-sync-${todayIn(timeZone ?? 'Europe/Moscow')}.json`;
      a.click();
      URL.revokeObjectURL(a.href);
      return null;
    });

  const importBundle = (file: File | undefined) =>
    file &&
    run(async () => {
      const r = await call('sync.importBundle', { bundle: await file.text() });
      return syncUi.received(r.received);
    });

  if (!status) return <p className="muted">{notice?.text ?? ui.loading}</p>;

  return (
    <section className="panel" aria-labelledby="sync-title">
      <h2 id="sync-title">{syncUi.title}</h2>
      {!status.enrolled ? (
        <>
          <p className="muted">{syncUi.notEnrolled}</p>
          {mayCall(role, 'sync.enrol') ? (
            <form
              className="grid4"
              onSubmit={(e) => {
                e.preventDefault();
                void run(async () => {
                  await call('sync.enrol', enrolForm);
                  return null;
                });
              }}
            >
              {(['url', 'code'] as const).map((key) => (
                <Field key={key} id={`sync-${key}`} label={key === 'url' ? syncUi.hqUrl : syncUi.enrolCode}>
                  {(a) => (
                    <input
                      id={`sync-${key}`}
                      {...a}
                      value={enrolForm[key]}
                      onChange={(e) => setEnrolForm({ ...enrolForm, [key]: e.target.value })}
                    />
                  )}
                </Field>
              ))}
              <button type="submit" className="btn btn--primary" disabled={busy}>
                {syncUi.enrol}
              </button>
            </form>
          ) : null}
        </>
      ) : (
        <>
          <dl className="details">
            <dt>{syncUi.hqUrl}</dt>
            <dd>{status.hqUrl}</dd>
            <dt>{syncUi.lastSync}</dt>
            <dd>{when(status.lastSyncAt, timeZone)}</dd>
            <dt>{syncUi.pending}</dt>
            <dd>{status.pending}</dd>
            <dt>{syncUi.files}</dt>
            <dd data-testid="sync-files">{syncUi.filesWaiting(status.filesToSend, status.filesToFetch)}</dd>
            <dt>{syncUi.desk}</dt>
            <dd>{syncUi.deskOf(status.desk, status.desks)}</dd>
          </dl>
          {status.lastError ? <p className="banner banner--error">{status.lastError}</p> : null}
          {status.driftWarning ? <p className="banner banner--error">{status.driftWarning}</p> : null}
          <div className="actions">
            {mayCall(role, 'sync.now') ? (
              <button
                type="button"
                className="btn btn--primary"
                disabled={busy}
                onClick={() => void syncNow()}
              >
                {busy ? syncUi.syncing : syncUi.syncNow}
              </button>
            ) : null}
            {mayCall(role, 'sync.exportBundle') ? (
              <button type="button" className="btn" disabled={busy} onClick={() => void exportBundle()}>
                {syncUi.exportBundle}
              </button>
            ) : null}
            {mayCall(role, 'sync.importBundle') ? (
              <label className="btn">
                {syncUi.importBundle}
                <input
                  type="file"
                  accept=".json,application/json"
                  hidden
                  onChange={(e) => void importBundle(e.target.files?.[0])}
                />
              </label>
            ) : null}
          </div>
          {mayCall(role, 'sync.settings') && interval !== null ? (
            <form
              className="grid4"
              onSubmit={(e) => {
                e.preventDefault();
                void run(async () => {
                  await call('sync.settings', {
                    intervalMinutes: interval,
                    driftLimitMinutes: status.driftLimitMinutes,
                  });
                  return ui.settings.saved;
                });
              }}
            >
              <Field id="sync-interval" label={syncUi.interval}>
                {(a) => (
                  <input
                    id="sync-interval"
                    {...a}
                    type="number"
                    min={0}
                    max={1440}
                    title={syncUi.intervalOff}
                    value={interval}
                    onChange={(e) => setIntervalMin(Number(e.target.value))}
                  />
                )}
              </Field>
              <button type="submit" className="btn" disabled={busy}>
                {syncUi.save}
              </button>
            </form>
          ) : null}
          <h3>{syncUi.conflicts}</h3>
          {conflicts.length === 0 ? (
            <p className="muted">{syncUi.noConflicts}</p>
          ) : (
            <table className="table">
              <thead>
                <tr>
                  <th>{syncUi.field}</th>
                  <th>{syncUi.kept}</th>
                  <th>{syncUi.lost}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {conflicts.map((c) => (
                  <tr key={c.id}>
                    <td>
                      {c.table}.{c.field}
                    </td>
                    <td>{shown(c.keptValue)}</td>
                    <td>{shown(c.lostValue)}</td>
                    <td>
                      {c.resolvedAt ? (
                        syncUi.resolved
                      ) : mayCall(role, 'sync.resolve') ? (
                        <>
                          <button
                            type="button"
                            className="btn"
                            disabled={busy}
                            onClick={() =>
                              void run(
                                async () => (await call('sync.resolve', { id: c.id, choice: 'kept' }), null),
                              )
                            }
                          >
                            {syncUi.keepKept}
                          </button>{' '}
                          <button
                            type="button"
                            className="btn"
                            disabled={busy}
                            onClick={() =>
                              void run(
                                async () => (
                                  await call('sync.resolve', { id: c.id, choice: 'restored' }),
                                  null
                                ),
                              )
                            }
                          >
                            {syncUi.restoreLost}
                          </button>
                        </>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
      <div className="live" aria-live="polite">
        {notice ? <p className={`banner banner--${notice.ok ? 'success' : 'error'}`}>{notice.text}</p> : null}
      </div>
    </section>
  );
}
