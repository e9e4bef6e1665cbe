import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { systemClock } from '../../shared/util/clock';
import { Hq } from './service';
import { openHqStore } from './store';
import { HqView } from './view';
import { releaseViewLease, takeViewLease } from './view-lease';

/**
 * The analyst view's catch-up, on a worker thread of HQ's process (`view-runner.ts` starts it): its
 * own connections to HQ's database and to the view, so that merging a large push into the view (seconds
 * of SQLite work) never holds up HQ's event loop and the offices' requests. Told `catchUp` after each
 * push, it merges page by page while it holds the view's lease, and reports how far it has read.
 */
export interface ViewWorkerData {
  target: string;
  file: string;
  /** Shared with the runner: no page starts before this time (ms since the epoch); absent, never held. */
  holdUntil?: BigInt64Array;
}

export type ViewWorkerMessage =
  | { type: 'caughtUp'; rows: number; cursor: number; top: number }
  /** Another HQ process holds the view's lease and applies. */
  | { type: 'standby' }
  | { type: 'failed'; message: string }
  | { type: 'closed' };

const port = parentPort!;
const post = (m: ViewWorkerMessage): void => port.postMessage(m);
const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

async function run(): Promise<void> {
  const { target, file, holdUntil } = workerData as ViewWorkerData;
  // Pushes are arriving: the catch-up stops after its page, and the runner asks again once they pause.
  const held = (): boolean => holdUntil !== undefined && Date.now() < Number(Atomics.load(holdUntil, 0));
  const store = await openHqStore(target);
  const hq = await Hq.open(store, { clock: systemClock });
  const view = await HqView.open(hq, file, systemClock, { catchUp: false });
  const holder = randomBytes(8).toString('hex');
  const key = `${os.hostname()}:${path.resolve(file)}`;
  let wanted = true;
  let closing = false;
  let standby = false;
  // Before each page: still running, and on PostgreSQL, where several HQ processes may serve, the
  // lease held (taken or renewed). On SQLite the worker only reads HQ's database, never writes it.
  const leased = store.dialect === 'postgres';
  view.beforePage = async () => {
    if (closing || held()) return false;
    standby = leased && !(await takeViewLease(store.db, key, holder, Date.now()));
    return !standby;
  };
  let loop: Promise<void> = Promise.resolve();
  let looping = false;
  const drain = async (): Promise<void> => {
    while (wanted && !closing) {
      wanted = false;
      try {
        const rows = await view.catchUp();
        if (standby) post({ type: 'standby' });
        else post({ type: 'caughtUp', rows, ...view.status });
      } catch (e) {
        post({ type: 'failed', message: messageOf(e) });
      }
    }
  };
  const kick = (): void => {
    wanted = true;
    if (looping) return;
    looping = true;
    loop = drain().finally(() => (looping = false));
  };
  port.on('message', (m: unknown) => {
    if (m === 'catchUp') kick();
    if (m !== 'close') return;
    closing = true;
    void loop
      .then(() => (leased ? releaseViewLease(store.db, key, holder) : undefined))
      .catch(() => undefined)
      .finally(async () => {
        view.close();
        await store.close().catch(() => undefined);
        post({ type: 'closed' });
        port.close();
      });
  });
  kick();
}

run().catch((e: unknown) => {
  post({ type: 'failed', message: messageOf(e) });
  post({ type: 'closed' });
  port.close();
});
