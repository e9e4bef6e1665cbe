/**
 * Sending the outbox: a queued message is claimed (its next attempt moved a lease ahead, so two senders
 * on one file never both send it), handed to the SMTP server by nodemailer, and then either recorded as
 * sent — the Message-ID, the card's timeline, the step's sent fact — or left queued with the reason in
 * plain words and its next attempt further off (backoff). Time is the context's clock.
 */
import type { Transporter } from 'nodemailer';
import type { MailOutboxTable } from '../../../db/schema';
import { mailText } from '../../../shared/i18n/ru/mail-outbox';
import { keptFile } from '../../attachments/attachments';
import { appealHistory, audit } from '../../kernel/bookkeeping';
import type { CallContext } from '../../kernel/context';
import { beginWrite } from '../../kernel/scope';
import { fromOf, openTransport, plainFailure, SendFailure, smtpAccountRow } from '../smtp/transport';
import { dueOutboxIds, outboxRow, type OutboxAttachment } from './queries';
import { actorOf, recordStep, type StepInput } from './steps';

/** The waits after the 1st, 2nd… failed attempt; the last repeats. */
export const BACKOFF_MS = [60_000, 5 * 60_000, 15 * 60_000, 60 * 60_000, 3 * 3_600_000, 6 * 3_600_000];
/** How long a claimed message is kept from other senders: longer than any one attempt takes. */
export const CLAIM_MS = 10 * 60_000;

export const backoffAfter = (attempts: number): number =>
  BACKOFF_MS[Math.min(Math.max(attempts, 1), BACKOFF_MS.length) - 1]!;

const plus = (d: Date, ms: number): string => new Date(d.getTime() + ms).toISOString();

/** Claims a due message for this sender; false when it is not queued or another sender has it. */
function claim(ctx: CallContext, id: string): boolean {
  const now = ctx.clock.now();
  return ctx.store.transaction(
    (db) =>
      db.rawRun(
        `UPDATE mail_outbox SET next_attempt_at = ? WHERE id = ? AND status = 'queued' AND next_attempt_at <= ?`,
        plus(now, CLAIM_MS),
        id,
        now.toISOString(),
      ).changes === 1,
  );
}

function files(
  ctx: CallContext,
  r: MailOutboxTable,
): { filename: string; contentType: string; content: Buffer }[] {
  return (JSON.parse(r.attachments) as OutboxAttachment[]).map((a) => {
    const content = ctx.dataDir ? keptFile(ctx.dataDir, a.hash) : null;
    if (!content) throw new SendFailure(mailText.errors.attachmentMissing(a.name), false);
    return { filename: a.name, contentType: a.mime, content };
  });
}

function recordFailure(ctx: CallContext, r: MailOutboxTable, failure: SendFailure): void {
  const attempts = r.attempts + 1;
  ctx.store.transaction((db) =>
    db.rawRun(
      `UPDATE mail_outbox SET attempts = ?, last_error = ?, next_attempt_at = ? WHERE id = ? AND status = 'queued'`,
      attempts,
      failure.message,
      plus(ctx.clock.now(), backoffAfter(attempts)),
      r.id,
    ),
  );
}

/** The server took the message: the outbox row, the card's timeline and the step's fact, in one write. */
function recordSent(ctx: CallContext, r: MailOutboxTable, messageId: string): void {
  ctx.store.transaction((db) => {
    const sender = actorOf(db, r.created_by);
    const as: CallContext = { ...ctx, actor: sender ?? ctx.actor };
    const w = beginWrite(db, as);
    let stepError: string | null = null;
    if (r.step_input && r.appeal_id)
      try {
        recordStep(as, r, JSON.parse(r.step_input) as StepInput, w.today);
      } catch (e) {
        // Someone recorded the step by hand meanwhile: the message went all the same; the card says so.
        stepError = e instanceof Error ? e.message : String(e);
      }
    db.rawRun(
      `UPDATE mail_outbox SET status = 'sent', attempts = attempts + 1, message_id = ?, sent_at = ?,
         last_error = NULL, next_attempt_at = NULL, step_error = ? WHERE id = ?`,
      messageId,
      w.st.now,
      stepError,
      r.id,
    );
    if (r.appeal_id)
      appealHistory(
        db,
        as,
        w.st,
        w.office.id,
        r.appeal_id,
        'mailSent',
        {
          messageId: { from: null, to: messageId },
        },
        mailText.history.sent(r.to_address, messageId),
      );
    audit(db, as, w.office.id, 'mail.sent', 'mail_outbox', r.id, { messageId, to: r.to_address });
  });
}

/**
 * One attempt at a queued message whose time has come. With no transport given, one is opened for it and
 * closed after. Returns whether the server took it.
 */
export async function deliver(ctx: CallContext, id: string, transport?: Transporter): Promise<boolean> {
  if (!claim(ctx, id)) return false;
  const r = outboxRow(ctx.store.read, id);
  let own: Transporter | null = null;
  let messageId: string;
  try {
    const account = smtpAccountRow(ctx.store.read);
    if (!account) throw new SendFailure(mailText.errors.noAccount, false);
    if (!transport) own = openTransport(ctx).transport;
    const info = (await (transport ?? own!).sendMail({
      from: fromOf(account),
      to: r.to_address,
      subject: r.subject,
      text: r.body,
      attachments: files(ctx, r),
    })) as { messageId: string };
    messageId = info.messageId;
  } catch (e) {
    recordFailure(ctx, r, plainFailure(e));
    return false;
  } finally {
    own?.close();
  }
  recordSent(ctx, r, messageId);
  return true;
}

/** The scheduler's pass: every queued message whose attempt is due, one connection for all of them. */
export async function deliverDue(ctx: CallContext): Promise<{ sent: number; failed: number }> {
  const ids = dueOutboxIds(ctx.store.read, ctx.clock.now().toISOString());
  const done = { sent: 0, failed: 0 };
  if (ids.length === 0) return done;
  let transport: Transporter | undefined;
  try {
    transport = openTransport(ctx).transport;
  } catch {
    transport = undefined;
  }
  try {
    for (const id of ids) {
      if (await deliver(ctx, id, transport)) done.sent++;
      else done.failed++;
    }
  } finally {
    transport?.close();
  }
  return done;
}
