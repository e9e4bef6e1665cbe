import { describe, expect, it } from 'vitest';
import { normalizeRow } from '../../main/contacts/normalize';
import { dumpTables } from './helpers';
import { testOffice } from './office-fixture';
import { openDesk, replyApproved, sendRequest, type Desk } from './workflow-steps';

/**
 * A workflow step's date never precedes the step it follows and never lies in the future; each refusal
 * names the field and changes nothing. The desk works on Friday 13 February 2026 on an appeal
 * registered on Tuesday 10 February (registered late, as paper appeals are).
 */

async function refused(
  d: Desk,
  method: string,
  input: object,
  token: string,
  field: string,
  message: RegExp,
) {
  const before = dumpTables(d.o.handle.sqlite);
  const e = await d.o.fail(method as never, input, token);
  expect(e).toMatchObject({ code: 'validation', field });
  expect(e.message).toMatch(message);
  expect(dumpTables(d.o.handle.sqlite)).toBe(before);
}

const BEFORE_REGISTRATION = /before the appeal was registered/;
const FUTURE = /in the future/;

describe('dates of workflow steps', () => {
  it('requests.send: not before the registration, not tomorrow; the answer not before the sending', async () => {
    const d = await openDesk('2026-02-13');
    const a = await d.register('2026-02-10');
    const { requestId, send } = await sendRequest(d, a.id, { kind: 'deputy_request', answerDays: 30 });
    const token = d.assistant.token;
    await refused(
      d,
      'requests.send',
      { ...send, sentOn: '2026-02-09' },
      token,
      'sentOn',
      BEFORE_REGISTRATION,
    );
    await refused(d, 'requests.send', { ...send, sentOn: '2026-02-14' }, token, 'sentOn', FUTURE);
    // An old paper trail entered today: the request went out on the day of registration.
    expect((await d.o.call('requests.send', { ...send, sentOn: '2026-02-10' }, token)).sentOn).toBe(
      '2026-02-10',
    );
    const answer = { id: requestId, incomingNumber: 'ВХ-1', summary: 'Ответ' };
    await refused(
      d,
      'requests.recordAnswer',
      { ...answer, answeredOn: '2026-02-09' },
      token,
      'answeredOn',
      /before the request was sent/,
    );
    await refused(
      d,
      'requests.recordAnswer',
      { ...answer, answeredOn: '2026-02-14' },
      token,
      'answeredOn',
      FUTURE,
    );
  });

  it('workflow.resolve: the resolution is not dated before the registration', async () => {
    const d = await openDesk('2026-02-13');
    const a = await d.register('2026-02-10');
    await d.o.call('workflow.sendToDeputy', { id: a.id }, d.assistant.token);
    const input = { id: a.id, text: 'Ответить', requestNeeded: false, resolvedOn: '2026-02-09' };
    await refused(d, 'workflow.resolve', input, d.deputy.token, 'resolvedOn', BEFORE_REGISTRATION);
  });

  it('workflow.sendReply: not before the registration, not in the future', async () => {
    const d = await openDesk('2026-02-13');
    const a = await d.register('2026-02-10');
    await replyApproved(d, a.id);
    const reply = {
      id: a.id,
      form: 'post',
      outgoingNumber: 'ИСХ-1',
      signatory: 'Петров П.П.',
      result: 'explained',
    };
    const token = d.assistant.token;
    await refused(
      d,
      'workflow.sendReply',
      { ...reply, sentOn: '2026-02-09' },
      token,
      'sentOn',
      BEFORE_REGISTRATION,
    );
    await refused(d, 'workflow.sendReply', { ...reply, sentOn: '2026-02-16' }, token, 'sentOn', FUTURE);
  });

  it('workflow.sendReply: not before the last answer to a request', async () => {
    const d = await openDesk('2026-02-13');
    const a = await d.register('2026-02-13');
    const { requestId, send } = await sendRequest(d, a.id, { kind: 'deputy_request', answerDays: 30 });
    await d.o.call('requests.send', send, d.assistant.token);
    await d.day('2026-02-20');
    await d.o.call(
      'requests.recordAnswer',
      { id: requestId, answeredOn: '2026-02-19', incomingNumber: 'ВХ-3', summary: 'Ответ' },
      d.assistant.token,
    );
    await d.o.call(
      'requests.resolveAnswer',
      { id: requestId, next: 'reply', text: 'Ответить' },
      d.deputy.token,
    );
    await d.o.call('workflow.saveReply', { id: a.id, text: 'Разъясняем…' }, d.assistant.token);
    await d.o.call('workflow.submitReply', { id: a.id }, d.assistant.token);
    await d.o.call('workflow.approveReply', { id: a.id }, d.deputy.token);
    const reply = {
      id: a.id,
      form: 'post' as const,
      outgoingNumber: 'ИСХ-2',
      signatory: 'Петров П.П.',
      result: 'explained' as const,
    };
    const token = d.assistant.token;
    await refused(
      d,
      'workflow.sendReply',
      { ...reply, sentOn: '2026-02-18' },
      token,
      'sentOn',
      /before the answer to the request/,
    );
    expect((await d.o.call('workflow.sendReply', { ...reply, sentOn: '2026-02-19' }, token)).closedOn).toBe(
      '2026-02-19',
    );
  });

  it('workflow.completeForward: neither the letter nor the notice precedes the registration', async () => {
    const d = await openDesk('2026-02-13');
    const a = await d.register('2026-02-10');
    await d.o.call(
      'workflow.forward',
      { id: a.id, addressee: 'Прокуратура Тверской области' },
      d.assistant.token,
    );
    const fw = { id: a.id, outgoingNumber: 'ИСХ-5', sentOn: '2026-02-12', applicantNotifiedOn: '2026-02-12' };
    const token = d.assistant.token;
    await refused(
      d,
      'workflow.completeForward',
      { ...fw, sentOn: '2026-02-09' },
      token,
      'sentOn',
      BEFORE_REGISTRATION,
    );
    await refused(
      d,
      'workflow.completeForward',
      { ...fw, applicantNotifiedOn: '2026-02-09' },
      token,
      'applicantNotifiedOn',
      BEFORE_REGISTRATION,
    );
    await refused(d, 'workflow.completeForward', { ...fw, sentOn: '2026-02-14' }, token, 'sentOn', FUTURE);
  });

  it('workflow.sendArt11Notice: the notice does not precede the registration', async () => {
    const d = await openDesk('2026-02-13');
    const a = await d.register('2026-02-10');
    await d.o.call('workflow.applyArt11', { id: a.id, ground: 'p2', comment: 'Суд' }, d.assistant.token);
    const notice = { id: a.id, form: 'post', sentOn: '2026-02-09' };
    await refused(d, 'workflow.sendArt11Notice', notice, d.assistant.token, 'sentOn', BEFORE_REGISTRATION);
  });

  it('workflow.notifyExtension: the applicant is not told before the registration or in the future', async () => {
    const d = await openDesk('2026-02-13');
    const a = await d.register('2026-02-10');
    await d.o.call('workflow.extend', { id: a.id, days: 10, reason: 'Проверка' }, d.deputy.token);
    const input = { id: a.id, notifiedOn: '2026-02-09' };
    const token = d.assistant.token;
    await refused(d, 'workflow.notifyExtension', input, token, 'notifiedOn', BEFORE_REGISTRATION);
    await refused(
      d,
      'workflow.notifyExtension',
      { ...input, notifiedOn: '2026-02-14' },
      token,
      'notifiedOn',
      FUTURE,
    );
  });
});

describe('a birth date is a living person’s', () => {
  it('refuses 9999-12-31, tomorrow and a date before 1900, naming birthDate, and changes nothing', async () => {
    const o = await testOffice('2026-02-13T07:30:00Z');
    const c = await o.call('contacts.create', {
      lastName: 'Петров',
      firstName: 'Пётр',
      birthDate: '1960-05-01',
    });
    for (const birthDate of ['9999-12-31', '2026-02-14', '1899-12-31']) {
      const before = dumpTables(o.handle.sqlite);
      expect(await o.fail('contacts.create', { lastName: 'Сидоров', birthDate })).toMatchObject({
        code: 'validation',
        field: 'birthDate',
      });
      expect(await o.fail('contacts.update', { id: c.id, fields: { birthDate } })).toMatchObject({
        code: 'validation',
        field: 'birthDate',
      });
      expect(dumpTables(o.handle.sqlite)).toBe(before);
    }
    // Today and 1 January 1900 are still dates a person can have been born on.
    expect(
      (await o.call('contacts.update', { id: c.id, fields: { birthDate: '2026-02-13' } })).birthDate,
    ).toBe('2026-02-13');
    expect(
      (await o.call('contacts.update', { id: c.id, fields: { birthDate: '1900-01-01' } })).birthDate,
    ).toBe('1900-01-01');
  });

  it('an imported row born in the future is rejected as a bad date', () => {
    const mapping = ['lastName', 'phone', 'birthDate'] as const;
    const row = (birth: string) =>
      normalizeRow(['Иванов', '+7 910 123-45-67', birth], mapping, new Map(), null, '2026-02-13');
    expect(row('31.12.9999')).toEqual({ ok: false, reason: 'bad_date' });
    expect(row('2026-02-14')).toEqual({ ok: false, reason: 'bad_date' });
    expect(row('13.02.2026')).toMatchObject({ ok: true, contact: { birthDate: '2026-02-13' } });
  });
});
