/**
 * The card's workflow steps as calls: what each dialog starts with, which of its dates must parse, and
 * the contract method it ends in. One switch per concern, exhaustive over the actions.
 */
import type { AppealCard } from '../../../../shared/api/appeals';
import type { AppealAction } from '../../../../shared/domain/workflow/appeal';
import { ART11_RULES, type Art11Ground } from '../../../../shared/domain/workflow/art11';
import type { ExtraAction } from '../../../../shared/i18n/ru/workflow';
import { call } from '../../api/client';
import { bool, list, str, type Values } from './fields';

/**
 * Moves the service makes when a request's step leads the appeal on, and the oral answer given with the
 * registration itself; no dialog of the card takes them.
 */
type FollowUp = 'answerToReply' | 'requestsWithdrawn' | 'answerOrally';
export type CardAction = Exclude<AppealAction, FollowUp> | ExtraAction;

export function isCardAction(a: AppealAction): a is Exclude<AppealAction, FollowUp> {
  return a !== 'answerToReply' && a !== 'requestsWithdrawn' && a !== 'answerOrally';
}

type Form = 'post' | 'email' | 'in_person';
type Result = NonNullable<AppealCard['result']>;

function unknownAction(a: never): Error {
  return new Error(`unknown workflow action ${String(a)}`);
}

/** The form a letter most likely goes by: e-mail for an electronic appeal with an address, else post. */
function likelyForm(card: AppealCard): Form {
  return (card.channel === 'email' || card.channel === 'web') && card.applicant.email ? 'email' : 'post';
}

export function initialValues(
  action: CardAction,
  card: AppealCard,
  ctx: { today: string; deputyName: string },
): Values {
  switch (action) {
    case 'sendToDeputy':
    case 'requestContactData':
    case 'approveReply':
    case 'returnReply':
      return { comment: '' };
    case 'contactDataReceived':
      return {
        lastName: card.applicant.lastName ?? '',
        firstName: card.applicant.firstName ?? '',
        address: card.applicant.address ?? '',
        email: card.applicant.email ?? '',
        phone: card.applicant.phones[0] ?? '',
        comment: '',
      };
    case 'applyArt11':
      return {
        ground: '',
        comment: '',
        reportsCrime: false,
        readable: true,
        linkedAppealIds: [],
        publishedAnswerUrl: '',
      };
    case 'decideArt11':
      return { decision: 'end', text: '' };
    case 'sendArt11Notice':
      return { sentOn: ctx.today, form: likelyForm(card), outgoingNumber: '', comment: '' };
    case 'forward':
      return { addressee: '', complainedBody: '', comment: '' };
    case 'completeForward':
      return { outgoingNumber: '', sentOn: ctx.today, applicantNotifiedOn: ctx.today, comment: '' };
    case 'resolve':
      return { text: '', resolvedOn: ctx.today, requestNeeded: false };
    case 'submitReply':
    case 'saveReply':
      return { text: card.reply?.text ?? '', comment: '' };
    case 'sendReply':
      return {
        sentOn: ctx.today,
        form: likelyForm(card),
        outgoingNumber: '',
        signatory: ctx.deputyName,
        result: '',
      };
    case 'extend':
      return { days: '30', reason: '' };
    case 'notifyExtension':
      return { notifiedOn: ctx.today };
    default:
      throw unknownAction(action);
  }
}

/** The dates each dialog holds, to refuse a half-typed one before sending. */
export const DATE_FIELDS: Partial<Record<CardAction, readonly string[]>> = {
  sendArt11Notice: ['sentOn'],
  completeForward: ['sentOn', 'applicantNotifiedOn'],
  resolve: ['resolvedOn'],
  sendReply: ['sentOn'],
  notifyExtension: ['notifiedOn'],
};

/** Runs the step; every workflow method answers with the card as it now is. */
export async function runAppealAction(action: CardAction, card: AppealCard, v: Values): Promise<AppealCard> {
  const id = card.id;
  const comment = str(v, 'comment');
  switch (action) {
    case 'sendToDeputy':
      return call('workflow.sendToDeputy', { id, comment });
    case 'requestContactData':
      return call('workflow.requestContactData', { id, comment });
    case 'contactDataReceived':
      return call('workflow.contactDataReceived', {
        id,
        comment,
        lastName: str(v, 'lastName'),
        firstName: str(v, 'firstName'),
        address: str(v, 'address'),
        email: str(v, 'email'),
        phone: str(v, 'phone'),
      });
    case 'applyArt11':
      return call('workflow.applyArt11', {
        id,
        comment,
        ground: str(v, 'ground') as Art11Ground,
        reportsCrime: bool(v, 'reportsCrime'),
        readable: bool(v, 'readable'),
        linkedAppealIds: list(v, 'linkedAppealIds'),
        // Only part 5.1 names a published answer: a value left from another ground is not sent.
        ...(ART11_RULES[str(v, 'ground') as Art11Ground]?.publishedAnswer
          ? { publishedAnswerUrl: str(v, 'publishedAnswerUrl').trim() || undefined }
          : {}),
      });
    case 'decideArt11':
      return call('workflow.decideArt11', {
        id,
        approve: str(v, 'decision') === 'end',
        text: str(v, 'text'),
      });
    case 'sendArt11Notice':
      return call('workflow.sendArt11Notice', {
        id,
        comment,
        sentOn: str(v, 'sentOn'),
        form: str(v, 'form') as Form,
        outgoingNumber: str(v, 'outgoingNumber'),
      });
    case 'forward':
      return call('workflow.forward', {
        id,
        comment,
        addressee: str(v, 'addressee'),
        complainedBody: str(v, 'complainedBody'),
      });
    case 'completeForward':
      return call('workflow.completeForward', {
        id,
        comment,
        outgoingNumber: str(v, 'outgoingNumber'),
        sentOn: str(v, 'sentOn'),
        applicantNotifiedOn: str(v, 'applicantNotifiedOn'),
      });
    case 'resolve':
      return call('workflow.resolve', {
        id,
        text: str(v, 'text'),
        resolvedOn: str(v, 'resolvedOn') || undefined,
        requestNeeded: bool(v, 'requestNeeded'),
      });
    case 'saveReply':
      return call('workflow.saveReply', { id, text: str(v, 'text') });
    case 'submitReply': {
      // The draft in the dialog is saved first, so what the deputy approves is what was typed.
      if (str(v, 'text') !== (card.reply?.text ?? ''))
        await call('workflow.saveReply', { id, text: str(v, 'text') });
      return call('workflow.submitReply', { id, comment });
    }
    case 'approveReply':
      return call('workflow.approveReply', { id, comment });
    case 'returnReply':
      return call('workflow.returnReply', { id, comment });
    case 'sendReply':
      return call('workflow.sendReply', {
        id,
        sentOn: str(v, 'sentOn'),
        form: str(v, 'form') as Form,
        outgoingNumber: str(v, 'outgoingNumber'),
        signatory: str(v, 'signatory'),
        result: str(v, 'result') as Result,
      });
    case 'extend':
      return call('workflow.extend', { id, days: Number(str(v, 'days')), reason: str(v, 'reason') });
    case 'notifyExtension':
      return call('workflow.notifyExtension', { id, notifiedOn: str(v, 'notifiedOn') });
    default:
      throw unknownAction(action);
  }
}
