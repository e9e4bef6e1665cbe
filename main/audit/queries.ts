/**
 * The read side of the audit log (152-FZ Art. 19): the filter as SQL, a page in the log's order, and what
 * each entry is about. The audit is read newest first by (at, seq); migration «audit-pages» gives every
 * filter an index in that order, so a page is a walk of the next entries (see tests/integration/audit).
 */
import type { ReadDb } from '../../db/sql';
import type { AuditEntry, AuditFilter } from '../../shared/api/audit';
import { zonedInstant } from '../../shared/util/clock';

export interface Where {
  sql: string;
  params: unknown[];
}

/** The day after a calendar date `YYYY-MM-DD`. */
function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * The filter as a WHERE over `audit_log l`. An appeal's entries include those about its requests; a
 * contact's, those about the appeals the person made and their requests: "who opened this person's card"
 * is answered for the contact card and the appeal cards alike. The period's dates are the office's: a day
 * runs from its local midnight to the next, as UTC instants.
 */
export function auditWhere(f: AuditFilter, timeZone: string): Where {
  const c: string[] = [];
  const params: unknown[] = [];
  if (f.userId) {
    c.push('l.user_id = ?');
    params.push(f.userId);
  }
  if (f.appealId) {
    c.push(`((l.entity = 'appeal' AND l.entity_id = ?)
      OR (l.entity = 'request' AND l.entity_id IN (SELECT id FROM external_requests WHERE appeal_id = ?)))`);
    params.push(f.appealId, f.appealId);
  }
  if (f.contactId) {
    c.push(`((l.entity = 'contact' AND l.entity_id = ?)
      OR (l.entity = 'appeal' AND l.entity_id IN (SELECT id FROM appeals WHERE applicant_id = ?))
      OR (l.entity = 'request' AND l.entity_id IN (SELECT r.id FROM external_requests r
          JOIN appeals a ON a.id = r.appeal_id WHERE a.applicant_id = ?)))`);
    params.push(f.contactId, f.contactId, f.contactId);
  }
  if (f.actions?.length) {
    c.push(`l.action IN (${f.actions.map(() => '?').join(', ')})`);
    params.push(...f.actions);
  }
  if (f.from) {
    c.push('l.at >= ?');
    params.push(zonedInstant(f.from, '00:00', timeZone).toISOString());
  }
  if (f.to) {
    c.push('l.at < ?');
    params.push(zonedInstant(nextDay(f.to), '00:00', timeZone).toISOString());
  }
  return { sql: c.length ? c.join(' AND ') : '1', params };
}

export interface AuditRow {
  seq: number;
  at: string;
  user_id: string | null;
  login: string | null;
  transport: string;
  action: string;
  entity: string | null;
  entity_id: string | null;
  full_name: string | null;
}

/** Where a page ends: the last row's instant and sequence number. */
export interface AuditKey {
  at: string;
  seq: number;
}

/**
 * The statement of a page: newest first, after `after` if given. The keyset condition opens with
 * `l.at <= ?`, a range the index walk starts from; the rest only sorts out entries of the same instant.
 */
export function pageSql(w: Where, after: AuditKey | null, limit: number): Where {
  const params = [...w.params];
  let keyset = '';
  if (after) {
    keyset = ' AND l.at <= ? AND (l.at < ? OR l.seq < ?)';
    params.push(after.at, after.at, after.seq);
  }
  params.push(limit);
  return {
    sql: `SELECT l.seq, l.at, l.user_id, l.login, l.transport, l.action, l.entity, l.entity_id, u.full_name
      FROM audit_log l LEFT JOIN users u ON u.id = l.user_id
      WHERE ${w.sql}${keyset}
      ORDER BY l.at DESC, l.seq DESC LIMIT ?`,
    params,
  };
}

export function auditPage(db: ReadDb, w: Where, after: AuditKey | null, limit: number): AuditRow[] {
  const q = pageSql(w, after, limit);
  return db.rawAll<AuditRow>(q.sql, ...q.params);
}

export function countAudit(db: ReadDb, w: Where): number {
  return db.rawGet<{ n: number }>(`SELECT count(*) AS n FROM audit_log l WHERE ${w.sql}`, ...w.params)!.n;
}

const placeholders = (n: number): string => Array.from({ length: n }, () => '?').join(', ');

function lookup<R extends { id: string }>(db: ReadDb, sql: string, ids: Set<string>): Map<string, R> {
  if (ids.size === 0) return new Map();
  const rows = db.rawAll<R>(sql.replace('(?)', `(${placeholders(ids.size)})`), ...ids);
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * The page's rows as the screen shows them, each with what it is about: an appeal (a request's appeal)
 * by its registration number, a contact by name, an event by title; read once per page, by id.
 */
export function toEntries(db: ReadDb, rows: readonly AuditRow[]): AuditEntry[] {
  const ids = { appeal: new Set<string>(), contact: new Set<string>(), event: new Set<string>() };
  const requestIds = new Set<string>();
  for (const r of rows) {
    if (!r.entity_id) continue;
    if (r.entity === 'appeal' || r.entity === 'contact' || r.entity === 'event')
      ids[r.entity].add(r.entity_id);
    else if (r.entity === 'request') requestIds.add(r.entity_id);
  }
  const requests = lookup<{ id: string; appeal_id: string; reg_number: string }>(
    db,
    'SELECT r.id, r.appeal_id, a.reg_number FROM external_requests r JOIN appeals a ON a.id = r.appeal_id WHERE r.id IN (?)',
    requestIds,
  );
  const appeals = lookup<{ id: string; reg_number: string }>(
    db,
    'SELECT id, reg_number FROM appeals WHERE id IN (?)',
    ids.appeal,
  );
  const contacts = lookup<{ id: string; full_name: string }>(
    db,
    'SELECT id, full_name FROM contacts WHERE id IN (?)',
    ids.contact,
  );
  const events = lookup<{ id: string; title: string }>(
    db,
    'SELECT id, title FROM events WHERE id IN (?)',
    ids.event,
  );
  const subject = (r: AuditRow): AuditEntry['subject'] => {
    const id = r.entity_id;
    if (!id) return null;
    if (r.entity === 'appeal') {
      const a = appeals.get(id);
      return a ? { kind: 'appeal', id, label: a.reg_number } : null;
    }
    if (r.entity === 'request') {
      const q = requests.get(id);
      return q ? { kind: 'appeal', id: q.appeal_id, label: q.reg_number } : null;
    }
    if (r.entity === 'contact') {
      const c = contacts.get(id);
      return c ? { kind: 'contact', id, label: c.full_name } : null;
    }
    if (r.entity === 'event') {
      const e = events.get(id);
      return e ? { kind: 'event', id, label: e.title } : null;
    }
    return null;
  };
  return rows.map((r) => ({
    seq: r.seq,
    at: r.at,
    userId: r.user_id,
    who: r.full_name ?? r.login,
    transport: r.transport,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    subject: subject(r),
  }));
}
