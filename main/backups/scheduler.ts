/**
 * Daily backups, run by the main process beside the reminder scheduler: a pass on start (catching up a
 * day the app was closed through: the first pass of a day with no backup makes one), then one every
 * interval. Each pass reads the folder, so nothing is lost when the process ends; the clock is the
 * context's, so tests step through days without waiting.
 */
import { localDate } from '../../shared/util/clock';
import type { CallContext } from '../kernel/context';
import { backupText } from '../../shared/i18n/ru/backups';
import { localOfficeId } from '../office/queries';
import { backupFolder, ERROR_KEY, listBackups } from './queries';
import { sourceOf } from './service';
import { writeBackup, type BackupResult } from './write';

export const BACKUP_INTERVAL_MS = 10 * 60_000;

export interface BackupTimers {
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

const realTimers: BackupTimers = {
  setInterval: (fn, ms) => setInterval(fn, ms).unref(),
  clearInterval: (h) => clearInterval(h as NodeJS.Timeout),
};

export interface BackupSchedulerOptions {
  intervalMs?: number;
  timers?: BackupTimers;
  log?: (message: string, error: unknown) => void;
}

/** Whether a failure names the folder (unplugged disk, share not reachable) rather than the data. */
const folderProblem = (e: unknown): boolean =>
  ['ENOENT', 'EEXIST', 'EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'EIO', 'ENOTDIR', 'EHOSTDOWN'].includes(
    (e as NodeJS.ErrnoException).code ?? '',
  );

export class BackupScheduler {
  private interval: unknown = null;
  private running = false;
  private readonly timers: BackupTimers;

  constructor(
    private readonly ctx: CallContext,
    private readonly opts: BackupSchedulerOptions = {},
  ) {
    this.timers = opts.timers ?? realTimers;
  }

  /** The first pass (its promise: tests await it), then one every interval. */
  start(): Promise<BackupResult | null> {
    const made = this.pass();
    this.interval ??= this.timers.setInterval(
      () => void this.pass(),
      this.opts.intervalMs ?? BACKUP_INTERVAL_MS,
    );
    return made;
  }

  stop(): void {
    if (this.interval !== null) this.timers.clearInterval(this.interval);
    this.interval = null;
  }

  /**
   * One pass: a backup if the folder is chosen and holds none of the office's today. Never throws; a
   * pass while the previous one still writes does nothing.
   */
  async pass(): Promise<BackupResult | null> {
    if (this.running) return null;
    this.running = true;
    try {
      return await this.run();
    } finally {
      this.running = false;
    }
  }

  private async run(): Promise<BackupResult | null> {
    const { store, clock, dataDir } = this.ctx;
    const now = clock.now();
    try {
      const db = store.read;
      const folder = backupFolder(db);
      if (!folder || !dataDir || !localOfficeId(db)) return null;
      const source = sourceOf(store.sqlite, db, dataDir);
      const today = localDate(now, source.office.timeZone);
      if (listBackups(folder, source.office.id).some((b) => b.localDate === today)) return null;
      const made = await writeBackup(source, folder, 'scheduled', now);
      store.transaction((w) => w.rawRun('DELETE FROM local_state WHERE key = ?', ERROR_KEY));
      return made;
    } catch (e) {
      this.opts.log?.('the scheduled backup failed', e);
      const message = folderProblem(e)
        ? (e as NodeJS.ErrnoException).code === 'ENOSPC'
          ? backupText.noSpace
          : backupText.folderUnavailable
        : e instanceof Error
          ? e.message
          : String(e);
      try {
        store.transaction((w) =>
          w.rawRun(
            `INSERT INTO local_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
            ERROR_KEY,
            JSON.stringify({ at: now.toISOString(), message }),
          ),
        );
      } catch {
        // The database itself failed: the log has it.
      }
      return null;
    }
  }
}
