import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ViewWorkerData, ViewWorkerMessage } from './view-worker';

export interface ViewRunnerOptions extends Omit<ViewWorkerData, 'holdUntil'> {
  /**
   * How long HQ must go without a push before the worker starts on it (default 1 s), and the longest
   * it waits under a steady stream of pushes (default 10 s): a large sync's batches come a fraction of a
   * second apart, and the view's merge would take a CPU from HQ's own in the middle of them.
   */
  quietMs?: number;
  maxWaitMs?: number;
  /** A catch-up failed (the view says so too, on HQ's status); it is tried again at the next push. */
  onFailed?: (message: string) => void;
  /** The worker stopped: caught up to `cursor` of HQ's `top` (short of it while pushes still come). */
  onReport?: (report: { cursor: number; top: number }) => void;
}

/**
 * Under tsx a worker does not inherit its parent's loader: a small script registers tsx's ESM API in
 * the worker, then imports the TypeScript entry.
 */
const TSX_BOOT = `
const { workerData } = require('node:worker_threads');
import(workerData.tsx)
  .then((tsx) => {
    tsx.register();
    return import(workerData.entry);
  })
  .catch((e) => {
    console.error(e);
    process.exit(1);
  });
`;

function tsxApi(): string {
  const pkg = createRequire(import.meta.url).resolve('tsx/package.json');
  return pathToFileURL(pkg.replace(/package\.json$/, 'dist/esm/api/index.mjs')).href;
}

/**
 * Runs the analyst view's catch-up on a worker thread (`view-worker.ts`): `poke()` after a push returns
 * at once, and the worker merges in the background.
 */
export class ViewRunner {
  private readonly worker: Worker;
  private cursor = 0;
  private readonly waiting: { seq: number; resolve: () => void }[] = [];
  private readonly closed: Promise<void>;
  /** The last failure, or null once a catch-up succeeds. */
  error: string | null = null;
  /** True while another HQ process holds the view's lease. */
  standby = false;

  constructor(private readonly opts: ViewRunnerOptions) {
    this.holdUntil = new BigInt64Array(new SharedArrayBuffer(8));
    const data: ViewWorkerData = { target: opts.target, file: opts.file, holdUntil: this.holdUntil };
    this.worker = import.meta.url.endsWith('.ts')
      ? new Worker(TSX_BOOT, {
          eval: true,
          workerData: { ...data, tsx: tsxApi(), entry: new URL('./view-worker.ts', import.meta.url).href },
        })
      : // A bundle built with the worker beside it (`hq-view-worker.js`).
        new Worker(new URL('./hq-view-worker.js', import.meta.url), { workerData: data });
    this.closed = new Promise((resolve) => this.worker.once('exit', () => resolve()));
    this.worker.on('message', (m: ViewWorkerMessage) => {
      if (m.type === 'caughtUp') {
        this.error = null;
        this.standby = false;
        this.cursor = Math.max(this.cursor, m.cursor);
        opts.onReport?.({ cursor: m.cursor, top: m.top });
        for (const w of this.waiting.filter((x) => x.seq <= this.cursor)) {
          this.waiting.splice(this.waiting.indexOf(w), 1);
          w.resolve();
        }
      } else if (m.type === 'standby') this.standby = true;
      else if (m.type === 'failed') {
        this.error = m.message;
        opts.onFailed?.(m.message);
      }
    });
    this.worker.on('error', (e) => {
      this.error = e instanceof Error ? e.message : String(e);
      opts.onFailed?.(this.error);
    });
  }

  private timer: NodeJS.Timeout | null = null;
  private firstPoke = 0;
  private lastPoke = -Infinity;
  /**
   * Shared with the worker: until this time (ms since the epoch) it starts no page, so a catch-up under
   * way (the one on start, or one begun between two syncs) pauses while an office's batches come.
   */
  private readonly holdUntil: BigInt64Array;

  /**
   * HQ received something: the worker reads it once pushes pause (`quietMs`), or at most `maxWaitMs`
   * after they began; a stream of pushes longer than that no longer holds it.
   */
  poke(): void {
    const quiet = this.opts.quietMs ?? 1000;
    const now = Date.now();
    if (this.timer) clearTimeout(this.timer);
    if (now - this.lastPoke >= quiet) this.firstPoke = now;
    this.lastPoke = now;
    const wait = Math.min(quiet, Math.max(0, this.firstPoke + (this.opts.maxWaitMs ?? 10_000) - now));
    Atomics.store(this.holdUntil, 0, BigInt(now + wait));
    const send = (): void => {
      this.timer = null;
      this.worker.postMessage('catchUp');
    };
    if (wait === 0) send();
    else {
      this.timer = setTimeout(send, wait);
      this.timer.unref();
    }
  }

  /** Resolves once the view has read HQ's change sequence up to `seq` (tests, a bench). */
  caughtUp(seq: number): Promise<void> {
    if (this.cursor >= seq) return Promise.resolve();
    return new Promise((resolve) => this.waiting.push({ seq, resolve }));
  }

  /** Lets a page under way finish, gives the lease up, closes the worker's connections. */
  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.worker.postMessage('close');
    await this.closed;
  }
}
