import { describe, expect, it } from 'vitest';
import { ReminderScheduler } from '../../main/reminders/scheduler';
import type { RaisedReminder } from '../../main/reminders/scan';
import { ProductionCalendar } from '../../shared/domain/calendar';
import { SHIPPED_CALENDAR_YEARS } from '../../shared/domain/calendar-data';
import { termFrom } from '../../shared/domain/deadlines';
import { DEFAULT_REMINDER_SETTINGS, fireRules, ReminderDays } from '../../shared/domain/reminders';
import { zonedInstant } from '../../shared/util/clock';
import { dumpTables } from './helpers';
import { openDesk, type Desk } from './workflow-steps';

const calendar = new ProductionCalendar(SHIPPED_CALENDAR_YEARS);

/** A request drafted, approved by the deputy and sent on `sentOn`. */
async function sentRequest(d: Desk, bodyId: string, sentOn: string, mandateId?: string) {
  const { o, assistant, deputy } = d;
  const r = await o.call(
    'ownRequests.create',
    {
      bodyId,
      text: 'Прошу сообщить сроки ремонта моста через р. Лесную',
      legalBasis: 'ст. 14 Федерального закона № 3-ФЗ',
      ...(mandateId ? { mandateId } : {}),
    },
    assistant.token,
  );
  await o.call('ownRequests.submit', { id: r.id }, assistant.token);
  await o.call('ownRequests.approve', { id: r.id }, deputy.token);
  return o.call('ownRequests.send', { id: r.id, sentOn, outgoingNumber: `исх-${r.number}` }, assistant.token);
}

const stored = (d: Desk, id: string) =>
  d.o.handle.sqlite
    .prepare('SELECT status, term_days, due_date, sent_on FROM own_requests WHERE id = ?')
    .get(id) as { status: string; term_days: number; due_date: string; sent_on: string };

describe('the deputy’s requests on his own initiative', () => {
  it('go through the deputy’s approval with no appeal, and the answer is due by the office’s jurisdiction', async () => {
    const d = await openDesk('2026-04-27');
    const { o, assistant, deputy, admin } = d;
    const body = await o.call('bodies.create', { name: 'Министерство транспорта области', answerDays: 20 });
    expect(await o.call('ownRequests.jurisdiction', {}, assistant.token)).toEqual({
      jurisdiction: 'federal',
      days: 30,
    });

    const draft = await o.call('ownRequests.create', { bodyId: body.id, text: 'Прошу…' }, assistant.token);
    expect(draft).toMatchObject({ number: 1, status: 'draft', bodyName: body.name, dueDate: null });
    expect(draft.actions).toContain('submit');
    // No legal basis yet: refused, naming the field, and nothing changes.
    const before = dumpTables(o.handle.sqlite);
    expect(await o.fail('ownRequests.submit', { id: draft.id }, assistant.token)).toMatchObject({
      code: 'validation',
      field: 'legalBasis',
    });
    expect(await o.fail('ownRequests.create', { bodyId: 'x' }, assistant.token)).toMatchObject({
      field: 'bodyId',
    });
    expect(dumpTables(o.handle.sqlite)).toBe(before);

    await o.call('ownRequests.update', { id: draft.id, legalBasis: 'ст. 14 закона № 3-ФЗ' }, assistant.token);
    await o.call('ownRequests.submit', { id: draft.id }, assistant.token);
    // Only the deputy approves; an assistant cannot send what the deputy has not approved.
    expect(await o.fail('ownRequests.approve', { id: draft.id }, assistant.token)).toMatchObject({
      code: 'forbidden',
    });
    const sendEarly = { id: draft.id, sentOn: '2026-04-27', outgoingNumber: 'исх-1' };
    expect(await o.fail('ownRequests.send', sendEarly, assistant.token)).toMatchObject({
      code: 'invalid_state',
    });
    const approved = await o.call('ownRequests.approve', { id: draft.id }, deputy.token);
    expect(approved).toMatchObject({ status: 'approved', approvedOn: '2026-04-27' });
    const sent = await o.call('ownRequests.send', sendEarly, assistant.token);
    // Federal: 30 calendar days (3-FZ Art. 14), not the body's own 20; a day off moves it as the office's terms.
    const federalDue = termFrom('2026-04-27', 30, calendar, 'previous').controlDate;
    expect(sent).toMatchObject({ status: 'sent', termDays: 30, dueDate: federalDue, overdue: false });
    expect(stored(d, sent.id)).toMatchObject({ term_days: 30, due_date: federalDue });

    // A regional law: the Moscow City Duma's 15 days; a jurisdiction with its own law takes no days.
    expect(
      await o.fail('ownRequests.setJurisdiction', { jurisdiction: 'moscow', days: 20 }, admin.token),
    ).toMatchObject({ field: 'days' });
    expect(
      await o.fail('ownRequests.setJurisdiction', { jurisdiction: 'region' }, admin.token),
    ).toMatchObject({
      field: 'days',
    });
    expect(
      await o.fail('ownRequests.setJurisdiction', { jurisdiction: 'moscow' }, assistant.token),
    ).toMatchObject({ code: 'forbidden' });
    expect(await o.call('ownRequests.setJurisdiction', { jurisdiction: 'moscow' }, admin.token)).toEqual({
      jurisdiction: 'moscow',
      days: 15,
    });
    const moscow = await sentRequest(d, body.id, '2026-04-27');
    expect(moscow.dueDate).toBe(termFrom('2026-04-27', 15, calendar, 'previous').controlDate);
    // Another region's law with its own term.
    await o.call('ownRequests.setJurisdiction', { jurisdiction: 'region', days: 20 }, admin.token);
    const region = await sentRequest(d, body.id, '2026-04-27');
    expect(stored(d, region.id).term_days).toBe(20);
    expect(region.dueDate).toBe(termFrom('2026-04-27', 20, calendar, 'previous').controlDate);
    // What went out keeps the term it went out with.
    expect(stored(d, sent.id)).toMatchObject({ term_days: 30, due_date: federalDue });

    // The answer, then the deputy closes it; the appeals' requests are untouched by all of it.
    expect(
      await o.fail(
        'ownRequests.recordAnswer',
        { id: sent.id, answeredOn: '2026-04-20', incomingNumber: 'вх-7', summary: 'Ремонт в 2027 году' },
        assistant.token,
      ),
    ).toMatchObject({ field: 'answeredOn' });
    await d.day('2026-05-12');
    const answered = await o.call(
      'ownRequests.recordAnswer',
      { id: sent.id, answeredOn: '2026-05-12', incomingNumber: 'вх-7', summary: 'Ремонт в 2027 году' },
      assistant.token,
    );
    expect(answered).toMatchObject({ status: 'answered', answerSummary: 'Ремонт в 2027 году' });
    await o.call('ownRequests.resolve', { id: sent.id, comment: 'Взять на контроль' }, d.deputy.token);
    const history = o.handle.sqlite
      .prepare('SELECT action FROM own_request_history WHERE request_id = ? ORDER BY at, rowid')
      .all(sent.id) as { action: string }[];
    expect(history.map((h) => h.action)).toEqual([
      'create',
      'update',
      'submit',
      'approve',
      'send',
      'recordAnswer',
      'resolveAnswer',
    ]);
    const counts = o.handle.sqlite
      .prepare(
        "SELECT (SELECT count(*) FROM external_requests) AS ext, (SELECT count(*) FROM own_requests WHERE status = 'sent') AS out",
      )
      .get() as { ext: number; out: number };
    expect(counts).toEqual({ ext: 0, out: 2 });
    const list = await o.call('ownRequests.list', { awaitingAnswer: true, limit: 10 }, assistant.token);
    expect(list.rows.map((r) => r.id).sort()).toEqual([moscow.id, region.id].sort());
    expect(list.total).toBe(2);

    // The period report counts them apart from the appeals' requests, as SQL over the table finds them.
    const report = await o.call(
      'reports.period',
      { filter: { from: '2026-04-01', to: '2026-05-31' } },
      admin.token,
    );
    const bySql = o.handle.sqlite
      .prepare(
        `SELECT body_id AS bodyId, count(*) AS sent, count(answered_on) AS answered,
          sum(status = 'sent' AND due_date < ?) AS overdue
         FROM own_requests WHERE sent_on BETWEEN '2026-04-01' AND '2026-05-31' GROUP BY body_id`,
      )
      .all(report.asOf);
    expect(report.requests).toEqual([]);
    expect(report.ownRequests?.map(({ body: _b, ...c }) => c)).toEqual(bySql);
    expect(report.ownRequests?.[0]).toMatchObject({ body: body.name, sent: 3, answered: 1 });
    const stats = await o.call(
      'statistics.period',
      { period: { from: '2026-04-01', to: '2026-05-31' } },
      admin.token,
    );
    expect(stats.current.ownRequests).toEqual(report.ownRequests);
    expect(stats.current.requests).toEqual([]);
  });

  it('raise «no answer» and «answer late» once each, caught up after the app was closed', async () => {
    const d = await openDesk('2026-04-27');
    const { o } = d;
    const head = await o.addUser('head', 'office_head');
    const body = await o.call('bodies.create', { name: 'Министерство транспорта области', answerDays: 30 });
    const late = await sentRequest(d, body.id, '2026-04-27');
    const answered = await sentRequest(d, body.id, '2026-04-27');
    const scheduler = () =>
      new ReminderScheduler({ store: o.handle.store, clock: o.clock, hlc: o.handle.hlc });
    const first = scheduler();
    expect(first.start().filter((r) => r.entity === 'own_request')).toEqual([]);
    first.stop();
    await d.day('2026-05-20');
    await o.call(
      'ownRequests.recordAnswer',
      { id: answered.id, answeredOn: '2026-05-20', incomingNumber: 'вх-1', summary: 'Ответ' },
      d.assistant.token,
    );

    // Closed until well after the answer was due.
    await d.day('2026-06-15');
    const again = scheduler();
    const caught: RaisedReminder[] = again.start().filter((r) => r.entity === 'own_request');
    again.stop();
    const tz = (o.handle.sqlite.prepare('SELECT time_zone FROM offices').get() as { time_zone: string })
      .time_zone;
    const days = new ReminderDays(calendar, 'previous');
    const fire = fireRules(DEFAULT_REMINDER_SETTINGS);
    const at = (day: string) => zonedInstant(day, DEFAULT_REMINDER_SETTINGS.workdayStart, tz).toISOString();
    const got = caught.map((r) => [r.rule, r.entityId, r.recipientId, r.dueAt]).sort();
    expect(got).toEqual(
      [
        [
          'own_request_unanswered',
          late.id,
          d.assistant.id,
          at(days.fireDay('2026-04-27', fire.requestUnanswered)),
        ],
        ['own_request_late', late.id, d.assistant.id, at(days.fireDay(late.dueDate!, fire.overdue))],
        // Late is escalated to the office head.
        ['own_request_late', late.id, head.id, at(days.fireDay(late.dueDate!, fire.overdue))],
      ].sort(),
    );
    expect(caught.find((r) => r.rule === 'own_request_late')!.params).toMatchObject({
      regNumber: `№ ${late.number}`,
      bodyName: body.name,
      date: late.dueDate,
    });
    const third = scheduler();
    expect(third.start()).toEqual([]);
    third.stop();
  });
});
