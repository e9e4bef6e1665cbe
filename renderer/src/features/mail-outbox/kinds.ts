import type { AppealCard } from '../../../../shared/api/appeals';
import type { MailKind } from '../../../../shared/api/mail-outbox';

/** The letters the card's state owes by e-mail now: each a workflow step not yet taken. */
export function mailKindsOf(c: AppealCard): { kind: MailKind; requestId?: string }[] {
  const out: { kind: MailKind; requestId?: string }[] = [];
  if (c.reply?.approvedOn && !c.reply.sentOn) out.push({ kind: 'reply' });
  if (c.art11 && c.art11.ground !== 'p1' && !c.notice) out.push({ kind: 'art11_notice' });
  if (c.extension && !c.extension.notifiedOn) out.push({ kind: 'extension_notice' });
  for (const q of c.requests)
    if (q.status === 'approved' && !q.sentOn) out.push({ kind: 'request', requestId: q.id });
  return out;
}
