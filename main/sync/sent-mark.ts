import type { ReadDb } from '../../db/sql';

/**
 * `sync_rows.pending` numbers the rows to send in the order they became pending (0: HQ holds the row as
 * it stands); HQ's acknowledgements move one mark, `sent_through` in `sync_state`, over them in that
 * order. A row is pending while its number is above the mark; a row that changes again takes a number
 * above every other, so a batch on its way when it changed leaves it pending.
 */
const SENT_THROUGH = `coalesce((SELECT CAST(value AS INTEGER) FROM sync_state WHERE key = 'sent_through'), 0)`;

/** A `sync_rows` row HQ has not acknowledged (SQL, for a query on `sync_rows`). */
export const IS_PENDING = `pending > ${SENT_THROUGH}`;

/** The number a row takes when it becomes pending: above every other and above the mark. */
export const NEXT_PENDING = `max(coalesce((SELECT max(pending) FROM sync_rows), 0), ${SENT_THROUGH}) + 1`;

/** Where HQ's acknowledgements stand: every row numbered up to it was acknowledged. */
export function sentThrough(db: ReadDb): number {
  return Number(
    db.rawGet<{ value: string }>("SELECT value FROM sync_state WHERE key = 'sent_through'")?.value ?? 0,
  );
}

/** The number the next row to become pending takes (`NEXT_PENDING`), for a caller that numbers many. */
export function nextPendingNumber(db: ReadDb): number {
  return db.rawGet<{ n: number }>(`SELECT ${NEXT_PENDING} AS n`)!.n;
}
