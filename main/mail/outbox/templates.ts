/**
 * The subject and body of each letter a card sends by e-mail: the office's own (Settings) or the shipped
 * text, filled from the card.
 */
import type { AppealCard } from '../../../shared/api/appeals';
import type { Output, ParsedInput } from '../../../shared/api/index';
import { MAIL_KINDS, type MailKind } from '../../../shared/api/mail-outbox';
import { fillMailTemplate } from '../../../shared/domain/mail-template';
import { MAIL_TEMPLATES, mailText } from '../../../shared/i18n/ru/mail-outbox';
import { audit } from '../../kernel/bookkeeping';
import type { CallContext, ReadContext } from '../../kernel/context';
import type { ReadDb } from '../../../db/sql';
import { officeRow } from '../../office/queries';

const ruDate = (iso: string | null): string => (iso ? iso.split('-').reverse().join('.') : '');

export function mailTemplate(db: ReadDb, kind: MailKind): { subject: string; body: string; custom: boolean } {
  const own = db.rawGet<{ subject: string; body: string }>(
    'SELECT subject, body FROM mail_templates WHERE kind = ?',
    kind,
  );
  return own ? { ...own, custom: true } : { ...MAIL_TEMPLATES[kind], custom: false };
}

export function listTemplates(ctx: ReadContext): Output<'mail.templates.list'> {
  return MAIL_KINDS.map((kind) => ({ kind, ...mailTemplate(ctx.store.read, kind) }));
}

export function saveTemplate(
  ctx: CallContext,
  i: ParsedInput<'mail.templates.save'>,
): Output<'mail.templates.save'> {
  ctx.store.transaction((db) => {
    db.rawRun('DELETE FROM mail_templates WHERE kind = ?', i.kind);
    if (i.subject.trim() || i.body.trim())
      db.insert('mail_templates', {
        kind: i.kind,
        subject: i.subject.trim() || MAIL_TEMPLATES[i.kind].subject,
        body: i.body.trim() ? i.body : MAIL_TEMPLATES[i.kind].body,
        updated_at: ctx.clock.now().toISOString(),
        updated_by: ctx.actor?.userId ?? null,
      });
    audit(db, ctx, officeRow(db).id, 'mail.templates.save', 'mail_template', null, { kind: i.kind });
  });
  return listTemplates(ctx);
}

/** The subject and body of a card's letter, its fields filled from the card. */
export function cardMail(
  db: ReadDb,
  kind: MailKind,
  card: AppealCard,
  f: { outgoingNumber: string | null; sender: string },
): { subject: string; body: string } {
  const t = mailTemplate(db, kind);
  const values = {
    обращение_номер: card.regNumber,
    обращение_дата: ruDate(card.registeredOn),
    заявитель: card.applicant.fullName,
    номер: f.outgoingNumber ?? '',
    исх: mailText.outgoing(f.outgoingNumber),
    срок: ruDate(card.termDate),
    отправитель: f.sender,
  };
  return { subject: fillMailTemplate(t.subject, values), body: fillMailTemplate(t.body, values) };
}
