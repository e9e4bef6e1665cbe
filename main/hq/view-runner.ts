import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ViewWorkerData, ViewWorkerMessage } from './view-worker';

export interface ViewRunnerOptions extends ViewWorkerData {
  /** A catch-up failed (the view says so too, on HQ's status); it is tried again at the next push. */
  onFailed?: (message: string) => void;
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

  constructor(opts: ViewRunnerOptions) {
    const data: ViewWorkerData = { target: opts.target, file: opts.file };
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

  /** HQ received something: the worker reads it when done with what it is doing. */
  poke(): void {
    this.worker.postMessage('catchUp');
  }

  /** Resolves once the view has read HQ's change sequence up to `seq` (tests, a bench). */
  caughtUp(seq: number): Promise<void> {
    if (this.cursor >= seq) return Promise.resolve();
    return new Promise((resolve) => this.waiting.push({ seq, resolve }));
  }

  /** Lets a page under way finish, gives the lease up, closes the worker's connections. */
  async close(): Promise<void> {
    this.worker.postMessage('close');
    await this.closed;
  }
}
