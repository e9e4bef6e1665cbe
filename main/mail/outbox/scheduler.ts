/**
 * The main process's sender, beside the reminder and backup schedulers: a pass on start (what was queued
 * or left running when the app closed goes on now), one every interval, and one soon after a write (a
 * message queued, a mailing started). A pass sends the outbox's due messages, then the running mailings
 * one after another. Stopping aborts a mailing's run: the messages in flight finish and are recorded, the
 * rest wait in the database for the next start.
 */
import type { CallContext } from '../../kernel/context';
import { runningMailingIds } from '../mailings/queries';
import { runMailing } from '../mailings/sender';
import { deliverDue } from './deliver';

export const MAIL_INTERVAL_MS = 30_000;

export interface MailTimers {
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

const realTimers: MailTimers = {
  setInterval: (fn, ms) => setInterval(fn, ms).unref(),
  clearInterval: (h) => clearInterval(h as NodeJS.Timeout),
};

export interface MailSchedulerOptions {
  intervalMs?: number;
  timers?: MailTimers;
  log?: (message: string, error: unknown) => void;
}

export class MailScheduler {
  private interval: unknown = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopper = new AbortController();
  private readonly timers: MailTimers;

  constructor(
    private readonly ctx: CallContext,
    private readonly opts: MailSchedulerOptions = {},
  ) {
    this.timers = opts.timers ?? realTimers;
  }

  /** The first pass (its promise: tests await it), then one every interval. */
  start(): Promise<void> {
    if (this.stopper.signal.aborted) this.stopper = new AbortController();
    const first = this.pass();
    this.interval ??= this.timers.setInterval(
      () => void this.pass(),
      this.opts.intervalMs ?? MAIL_INTERVAL_MS,
    );
    return first;
  }

  /** Stops the timer and the mailing being sent; resolves once what was in flight is recorded. */
  async stop(): Promise<void> {
    if (this.interval !== null) this.timers.clearInterval(this.interval);
    this.interval = null;
    this.stopper.abort();
    await this.running;
  }

  /** After a write: a pass now, or another one as soon as the one under way ends. */
  poke(): void {
    if (this.interval === null) return;
    void this.pass();
  }

  /** One pass; a pass asked for while one runs is run after it. Never throws. */
  pass(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.run().finally(() => {
      this.running = null;
      if (this.again && !this.stopper.signal.aborted) {
        this.again = false;
        void this.pass();
      }
    });
    return this.running;
  }

  private async run(): Promise<void> {
    const log = this.opts.log ?? (() => {});
    try {
      await deliverDue(this.ctx);
    } catch (e) {
      log('the outbox pass failed', e);
    }
    for (const id of runningMailingIds(this.ctx.store.read)) {
      if (this.stopper.signal.aborted) return;
      try {
        await runMailing(this.ctx, id, { signal: this.stopper.signal });
      } catch (e) {
        log('the mailing pass failed', e);
      }
    }
  }
}
