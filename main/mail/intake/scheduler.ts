/**
 * The intake's schedule: the main process checks every minute whether the office's interval (Settings →
 * Почтовые ящики; 0 turns it off) has passed since a mailbox was last checked, and fetches then. The time
 * of the last check is read from the database, so a restart neither fetches at once nor waits a whole
 * interval again; a failed check (no network) waits its interval too and is shown on the mailbox.
 */
import type { CallContext } from '../../kernel/context';
import { localOfficeId, officeRow } from '../../office/queries';
import type { Timers } from '../../reminders/scheduler';
import { fetchAllMailboxes } from './fetch';
import { intakeSettings, intakeState, mailboxRows } from './queries';

const TICK_MS = 60_000;

const realTimers: Pick<Timers, 'setInterval' | 'clearInterval'> = {
  setInterval: (fn, ms) => setInterval(fn, ms).unref(),
  clearInterval: (h) => clearInterval(h as NodeJS.Timeout),
};

export class MailScheduler {
  private handle: unknown = null;
  private running: Promise<unknown> | null = null;

  constructor(
    private readonly ctx: CallContext,
    private readonly opts: {
      timers?: Pick<Timers, 'setInterval' | 'clearInterval'>;
      log?: (message: string, error: unknown) => void;
    } = {},
  ) {}

  /** Whether an active mailbox has gone unchecked for the office's interval. */
  due(): boolean {
    const db = this.ctx.store.read;
    if (!localOfficeId(db)) return false;
    const minutes = intakeSettings(db).intervalMinutes;
    if (minutes <= 0) return false;
    const now = this.ctx.clock.now().getTime();
    return mailboxRows(db, officeRow(db).id).some((m) => {
      if (m.active !== 1) return false;
      const at = intakeState(db, m.id)?.checked_at;
      return !at || now - Date.parse(at) >= minutes * 60_000;
    });
  }

  /** One check; resolves when the fetch it started (if any) is over. Never two at once; never throws. */
  async tick(): Promise<void> {
    if (this.running) return;
    try {
      if (!this.due()) return;
      this.running = fetchAllMailboxes(this.ctx);
      await this.running;
    } catch (e) {
      this.opts.log?.('the scheduled mail fetch failed', e);
    } finally {
      this.running = null;
    }
  }

  start(): void {
    if (this.handle) return;
    this.handle = (this.opts.timers ?? realTimers).setInterval(() => void this.tick(), TICK_MS);
  }

  stop(): void {
    if (!this.handle) return;
    (this.opts.timers ?? realTimers).clearInterval(this.handle);
    this.handle = null;
  }
}
