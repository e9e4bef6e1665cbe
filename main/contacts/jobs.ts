import type { ReadDb } from '../../db/sql';
import type { ImportJob } from '../../shared/api/contacts';
import { ApiError } from '../../shared/api/define';
import type { Output, ParsedInput } from '../../shared/api/index';
import { newId } from '../../shared/util/ids';
import type { CallContext, ReadContext } from '../kernel/context';
import { importContacts, sourceFile } from './import';

interface Job {
  status: ImportJob;
  abort: AbortController;
  /** Settles when the import has ended, however it ended. */
  done: Promise<void>;
}

/**
 * Background imports of one open office. Kept with the store (not in the database): a job lives as long as
 * the process that runs it, and an import interrupted by a restart has committed whole batches only.
 */
// Keyed by the read handle: the one object a write's and a read's context of the same office both carry.
const jobsByStore = new WeakMap<ReadDb, Map<string, Job>>();

function jobs(ctx: ReadContext): Map<string, Job> {
  let m = jobsByStore.get(ctx.store.read);
  if (!m) {
    m = new Map();
    jobsByStore.set(ctx.store.read, m);
  }
  return m;
}

function job(ctx: ReadContext, jobId: string): Job {
  const j = jobs(ctx).get(jobId);
  if (!j) throw new ApiError('not_found', 'no such import', { field: 'jobId' });
  return j;
}

export function start(
  ctx: CallContext,
  input: ParsedInput<'contacts.importStart'>,
): Output<'contacts.importStart'> {
  // Refused now, by this call, not as a job that fails later: a path over HTTP, an upload that is gone.
  sourceFile(ctx, input.source);
  const jobId = newId(ctx.clock.now().getTime());
  const abort = new AbortController();
  const status: ImportJob = {
    jobId,
    state: 'running',
    rows: 0,
    bytes: 0,
    totalBytes: 0,
    summary: null,
    error: null,
  };
  const done = importContacts(
    ctx,
    { ...input, dryRun: false },
    {
      signal: abort.signal,
      onProgress: (p) => Object.assign(status, p),
    },
  ).then(
    (summary) => Object.assign(status, { state: 'done', summary, rows: summary.rows }),
    (e: unknown) =>
      Object.assign(status, {
        state: 'failed',
        error: e instanceof ApiError || e instanceof Error ? e.message : String(e),
      }),
  );
  jobs(ctx).set(jobId, { status, abort, done: done.then(() => undefined) });
  return { jobId };
}

export function status(
  ctx: ReadContext,
  input: ParsedInput<'contacts.importStatus'>,
): Output<'contacts.importStatus'> {
  return { ...job(ctx, input.jobId).status };
}

/** Asks the import to stop before its next batch, and answers once it has. */
export async function cancel(
  ctx: CallContext,
  input: ParsedInput<'contacts.importCancel'>,
): Promise<Output<'contacts.importCancel'>> {
  const j = job(ctx, input.jobId);
  j.abort.abort();
  await j.done;
  return { ...j.status };
}

/** For callers that wait for the end (tests, scripts). */
export function finished(ctx: CallContext, jobId: string): Promise<void> {
  return job(ctx, jobId).done;
}
