import { afterEach, describe, expect, it } from 'vitest';
import { sentByMessageIds } from '../../main/mail/outbox/queries';
import { deliverDue, BACKOFF_MS } from '../../main/mail/outbox/deliver';
import { DOCX_MIME } from '../../shared/api/documents';
import { dumpTables } from './helpers';
import { accountFor, startSmtpListener, type SmtpListener } from './smtp-listener';
import { openDesk, replyApproved, sendRequest, type Desk } from './workflow-steps';

const listeners: SmtpListener[] = [];
afterEach(async () => {
  await Promise.all(listeners.splice(0).map((l) => l.close()));
});

async function listener(opts: Parameters<typeof startSmtpListener>[0] = {}): Promise<SmtpListener> {
  const l = await startSmtpListener(opts);
  listeners.push(l);
  return l;
}

async function deskWithMail(l: SmtpListener): Promise<Desk> {
  const d = await openDesk('2026-02-16');
  await d.o.call('mail.account.save', accountFor(l), d.admin.token);
  return d;
}

async function approvedReply(d: Desk, email = 'ivanov@example.ru') {
  const card = await d.register(d.today, {
    channel: 'email',
    applicant: { lastName: 'Иванов', firstName: 'Иван', email },
  });
  await replyApproved(d, card.id);
  return card;
}

const sqlite = (d: Desk) => d.o.handle.store.read.sqlite;

describe('sending the approved reply from the card', () => {
  it('goes to the applicant with the letter attached and the numbers in the subject; the card records the send', async () => {
    const l = await listener();
    const d = await deskWithMail(l);
    const card = await approvedReply(d);
    const draft = await d.o.call(
      'mail.draft',
      { appealId: card.id, kind: 'reply', outgoingNumber: 'ИСХ-15' },
      d.assistant.token,
    );
    expect(draft.to).toBe('ivanov@example.ru');
    expect(draft.subject).toContain(card.regNumber);
    expect(draft.subject).toContain('ИСХ-15');

    const item = await d.o.call(
      'mail.send',
      {
        appealId: card.id,
        kind: 'reply',
        subject: draft.subject,
        body: draft.body,
        outgoingNumber: 'ИСХ-15',
        signatory: 'Петров П.П.',
        result: 'explained',
      },
      d.assistant.token,
    );
    expect(item.status).toBe('sent');
    expect(l.messages).toHaveLength(1);
    expect(l.messages[0]!.to).toEqual(['ivanov@example.ru']);
    const mail = await l.parsed(0);
    expect(mail.subject).toBe(draft.subject);
    expect(mail.messageId).toBe(item.messageId);
    expect(mail.text).toContain(card.regNumber);
    const docx = mail.attachments.find((a) => a.contentType === DOCX_MIME);
    expect(docx).toBeDefined();
    // The attachment is the letter the documents domain made, byte for byte the file kept on the card.
    const kept = sqlite(d).prepare('SELECT sha256 FROM attachments WHERE appeal_id = ?').all(card.id) as {
      sha256: string;
    }[];
    const { createHash } = await import('node:crypto');
    expect(kept.map((k) => k.sha256)).toContain(createHash('sha256').update(docx!.content).digest('hex'));

    const after = await d.o.call('appeals.get', { id: card.id }, d.assistant.token);
    expect(after.status).toBe('closed');
    expect(after.reply).toMatchObject({ sentOn: d.today, form: 'email', outgoingNumber: 'ИСХ-15' });
    const sent = after.history.find((h) => h.action === 'mailSent');
    expect(sent?.changes.messageId?.to).toBe(item.messageId);
    expect(after.history.find((h) => h.action === 'sendReply')?.userName).toBe('Сотрудник assistant');
    expect(sentByMessageIds(d.o.handle.store.read, [`<${item.messageId!.replace(/[<>]/g, '')}>`])).toEqual([
      {
        messageId: item.messageId!.replace(/[<>]/g, ''),
        appealId: card.id,
        requestId: null,
        mailingId: null,
        contactId: null,
      },
    ]);
  });

  it('a refused send stays queued with the reason in plain words and is retried after the backoff', async () => {
    let refuseFirst = true;
    const l = await listener({
      refuse: () => (refuseFirst ? { code: 451, text: 'Temporary local problem, try later' } : null),
    });
    const d = await deskWithMail(l);
    const card = await approvedReply(d);
    const input = {
      appealId: card.id,
      kind: 'reply' as const,
      subject: 'Ответ',
      body: 'Текст',
      attachLetter: false,
      signatory: 'Петров П.П.',
      result: 'explained' as const,
    };
    const item = await d.o.call('mail.send', input, d.assistant.token);
    expect(item.status).toBe('queued');
    expect(item.attempts).toBe(1);
    expect(item.lastError).toMatch(/^Сервер отказался принять письмо: .*Temporary local problem/);
    const now = d.o.clock.now().getTime();
    expect(item.nextAttemptAt).toBe(new Date(now + BACKOFF_MS[0]!).toISOString());
    expect((await d.o.call('appeals.get', { id: card.id }, d.assistant.token)).status).toBe('reply_send');

    refuseFirst = false;
    const ctx = d.o.handle.api.systemContext();
    // Not yet due: the scheduler's pass sends nothing.
    expect(await deliverDue(ctx)).toEqual({ sent: 0, failed: 0 });
    d.o.clock.set(new Date(now + BACKOFF_MS[0]!).toISOString());
    expect(await deliverDue(ctx)).toEqual({ sent: 1, failed: 0 });
    const [after] = await d.o.call('mail.outbox', { appealId: card.id }, d.assistant.token);
    expect(after).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
    const c = await d.o.call('appeals.get', { id: card.id }, d.assistant.token);
    expect(c.reply?.sentOn).toBe(d.today);
    // The step is in the name of the person who sent it, though the scheduler sent it.
    expect(c.history.find((h) => h.action === 'sendReply')?.userName).toBe('Сотрудник assistant');
  });

  it('a wrong password is said in plain words, and the message waits', async () => {
    const l = await listener({ pass: 'another' });
    const d = await deskWithMail(l);
    const card = await approvedReply(d);
    const item = await d.o.call(
      'mail.send',
      {
        appealId: card.id,
        kind: 'reply',
        subject: 'Ответ',
        body: 'Текст',
        signatory: 'П.',
        result: 'explained',
      },
      d.assistant.token,
    );
    expect(item.status).toBe('queued');
    expect(item.lastError).toBe(
      'Сервер отклонил логин или пароль. Проверьте их в настройках отправки почты.',
    );
  });

  it('refuses, naming the field and changing nothing, a send the card cannot make', async () => {
    const l = await listener();
    const d = await deskWithMail(l);
    const card = await approvedReply(d, '');
    const before = dumpTables(sqlite(d));
    const base = { appealId: card.id, kind: 'reply' as const, subject: 'Ответ', body: 'Текст' };
    expect(
      (await d.o.fail('mail.send', { ...base, signatory: 'П.', result: 'explained' }, d.assistant.token))
        .field,
    ).toBe('to');
    expect(
      (await d.o.fail('mail.send', { ...base, to: 'x@example.ru', result: 'explained' }, d.assistant.token))
        .field,
    ).toBe('signatory');
    expect((await d.o.fail('mail.send', { ...base, to: 'not-an-address' }, d.assistant.token)).field).toBe(
      'to',
    );
    // The Art. 11 notice is not owed: the workflow's own refusal, before anything is queued.
    const art11 = await d.o.fail(
      'mail.send',
      { ...base, kind: 'art11_notice', to: 'x@example.ru' },
      d.assistant.token,
    );
    expect(art11.code).toBe('invalid_state');
    expect(dumpTables(sqlite(d))).toBe(before);
    expect(l.messages).toHaveLength(0);
  });
});

describe('sending a request to a body from the request card', () => {
  it('goes to the body’s address with its number; the request is sent that day', async () => {
    const l = await listener();
    const d = await deskWithMail(l);
    const card = await d.register(d.today);
    const { requestId } = await sendRequest(d, card.id, { kind: 'deputy_request', answerDays: 30 });
    const bodyId = sqlite(d)
      .prepare('SELECT body_id FROM external_requests WHERE id = ?')
      .pluck()
      .get(requestId) as string;
    sqlite(d).prepare("UPDATE bodies SET email = 'uk@example.ru' WHERE id = ?").run(bodyId);
    const draft = await d.o.call(
      'mail.draft',
      { appealId: card.id, kind: 'request', requestId, outgoingNumber: 'ИСХ-7' },
      d.assistant.token,
    );
    expect(draft.to).toBe('uk@example.ru');
    const item = await d.o.call(
      'mail.send',
      {
        appealId: card.id,
        kind: 'request',
        requestId,
        subject: draft.subject,
        body: draft.body,
        outgoingNumber: 'ИСХ-7',
      },
      d.assistant.token,
    );
    expect(item.status).toBe('sent');
    const mail = await l.parsed(0);
    expect(mail.subject).toContain('ИСХ-7');
    expect(mail.attachments.map((a) => a.contentType)).toContain(DOCX_MIME);
    const r = (await d.o.call('appeals.get', { id: card.id }, d.assistant.token)).requests[0]!;
    expect(r).toMatchObject({ status: 'sent', sentOn: d.today, outgoingNumber: 'ИСХ-7' });
    expect(sentByMessageIds(d.o.handle.store.read, [item.messageId!])[0]?.requestId).toBe(requestId);
  });
});
