import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * Checkpoints in the background. In WAL mode every commit appends the pages it changed to the `-wal`
 * file, and a checkpoint copies them back into the database. SQLite does that inside the commit that
 * crosses the threshold, on the writer's thread: at a million appeals, copying back the index pages a
 * batch of registrations touched took as long as a third of the batch itself.
 *
 * Here a worker thread with its own connection runs a PASSIVE checkpoint a few times a second. PASSIVE
 * never waits for and never blocks a reader or the writer; it copies what it can, and the writer goes on
 * appending meanwhile (SQLite's documented concurrency of WAL mode). The writer's own automatic
 * checkpoint stays on with a higher threshold, so the WAL stays bounded should the worker fall behind.
 *
 * The worker's source is a string run by `eval`: it needs no file of its own in the bundled main process,
 * and it loads the same better-sqlite3 (and, under Electron, the same native build) as the caller.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
// However the worker ends (closed, or failed to open the file or to checkpoint), close() stops waiting.
process.on('exit', () => {
  Atomics.store(workerData.closed, 0, 1);
  Atomics.notify(workerData.closed, 0);
});
const db = new Database(workerData.file, { fileMustExist: true, nativeBinding: workerData.nativeBinding });
db.pragma('synchronous = NORMAL');
const checkpoint = () => db.pragma('wal_checkpoint(PASSIVE)')[0];
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', (m) => {
  if (m === 'checkpoint') parentPort.postMessage(checkpoint());
  if (m === 'close') {
    clearInterval(timer);
    db.close();
    parentPort.close();
  }
});
`;

/** What a checkpoint found: the WAL's frames, and how many of them are now in the database. */
export interface CheckpointResult {
  busy: number;
  log: number;
  checkpointed: number;
}

export interface CheckpointerOptions {
  nativeBinding?: string;
  /** How often the worker checkpoints (default 200 ms). */
  intervalMs?: number;
  /** The worker failed (it could not open the file, say): the writer must checkpoint for itself again. */
  onError?: (e: Error) => void;
}

/** The writer's automatic checkpoint when a worker checkpoints: the safety net, 100,000 pages (~400 MB). */
export const FALLBACK_AUTOCHECKPOINT = 100_000;

/** How long `close()` waits for the worker's connection: a PASSIVE checkpoint under way finishes first. */
const CLOSE_WAIT_MS = 10_000;

export class Checkpointer {
  private readonly worker: Worker;
  private readonly waiting: ((r: CheckpointResult) => void)[] = [];
  /** Set to 1 by the worker once its connection is closed. */
  private readonly workerClosed = new Int32Array(new SharedArrayBuffer(4));
  private closed = false;

  constructor(file: string, opts: CheckpointerOptions = {}) {
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        module: createRequire(import.meta.url).resolve('better-sqlite3'),
        file,
        nativeBinding: opts.nativeBinding,
        intervalMs: opts.intervalMs ?? 200,
        closed: this.workerClosed,
      },
    });
    // A process that is done (a CLI command, a test) exits without waiting for the worker's timer.
    this.worker.unref();
    this.worker.on('message', (r: CheckpointResult) => this.waiting.shift()?.(r));
    this.worker.on('error', (e: unknown) => {
      this.closed = true;
      // An error thrown on the worker arrives structured-cloned: a custom class may lose its message.
      opts.onError?.(e instanceof Error && e.message ? e : new Error(`checkpoint worker: ${String(e)}`));
    });
  }

  /** A checkpoint now, answered when the worker has done it (tests, and before a copy of the file). */
  checkpointNow(): Promise<CheckpointResult> {
    if (this.closed) return Promise.reject(new Error('the checkpointer is closed'));
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.worker.postMessage('checkpoint');
    });
  }

  /**
   * Closes the worker's connection and returns once it is closed, so that the writer's connection, closed
   * next, is the last one: SQLite checkpoints the whole WAL and deletes `-wal` and `-shm` only when the
   * last connection to a file closes. Synchronous, because Electron's `will-quit` cannot wait for a promise.
   */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.worker.postMessage('close');
    Atomics.wait(this.workerClosed, 0, 0, CLOSE_WAIT_MS);
  }
}
