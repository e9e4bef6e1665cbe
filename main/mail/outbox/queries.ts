/**
 * The outbox's read side: a queued or sent message as the card and the outbox list show it, and which
 * appeal, request or mailing a Message-ID the office sent belongs to (for linking the replies that come
 * back to it).
 */
import type { MailOutboxTable } from '../../../db/schema';
import type { ReadDb } from '../../../db/sql';
import { ApiError } from '../../../shared/api/define';
import type { OutboxItem } from '../../../shared/api/mail-outbox';

export interface OutboxAttachment {
  name: string;
  mime: string;
  hash: string;
}

export function outboxRow(db: ReadDb, id: string): MailOutboxTable {
  const r = db.rawGet<MailOutboxTable>('SELECT * FROM mail_outbox WHERE id = ?', id);
  if (!r) throw new ApiError('not_found', 'no such message in the outbox', { field: 'id' });
  return r;
}

export function toOutboxItem(r: MailOutboxTable): OutboxItem {
  return {
    id: r.id,
    kind: r.kind,
    appealId: r.appeal_id,
    requestId: r.request_id,
    to: r.to_address,
    subject: r.subject,
    attachments: JSON.parse(r.attachments) as OutboxAttachment[],
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: r.status === 'queued' ? r.next_attempt_at : null,
    lastError: r.last_error,
    messageId: r.message_id,
    sentAt: r.sent_at,
    stepError: r.step_error,
    createdAt: r.created_at,
  };
}

export function listOutbox(
  db: ReadDb,
  f: { appealId?: string; status?: MailOutboxTable['status']; limit: number },
): OutboxItem[] {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.appealId) {
    where.push('appeal_id = ?');
    params.push(f.appealId);
  }
  if (f.status) {
    where.push('status = ?');
    params.push(f.status);
  }
  return db
    .rawAll<MailOutboxTable>(
      `SELECT * FROM mail_outbox ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
       ORDER BY created_at DESC, id DESC LIMIT ?`,
      ...params,
      f.limit,
    )
    .map(toOutboxItem);
}

/** Queued messages whose next attempt is due, oldest first. */
export function dueOutboxIds(db: ReadDb, now: string, limit = 50): string[] {
  return db
    .rawAll<{ id: string }>(
      `SELECT id FROM mail_outbox WHERE status = 'queued' AND next_attempt_at <= ?
       ORDER BY next_attempt_at, id LIMIT ?`,
      now,
      limit,
    )
    .map((r) => r.id);
}

export interface SentMessageOwner {
  messageId: string;
  appealId: string | null;
  requestId: string | null;
  mailingId: string | null;
  contactId: string | null;
}

/** Message-IDs are compared without their angle brackets. */
const bare = (id: string): string => id.trim().replace(/^<|>$/g, '');

/**
 * Which appeal, request or mailing (and its recipient) each of these Message-IDs the office sent belongs
 * to; ids the office did not send are left out.
 */
export function sentByMessageIds(db: ReadDb, ids: readonly string[]): SentMessageOwner[] {
  const wanted = [...new Set(ids.map(bare))].filter(Boolean);
  if (wanted.length === 0) return [];
  const out: SentMessageOwner[] = [];
  for (let at = 0; at < wanted.length; at += 500) {
    const chunk = wanted.slice(at, at + 500).flatMap((id) => [id, `<${id}>`]);
    const marks = chunk.map(() => '?').join(', ');
    for (const r of db.rawAll<{ message_id: string; appeal_id: string | null; request_id: string | null }>(
      `SELECT message_id, appeal_id, request_id FROM mail_outbox WHERE message_id IN (${marks})`,
      ...chunk,
    ))
      out.push({
        messageId: bare(r.message_id),
        appealId: r.appeal_id,
        requestId: r.request_id,
        mailingId: null,
        contactId: null,
      });
    for (const r of db.rawAll<{ message_id: string; mailing_id: string; contact_id: string }>(
      `SELECT message_id, mailing_id, contact_id FROM mailing_recipients WHERE message_id IN (${marks})`,
      ...chunk,
    ))
      out.push({
        messageId: bare(r.message_id),
        appealId: null,
        requestId: null,
        mailingId: r.mailing_id,
        contactId: r.contact_id,
      });
  }
  return out;
}
