import { describe, expect, it } from 'vitest';
import { appealInput } from './helpers';
import { testOffice, type TestOffice } from './office-fixture';

async function staff(o: TestOffice) {
  const deputy = await o.addUser('deputy', 'deputy');
  const assistant = await o.addUser('assistant', 'assistant');
  return { deputy, assistant };
}

describe('the three directions', () => {
  it('review → resolution "request needed" → request → answer → reply → closed, with a task at every stage', async () => {
    const o = await testOffice('2026-02-13T07:30:00Z');
    const { deputy, assistant } = await staff(o);
    const a = await o.call('appeals.register', appealInput({ registeredOn: '2026-02-13' }), assistant.token);
    expect(a.actions[0]).toBe('sendToDeputy');
    let c = await o.call('workflow.sendToDeputy', { id: a.id }, assistant.token);
    expect(c.status).toBe('awaiting_resolution');
    expect(c.tasks.filter((t) => t.status === 'open').map((t) => [t.kind, t.assigneeId])).toEqual([
      ['resolution', deputy.id],
    ]);
    expect(
      await o.fail('workflow.resolve', { id: a.id, text: 'Запросить', requestNeeded: true }, assistant.token),
    ).toMatchObject({ code: 'forbidden' });
    const queue = await o.call('workflow.deputyQueue', {}, deputy.token);
    expect(queue.map((q) => [q.id, q.waitingFor])).toEqual([[a.id, 'resolution']]);
    c = await o.call(
      'workflow.resolve',
      { id: a.id, text: 'Направить запрос в управляющую компанию', requestNeeded: true },
      deputy.token,
    );
    expect(c.status).toBe('in_request');
    expect(c.requests).toHaveLength(1);
    const req = c.requests[0]!;
    const body = await o.call('bodies.create', { name: 'ООО «УК Центр»', answerDays: 30 }, assistant.token);
    await o.call(
      'requests.update',
      { id: req.id, bodyId: body.id, text: 'Прошу сообщить сроки ремонта кровли.' },
      assistant.token,
    );
    await o.call('requests.submit', { id: req.id }, assistant.token);
    await o.call('requests.approve', { id: req.id }, deputy.token);
    const sent = await o.call(
      'requests.send',
      { id: req.id, sentOn: '2026-02-13', outgoingNumber: 'ИСХ-15' },
      assistant.token,
    );
    // 30 days from 2026-02-13 is Sunday 2026-03-15 → Friday 2026-03-13.
    expect(sent).toMatchObject({ status: 'sent', dueDate: '2026-03-13' });
    o.clock.set('2026-02-13T15:00:00Z');
    await o.call(
      'requests.recordAnswer',
      { id: req.id, answeredOn: '2026-02-13', incomingNumber: 'ВХ-7', summary: 'Ремонт в апреле' },
      assistant.token,
    );
    await o.call(
      'requests.resolveAnswer',
      { id: req.id, text: 'Ответить заявителю', next: 'reply' },
      deputy.token,
    );
    c = await o.call(
      'workflow.saveReply',
      { id: a.id, text: 'Уважаемый заявитель! Ремонт кровли назначен на апрель.' },
      assistant.token,
    );
    expect(c.status).toBe('reply_draft');
    await o.call('workflow.submitReply', { id: a.id }, assistant.token);
    await o.call('workflow.approveReply', { id: a.id }, deputy.token);
    c = await o.call(
      'workflow.sendReply',
      {
        id: a.id,
        form: 'post',
        sentOn: '2026-02-13',
        outgoingNumber: 'ИСХ-31',
        signatory: 'Петров П.П.',
        result: 'explained',
      },
      assistant.token,
    );
    expect(c).toMatchObject({
      status: 'closed',
      result: 'explained',
      closedOn: '2026-02-13',
      reviewedLate: false,
    });
    expect(c.tasks.filter((t) => t.status === 'open')).toEqual([]);
    expect(c.history.map((h) => h.action)).toEqual([
      'registered',
      'sendToDeputy',
      'resolve',
      'request.create',
      'request.update',
      'request.submit',
      'request.approve',
      'request.send',
      'request.recordAnswer',
      'request.resolveAnswer',
      'answerToReply',
      'replySaved',
      'submitReply',
      'approveReply',
      'sendReply',
    ]);
  });
});

describe('requests withdrawn', () => {
  it('returns the appeal to the deputy when its last open request is cancelled, with his task', async () => {
    const o = await testOffice('2026-02-13T07:30:00Z');
    const { deputy, assistant } = await staff(o);
    const a = await o.call('appeals.register', appealInput({ registeredOn: '2026-02-13' }), assistant.token);
    await o.call('workflow.sendToDeputy', { id: a.id }, assistant.token);
    let c = await o.call(
      'workflow.resolve',
      { id: a.id, text: 'Запросить', requestNeeded: true },
      deputy.token,
    );
    // The request's own steps are offered on the request; the appeal's internal steps never are.
    expect(c.actions).toEqual([]);
    expect(c.requests[0]!.actions).toEqual(['cancel']);
    const first = c.requests[0]!.id;
    const second = await o.call('requests.create', { appealId: a.id }, assistant.token);
    await o.call('requests.cancel', { id: first, comment: 'Не нужен' }, deputy.token);
    c = await o.call('appeals.get', { id: a.id }, assistant.token);
    expect(c.status).toBe('in_request');
    await o.call('requests.cancel', { id: second.id, comment: 'Тоже не нужен' }, assistant.token);
    c = await o.call('appeals.get', { id: a.id }, deputy.token);
    expect(c).toMatchObject({ status: 'awaiting_resolution', actions: ['resolve'] });
    // 3 working days after Friday 13 February: 16, 17, 18.
    expect(c.tasks.filter((t) => t.status === 'open').map((t) => [t.kind, t.assigneeId, t.dueDate])).toEqual([
      ['resolution', deputy.id, '2026-02-18'],
    ]);
    expect(c.history.map((h) => h.action).slice(-2)).toEqual(['request.cancel', 'requestsWithdrawn']);
  });
});
