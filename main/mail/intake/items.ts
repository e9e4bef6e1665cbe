/**
 * «Входящие»: the list, one message opened with the registration it proposes (channel e-mail, the date
 * it came, the applicant found by e-mail or named from the sender, the subject as summary, the body as
 * text), the registration in one step — the appeal, its files attached from the message, the message
 * marked registered with the appeal's link, in one transaction — and "not an appeal" with the reason.
 */
import type { WriteDb } from '../../../db/sql';
import { RegisterAppealSchema } from '../../../shared/api/appeals';
import { ApiError } from '../../../shared/api/define';
import type { Output, ParsedInput } from '../../../shared/api/index';
import type { IntakeItem } from '../../../shared/api/mail-intake';
import { localDate } from '../../../shared/util/clock';
import { beginRegistration, registerIn } from '../../appeals/register';
import { contactSummary, lookupContacts } from '../../contacts/queries';
import { appealHistory, audit, updateSynced } from '../../kernel/bookkeeping';
import { requireActor, type CallContext, type ReadContext } from '../../kernel/context';
import { beginWrite } from '../../kernel/scope';
import { officeRow, userName } from '../../office/queries';
import { attachFiles, type StoredFile } from './attach';
import { splitName } from './names';
import { intakeItemRow, intakeRows, toIntakeRow, unregisteredCount } from './queries';

export function list(ctx: ReadContext, i: ParsedInput<'mail.intake'>): Output<'mail.intake'> {
  const db = ctx.store.read;
  const office = officeRow(db);
  return {
    rows: intakeRows(db, office.id, i.state, i.limit).map(toIntakeRow),
    unregistered: unregisteredCount(db, office.id),
  };
}

function itemRow(db: ReadContext['store']['read'], id: string) {
  const r = intakeItemRow(db, id);
  if (!r) throw new ApiError('not_found', 'no such message in «Входящие»', { field: 'id' });
  return r;
}

/**
 * The day the message came (its arrival in the mailbox), in the office's time zone; an arrival after today
 * (a server's clock ahead) gives way to the day it was sent, and neither is later than today.
 */
function receivedOn(r: { received_at: string; sent_at: string | null }, now: Date, zone: string): string {
  const today = localDate(now, zone);
  for (const at of [r.received_at, r.sent_at]) {
    const day = at ? localDate(new Date(at), zone) : null;
    if (day && day <= today) return day;
  }
  return today;
}

export function get(ctx: ReadContext, i: ParsedInput<'mail.intakeItem'>): Output<'mail.intakeItem'> {
  return itemWithDraft(ctx.store.read, itemRow(ctx.store.read, i.id), ctx.clock.now());
}

function itemWithDraft(
  db: ReadContext['store']['read'],
  r: ReturnType<typeof itemRow>,
  now: Date,
): IntakeItem {
  const office = officeRow(db);
  const found = r.from_address
    ? lookupContacts(db, { email: r.from_address, limit: 5 }).find((c) => c.matchedBy === 'email')
    : undefined;
  const name = splitName(r.from_name);
  const subject = r.subject.replace(/^((re|fwd?|ответ|пересл)\s*(\[\d+\])?\s*:\s*)+/i, '').trim();
  return {
    ...toIntakeRow(r),
    messageId: r.message_id,
    inReplyTo: r.in_reply_to,
    references: JSON.parse(r.refs) as string[],
    sentAt: r.sent_at,
    size: r.size,
    body: r.body,
    attachments: JSON.parse(r.files) as StoredFile[],
    bounceReport: r.bounce ? (JSON.parse(r.bounce) as IntakeItem['bounceReport']) : null,
    reason: r.reason,
    decidedAt: r.decided_at,
    decidedBy: userName(db, r.decided_by),
    draft: {
      receivedOn: receivedOn(r, now, office.time_zone),
      summary: (subject || r.body.split('\n').find((l) => l.trim()) || '').slice(0, 1000),
      text: r.body.slice(0, 100_000),
      applicant: {
        contactId: found?.id ?? null,
        contactName: found?.fullName ?? null,
        contact: found ? contactSummary(db, found.id) : null,
        lastName: found?.lastName ?? name.lastName,
        firstName: found?.firstName ?? name.firstName,
        middleName: found?.middleName ?? name.middleName,
        email: r.from_address,
      },
    },
  };
}

/** The registration the message proposes, as the form would send it untouched (kind: an application). */
function proposedAppeal({ draft }: IntakeItem): ParsedInput<'mail.registerFromIntake'>['appeal'] & object {
  const a = draft.applicant;
  return RegisterAppealSchema.parse({
    channel: 'email',
    kind: 'application',
    receivedOn: draft.receivedOn,
    summary: draft.summary || '—',
    text: draft.text,
    applicant: a.contactId
      ? { contactId: a.contactId }
      : {
          lastName: a.lastName ?? undefined,
          firstName: a.firstName ?? undefined,
          middleName: a.middleName ?? undefined,
          email: a.email,
        },
  });
}

/** The item, still to be decided on, as the transaction finds it. */
function openItem(db: WriteDb, id: string) {
  const r = itemRow(db, id);
  if (r.state === 'registered' || r.state === 'not_appeal')
    throw new ApiError('invalid_state', 'the message has already been dealt with', {
      field: 'id',
      details: { state: r.state, appealId: r.appeal_id },
    });
  return r;
}

export function register(
  ctx: CallContext,
  i: ParsedInput<'mail.registerFromIntake'>,
): Output<'mail.registerFromIntake'> {
  return ctx.store.transaction((db) => {
    const item = openItem(db, i.id);
    const files = (JSON.parse(item.files) as StoredFile[]).filter((f) => f.attachable);
    const chosen = i.files ? files.filter((f) => i.files!.includes(f.sha256)) : files;
    if (i.files) {
      const unknown = i.files.find((h) => !files.some((f) => f.sha256 === h));
      if (unknown !== undefined)
        throw new ApiError('validation', 'files: not a file of this message that an appeal accepts', {
          field: 'files',
          issues: [{ field: 'files', message: 'not a file of this message that an appeal accepts' }],
        });
    }
    const run = beginRegistration(db, ctx);
    const appeal = registerIn(
      db,
      ctx,
      run,
      i.appeal ?? proposedAppeal(itemWithDraft(db, item, ctx.clock.now())),
    );
    const { office, st } = run;
    attachFiles(db, st, office.id, { appealId: appeal.id, requestId: null }, chosen);
    for (const f of chosen) appealHistory(db, ctx, st, office.id, appeal.id, 'attachmentAdded', {}, f.name);
    updateSynced(
      db,
      'mail_intake',
      item.id,
      {
        state: 'registered',
        appeal_id: appeal.id,
        decided_by: requireActor(ctx).userId,
        decided_at: st.now,
      },
      st,
    );
    audit(db, ctx, office.id, 'mail.registerFromIntake', 'mail_intake', item.id, {
      appealId: appeal.id,
      regNumber: appeal.reg_number,
      files: chosen.length,
    });
    return { appealId: appeal.id, regNumber: appeal.reg_number, attached: chosen.length };
  });
}

export function dismiss(
  ctx: CallContext,
  i: ParsedInput<'mail.dismissIntake'>,
): Output<'mail.dismissIntake'> {
  return ctx.store.transaction((db) => {
    const { office, st } = beginWrite(db, ctx);
    const item = openItem(db, i.id);
    updateSynced(
      db,
      'mail_intake',
      item.id,
      {
        state: 'not_appeal',
        reason: i.note ? `${i.reason}: ${i.note}` : i.reason,
        decided_by: requireActor(ctx).userId,
        decided_at: st.now,
      },
      st,
    );
    audit(db, ctx, office.id, 'mail.dismissIntake', 'mail_intake', item.id, { reason: i.reason });
    return toIntakeRow(itemRow(db, item.id));
  });
}
