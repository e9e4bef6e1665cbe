/**
 * Sending a card's letter by e-mail: the address (the applicant's, or the body's for a request), the
 * subject with the registration and outgoing numbers, the body from the template, the letter as DOCX
 * made by the documents domain and any files already attached. The step is checked before anything is
 * queued, so a refusal names the field and changes nothing; then the message is queued, noted on the
 * card's timeline, and tried at once. A failed attempt leaves it queued for the scheduler.
 */
import type { MailOutboxTable } from '../../../db/schema';
import type { ReadDb } from '../../../db/sql';
import type { AppealCard } from '../../../shared/api/appeals';
import { ApiError } from '../../../shared/api/define';
import type { Output, ParsedInput } from '../../../shared/api/index';
import type { MailKind } from '../../../shared/api/mail-outbox';
import { mailText } from '../../../shared/i18n/ru/mail-outbox';
import { newId } from '../../../shared/util/ids';
import { getCard } from '../../appeals/card';
import { letter } from '../../documents/service';
import { appealHistory, audit } from '../../kernel/bookkeeping';
import type { CallContext, ReadContext } from '../../kernel/context';
import { beginWrite } from '../../kernel/scope';
import { officeRow, officeToday } from '../../office/queries';
import { loadRequest } from '../../requests/queries';
import { smtpAccountRow } from '../smtp/transport';
import { deliver } from './deliver';
import { listOutbox, outboxRow, toOutboxItem, type OutboxAttachment } from './queries';
import { checkStep, type StepInput } from './steps';
import { cardMail } from './templates';

type SendInput = ParsedInput<'mail.send'>;

const R = mailText.refusals;

/** The documents domain's letter of each kind of e-mail; the extension notice has none. */
const LETTER_OF: Partial<Record<MailKind, 'reply' | 'art11' | 'request'>> = {
  reply: 'reply',
  art11_notice: 'art11',
  request: 'request',
};

interface Target {
  card: AppealCard;
  requestId: string | null;
  /** The address the letter goes to when none is typed. */
  to: string | null;
}

function targetOf(
  db: ReadDb,
  ctx: ReadContext,
  i: { appealId: string; kind: MailKind; requestId?: string },
): Target {
  const card = getCard(db, ctx, i.appealId);
  if (i.kind !== 'request') return { card, requestId: null, to: card.applicant.email };
  const requestId = i.requestId ?? card.requests[card.requests.length - 1]?.id;
  if (!requestId) throw new ApiError('validation', `requestId: ${R.noRequest}`, { field: 'requestId' });
  const r = loadRequest(db, requestId);
  if (r.appeal_id !== card.id)
    throw new ApiError('validation', `requestId: ${R.otherRequest}`, { field: 'requestId' });
  const body = r.body_id
    ? db.rawGet<{ email: string | null }>('SELECT email FROM bodies WHERE id = ?', r.body_id)
    : undefined;
  return { card, requestId, to: body?.email ?? null };
}

const senderName = (db: ReadDb): string => smtpAccountRow(db)?.from_name ?? officeRow(db).name;

export function draft(ctx: ReadContext, i: ParsedInput<'mail.draft'>): Output<'mail.draft'> {
  const db = ctx.store.read;
  const t = targetOf(db, ctx, i);
  const mail = cardMail(db, i.kind, t.card, {
    outgoingNumber: i.outgoingNumber ?? null,
    sender: senderName(db),
  });
  return { kind: i.kind, to: t.to, ...mail, letterName: LETTER_OF[i.kind] ?? '' };
}

function stepOf(i: SendInput): StepInput {
  if (i.kind === 'reply') {
    if (!i.signatory) throw new ApiError('validation', `signatory: ${R.signatory}`, { field: 'signatory' });
    if (!i.result) throw new ApiError('validation', `result: ${R.result}`, { field: 'result' });
  }
  if (i.kind === 'request' && !i.outgoingNumber)
    throw new ApiError('validation', `outgoingNumber: ${R.requestNumber}`, {
      field: 'outgoingNumber',
    });
  return {
    outgoingNumber: i.outgoingNumber ?? null,
    signatory: i.signatory ?? null,
    result: i.result ?? null,
  };
}

/** The message as it will be queued, before its attachments are known. */
function rowOf(ctx: CallContext, i: SendInput, t: Target, to: string, step: StepInput): MailOutboxTable {
  const now = ctx.clock.now();
  return {
    id: newId(now.getTime()),
    office_id: t.card.officeId,
    created_at: now.toISOString(),
    created_by: ctx.actor?.userId ?? null,
    kind: i.kind,
    appeal_id: t.card.id,
    request_id: t.requestId,
    step_input: JSON.stringify(step),
    to_address: to,
    subject: i.subject,
    body: i.body,
    attachments: '[]',
    status: 'queued',
    attempts: 0,
    next_attempt_at: now.toISOString(),
    last_error: null,
    message_id: null,
    sent_at: null,
    step_error: null,
  };
}

function attachedFiles(db: ReadDb, appealId: string, ids: readonly string[]): OutboxAttachment[] {
  return ids.map((id) => {
    const a = db.rawGet<{ name: string; mime: string; sha256: string; appeal_id: string }>(
      'SELECT name, mime, sha256, appeal_id FROM attachments WHERE id = ? AND deleted_at IS NULL',
      id,
    );
    if (!a || a.appeal_id !== appealId)
      throw new ApiError('validation', `attachmentIds: ${R.attachment}`, {
        field: 'attachmentIds',
      });
    return { name: a.name, mime: a.mime, hash: a.sha256 };
  });
}

export async function send(ctx: CallContext, i: SendInput): Promise<Output<'mail.send'>> {
  const db = ctx.store.read;
  if (!smtpAccountRow(db)) throw new ApiError('invalid_state', mailText.errors.noAccount);
  const t = targetOf(db, ctx, i);
  const to = i.to ?? t.to;
  if (!to) throw new ApiError('validation', `to: ${R.noAddress}`, { field: 'to' });
  const step = stepOf(i);
  const row = rowOf(ctx, i, t, to, step);
  const today = officeToday(ctx, officeRow(db));
  checkStep(ctx, row, step, today);
  const files = attachedFiles(db, t.card.id, i.attachmentIds);
  const letterKind = LETTER_OF[i.kind];
  if (i.attachLetter && letterKind) {
    const l = await letter(ctx, {
      appealId: t.card.id,
      kind: letterKind,
      requestId: t.requestId ?? undefined,
      attach: true,
    });
    files.unshift(...attachedFiles(ctx.store.read, t.card.id, [l.attachmentId!]));
  }
  ctx.store.transaction((w) => {
    const s = beginWrite(w, ctx);
    w.insert('mail_outbox', { ...row, attachments: JSON.stringify(files) });
    appealHistory(w, ctx, s.st, s.office.id, t.card.id, 'mailQueued', {}, mailText.history.queued(to));
    audit(w, ctx, s.office.id, 'mail.send', 'mail_outbox', row.id, { kind: i.kind, to });
  });
  await deliver(ctx, row.id);
  return toOutboxItem(outboxRow(ctx.store.read, row.id));
}

export function outbox(ctx: ReadContext, i: ParsedInput<'mail.outbox'>): Output<'mail.outbox'> {
  return listOutbox(ctx.store.read, i);
}

function queuedRow(db: ReadDb, id: string): MailOutboxTable {
  const r = outboxRow(db, id);
  if (r.status !== 'queued')
    throw new ApiError('invalid_state', 'the message is no longer queued', { field: 'id' });
  return r;
}

export async function retry(ctx: CallContext, i: ParsedInput<'mail.retry'>): Promise<Output<'mail.retry'>> {
  ctx.store.transaction((db) => {
    queuedRow(db, i.id);
    db.rawRun('UPDATE mail_outbox SET next_attempt_at = ? WHERE id = ?', ctx.clock.now().toISOString(), i.id);
  });
  await deliver(ctx, i.id);
  return toOutboxItem(outboxRow(ctx.store.read, i.id));
}

export function cancel(ctx: CallContext, i: ParsedInput<'mail.cancel'>): Output<'mail.cancel'> {
  ctx.store.transaction((db) => {
    const r = queuedRow(db, i.id);
    db.rawRun(`UPDATE mail_outbox SET status = 'cancelled', next_attempt_at = NULL WHERE id = ?`, i.id);
    audit(db, ctx, r.office_id, 'mail.cancel', 'mail_outbox', r.id);
  });
  return toOutboxItem(outboxRow(ctx.store.read, i.id));
}
