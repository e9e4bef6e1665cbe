/**
 * What a taken message says about mail the office sent: a bounce marks the failed address on its
 * contacts (and the mailing's recipient as bounced), an «unsubscribe <token>» message or a reply
 * «отписаться» to a mailing withdraws that person's consent, and a reply in a thread of a letter sent
 * from an appeal's card belongs to that appeal. All of it is written in the intake's own transaction.
 */
import { markBounced, withdrawByUnsubscribeReply, unsubscribeToken } from '../mailings/replies';
import { sentByMessageIds } from '../outbox/queries';
import type { WriteScope } from '../../kernel/scope';
import type { ParsedMessage } from './parse';

export interface Returns {
  /** The appeal whose sent letter this message answers. */
  appealId: string | null;
  /** The request to a body this message answers. */
  requestId: string | null;
  /** The message asked to unsubscribe and consent was withdrawn for these contacts. */
  unsubscribed: string[];
}

const UNSUBSCRIBE = /(^|\s)(unsubscribe|отписаться|отпишите)(\s|$|[.!,])/i;

export function readReturns(s: WriteScope, p: ParsedMessage): Returns {
  const none: Returns = { appealId: null, requestId: null, unsubscribed: [] };
  if (p.bounce) {
    if (p.bounce.recipient) markBounced(s, p.bounce.recipient, p.bounce.originalMessageId);
    return none;
  }
  const subject = p.subject ?? '';
  if (UNSUBSCRIBE.test(subject) && unsubscribeToken(subject))
    return { ...none, unsubscribed: withdrawByUnsubscribeReply(s, subject).contactIds };
  const thread = [p.inReplyTo, ...p.references].filter((x): x is string => !!x).slice(-20);
  const owners = sentByMessageIds(s.db, thread);
  if (
    p.fromAddress &&
    owners.some((o) => o.mailingId) &&
    (UNSUBSCRIBE.test(subject) || UNSUBSCRIBE.test((p.body ?? '').slice(0, 500)))
  )
    return { ...none, unsubscribed: withdrawByUnsubscribeReply(s, p.fromAddress).contactIds };
  const request = owners.find((o) => o.requestId)?.requestId ?? null;
  const requestAppeal = request
    ? (s.db.rawGet<{ appeal_id: string }>('SELECT appeal_id FROM external_requests WHERE id = ?', request)
        ?.appeal_id ?? null)
    : null;
  return {
    ...none,
    appealId: owners.find((o) => o.appealId)?.appealId ?? requestAppeal,
    requestId: request,
  };
}
