/**
 * 152-FZ: an erased person leaves no trace in the audit log's details either. The entries stay (who did
 * what, when: the record an inspection asks for); the values in their details that name the person (a
 * search typed as his surname, his phone, his address) are replaced by a mark.
 */
import type { WriteDb } from '../../db/sql';
import { foldText } from '../../shared/domain/text';
import { contactText } from '../../shared/i18n/ru/contacts';

export interface PersonKeys {
  /** Folded name, surname, address, e-mail: a detail containing one of them names the person. */
  texts: string[];
  /** Phones by their last ten digits (the national number), matched against a detail's digits. */
  phones: string[];
}

/** What identifies these contacts in free text, read before they are blanked. */
export function personKeys(db: WriteDb, contactIds: readonly string[]): PersonKeys {
  const texts = new Set<string>();
  const phones = new Set<string>();
  const add = (s: string | null, min = 3): void => {
    const k = s ? foldText(s).replace(/\s+/g, ' ').trim() : '';
    if (k.length >= min) texts.add(k);
  };
  for (const id of contactIds) {
    const c = db.rawGet<{
      full_name: string;
      last_name: string | null;
      address: string | null;
      email: string | null;
    }>('SELECT full_name, last_name, address, email FROM contacts WHERE id = ?', id);
    if (!c) continue;
    add(c.full_name);
    add(c.last_name);
    add(c.address, 5);
    add(c.email);
    for (const e of db.rawAll<{ email: string }>('SELECT email FROM contact_emails WHERE contact_id = ?', id))
      add(e.email);
    for (const p of db.rawAll<{ phone: string; raw: string }>(
      'SELECT phone, raw FROM contact_phones WHERE contact_id = ?',
      id,
    )) {
      for (const v of [p.phone, p.raw]) {
        const digits = v.replace(/\D/g, '');
        if (digits.length >= 10) phones.add(digits.slice(-10));
      }
    }
  }
  return { texts: [...texts], phones: [...phones] };
}

function names(value: string, keys: PersonKeys): boolean {
  const folded = foldText(value);
  if (keys.texts.some((k) => folded.includes(k))) return true;
  const digits = value.replace(/\D/g, '');
  return digits.length >= 10 && keys.phones.some((p) => digits.includes(p));
}

function redactValue(value: unknown, keys: PersonKeys): { value: unknown; changed: boolean } {
  if (typeof value === 'string')
    return names(value, keys) ? { value: contactText.redacted, changed: true } : { value, changed: false };
  if (Array.isArray(value)) {
    let changed = false;
    const out = value.map((v) => {
      const r = redactValue(v, keys);
      changed ||= r.changed;
      return r.value;
    });
    return { value: out, changed };
  }
  if (value && typeof value === 'object') {
    let changed = false;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const r = redactValue(v, keys);
      changed ||= r.changed;
      out[k] = r.value;
    }
    return { value: out, changed };
  }
  return { value, changed: false };
}

/**
 * Rewrites the details of every audit entry that names the person; returns how many. The whole log is
 * read (an erasure is rare, and a search text is free text no index finds): a quick test of the entry's
 * text first, the parse only for the entries that may name him.
 */
export function redactAudit(db: WriteDb, keys: PersonKeys): number {
  if (keys.texts.length === 0 && keys.phones.length === 0) return 0;
  const hits: { seq: number; details: string }[] = [];
  // In pages, so a log of millions of entries is never held whole.
  for (let after = 0; ;) {
    const page = db.rawAll<{ seq: number; details: string }>(
      'SELECT seq, details FROM audit_log WHERE seq > ? AND details IS NOT NULL ORDER BY seq LIMIT 5000',
      after,
    );
    for (const row of page) if (names(row.details, keys)) hits.push(row);
    if (page.length < 5000) break;
    after = page[page.length - 1]!.seq;
  }
  let changed = 0;
  for (const row of hits) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(row.details);
    } catch {
      parsed = row.details;
    }
    const r = redactValue(parsed, keys);
    if (!r.changed) continue;
    db.rawRun('UPDATE audit_log SET details = ? WHERE seq = ?', JSON.stringify(r.value), row.seq);
    changed++;
  }
  return changed;
}
