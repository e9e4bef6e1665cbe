import { afterEach, describe, expect, it } from 'vitest';
import { DOCX_MIME } from '../../shared/api/documents';
import { accountFor, startSmtpListener, type SmtpListener } from './smtp-listener';
import { openDesk, type Desk } from './workflow-steps';

const listeners: SmtpListener[] = [];
afterEach(async () => {
  await Promise.all(listeners.splice(0).map((l) => l.close()));
});

async function deskWithMail(): Promise<{ d: Desk; l: SmtpListener }> {
  const l = await startSmtpListener();
  listeners.push(l);
  const d = await openDesk('2026-02-16');
  await d.o.call('mail.account.save', accountFor(l), d.admin.token);
  return { d, l };
}

const emailAppeal = (d: Desk) =>
  d.register(d.today, {
    channel: 'email',
    applicant: { lastName: 'Петрова', firstName: 'Мария', email: 'petrova@example.ru' },
  });

describe('notices sent by e-mail from the card', () => {
  it('the Art. 11 notice goes with its letter; once the server takes it the notice is sent by e-mail that day', async () => {
    const { d, l } = await deskWithMail();
    const card = await emailAppeal(d);
    await d.o.call(
      'workflow.applyArt11',
      { id: card.id, ground: 'p2', comment: 'Спор решён судом' },
      d.assistant.token,
    );
    const draft = await d.o.call(
      'mail.draft',
      { appealId: card.id, kind: 'art11_notice', outgoingNumber: 'ИСХ-3' },
      d.assistant.token,
    );
    const item = await d.o.call(
      'mail.send',
      {
        appealId: card.id,
        kind: 'art11_notice',
        subject: draft.subject,
        body: draft.body,
        outgoingNumber: 'ИСХ-3',
      },
      d.assistant.token,
    );
    expect(item).toMatchObject({ status: 'sent', to: 'petrova@example.ru' });
    const mail = await l.parsed(0);
    expect(mail.subject).toContain(card.regNumber);
    expect(mail.subject).toContain('ИСХ-3');
    expect(mail.attachments.filter((a) => a.contentType === DOCX_MIME)).toHaveLength(1);
    const after = await d.o.call('appeals.get', { id: card.id }, d.assistant.token);
    expect(after.notice).toEqual({ sentOn: d.today, form: 'email', outgoingNumber: 'ИСХ-3' });
    expect(after.history.some((h) => h.action === 'mailSent')).toBe(true);
  });

  it('the extension notice goes as text (no letter) with the new term; the applicant is told that day', async () => {
    const { d, l } = await deskWithMail();
    const card = await emailAppeal(d);
    const extended = await d.o.call(
      'workflow.extend',
      { id: card.id, days: 10, reason: 'Проверка' },
      d.deputy.token,
    );
    const draft = await d.o.call(
      'mail.draft',
      { appealId: card.id, kind: 'extension_notice' },
      d.assistant.token,
    );
    expect(draft.letterName).toBe('');
    const term = extended.termDate!.split('-').reverse().join('.');
    expect(draft.body).toContain(`продлён до ${term}`);
    await d.o.call(
      'mail.send',
      { appealId: card.id, kind: 'extension_notice', subject: draft.subject, body: draft.body },
      d.assistant.token,
    );
    const mail = await l.parsed(0);
    expect(mail.attachments).toHaveLength(0);
    expect(mail.text).toContain(`продлён до ${term}`);
    const after = await d.o.call('appeals.get', { id: card.id }, d.assistant.token);
    expect(after.extension?.notifiedOn).toBe(d.today);
    // Told once: a second notice by e-mail is refused before anything is queued.
    const before = l.messages.length;
    const again = await d.o.fail(
      'mail.send',
      { appealId: card.id, kind: 'extension_notice', subject: draft.subject, body: draft.body },
      d.assistant.token,
    );
    expect(again).toMatchObject({ code: 'invalid_state', message: 'no extension notice is owed' });
    expect(l.messages).toHaveLength(before);
    expect(
      d.o.handle.store.read.sqlite
        .prepare("SELECT count(*) FROM mail_outbox WHERE kind = 'extension_notice'")
        .pluck()
        .get(),
    ).toBe(1);
  });
});
