/**
 * The intake's read side: the mailboxes and where the intake stands in each, the settings, and the
 * items of «Входящие» as lists and cards show them. The fetch, Settings and the list read through these.
 */
import type { MailIntakeStateTable, MailIntakeTable, MailMailboxTable } from '../../../db/schema';
import type { ReadDb } from '../../../db/sql';
import type { IntakeProblem, IntakeRow, Mailbox, MailIntakeSettings } from '../../../shared/api/mail-intake';

export const SETTINGS_KEY = 'mail_intake_settings';
export const DEFAULT_SETTINGS: MailIntakeSettings = { intervalMinutes: 5, maxMessageMb: 25 };

export function intakeSettings(db: ReadDb): MailIntakeSettings {
  const v = db.rawGet<{ value: string }>('SELECT value FROM local_state WHERE key = ?', SETTINGS_KEY)?.value;
  return { ...DEFAULT_SETTINGS, ...(v ? (JSON.parse(v) as Partial<MailIntakeSettings>) : {}) };
}

/** The office's live mailboxes on this computer, by name. */
export function mailboxRows(db: ReadDb, officeId: string): MailMailboxTable[] {
  return db.rawAll<MailMailboxTable>(
    'SELECT * FROM mail_mailboxes WHERE office_id = ? AND deleted_at IS NULL ORDER BY name, id',
    officeId,
  );
}

export function mailboxRow(db: ReadDb, id: string): MailMailboxTable | undefined {
  return db.rawGet<MailMailboxTable>('SELECT * FROM mail_mailboxes WHERE id = ? AND deleted_at IS NULL', id);
}

export function intakeState(db: ReadDb, mailboxId: string): MailIntakeStateTable | undefined {
  return db.rawGet<MailIntakeStateTable>('SELECT * FROM mail_intake_state WHERE mailbox_id = ?', mailboxId);
}

export function toMailbox(db: ReadDb, m: MailMailboxTable): Mailbox {
  const state = intakeState(db, m.id);
  const taken =
    db.rawGet<{ n: number }>('SELECT count(*) AS n FROM mail_intake WHERE mailbox_id = ?', m.id)?.n ?? 0;
  return {
    id: m.id,
    name: m.name,
    host: m.host,
    port: m.port,
    security: m.security,
    login: m.login,
    folder: m.folder,
    deleteAfterTake: m.delete_after_take === 1,
    active: m.active === 1,
    checkedAt: state?.checked_at ?? null,
    error: state?.error ?? null,
    taken,
  };
}

type ItemWithNumber = MailIntakeTable & { reg_number: string | null };

export function toIntakeRow(r: ItemWithNumber): IntakeRow {
  return {
    id: r.id,
    mailboxId: r.mailbox_id,
    fromName: r.from_name,
    fromAddress: r.from_address,
    subject: r.subject,
    receivedAt: r.received_at,
    files: (JSON.parse(r.files) as unknown[]).length,
    state: r.state,
    problem: r.problem as IntakeProblem | null,
    autoReply: r.auto_reply === 1,
    bounce: r.bounce !== null,
    appealId: r.appeal_id,
    regNumber: r.reg_number,
    requestId: r.request_id ?? null,
  };
}

const ITEM_SELECT = `SELECT i.*, a.reg_number FROM mail_intake i LEFT JOIN appeals a ON a.id = i.appeal_id`;

export function intakeRows(
  db: ReadDb,
  officeId: string,
  state: string | undefined,
  limit: number,
): ItemWithNumber[] {
  return state
    ? db.rawAll<ItemWithNumber>(
        `${ITEM_SELECT} WHERE i.office_id = ? AND i.deleted_at IS NULL AND i.state = ?
         ORDER BY i.received_at DESC, i.id DESC LIMIT ?`,
        officeId,
        state,
        limit,
      )
    : db.rawAll<ItemWithNumber>(
        `${ITEM_SELECT} WHERE i.office_id = ? AND i.deleted_at IS NULL ORDER BY i.received_at DESC, i.id DESC LIMIT ?`,
        officeId,
        limit,
      );
}

export function intakeItemRow(db: ReadDb, id: string): ItemWithNumber | undefined {
  return db.rawGet<ItemWithNumber>(`${ITEM_SELECT} WHERE i.id = ? AND i.deleted_at IS NULL`, id);
}

export function unregisteredCount(db: ReadDb, officeId: string): number {
  return (
    db.rawGet<{ n: number }>(
      "SELECT count(*) AS n FROM mail_intake WHERE office_id = ? AND state = 'new' AND deleted_at IS NULL",
      officeId,
    )?.n ?? 0
  );
}

/** Whether a message with this Message-ID was taken already (from any mailbox of the office). */
export function takenMessageId(db: ReadDb, officeId: string, messageId: string): boolean {
  return (
    db.rawGet('SELECT 1 FROM mail_intake WHERE office_id = ? AND message_id = ?', officeId, messageId) !==
    undefined
  );
}

/** The appeal whose registration number a subject names («Re: ваше обращение № ПЧТ-2026-0012»). */
export function appealNamedIn(
  db: ReadDb,
  officeId: string,
  subject: string,
): { id: string; reg_number: string } | null {
  const tokens = [...new Set(subject.match(/[\p{L}\d][\p{L}\d/.\-–_]*\d/gu) ?? [])].slice(0, 20);
  if (tokens.length === 0) return null;
  return (
    db.rawGet<{ id: string; reg_number: string }>(
      `SELECT id, reg_number FROM appeals WHERE office_id = ? AND deleted_at IS NULL
       AND reg_number IN (${tokens.map(() => '?').join(', ')}) ORDER BY registered_on DESC LIMIT 1`,
      officeId,
      ...tokens,
    ) ?? null
  );
}
