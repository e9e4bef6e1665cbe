import type { AppealTable } from '../../db/schema';
import { ApiError } from '../../shared/api/define';
import type { Output, ParsedInput } from '../../shared/api/index';
import { art11Outcome, ART11_RULES } from '../../shared/domain/workflow/art11';
import { addressKey, foldText } from '../../shared/domain/text';
import { insertSynced, newSyncColumns } from '../kernel/bookkeeping';
import type { CallContext } from '../kernel/context';
import { getCard } from '../appeals/card';
import { indexForSearch } from '../appeals/register';
import { assertAppealAction, dueFor, moveAppeal } from './engine';
import { STATE_TASK } from '../../shared/domain/workflow/appeal';

import { updateApplicantDetails } from '../contacts/contacts';
import { beginPersonWrite, type PersonScope } from '../kernel/scope';
import { appealRow } from '../appeals/queries';

type Card = Output<'workflow.sendToDeputy'>;

/** Runs one workflow step in a transaction and returns the card as it now is. */
export function step(
  ctx: CallContext,
  id: string,
  fn: (flow: PersonScope, appeal: AppealTable) => void,
): Card {
  ctx.store.transaction((db) => {
    const flow = beginPersonWrite(db, ctx);
    fn(flow, appealRow(db, id));
  });
  return getCard(ctx.store.read, ctx, id);
}

export const sendToDeputy = (ctx: CallContext, i: ParsedInput<'workflow.sendToDeputy'>): Card =>
  step(ctx, i.id, (f, a) => moveAppeal(f, a, 'sendToDeputy', 'awaiting_resolution', {}, i.comment ?? null));

export const requestContactData = (ctx: CallContext, i: ParsedInput<'workflow.requestContactData'>): Card =>
  step(ctx, i.id, (f, a) => moveAppeal(f, a, 'requestContactData', 'awaiting_contact_data', {}, i.comment));

export const contactDataReceived = (ctx: CallContext, i: ParsedInput<'workflow.contactDataReceived'>): Card =>
  step(ctx, i.id, (f, a) => {
    const applicant = updateApplicantDetails(f.db, f.st, a.applicant_id, i);
    const after = moveAppeal(
      f,
      a,
      'contactDataReceived',
      'registered',
      { applicant_name: applicant.fullName, applicant_phone: applicant.phones[0] ?? null },
      i.comment ?? null,
    );
    indexForSearch(f.db, after);
  });

export const applyArt11 = (ctx: CallContext, i: ParsedInput<'workflow.applyArt11'>): Card =>
  step(ctx, i.id, (f, a) => {
    assertAppealAction(f, a, 'applyArt11');
    const rule = ART11_RULES[i.ground];
    if (rule.earlierAnswers) checkLinkedAnswers(f, a, i.linkedAppealIds, rule.earlierAnswers);
    else if (i.linkedAppealIds.length > 0)
      throw new ApiError('validation', 'linkedAppealIds: only part 5 links earlier answers', {
        field: 'linkedAppealIds',
      });
    if (rule.publishedAnswer && !i.publishedAnswerUrl)
      throw new ApiError(
        'validation',
        'publishedAnswerUrl: part 5.1 names the address of the published answer',
        {
          field: 'publishedAnswerUrl',
        },
      );
    if (!rule.publishedAnswer && i.publishedAnswerUrl)
      throw new ApiError('validation', 'publishedAnswerUrl: only part 5.1 names a published answer', {
        field: 'publishedAnswerUrl',
      });
    const to = art11Outcome(i.ground, { reportsCrime: i.reportsCrime, readable: i.readable });
    const closing = to === 'closed';
    moveAppeal(
      f,
      a,
      'applyArt11',
      to,
      {
        art11_ground: i.ground,
        art11_linked: JSON.stringify(i.linkedAppealIds),
        art11_published_url: i.publishedAnswerUrl ?? null,
        ...(closing ? closeAs(f, a, 'left_without_answer') : {}),
      },
      i.comment,
    );
  });

/**
 * Part 5: the earlier appeals must be the same applicant's, answered on the merits, and more than one:
 * a single earlier answer does not end the correspondence.
 */
function checkLinkedAnswers(f: PersonScope, a: AppealTable, ids: readonly string[], needed: number): void {
  const distinct = [...new Set(ids)];
  if (distinct.length < needed)
    throw new ApiError(
      'validation',
      'linkedAppealIds: part 5 needs at least two earlier answers on the merits to the same question',
      { field: 'linkedAppealIds' },
    );
  for (const id of distinct) {
    const e = f.db.get(
      f.db.qb.selectFrom('appeals').select(['applicant_id', 'status', 'result']).where('id', '=', id),
    );
    const answered =
      e?.status === 'closed' &&
      e.result !== null &&
      e.result !== 'left_without_answer' &&
      e.result !== 'forwarded';
    if (!e || id === a.id || e.applicant_id !== a.applicant_id || !answered)
      throw new ApiError(
        'validation',
        'linkedAppealIds: an earlier appeal of this applicant answered on the merits is expected',
        {
          field: 'linkedAppealIds',
        },
      );
  }
}

export const decideArt11 = (ctx: CallContext, i: ParsedInput<'workflow.decideArt11'>): Card =>
  step(ctx, i.id, (f, a) => {
    recordResolution(f, a, null, i.text, i.approve ? 'end_correspondence' : 'review');
    moveAppeal(
      f,
      a,
      'decideArt11',
      i.approve ? 'art11_notice' : 'registered',
      i.approve ? {} : { art11_ground: null, art11_linked: '[]' },
      i.text,
    );
  });

export const sendArt11Notice = (ctx: CallContext, i: ParsedInput<'workflow.sendArt11Notice'>): Card =>
  step(ctx, i.id, (f, a) => {
    assertAppealAction(f, a, 'sendArt11Notice');
    checkStepDate(f, 'sentOn', i.sentOn, { registered: a.registered_on });
    moveAppeal(
      f,
      a,
      'sendArt11Notice',
      'closed',
      {
        notice_sent_on: i.sentOn,
        notice_form: i.form,
        notice_number: i.outgoingNumber ?? null,
        ...closeAs(f, a, 'left_without_answer', i.sentOn, dueFor(f, a, STATE_TASK.art11_notice.due)),
      },
      i.comment ?? null,
    );
  });

const bodyKey = (s: string): string => addressKey(s) ?? foldText(s);

export const forward = (ctx: CallContext, i: ParsedInput<'workflow.forward'>): Card =>
  step(ctx, i.id, (f, a) => {
    assertAppealAction(f, a, 'forward');
    const complained = i.complainedBody ?? a.complained_body;
    // 59-FZ Art. 8 p.6: a complaint never goes to the body whose actions it complains of.
    if (complained && bodyKey(complained) === bodyKey(i.addressee))
      throw new ApiError('invalid_state', 'a complaint cannot be forwarded to the body it complains of', {
        field: 'addressee',
      });
    moveAppeal(
      f,
      a,
      'forward',
      'forwarding',
      { forward_addressee: i.addressee, complained_body: complained ?? null },
      i.comment ?? null,
    );
  });

export const completeForward = (ctx: CallContext, i: ParsedInput<'workflow.completeForward'>): Card =>
  step(ctx, i.id, (f, a) => {
    assertAppealAction(f, a, 'completeForward');
    checkStepDate(f, 'sentOn', i.sentOn, { registered: a.registered_on });
    checkStepDate(f, 'applicantNotifiedOn', i.applicantNotifiedOn, { registered: a.registered_on });
    if (a.status === 'forwarding' && !a.forward_addressee)
      throw new ApiError('invalid_state', 'name the body the appeal goes to first (forward)', {
        field: 'id',
      });
    moveAppeal(
      f,
      a,
      'completeForward',
      'closed',
      {
        forward_number: i.outgoingNumber,
        forward_sent_on: i.sentOn,
        forward_notified_on: i.applicantNotifiedOn,
        ...closeAs(f, a, 'forwarded', i.sentOn, dueFor(f, a, STATE_TASK.forwarding.due)),
      },
      i.comment ?? null,
    );
  });

export function notAfterToday(f: PersonScope, date: string, field: string): void {
  if (date > f.today) throw new ApiError('validation', `${field}: the date is in the future`, { field });
}

export function notAfterTodayAll(f: PersonScope, dates: Record<string, string>): void {
  for (const [field, date] of Object.entries(dates)) notAfterToday(f, date, field);
}

/** What a step's date may not precede, as the refusal names it. */
const BOUNDS = {
  registered: 'the date is before the appeal was registered',
  answered: 'the date is before the answer to the request',
} as const;
export type StepBound = keyof typeof BOUNDS;

/**
 * A workflow step's date: never after the office's today, never before the dated step it follows (the
 * registration, the answer it replies to). Refused naming the field. Steps the system dates itself
 * (a resolution given no date, an approval, an extension) bound nothing: a desk entering an old paper
 * trail today records them today and the letters on their real dates.
 */
export function checkStepDate(
  f: PersonScope,
  field: string,
  date: string,
  after: Partial<Record<StepBound, string | null>>,
): void {
  notAfterToday(f, date, field);
  for (const [bound, on] of Object.entries(after) as [StepBound, string | null][])
    if (on && date < on) throw new ApiError('validation', `${field}: ${BOUNDS[bound]}`, { field });
}

/** The columns a closing step sets: "reviewed late" is computed from the control date, never typed. */
/**
 * The columns a closing step sets. "Reviewed late" is computed, never typed: against the term of the
 * step that closes the appeal — 7 days for forwarding and for the Art. 11 notices that have that
 * term, the review's control date otherwise.
 */
export function closeAs(
  f: PersonScope,
  a: AppealTable,
  result: string,
  on = f.today,
  deadline = a.due_date,
): Partial<AppealTable> {
  return { result, closed_on: on, reviewed_late: on > deadline ? 1 : 0 };
}

export function recordResolution(
  f: PersonScope,
  a: AppealTable,
  requestId: string | null,
  text: string,
  decision: string,
  on = f.today,
): void {
  const { st } = f;
  insertSynced(f.db, 'resolutions', {
    ...newSyncColumns(st, f.office.id),
    appeal_id: a.id,
    request_id: requestId,
    author_id: f.actor.userId,
    resolved_on: on,
    text,
    decision,
  });
}
