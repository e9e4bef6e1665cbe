import { createHash } from 'node:crypto';
import type { ReadDb } from '../../db/sql';
import { PROTOCOL_VERSION, type PushRequest } from '../../shared/sync/protocol';
import { extractBatch, type FoldedStates, type OutgoingBatch } from './office-store';

export interface OutgoingRequest {
  request: PushRequest;
  batch: OutgoingBatch;
}

/**
 * A batch's id is its content (each row's key and clock, each conflict's id): a batch cut off on its
 * way (HQ stopped after merging it, before answering) is cut again the same at the next sync and sent
 * under the same id, and HQ answers it from its record instead of merging it a second time. A row
 * changed meanwhile carries a new clock, so the batch is a new one.
 */
function contentBatchId(batch: OutgoingBatch): string {
  const h = createHash('sha256');
  for (const r of batch.rows) h.update(`${r.t}\t${r.id}\t${r.h}\n`);
  for (const c of batch.conflicts) h.update(`c\t${c.id}\n`);
  return `b-${h.digest('hex').slice(0, 40)}`;
}

/** The next batch to push after the number `after` (see `extractBatch`), as HQ is sent it; null: none. */
export function cutBatch(
  db: ReadDb,
  now: Date,
  limit: number,
  after: number | null,
  folded?: FoldedStates,
): OutgoingRequest | null {
  const batch = extractBatch(db, limit, after, folded);
  if (batch.rows.length === 0 && batch.conflicts.length === 0) return null;
  return {
    batch,
    request: {
      v: PROTOCOL_VERSION,
      batchId: contentBatchId(batch),
      now: now.toISOString(),
      rows: batch.rows,
      conflicts: batch.conflicts,
    },
  };
}
