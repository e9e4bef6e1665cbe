import { describe, expect, it } from 'vitest';
import { MAIL_TEMPLATES } from '../../shared/i18n/ru/mail-outbox';
import { openDesk, replyApproved } from './workflow-steps';

describe('the e-mail templates (Settings → Отправка почты)', () => {
  it('the office’s own subject and body fill the card’s letter; an empty one brings the shipped text back', async () => {
    const d = await openDesk('2026-02-16');
    const card = await d.register(d.today, {
      channel: 'email',
      applicant: { lastName: 'Иванов', firstName: 'Иван', email: 'ivanov@example.ru' },
    });
    await replyApproved(d, card.id);
    const shipped = await d.o.call('mail.templates.list', {}, d.assistant.token);
    expect(shipped.find((t) => t.kind === 'reply')).toEqual({
      kind: 'reply',
      ...MAIL_TEMPLATES.reply,
      custom: false,
    });

    await d.o.call(
      'mail.templates.save',
      {
        kind: 'reply',
        subject: 'Ответ {{номер}} на № {{обращение_номер}}',
        body: '{{заявитель}}, ответ во вложении. Срок был {{срок}}.',
      },
      d.admin.token,
    );
    const draft = await d.o.call(
      'mail.draft',
      { appealId: card.id, kind: 'reply', outgoingNumber: 'ИСХ-7' },
      d.assistant.token,
    );
    expect(draft.subject).toBe(`Ответ ИСХ-7 на № ${card.regNumber}`);
    const termDate = card.termDate!.split('-').reverse().join('.');
    expect(draft.body).toBe(`${card.applicant.fullName}, ответ во вложении. Срок был ${termDate}.`);

    // Only the office head or the admin sets the office's text; the refusal changes nothing.
    const refused = await d.o.fail(
      'mail.templates.save',
      { kind: 'reply', subject: 'x', body: 'y' },
      d.assistant.token,
    );
    expect(refused.code).toBe('forbidden');
    // An unknown kind is refused naming the field.
    const bad = await d.o.fail(
      'mail.templates.save',
      { kind: 'letter', subject: 'x', body: 'y' },
      d.admin.token,
    );
    expect(bad.field).toBe('kind');
    expect(
      (await d.o.call('mail.draft', { appealId: card.id, kind: 'reply' }, d.assistant.token)).subject,
    ).toBe(`Ответ  на № ${card.regNumber}`);

    await d.o.call('mail.templates.save', { kind: 'reply', subject: '', body: '' }, d.admin.token);
    const back = await d.o.call('mail.templates.list', {}, d.assistant.token);
    expect(back.find((t) => t.kind === 'reply')).toMatchObject({
      custom: false,
      subject: MAIL_TEMPLATES.reply.subject,
    });
  });
});
