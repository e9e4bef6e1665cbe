import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import type { ReadDb, WriteDb } from '../../db/sql';
import type { Conflict, RowState } from '../../shared/sync/protocol';

/**
 * Users' password hashes travel through HQ sealed with the office's own key, which HQ never holds: a
 * copy of HQ's database gives nothing to guess passwords against offline. The key is made on the
 * office's first computer and reaches its other computers from it (with the office's id, when one
 * joins), never through HQ. AES-256-GCM; the nonce is derived from the key and the value, so a hash
 * seals to the same text every time (HQ's merge sees no change where there is none), and the row id
 * is the associated data, so a sealed hash cannot be moved onto another user.
 */

const KEY_STATE = 'office_key';
const PREFIX = 'sealed1$';
/** What a hash becomes on a computer that cannot open it: no password verifies against it. */
export const UNSEALABLE = '!sealed';

/** The fields that are sealed, by table. */
const SEALED: Readonly<Record<string, readonly string[]>> = { users: ['password_hash'] };

function keyOf(db: ReadDb): Buffer | null {
  const v = db.rawGet<{ value: string }>('SELECT value FROM sync_state WHERE key = ?', KEY_STATE)?.value;
  return v ? Buffer.from(v, 'base64') : null;
}

/** The office's key (base64), made here if this computer has none yet. */
export function officeKey(db: WriteDb): string {
  const kept = keyOf(db);
  if (kept) return kept.toString('base64');
  const key = randomBytes(32).toString('base64');
  setOfficeKey(db, key);
  return key;
}

/** Takes the office's key from its first computer (a computer joining the office). */
export function setOfficeKey(db: WriteDb, key: string): void {
  if (Buffer.from(key, 'base64').length !== 32) throw new Error('the office key is not 32 bytes');
  db.rawRun(
    'INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    KEY_STATE,
    key,
  );
}

function seal(key: Buffer, rowId: string, value: string): string {
  const iv = createHmac('sha256', key).update(rowId).update('\0').update(value).digest().subarray(0, 12);
  const c = createCipheriv('aes-256-gcm', key, iv);
  c.setAAD(Buffer.from(rowId));
  const data = Buffer.concat([c.update(value, 'utf8'), c.final()]);
  return `${PREFIX}${iv.toString('base64')}$${data.toString('base64')}$${c.getAuthTag().toString('base64')}`;
}

function open(key: Buffer | null, rowId: string, value: string): string {
  if (!key) return UNSEALABLE;
  const [iv, data, tag] = value.slice(PREFIX.length).split('$');
  try {
    const d = createDecipheriv('aes-256-gcm', key, Buffer.from(iv ?? '', 'base64'));
    d.setAAD(Buffer.from(rowId));
    d.setAuthTag(Buffer.from(tag ?? '', 'base64'));
    return Buffer.concat([d.update(Buffer.from(data ?? '', 'base64')), d.final()]).toString('utf8');
  } catch {
    return UNSEALABLE;
  }
}

const isHash = (v: unknown): v is string => typeof v === 'string' && v.startsWith('scrypt$');
const isSealed = (v: unknown): v is string => typeof v === 'string' && v.startsWith(PREFIX);

/** Seals the sealed fields of what goes to HQ (rows and the conflicts that carry their values). */
export function sealOutgoing(
  db: ReadDb,
  batch: { rows: RowState[]; conflicts: Conflict[] },
): { rows: RowState[]; conflicts: Conflict[] } {
  const touches = (t: string) => SEALED[t] !== undefined;
  if (!batch.rows.some((r) => touches(r.t)) && !batch.conflicts.some((c) => touches(c.t))) return batch;
  const key = keyOf(db);
  if (!key) throw new Error('internal: this office has no key to seal its users’ passwords with');
  const rows = batch.rows.map((r) => {
    const fields = SEALED[r.t]?.filter((f) => isHash(r.d[f]));
    if (!fields?.length) return r;
    const d = { ...r.d };
    for (const f of fields) d[f] = seal(key, r.id, d[f] as string);
    return { ...r, d };
  });
  const conflicts = batch.conflicts.map((c) =>
    SEALED[c.t]?.includes(c.f)
      ? {
          ...c,
          keptValue: isHash(c.keptValue) ? seal(key, c.r, c.keptValue) : c.keptValue,
          lostValue: isHash(c.lostValue) ? seal(key, c.r, c.lostValue) : c.lostValue,
        }
      : c,
  );
  return { rows, conflicts };
}

/**
 * Opens the sealed fields of rows from HQ. A value this computer cannot open (it has not the office's
 * key) leaves the value it holds, if any — a computer that joined before hashes were sealed keeps
 * signing its users in until it is given the key — and otherwise lets no one sign in.
 */
export function openIncoming(db: ReadDb, rows: readonly RowState[]): RowState[] {
  if (!rows.some((r) => SEALED[r.t])) return [...rows];
  const key = keyOf(db);
  return rows.map((r) => {
    const fields = SEALED[r.t]?.filter((f) => isSealed(r.d[f]));
    if (!fields?.length) return r;
    const d = { ...r.d };
    for (const f of fields) {
      const opened = open(key, r.id, d[f] as string);
      d[f] = opened === UNSEALABLE ? (heldValue(db, r.t, r.id, f) ?? UNSEALABLE) : opened;
    }
    return { ...r, d };
  });
}

function heldValue(db: ReadDb, table: string, id: string, field: string): string | null {
  // Table and field come from SEALED above, never from the wire.
  const row = db.rawGet<{ v: unknown }>(`SELECT ${field} AS v FROM ${table} WHERE id = ?`, id);
  return typeof row?.v === 'string' && row.v.startsWith('scrypt$') ? row.v : null;
}
