import { afterEach, describe, expect, it } from 'vitest';
import { deliverDue } from '../../main/mail/outbox/deliver';
import { accountFor, startSmtpListener, type SmtpListener } from './smtp-listener';
import { openDesk, replyApproved } from './workflow-steps';

const listeners: SmtpListener[] = [];
afterEach(async () => {
  await Promise.all(listeners.splice(0).map((l) => l.close()));
});

async function queuedReply(refuse: { on: boolean }) {
  const l = await startSmtpListener({
    refuse: () => (refuse.on ? { code: 451, text: 'Try again later' } : null),
  });
  listeners.push(l);
  const d = await openDesk('2026-02-16');
  await d.o.call('mail.account.save', accountFor(l), d.admin.token);
  const card = await d.register(d.today, {
    channel: 'email',
    applicant: { lastName: 'Иванов', firstName: 'Иван', email: 'ivanov@example.ru' },
  });
  await replyApproved(d, card.id);
  const item = await d.o.call(
    'mail.send',
    {
      appealId: card.id,
      kind: 'reply',
      subject: 'Ответ',
      body: 'Текст',
      attachLetter: false,
      signatory: 'Петров П.П.',
      result: 'explained',
    },
    d.assistant.token,
  );
  expect(item).toMatchObject({ status: 'queued', attempts: 1 });
  return { d, l, card, item };
}

describe('a queued message on the card', () => {
  it('«Повторить сейчас» tries it at once, before its backoff is over', async () => {
    const refuse = { on: true };
    const { d, l, card, item } = await queuedReply(refuse);
    refuse.on = false;
    const again = await d.o.call('mail.retry', { id: item.id }, d.assistant.token);
    expect(again).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
    expect(l.messages).toHaveLength(1);
    expect((await d.o.call('appeals.get', { id: card.id }, d.assistant.token)).reply?.sentOn).toBe(d.today);
    // A sent message is not queued any more: retrying or cancelling it is refused, naming the field.
    expect(await d.o.fail('mail.retry', { id: item.id }, d.assistant.token)).toMatchObject({
      code: 'invalid_state',
      field: 'id',
    });
    expect(await d.o.fail('mail.cancel', { id: item.id }, d.assistant.token)).toMatchObject({
      code: 'invalid_state',
      field: 'id',
    });
  });

  it('«Не отправлять» takes it out of the queue: the scheduler never sends it, the step is not recorded', async () => {
    const refuse = { on: true };
    const { d, l, card, item } = await queuedReply(refuse);
    const cancelled = await d.o.call('mail.cancel', { id: item.id }, d.assistant.token);
    expect(cancelled).toMatchObject({ status: 'cancelled', nextAttemptAt: null });
    refuse.on = false;
    await d.day('2026-02-17');
    expect(await deliverDue(d.o.handle.api.systemContext())).toEqual({ sent: 0, failed: 0 });
    expect(l.messages).toHaveLength(0);
    const c = await d.o.call('appeals.get', { id: card.id }, d.assistant.token);
    expect(c.reply?.sentOn).toBeNull();
    expect(c.status).toBe('reply_send');
  });
});
