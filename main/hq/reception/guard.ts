import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { HqDB } from '../store';

/**
 * What keeps the form honest without a CAPTCHA service: the secret that signs the form's start time and
 * hashes the codes, one-time codes, status tokens, and fixed-window throttles. All of it is in HQ's
 * database, so every HQ process on one PostgreSQL agrees.
 */

const SECRET_KEY = 'web_reception_secret';

/** HQ's secret for the reception, made once; two processes starting at once keep the first one's. */
export async function receptionSecret(db: Kysely<HqDB>): Promise<Buffer> {
  const read = async () =>
    (await db.selectFrom('hq_meta').select('value').where('key', '=', SECRET_KEY).executeTakeFirst())?.value;
  let value = await read();
  if (!value) {
    await db
      .insertInto('hq_meta')
      .values({ key: SECRET_KEY, value: randomBytes(32).toString('base64') })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    value = (await read())!;
  }
  return Buffer.from(value, 'base64');
}

const mac = (secret: Buffer, text: string): string =>
  createHmac('sha256', secret).update(text).digest('base64url');

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The form's hidden start stamp: when it was rendered, signed, so a bot cannot forge an old one. */
export function formStamp(secret: Buffer, at: Date): string {
  const t = String(at.getTime());
  return `${t}.${mac(secret, `form:${t}`)}`;
}

/** How many seconds ago the form was rendered; null for a stamp that is not ours. */
export function formAge(secret: Buffer, stamp: string, now: Date): number | null {
  const [t, sig] = stamp.split('.');
  if (!t || !sig || !/^\d{1,15}$/.test(t) || !sameText(sig, mac(secret, `form:${t}`))) return null;
  return (now.getTime() - Number(t)) / 1000;
}

export function newCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

export function codeHash(secret: Buffer, applicationId: string, code: string): string {
  return mac(secret, `code:${applicationId}:${code}`);
}

export function codeMatches(secret: Buffer, applicationId: string, code: string, hash: string): boolean {
  return sameText(codeHash(secret, applicationId, code), hash);
}

/** A status link's token (256 bits) and what is stored of it. */
export function newStatusToken(): string {
  return randomBytes(32).toString('base64url');
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A throttle: what is limited and whose (`submit-ip:10.0.0.1`), the hits allowed, the window. */
export interface Limit {
  key: string;
  limit: number;
  windowMs: number;
}

/**
 * Counts a hit in the current window of each limit (their keys all different) and says for each
 * whether it stays within. One atomic upsert: two processes counting at once both see the sum.
 */
export async function withinLimits(
  db: Kysely<HqDB>,
  limits: readonly Limit[],
  now: Date,
): Promise<boolean[]> {
  const start = (windowMs: number) => new Date(Math.floor(now.getTime() / windowMs) * windowMs).toISOString();
  const rows = await db
    .insertInto('hq_web_throttle')
    .values(limits.map((l) => ({ key: l.key, window_start: start(l.windowMs), hits: 1 })))
    .onConflict((oc) =>
      oc.columns(['key', 'window_start']).doUpdateSet({ hits: sql<number>`hq_web_throttle.hits + 1` }),
    )
    .returning(['key', 'hits'])
    .execute();
  const hits = new Map(rows.map((r) => [r.key, Number(r.hits)]));
  return limits.map((l) => (hits.get(l.key) ?? Infinity) <= l.limit);
}

/** `withinLimits` for one limit. */
export async function withinLimit(
  db: Kysely<HqDB>,
  key: string,
  limit: number,
  windowMs: number,
  now: Date,
): Promise<boolean> {
  return (await withinLimits(db, [{ key, limit, windowMs }], now))[0]!;
}

/** Forgets windows that ended (an hour is the longest window). */
export async function sweepThrottles(db: Kysely<HqDB>, now: Date): Promise<void> {
  const before = new Date(now.getTime() - 2 * 3600_000).toISOString();
  await db.deleteFrom('hq_web_throttle').where('window_start', '<', before).execute();
}
