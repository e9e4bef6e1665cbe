import type { ReadDb } from '../../db/sql';

/**
 * Which match keys (phone, e-mail, name + address) the base may already hold, as a Bloom filter. An import
 * asks it before each lookup: most rows of a large file are new people, and "certainly not in the base"
 * spares the database two or three index reads per row. A "maybe" is always settled by the database, so
 * the filter changes how fast a row is matched, never what it matches.
 *
 * A Bloom filter rather than a Set of the keys themselves: two million contacts' keys as strings would
 * hold some 300 MB; the filter holds them in ~10 bits each. (No maintained package does this without
 * pulling in much more; it is thirty lines.)
 */

export type KeyKind = 'phone' | 'email' | 'nameAddress';

const PREFIX: Record<KeyKind, string> = { phone: 'p', email: 'e', nameAddress: 'n' };
const HASHES = 7;
const BITS_PER_KEY = 10;
const MIN_BITS = 1 << 20;

/** Two independent 32-bit hashes of a string (FNV-1a and a multiplicative mix), for double hashing. */
function hashes(s: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return [a >>> 0, (b | 1) >>> 0];
}

export class KnownKeys {
  private readonly bits: Uint32Array;
  private readonly size: number;
  /** The change log up to here is in the filter: writes after it (by others, between batches) are read in. */
  private seenSeq = 0;

  constructor(expectedKeys: number) {
    this.size = Math.max(MIN_BITS, Math.ceil(expectedKeys * BITS_PER_KEY));
    this.bits = new Uint32Array(Math.ceil(this.size / 32));
  }

  add(kind: KeyKind, key: string): void {
    const [h1, h2] = hashes(PREFIX[kind] + key);
    for (let i = 0; i < HASHES; i++) {
      const bit = (h1 + i * h2) % this.size;
      this.bits[bit >>> 5]! |= 1 << (bit & 31);
    }
  }

  mayHave(kind: KeyKind, key: string): boolean {
    const [h1, h2] = hashes(PREFIX[kind] + key);
    for (let i = 0; i < HASHES; i++) {
      const bit = (h1 + i * h2) % this.size;
      if ((this.bits[bit >>> 5]! & (1 << (bit & 31))) === 0) return false;
    }
    return true;
  }

  /**
   * Every key of the base, tombstoned rows included (a needless "maybe" costs one lookup), read from
   * indexes alone. `extraKeys` sizes the filter for what the caller will add.
   */
  static ofBase(db: ReadDb, extraKeys: number): KnownKeys {
    const n = (sql: string): number => db.rawGet<{ n: number }>(sql)!.n;
    const phones = n('SELECT count(*) AS n FROM contact_phones');
    const contacts = n('SELECT count(*) AS n FROM contacts');
    const k = new KnownKeys(phones + 2 * contacts + extraKeys);
    k.seenSeq = n('SELECT coalesce(max(seq), 0) AS n FROM change_log');
    for (const [phone] of db.sqlite.prepare('SELECT phone FROM contact_phones').raw().iterate() as Iterable<
      [string]
    >)
      k.add('phone', phone);
    for (const [email] of db.sqlite
      .prepare('SELECT email_key FROM contacts WHERE email_key IS NOT NULL')
      .raw()
      .iterate() as Iterable<[string]>)
      k.add('email', email);
    for (const [address, name] of db.sqlite
      .prepare(
        'SELECT address_key, name_key FROM contacts WHERE address_key IS NOT NULL AND name_key IS NOT NULL',
      )
      .raw()
      .iterate() as Iterable<[string, string]>)
      k.add('nameAddress', nameAddressKey(name, address));
    return k;
  }

  /** Reads in the contacts and phones written since the filter last looked (the change log has whole rows). */
  catchUp(db: ReadDb): void {
    const rows = db.rawAll<{ seq: number; table_name: string; data: string }>(
      "SELECT seq, table_name, data FROM change_log WHERE seq > ? AND table_name IN ('contacts', 'contact_phones') ORDER BY seq",
      this.seenSeq,
    );
    for (const r of rows) {
      const row = JSON.parse(r.data) as Record<string, unknown>;
      if (r.table_name === 'contact_phones' && typeof row.phone === 'string') this.add('phone', row.phone);
      if (r.table_name === 'contacts') {
        if (typeof row.email_key === 'string') this.add('email', row.email_key);
        if (typeof row.name_key === 'string' && typeof row.address_key === 'string')
          this.add('nameAddress', nameAddressKey(row.name_key, row.address_key));
      }
    }
    this.markSeen(db);
  }

  /** The caller's own writes are in the filter already: skip their change-log entries. */
  markSeen(db: ReadDb): void {
    this.seenSeq = db.rawGet<{ n: number }>('SELECT coalesce(max(seq), 0) AS n FROM change_log')!.n;
  }
}

export const nameAddressKey = (name: string, address: string): string => `${name}\u001f${address}`;
