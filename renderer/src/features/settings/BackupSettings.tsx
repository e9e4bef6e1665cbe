import { useState } from 'react';
import type { Backup } from '../../../../shared/api/backups';
import { backupText as t, sizeText } from '../../../../shared/i18n/ru/backups';
import { call } from '../../api/client';
import { useCall } from '../../api/use-call';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { errorText, formatInstant, ui } from '../../i18n';
import { useStore } from '../../store';

type Notice = { ok: boolean; text: string };

/**
 * Backups in Settings (office head, admin): this computer's folder, «back up now», the backups in the
 * folder newest first, and a restore behind a confirmation that says what happens to the current data.
 */
export function BackupSettings() {
  const timeZone = useStore((s) => s.office?.timeZone);
  const read = useCall('backups.overview', {});
  const overview = read.data ?? null;
  const [folder, setFolder] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState<'folder' | 'run' | 'restore' | null>(null);
  const [confirming, setConfirming] = useState<Backup | null>(null);
  const [restoreError, setRestoreError] = useState<string | null>(null);
  const when = (b: Backup): string => formatInstant(b.createdAt, timeZone);

  if (!overview) return <p className="muted">{read.error ? errorText(read.error) : ui.loading}</p>;
  const shownFolder = folder ?? overview.folder ?? '';

  const act = async (what: 'folder' | 'run', fn: () => Promise<string>) => {
    if (busy) return;
    setBusy(what);
    setNotice(null);
    try {
      setNotice({ ok: true, text: await fn() });
    } catch (e) {
      setNotice({ ok: false, text: errorText(e) });
    } finally {
      setBusy(null);
    }
  };

  const restore = async (b: Backup) => {
    if (busy) return;
    setBusy('restore');
    setRestoreError(null);
    try {
      await call('backups.restore', { name: b.name });
      setConfirming(null);
      setNotice({ ok: true, text: t.restored(when(b)) });
    } catch (e) {
      setRestoreError(errorText(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="panel backups" aria-labelledby="backups-title">
      <h2 id="backups-title">{t.title}</h2>
      <p className="muted">{t.intro}</p>
      <p className="muted">{t.keep(overview.keep)}</p>
      <form
        className="backups__folder"
        onSubmit={(e) => {
          e.preventDefault();
          void act('folder', async () => {
            await call('backups.setFolder', { folder: shownFolder.trim() === '' ? null : shownFolder });
            setFolder(null);
            return t.folderSaved;
          });
        }}
      >
        <Field id="backups-folder" label={t.folderLabel}>
          {(a) => (
            <input
              id="backups-folder"
              {...a}
              value={shownFolder}
              placeholder={t.folderPlaceholder}
              onChange={(e) => setFolder(e.target.value)}
            />
          )}
        </Field>
        <button type="submit" className="btn" disabled={busy !== null}>
          {t.saveFolder}
        </button>
      </form>
      <p className="muted backups__hint">{overview.folder ? t.folderHint : t.noFolderYet}</p>
      {overview.lastError ? (
        <p className="banner banner--error">
          {t.lastError(formatInstant(overview.lastError.at, timeZone), overview.lastError.message)}
        </p>
      ) : null}
      <div className="live" aria-live="polite">
        {notice ? (
          <p className={`banner ${notice.ok ? 'banner--success' : 'banner--error'}`}>{notice.text}</p>
        ) : null}
      </div>
      {overview.folder ? (
        <>
          <div className="actions">
            <button
              type="button"
              className="btn btn--primary"
              disabled={busy !== null}
              onClick={() =>
                void act('run', async () => {
                  const r = await call('backups.run', {});
                  return t.made(r.backup, r.ms);
                })
              }
            >
              {busy === 'run' ? t.running : t.runNow}
            </button>
          </div>
          <h3>
            {t.listTitle}: {t.count(overview.backups.length)}
          </h3>
          {overview.backups.length === 0 ? (
            <p className="muted">{t.empty}</p>
          ) : (
            <table className="table backups__list">
              <thead>
                <tr>
                  <th>{t.columns.when}</th>
                  <th>{t.columns.kind}</th>
                  <th>{t.columns.size}</th>
                  <th>{t.columns.files}</th>
                  <th aria-label={t.restore} />
                </tr>
              </thead>
              <tbody>
                {overview.backups.map((b) => (
                  <tr key={b.name} data-backup={b.name}>
                    <td>{when(b)}</td>
                    <td>{t.kinds[b.kind]}</td>
                    <td>{sizeText(b.size)}</td>
                    <td>{t.files(b)}</td>
                    <td className="backups__action">
                      <button
                        type="button"
                        className="btn btn--small"
                        disabled={busy !== null}
                        onClick={() => {
                          setRestoreError(null);
                          setConfirming(b);
                        }}
                      >
                        {t.restore}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      ) : null}
      {confirming ? (
        <Dialog
          id="backups-confirm"
          title={t.confirmTitle}
          submitLabel={busy === 'restore' ? t.restoring : t.confirm}
          busy={busy === 'restore'}
          error={restoreError}
          onSubmit={() => void restore(confirming)}
          onClose={() => setConfirming(null)}
        >
          <p>{t.confirmText(when(confirming))}</p>
        </Dialog>
      ) : null}
    </section>
  );
}
