/**
 * The workflow step a card's e-mail stands for, and its "sent" fact: once the SMTP server takes the
 * message, the step is recorded through the workflow's own write (the reply sent, the Art. 11 notice
 * sent, the applicant told of the extension, the request sent), dated the office's day the server took
 * it, in the name of the person who sent it from the card.
 */
import type { MailOutboxTable, UserTable } from '../../../db/schema';
import type { ReadDb } from '../../../db/sql';
import type { APPEAL_RESULTS } from '../../../shared/api/appeals';
import type { MailKind } from '../../../shared/api/mail-outbox';
import type { Actor, CallContext } from '../../kernel/context';
import { sendRequest } from '../../requests/requests';
import { notifyExtension, sendReply } from '../../workflow/decision';
import { sendArt11Notice } from '../../workflow/review';

/** What the step needs besides its date, kept on the queued message. */
export interface StepInput {
  outgoingNumber: string | null;
  signatory: string | null;
  result: (typeof APPEAL_RESULTS)[number] | null;
}

/** Records the step's sent fact on `on` (the office's date); throws the workflow's refusal. */
export function recordStep(ctx: CallContext, row: MailOutboxTable, step: StepInput, on: string): void {
  const kind = row.kind as MailKind;
  const id = row.appeal_id!;
  const number = step.outgoingNumber ?? undefined;
  if (kind === 'reply')
    sendReply(ctx, {
      id,
      sentOn: on,
      form: 'email',
      outgoingNumber: number ?? null,
      signatory: step.signatory ?? '',
      result: step.result!,
    });
  else if (kind === 'art11_notice')
    sendArt11Notice(ctx, { id, sentOn: on, form: 'email', outgoingNumber: number ?? null });
  else if (kind === 'extension_notice') notifyExtension(ctx, { id, notifiedOn: on });
  else sendRequest(ctx, { id: row.request_id!, sentOn: on, outgoingNumber: number ?? '' });
}

const DRY_RUN = Symbol('dry run');

/**
 * Whether the step could be recorded today: the workflow's write is run and rolled back, so the card
 * refuses at once, naming the field, what would be refused after the message went.
 */
export function checkStep(ctx: CallContext, row: MailOutboxTable, step: StepInput, on: string): void {
  try {
    ctx.store.transaction(() => {
      recordStep(ctx, row, step, on);
      throw DRY_RUN;
    });
  } catch (e) {
    if (e !== DRY_RUN) throw e;
  }
}

/** The person who queued a message, as the workflow's step names who took it. */
export function actorOf(db: ReadDb, userId: string | null): Actor | null {
  if (!userId) return null;
  const u = db.rawGet<Pick<UserTable, 'id' | 'login' | 'full_name' | 'role'>>(
    'SELECT id, login, full_name, role FROM users WHERE id = ?',
    userId,
  );
  return u ? { userId: u.id, login: u.login, fullName: u.full_name, role: u.role } : null;
}
