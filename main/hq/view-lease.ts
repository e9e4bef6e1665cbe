import type { Kysely } from 'kysely';
import type { HqDB } from './store';

/**
 * Which of several HQ processes (on PostgreSQL, or on one SQLite file) applies HQ's changes to an
 * analyst view: the one holding its lease, a row of `hq_meta` (`<expiry ms, 15 digits>|<holder>`)
 * taken or renewed by one conditional UPDATE, so two processes never both hold it. A holder that stops
 * renewing (stopped, killed) loses it when it expires, and another takes it at its next catch-up.
 */
export const VIEW_LEASE_MS = 30_000;

const pad = (ms: number): string => String(ms).padStart(15, '0');

export async function takeViewLease(
  db: Kysely<HqDB>,
  key: string,
  holder: string,
  nowMs: number,
  leaseMs = VIEW_LEASE_MS,
): Promise<boolean> {
  const k = `view_lease:${key}`;
  const value = `${pad(nowMs + leaseMs)}|${holder}`;
  await db
    .insertInto('hq_meta')
    .values({ key: k, value: `${pad(0)}|` })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const r = await db
    .updateTable('hq_meta')
    .set({ value })
    .where('key', '=', k)
    // Expired (its expiry sorts below now's), or already this holder's.
    .where((eb) => eb.or([eb('value', '<', `${pad(nowMs)}|`), eb('value', 'like', `%|${holder}`)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Gives the lease up (a process stopping), so another takes it at once rather than at its expiry. */
export async function releaseViewLease(db: Kysely<HqDB>, key: string, holder: string): Promise<void> {
  await db
    .updateTable('hq_meta')
    .set({ value: `${pad(0)}|` })
    .where('key', '=', `view_lease:${key}`)
    .where('value', 'like', `%|${holder}`)
    .execute();
}
