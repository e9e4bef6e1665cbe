/** Mailings' read side: a mailing with its recipients counted by state (the progress and the report). */
import type { MailingTable, RecipientStatus } from '../../../db/schema';
import type { ReadDb } from '../../../db/sql';
import { ApiError } from '../../../shared/api/define';
import type { Mailing } from '../../../shared/api/mailings';

export function mailingRow(db: ReadDb, id: string): MailingTable {
  const m = db.rawGet<MailingTable>('SELECT * FROM mailings WHERE id = ?', id);
  if (!m) throw new ApiError('not_found', 'no such mailing', { field: 'id' });
  return m;
}

export function recipientCounts(db: ReadDb, mailingId: string): Record<RecipientStatus, number> {
  const counts: Record<RecipientStatus, number> = {
    pending: 0,
    sending: 0,
    sent: 0,
    failed: 0,
    withdrawn: 0,
    bounced: 0,
  };
  for (const r of db.rawAll<{ status: RecipientStatus; n: number }>(
    'SELECT status, count(*) AS n FROM mailing_recipients WHERE mailing_id = ? GROUP BY status',
    mailingId,
  ))
    counts[r.status] = r.n;
  return counts;
}

export function toMailing(db: ReadDb, m: MailingTable): Mailing {
  const c = recipientCounts(db, m.id);
  return {
    id: m.id,
    name: m.name,
    segmentId: m.segment_id,
    consentPurpose: m.consent_purpose as Mailing['consentPurpose'],
    subject: m.subject,
    body: m.body,
    status: m.status,
    createdAt: m.created_at,
    startedAt: m.started_at,
    finishedAt: m.finished_at,
    total: Object.values(c).reduce((a, b) => a + b, 0),
    // A message in flight when the app stopped is sent again: it counts as still to send.
    pending: c.pending + c.sending,
    sent: c.sent,
    failed: c.failed,
    withdrawn: c.withdrawn,
    bounced: c.bounced,
    lastError:
      db.rawGet<{ last_error: string }>(
        `SELECT last_error FROM mailing_recipients
         WHERE mailing_id = ? AND status = 'pending' AND last_error IS NOT NULL LIMIT 1`,
        m.id,
      )?.last_error ?? null,
  };
}

export const runningMailingIds = (db: ReadDb): string[] =>
  db
    .rawAll<{ id: string }>("SELECT id FROM mailings WHERE status = 'running' ORDER BY started_at")
    .map((r) => r.id);
