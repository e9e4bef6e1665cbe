import { afterEach, describe, expect, it } from 'vitest';
import { runMailing } from '../../main/mail/mailings/sender';
import { compose, dsnBounce, pdfBytes } from '../fixtures/mail/messages';
import { mailboxFor } from './dovecot';
import { dovecotForFile } from './dovecot-file';
import { dumpTables, setUpOffice } from './helpers';
import { seedContacts, startedMailing, unsubscribeTokenOf } from './mailings-fixture';
import { accountFor, startSmtpListener } from './smtp-listener';
import { openDesk, replyApproved, sendRequest } from './workflow-steps';

/**
 * What comes back to the office's mailbox after a mailing, taken by the intake from a real IMAP server:
 * an «unsubscribe <token>» message and a reply «отпишите» withdraw those people's consent, a delivery
 * report marks the address failing; none of them waits in «Входящие» as an appeal.
 */

const dovecot = dovecotForFile();
const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

describe('mail that comes back after a mailing', () => {
  it('withdraws consent on an unsubscribe message or reply, and marks a bounced address failing', async () => {
    const o = await setUpOffice('2026-03-02T07:00:00Z');
    cleanup.push(() => o.tmp.remove());
    const db = o.handle.store.read.sqlite;
    seedContacts(db, { count: 5, district: 'Заречный', prefix: 'z', at: '2026-03-01T07:00:00Z' });
    const l = await startSmtpListener();
    cleanup.push(() => l.close());
    await o.value('mail.account.save', accountFor(l));
    const m = await startedMailing(o, 'Заречный');
    await runMailing(o.handle.api.systemContext(), m.id);
    expect(l.messages.length).toBeGreaterThanOrEqual(3);
    const [one, two, three] = l.messages;
    const idOf = async (n: number) => (await l.parsed(n)).messageId!;

    const box = dovecot.server.addUser('priem-returns@example.ru', 'pw-returns');
    await o.value('mail.saveMailbox', mailboxFor(dovecot.server, box));
    await dovecot.server.append(box, [
      await compose({
        from: one!.to[0]!,
        to: 'priem-returns@example.ru',
        subject: `unsubscribe ${unsubscribeTokenOf(one!.raw)!}`,
        text: '',
      }),
      await compose({
        from: two!.to[0]!,
        to: 'priem-returns@example.ru',
        subject: 'Re: Встреча',
        inReplyTo: await idOf(1),
        references: [await idOf(1)],
        text: 'Отпишите меня от рассылки, пожалуйста.',
      }),
      dsnBounce({ failed: three!.to[0]!, originalMessageId: await idOf(2) }),
    ]);
    await o.value('mail.fetchNow', {});

    const withdrawn = db
      .prepare(
        `SELECT c.email FROM contact_consents k JOIN contacts c ON c.id = k.contact_id
         WHERE k.purpose = 'mailing' AND k.withdrawn_at IS NOT NULL ORDER BY c.email`,
      )
      .pluck()
      .all();
    expect(withdrawn).toEqual([one!.to[0], two!.to[0]].sort());
    const failing = db.prepare('SELECT email FROM contacts WHERE email_failing_at IS NOT NULL').pluck().all();
    expect(failing).toEqual([three!.to[0]]);
    expect(await o.value('mailings.status', { id: m.id })).toMatchObject({ withdrawn: 2, bounced: 1 });
    const states = db.prepare('SELECT state, reason FROM mail_intake ORDER BY uid').all();
    expect(states.slice(0, 2)).toEqual([
      { state: 'not_appeal', reason: 'other: unsubscribe' },
      { state: 'not_appeal', reason: 'other: unsubscribe' },
    ]);
    // The unsubscribed are no longer asked to register anything: nothing of theirs waits as new.
    expect((await o.value('mail.intake', { state: 'new' })).unregistered).toBe(1);
  }, 120_000);

  it('links an applicant’s reply to a letter sent from the card to that appeal by its Message-ID', async () => {
    const l = await startSmtpListener();
    cleanup.push(() => l.close());
    const d = await openDesk('2026-02-16');
    await d.o.call('mail.account.save', accountFor(l), d.admin.token);
    const card = await d.register(d.today, {
      channel: 'email',
      applicant: { lastName: 'Иванов', firstName: 'Иван', email: 'ivanov@example.ru' },
    });
    await replyApproved(d, card.id);
    const draft = await d.o.call(
      'mail.draft',
      { appealId: card.id, kind: 'reply', outgoingNumber: 'ИСХ-7' },
      d.assistant.token,
    );
    const sent = await d.o.call(
      'mail.send',
      {
        appealId: card.id,
        kind: 'reply',
        subject: draft.subject,
        body: draft.body,
        outgoingNumber: 'ИСХ-7',
        signatory: 'Петров П.П.',
        result: 'explained',
      },
      d.assistant.token,
    );
    const box = dovecot.server.addUser('priem-thread@example.ru', 'pw-thread');
    await d.o.call('mail.saveMailbox', mailboxFor(dovecot.server, box), d.admin.token);
    await dovecot.server.append(box, [
      await compose({
        from: 'ivanov@example.ru',
        to: 'priem-thread@example.ru',
        // No number in the subject: only the thread says which appeal this is.
        subject: 'Спасибо',
        inReplyTo: sent.messageId!,
        references: [sent.messageId!],
        text: 'Спасибо за ответ, но вопрос не решён.',
      }),
    ]);
    await d.o.call('mail.fetchNow', {}, d.assistant.token);
    expect(d.o.handle.sqlite.prepare('SELECT state, appeal_id FROM mail_intake').all()).toEqual([
      { state: 'linked', appeal_id: card.id },
    ]);
  }, 120_000);

  it('records a body’s e-mailed answer to a request sent from the card, its files attached to the request', async () => {
    const l = await startSmtpListener();
    cleanup.push(() => l.close());
    const d = await openDesk('2026-02-16');
    await d.o.call('mail.account.save', accountFor(l), d.admin.token);
    const card = await d.register(d.today);
    const { requestId } = await sendRequest(d, card.id, { kind: 'deputy_request', answerDays: 30 });
    const db = d.o.handle.sqlite;
    const bodyId = db.prepare('SELECT body_id FROM external_requests WHERE id = ?').pluck().get(requestId);
    db.prepare("UPDATE bodies SET email = 'uk@example.ru' WHERE id = ?").run(bodyId);
    const draft = await d.o.call(
      'mail.draft',
      { appealId: card.id, kind: 'request', requestId, outgoingNumber: 'ИСХ-9' },
      d.assistant.token,
    );
    const sent = await d.o.call(
      'mail.send',
      {
        appealId: card.id,
        kind: 'request',
        requestId,
        subject: draft.subject,
        body: draft.body,
        outgoingNumber: 'ИСХ-9',
      },
      d.assistant.token,
    );
    const box = dovecot.server.addUser('priem-answer@example.ru', 'pw-answer');
    await d.o.call('mail.saveMailbox', mailboxFor(dovecot.server, box), d.admin.token);
    await dovecot.server.append(
      box,
      [
        await compose({
          from: 'uk@example.ru',
          to: 'priem-answer@example.ru',
          subject: 'Ответ на ваш запрос',
          inReplyTo: sent.messageId!,
          references: [sent.messageId!],
          text: 'Ремонт кровли дома 5 включён в план на II квартал.',
          attachments: [{ filename: 'ответ.pdf', content: pdfBytes('ответ') }],
        }),
      ],
      'INBOX',
      new Date(`${d.today}T09:00:00Z`),
    );
    await d.o.call('mail.fetchNow', {}, d.assistant.token);
    const item = (await d.o.call('mail.intake', {}, d.assistant.token)).rows[0]!;
    expect(item).toMatchObject({ state: 'linked', appealId: card.id, requestId });

    const before = dumpTables(db);
    expect(
      (await d.o.fail('mail.recordAnswer', { id: item.id, incomingNumber: ' ' }, d.assistant.token)).field,
    ).toBe('incomingNumber');
    expect(dumpTables(db)).toBe(before);
    const done = await d.o.call(
      'mail.recordAnswer',
      { id: item.id, incomingNumber: '01-12/345' },
      d.assistant.token,
    );
    expect(done).toEqual({ requestId, attached: 1 });
    const r = (await d.o.call('appeals.get', { id: card.id }, d.assistant.token)).requests[0]!;
    expect(r).toMatchObject({ answerNumber: '01-12/345', answeredOn: d.today });
    expect(db.prepare('SELECT name FROM attachments WHERE request_id = ?').pluck().all(requestId)).toEqual([
      'ответ.pdf',
    ]);
  }, 120_000);
});
