import type { AppealTable } from '../../db/schema';
import type { OralAnswer, OralResult } from '../../shared/api/oral-answer';
import { moveAppeal } from './engine';
import { closeAs, notAfterToday } from './review';
import { type PersonScope } from '../kernel/scope';

/** What the reply columns keep of an oral answer: its form says it was given at the reception. */
export const ORAL_FORM = 'oral';

/**
 * 59-FZ Art. 13 p.2: the answer given orally at the reception, with the applicant's agreement, closes the
 * appeal on the day it was registered. A step of the table like any other: the review task the
 * registration opened is done, the history says who answered and what was said.
 */
export function answerOrally(
  flow: PersonScope,
  appeal: AppealTable,
  answer: { result: OralResult; text: string; answeredBy?: OralAnswer['answeredBy'] },
): AppealTable {
  const on = appeal.registered_on;
  // The answer is given at the reception: it cannot be recorded for a day that has not come.
  notAfterToday(flow, on, 'registeredOn');
  return moveAppeal(flow, appeal, 'answerOrally', 'closed', {
    reply_text: answer.text,
    reply_form: ORAL_FORM,
    reply_sent_on: on,
    reply_signatory: answer.answeredBy ?? null,
    oral_consent: 1,
    ...closeAs(flow, appeal, answer.result, on),
  });
}
