import { describe, expect, it } from 'vitest';
import { appealInput, dumpTables } from './helpers';
import { testOffice } from './office-fixture';
import { openDesk, openTasks, replyApproved, sendRequest } from './workflow-steps';

/**
 * The terms of 59-FZ on the workflow: forwarding (Art. 8 p.3), extension after a documents request
 * (Art. 12 p.2), and "reviewed late". Dates worked out by hand from resources/calendar/2026.json:
 * 23 February and 9 March 2026 are Monday holidays; 2 February, 16 February and 2 March are Mondays.
 */

const FORWARD_CASES: [string, string, 'previous' | 'next', string, string, string][] = [
  // kind, registered on, office shift, control date of the appeal, forwarding due, why
  ['complaint', '2026-02-13', 'previous', '2026-03-13', '2026-02-20', '7th day: Friday 20 February'],
  ['application', '2026-02-16', 'previous', '2026-03-18', '2026-02-20', '7th day: 23 Feb holiday → Fri 20th'],
  ['application', '2026-02-16', 'next', '2026-03-18', '2026-02-24', '7th day: 23 Feb holiday → Tue 24th'],
  [
    'migration_report',
    '2026-02-02',
    'previous',
    '2026-02-20',
    '2026-02-06',
    '5th day: Saturday 7th → Fri 6th',
  ],
  ['migration_report', '2026-02-02', 'next', '2026-02-24', '2026-02-09', '5th day: Saturday 7th → Mon 9th'],
];

describe('forwarding out of competence (59-FZ Art. 8 p.3)', () => {
  it.each(FORWARD_CASES)(
    'a %s registered %s (shift %s): control %s, forwarding due %s — %s',
    async (kind, registeredOn, shift, controlDate, forwardDue) => {
      const d = await openDesk(registeredOn, shift);
      const a = await d.register(registeredOn, { kind: kind as 'complaint' });
      expect(a.dueDate).toBe(controlDate);
      let c = await d.o.call(
        'workflow.forward',
        { id: a.id, addressee: 'Министерство строительства и ЖКХ Тверской области' },
        d.assistant.token,
      );
      expect(c).toMatchObject({ status: 'forwarding', forward: { outgoingNumber: null, sentOn: null } });
      expect(openTasks(c)).toEqual([['forward', d.assistant.id, forwardDue]]);

      await d.day(forwardDue);
      c = await d.o.call(
        'workflow.completeForward',
        { id: a.id, outgoingNumber: 'ИСХ-5', sentOn: forwardDue, applicantNotifiedOn: forwardDue },
        d.assistant.token,
      );
      expect(c).toMatchObject({
        status: 'closed',
        result: 'forwarded',
        closedOn: forwardDue,
        reviewedLate: false,
        forward: {
          addressee: 'Министерство строительства и ЖКХ Тверской области',
          outgoingNumber: 'ИСХ-5',
          sentOn: forwardDue,
          applicantNotifiedOn: forwardDue,
        },
      });
      expect(openTasks(c)).toEqual([]);
    },
  );

  it.each([
    ['ООО «УК Центр»', 'ооо "ук центр".'],
    ['Администрация г. Твери', 'АДМИНИСТРАЦИЯ  Г.ТВЕРИ'],
    ['Управление ЖКХ (Тверь)', 'управление жкх, тверь'],
  ])(
    'never sends a complaint about %s to %s, naming the addressee, and changes nothing',
    async (complained, addressee) => {
      const d = await openDesk('2026-02-13');
      const a = await d.register('2026-02-13', { kind: 'complaint' });
      const before = dumpTables(d.o.handle.sqlite);
      const err = await d.o.fail(
        'workflow.forward',
        { id: a.id, addressee, complainedBody: complained },
        d.assistant.token,
      );
      expect(err).toMatchObject({ code: 'invalid_state', field: 'addressee' });
      expect(err.message).toContain('complains of');
      expect(dumpTables(d.o.handle.sqlite)).toBe(before);

      const c = await d.o.call(
        'workflow.forward',
        { id: a.id, addressee: 'Прокуратура Тверской области', complainedBody: complained },
        d.assistant.token,
      );
      expect(c.forward).toMatchObject({
        addressee: 'Прокуратура Тверской области',
        complainedBody: complained,
      });
      // Naming another addressee later: the body complained of stays named, so it is still refused.
      const again = { id: a.id, addressee, complainedBody: '' };
      expect(await d.o.fail('workflow.forward', again, d.assistant.token)).toMatchObject({
        code: 'invalid_state',
        field: 'addressee',
      });
    },
  );
});

describe('extension after a documents request (59-FZ Art. 12 p.2)', () => {
  it('extends the term from its legal last day, records who, why and when, and owes a notice', async () => {
    const d = await openDesk('2026-02-13');
    const a = await d.register('2026-02-13');
    // 30 days from 13 February: Sunday 15 March → Friday 13th.
    expect(a).toMatchObject({ termDate: '2026-03-15', dueDate: '2026-03-13' });
    const { requestId, send } = await sendRequest(d, a.id, { kind: 'documents_request', answerDays: 30 });
    const sent = await d.o.call(
      'requests.send',
      { ...send, extendDays: 20, extensionReason: 'Запрошены документы в Минстрое' },
      d.assistant.token,
    );
    // The body's term is 30 days, but documents are owed in 15 (Art. 10 p.2): Sat 28 February → Fri 27th.
    expect(sent).toMatchObject({ status: 'sent', dueDate: '2026-02-27' });
    let c = await d.o.call('appeals.get', { id: a.id }, d.assistant.token);
    // 20 days from the legal last day 15 March (not from the control date 13th): Saturday 4 April → Fri 3rd.
    expect(c).toMatchObject({
      termDate: '2026-04-04',
      dueDate: '2026-04-03',
      extension: {
        days: 20,
        reason: 'Запрошены документы в Минстрое',
        extendedOn: '2026-02-13',
        extendedBy: 'Сотрудник assistant',
        notifiedOn: null,
      },
    });
    expect(c.history.find((h) => h.action === 'extended')?.changes).toEqual({
      dueDate: { from: '2026-03-13', to: '2026-04-03' },
    });
    // The notice must reach the applicant before the old date runs out.
    expect(openTasks(c)).toEqual([
      ['request_answer', d.assistant.id, '2026-02-27'],
      ['extension_notice', d.assistant.id, '2026-03-13'],
    ]);

    // Once only: neither a second documents request nor a plain extension extends it again.
    await d.o.call(
      'requests.recordAnswer',
      {
        id: requestId,
        answeredOn: '2026-02-13',
        incomingNumber: 'ВХ-1',
        summary: 'Документы частично',
      },
      d.assistant.token,
    );
    await d.o.call(
      'requests.resolveAnswer',
      { id: requestId, text: 'Ещё запрос', next: 'request' },
      d.deputy.token,
    );
    c = await d.o.call('appeals.get', { id: a.id }, d.assistant.token);
    const second = c.requests[1]!;
    await d.o.call(
      'requests.update',
      { id: second.id, bodyId: sent.bodyId, kind: 'documents_request', text: 'Повторно прошу' },
      d.assistant.token,
    );
    await d.o.call('requests.submit', { id: second.id }, d.assistant.token);
    await d.o.call('requests.approve', { id: second.id }, d.deputy.token);
    const before = dumpTables(d.o.handle.sqlite);
    const again = { id: second.id, sentOn: d.today, outgoingNumber: 'ИСХ-8', extendDays: 10 };
    expect(await d.o.fail('requests.send', again, d.assistant.token)).toMatchObject({
      code: 'invalid_state',
      field: 'extendDays',
    });
    const extend = { id: a.id, days: 5, reason: 'Ещё раз' };
    expect(await d.o.fail('workflow.extend', extend, d.deputy.token)).toMatchObject({
      code: 'invalid_state',
      field: 'days',
    });
    expect(dumpTables(d.o.handle.sqlite)).toBe(before);

    await d.day('2026-02-16');
    c = await d.o.call('workflow.notifyExtension', { id: a.id, notifiedOn: '2026-02-16' }, d.assistant.token);
    expect(c.extension?.notifiedOn).toBe('2026-02-16');
    expect(c.tasks.find((t) => t.kind === 'extension_notice')?.status).toBe('done');
    expect(openTasks(c).map(([kind]) => kind)).toEqual(['request_send']);
    expect(
      await d.o.fail('workflow.notifyExtension', { id: a.id, notifiedOn: '2026-02-16' }, d.assistant.token),
    ).toMatchObject({ code: 'invalid_state' });
  });

  it('counts with the shift "next" too: 15 March + 20 days is Saturday 4 April → Monday 6th', async () => {
    const d = await openDesk('2026-02-13', 'next');
    const a = await d.register('2026-02-13');
    expect(a).toMatchObject({ termDate: '2026-03-15', dueDate: '2026-03-16' });
    const c = await d.o.call(
      'workflow.extend',
      { id: a.id, days: 20, reason: 'Выезд на место' },
      d.deputy.token,
    );
    expect(c).toMatchObject({
      termDate: '2026-04-04',
      dueDate: '2026-04-06',
      extension: { days: 20, extendedBy: 'Сотрудник deputy' },
    });
    // The review stage's own limit (2 working days from Friday 13 February) is untouched by the extension.
    expect(openTasks(c)).toEqual([
      ['review', d.assistant.id, '2026-02-17'],
      ['extension_notice', d.assistant.id, '2026-03-16'],
    ]);
  });

  it('refuses extendDays on a deputy’s request, naming the field, and changes nothing', async () => {
    const d = await openDesk('2026-02-13');
    const a = await d.register('2026-02-13');
    const { send } = await sendRequest(d, a.id, { kind: 'deputy_request', answerDays: 30 });
    const before = dumpTables(d.o.handle.sqlite);
    expect(await d.o.fail('requests.send', { ...send, extendDays: 20 }, d.assistant.token)).toMatchObject({
      code: 'validation',
      field: 'extendDays',
    });
    expect(dumpTables(d.o.handle.sqlite)).toBe(before);
    // 30 days from 13 February: Sunday 15 March → Friday 13th.
    expect(await d.o.call('requests.send', send, d.assistant.token)).toMatchObject({ dueDate: '2026-03-13' });
  });
});

describe('"reviewed late" (рассмотрено с нарушением срока)', () => {
  it.each([
    ['2026-03-13', '2026-03-13', false, 'on the control date itself'],
    ['2026-03-16', '2026-03-13', false, 'recorded later, sent on the control date'],
    ['2026-03-16', '2026-03-16', true, 'the next working day after the control date'],
  ])('a reply recorded on %s, sent on %s: late %s — %s', async (today, sentOn, late) => {
    const d = await openDesk('2026-02-13');
    const a = await d.register('2026-02-13');
    expect(a.dueDate).toBe('2026-03-13');
    await replyApproved(d, a.id);
    await d.day(today);
    const reply = {
      form: 'email',
      outgoingNumber: 'ИСХ-2',
      signatory: 'Петров П.П.',
      result: 'supported',
    } as const;
    const c = await d.o.call('workflow.sendReply', { id: a.id, sentOn, ...reply }, d.assistant.token);
    expect(c).toMatchObject({ status: 'closed', closedOn: sentOn, reviewedLate: late });
  });
});

describe('per-stage limits (office settings)', () => {
  it('give the stage task its due date in working days, never past the control date', async () => {
    const o = await testOffice('2026-02-13T07:30:00Z');
    await o.call('office.update', { stageLimits: { review: 5 }, deputyRequestDays: 15 });
    const office = await o.call('office.get', {});
    expect(office.stageLimits).toMatchObject({ review: 5, deputy: 3 });
    expect(office.deputyRequestDays).toBe(15);
    const a = await o.call('appeals.register', appealInput({ registeredOn: '2026-02-13' }));
    // Five working days from Friday 13 February 2026: 16, 17, 18, 19, 20 → Friday 20 February.
    expect(a.tasks.map((t) => [t.kind, t.dueDate])).toEqual([['review', '2026-02-20']]);
    await o.call('office.update', { stageLimits: { review: 60 } });
    const b = await o.call('appeals.register', appealInput({ registeredOn: '2026-02-13' }));
    expect(b.tasks.map((t) => t.dueDate)).toEqual([b.dueDate]);
    expect(await o.fail('office.update', { stageLimits: { review: 0 } })).toMatchObject({
      code: 'validation',
      field: 'stageLimits.review',
    });
  });
});

describe('"reviewed late" follows the term of the closing step', () => {
  it('a forwarding sent after its 7 days is late even within the 30-day review term', async () => {
    const o = await testOffice('2026-02-12T07:30:00Z');
    // Registered Monday 2 February 2026: forwarding is due Monday 9 February.
    const a = await o.call('appeals.register', appealInput({ registeredOn: '2026-02-02' }));
    await o.call('workflow.forward', { id: a.id, addressee: 'Администрация города Твери' });
    const c = await o.call('workflow.completeForward', {
      id: a.id,
      outgoingNumber: 'ИСХ-9',
      sentOn: '2026-02-12',
      applicantNotifiedOn: '2026-02-12',
    });
    expect(c).toMatchObject({
      status: 'closed',
      result: 'forwarded',
      dueDate: '2026-03-04',
      reviewedLate: true,
    });
  });
});
