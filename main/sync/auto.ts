import type { Timers } from '../reminders/scheduler';
import type { CallContext } from '../kernel/context';
import { DEFAULT_INTERVAL_MIN, OfficeSync, type HqLink } from './engine';

const realTimers: Pick<Timers, 'setInterval' | 'clearInterval'> = {
  setInterval: (fn, ms) => setInterval(fn, ms).unref(),
  clearInterval: (h) => clearInterval(h as NodeJS.Timeout),
};

/** Checked every minute; a sync runs when the office's interval has passed since the last attempt. */
const TICK_MS = 60_000;

/**
 * Automatic sync on the office's interval (a setting; 0 turns it off). The time since the last attempt
 * is read from the database, so a restart neither syncs at once nor waits a whole interval again; a
 * failed attempt (no network) waits its interval too and is shown on the status.
 */
export class AutoSync {
  private handle: unknown = null;
  private running: Promise<unknown> | null = null;
  private readonly sync: OfficeSync;

  constructor(
    private readonly ctx: CallContext,
    private readonly opts: {
      timers?: Pick<Timers, 'setInterval' | 'clearInterval'>;
      link?: () => HqLink;
      log?: (m: string) => void;
    } = {},
  ) {
    this.sync = new OfficeSync(ctx.store, ctx, opts.log);
  }

  /** Whether a sync is due now. */
  due(): boolean {
    if (!this.sync.enrolled()) return false;
    const minutes = Number(this.sync.state('interval_min') ?? DEFAULT_INTERVAL_MIN);
    if (minutes <= 0) return false;
    const last = this.sync.state('last_attempt_at');
    return !last || this.ctx.clock.now().getTime() - Date.parse(last) >= minutes * 60_000;
  }

  /** One check; resolves when the sync it started (if any) is over. Never two at once. */
  async tick(): Promise<void> {
    if (this.running || !this.due()) return;
    this.running = this.sync.syncNow(this.opts.link?.());
    try {
      await this.running;
    } finally {
      this.running = null;
    }
  }

  start(): void {
    if (this.handle) return;
    const timers = this.opts.timers ?? realTimers;
    this.handle = timers.setInterval(() => void this.tick(), TICK_MS);
  }

  stop(): void {
    if (!this.handle) return;
    (this.opts.timers ?? realTimers).clearInterval(this.handle);
    this.handle = null;
  }
}
