import { describe, expect, it } from 'vitest';
import { openOffice } from '../../main/boot/open-office';
import { ReminderScheduler } from '../../main/reminders/scheduler';
import type { RaisedReminder } from '../../main/reminders/scan';
import { SYSTEM_LOGIN } from '../../main/office/system-user';
import type { EventCard } from '../../shared/api/events';
import { addCalendarDays } from '../../shared/domain/calendar';
import { reminderText, systemUserName } from '../../shared/i18n/ru/reminders';
import { openDesk, type Desk } from './workflow-steps';

/**
 * The events' reminder rules over the real scheduler and SQLite file: the 3-week move to Согласование
 * (DOMAIN §5) and a stage held past its limit. May 2026 has the holidays of 1 and 11 May (9 May, a
 * Saturday, moves to Monday the 11th).
 */

const scheduler = (d: Desk) =>
  new ReminderScheduler({ store: d.o.handle.store, clock: d.o.clock, hlc: d.o.handle.hlc });

/** The app started and closed again: its catch-up pass. */
function restart(d: Desk): RaisedReminder[] {
  const s = scheduler(d);
  const raised = s.start();
  s.stop();
  return raised;
}

const newEvent = (d: Desk, title: string, date: string, more: { responsibleId?: string } = {}) =>
  d.o.call('events.create', { title, kind: 'visit', date, ...more }, d.assistant.token);

const card = (d: Desk, id: string): Promise<EventCard> => d.o.call('events.get', { id }, d.assistant.token);

type Seen = RaisedReminder & { day: string };

/** Walks the days, a pass before the working day starts, one at 10:00 and one at 16:00 Moscow time. */
async function walk(
  d: Desk,
  s: ReminderScheduler,
  from: string,
  to: string,
  each?: (day: string) => unknown,
) {
  const seen: Seen[] = [];
  for (let day = from; day <= to; day = addCalendarDays(day, 1)) {
    d.o.clock.set(`${day}T05:30:00Z`);
    seen.push(...s.tick().map((r) => ({ ...r, day: `${day}-early` })));
    await d.day(day);
    await each?.(day);
    seen.push(...s.tick().map((r) => ({ ...r, day })));
    d.o.clock.set(`${day}T13:00:00Z`);
    seen.push(...s.tick().map((r) => ({ ...r, day: `${day}-late` })));
  }
  return seen;
}

const about = (seen: Seen[], rule: string, eventId: string, to: string) =>
  seen.filter((r) => r.rule === rule && r.entityId === eventId && r.recipientId === to).map((r) => r.day);

async function tickAll(d: Desk, id: string): Promise<void> {
  for (const t of (await card(d, id)).tasks.filter((x) => x.status === 'open'))
    for (const i of t.items) await d.o.call('events.checkItem', { id: i.id, done: true }, d.assistant.token);
}

function row<T>(d: Desk, sql: string, ...args: unknown[]): T {
  return d.o.handle.sqlite.prepare(sql).get(...args) as T;
}

describe('the 3-week move to Согласование', () => {
  it('happens on its working day, once, by the system user, and the responsible person is told', async () => {
    const d = await openDesk('2026-05-04');
    const head = await d.o.addUser('head', 'office_head');
    // 1 June less 21 days is Monday 11 May, a holiday: the move comes on the working day before, Friday 8th.
    const holiday = await newEvent(d, 'Встреча с жителями', '2026-06-01');
    // 2 June less 21 days is Tuesday 12 May, a working day.
    const plain = await newEvent(d, 'Приём граждан', '2026-06-02');
    const far = await newEvent(d, 'Круглый стол', '2026-07-01');
    expect(holiday.approvalOn).toBe('2026-05-08');
    expect(plain.approvalOn).toBe('2026-05-12');

    const s = scheduler(d);
    const stages: Record<string, string> = {};
    const seen = await walk(d, s, '2026-05-04', '2026-05-15', async (day) => {
      stages[day] = (await card(d, holiday.id)).stage;
    });
    expect(stages['2026-05-07']).toBe('creation');
    expect(stages['2026-05-08']).toBe('creation'); // before 10:00 the day's pass has not run…
    expect((await card(d, holiday.id)).stage).toBe('approval'); // …at 10:00 it has.

    expect(about(seen, 'event_approval', holiday.id, d.assistant.id)).toEqual(['2026-05-08']);
    expect(about(seen, 'event_approval', plain.id, d.assistant.id)).toEqual(['2026-05-12']);
    expect(seen.filter((r) => r.entityId === far.id)).toEqual([]);
    // The move is the responsible person's news; the office head is not told.
    expect(about(seen, 'event_approval', holiday.id, head.id)).toEqual([]);

    // Written like any other change: the history, the change log and the audit, by the system user.
    const c = await card(d, holiday.id);
    const moves = c.history.filter((h) => h.action === 'auto_moved');
    expect(moves).toHaveLength(1);
    expect(moves[0]).toMatchObject({
      userName: systemUserName,
      changes: { stage: { from: 'creation', to: 'approval' } },
    });
    expect(c.tasks.filter((t) => t.status === 'open').map((t) => t.stage)).toEqual(['approval']);
    const system = row<{ id: string }>(d, 'SELECT id FROM users WHERE login = ?', SYSTEM_LOGIN);
    const audits = d.o.handle.sqlite
      .prepare(
        "SELECT user_id, transport, entity_id FROM audit_log WHERE action = 'events.autoMove' ORDER BY seq",
      )
      .all();
    expect(audits).toEqual([
      { user_id: system.id, transport: 'internal', entity_id: holiday.id },
      { user_id: system.id, transport: 'internal', entity_id: plain.id },
    ]);
    const logged = d.o.handle.sqlite
      .prepare(
        "SELECT json_extract(data, '$.stage') AS stage FROM change_log WHERE table_name = 'events' AND row_id = ? ORDER BY seq",
      )
      .all(holiday.id);
    expect(logged).toEqual([{ stage: 'creation' }, { stage: 'approval' }]);

    // The inbox says it and opens the event.
    const inbox = await d.o.call('reminders.inbox', {}, d.assistant.token);
    const item = inbox.items.find((i) => i.rule === 'event_approval' && i.entityId === holiday.id)!;
    expect(item).toMatchObject({
      entity: 'event',
      appealId: null,
      params: { eventTitle: 'Встреча с жителями', date: '2026-06-01' },
    });
    expect(reminderText(item.rule, item.params).body).toBe(
      '«Встреча с жителями» (01.06.2026): согласуйте мероприятие',
    );
  });

  it('catches up after ten days closed, once; a restart raises nothing', async () => {
    const d = await openDesk('2026-05-04');
    const a = await newEvent(d, 'Первое', '2026-06-01'); // moves 08.05
    const b = await newEvent(d, 'Второе', '2026-06-02'); // moves 12.05
    restart(d);
    await d.day('2026-05-18');
    const caught = restart(d);
    const approvals = caught.filter((r) => r.rule === 'event_approval');
    expect(approvals.map((r) => [r.entityId, r.recipientId, r.dueAt]).sort()).toEqual(
      [
        [a.id, d.assistant.id, '2026-05-08T06:00:00.000Z'],
        [b.id, d.assistant.id, '2026-05-12T06:00:00.000Z'],
      ].sort(),
    );
    for (const e of [a, b]) {
      const c = await card(d, e.id);
      expect(c.stage).toBe('approval');
      expect(c.history.filter((h) => h.action === 'auto_moved')).toHaveLength(1);
    }
    expect(restart(d)).toEqual([]);
  });

  it('two scheduler instances on one file move the event and tell of it once', async () => {
    const d = await openDesk('2026-05-04');
    const e = await newEvent(d, 'Выезд', '2026-06-01');
    const other = openOffice(d.o.file, { clock: d.o.clock });
    try {
      const one = scheduler(d);
      const two = new ReminderScheduler({ store: other.store, clock: d.o.clock, hlc: other.hlc });
      const all: RaisedReminder[] = [];
      for (let day = '2026-05-04'; day <= '2026-05-15'; day = addCalendarDays(day, 1)) {
        await d.day(day);
        const [x, y] = day.endsWith('8') ? [two, one] : [one, two];
        all.push(...x.tick(), ...y.tick());
      }
      expect(all.filter((r) => r.rule === 'event_approval').map((r) => r.entityId)).toEqual([e.id]);
      const c = await card(d, e.id);
      expect(c.history.filter((h) => h.action === 'auto_moved')).toHaveLength(1);
      expect(
        row<{ n: number }>(d, "SELECT count(*) AS n FROM audit_log WHERE action = 'events.autoMove'").n,
      ).toBe(1);
    } finally {
      other.close();
    }
  });

  it('follows the office’s offset; an event entered late moves at the next pass', async () => {
    const d = await openDesk('2026-05-04');
    await d.o.call('office.update', { reminders: { eventApprovalDays: 30 } }, d.admin.token);
    // 8 June less 30 days is Saturday 9 May → Friday 8th.
    const e = await newEvent(d, 'Отчёт депутата', '2026-06-08');
    expect(e.approvalOn).toBe('2026-05-08');
    const s = scheduler(d);
    await walk(d, s, '2026-05-04', '2026-05-07');
    expect((await card(d, e.id)).stage).toBe('creation');
    // Entered on 7 May for the 20th: its day (20 April, 30 days before) has gone; the next pass moves it.
    const late = await newEvent(d, 'Срочная встреча', '2026-05-20');
    expect(late.approvalOn).toBe('2026-04-20');
    const raised = s.tick();
    expect(raised.map((r) => [r.rule, r.entityId, r.dueAt])).toEqual([
      ['event_approval', late.id, '2026-04-20T06:00:00.000Z'],
    ]);
    expect((await card(d, late.id)).stage).toBe('approval');
    const seen = await walk(d, s, '2026-05-08', '2026-05-08');
    expect(about(seen, 'event_approval', e.id, d.assistant.id)).toEqual(['2026-05-08']);
  });
});

describe('an event that no longer waits', () => {
  it('cancelled or moved on by hand, raises nothing', async () => {
    const d = await openDesk('2026-05-04');
    const cancelled = await newEvent(d, 'Отменённое', '2026-06-01');
    const byHand = await newEvent(d, 'Согласовано вручную', '2026-06-01');
    const s = scheduler(d);
    const seen = await walk(d, s, '2026-05-04', '2026-06-10', async (day) => {
      if (day !== '2026-05-05') return;
      await d.o.call('events.cancel', { id: cancelled.id, reason: 'Перенос на осень' }, d.assistant.token);
      await tickAll(d, byHand.id);
      await d.o.call('events.move', { id: byHand.id, to: 'approval' }, d.assistant.token);
      await d.o.call('events.cancel', { id: byHand.id, reason: 'Отказ администрации' }, d.assistant.token);
    });
    expect(seen.filter((r) => r.entity === 'event')).toEqual([]);
    const c = await card(d, byHand.id);
    expect(c.history.filter((h) => h.action === 'auto_moved')).toEqual([]);
  });
});

describe('a stage held past its limit', () => {
  it('is told on the first working day after the limit, to the responsible person and the office head', async () => {
    const d = await openDesk('2026-04-27');
    const head = await d.o.addUser('head', 'office_head');
    await d.o.call('office.update', { eventStageLimits: { creation: 3, approval: 5 } }, d.admin.token);
    // Entered Создание on Monday 27 April: three working days end on Thursday 30th (1 May is a holiday,
    // then the weekend): stuck on Monday 4 May.
    const e = await newEvent(d, 'Встреча в школе', '2026-09-01');
    // Its date is 3 weeks ahead on 8 May (1 June less 21 days is the holiday of the 11th).
    const soon = await newEvent(d, 'Приём в ДК', '2026-06-01');
    const s = scheduler(d);
    const seen = await walk(d, s, '2026-04-27', '2026-05-22');
    expect(about(seen, 'event_stuck', e.id, d.assistant.id)).toEqual(['2026-05-04']);
    expect(about(seen, 'event_stuck', e.id, head.id)).toEqual(['2026-05-04']);
    // Soon is stuck in Создание on 4 May too; moved on 8 May, Согласование's five working days end on
    // Monday 18th (the 11th is a holiday): stuck on Tuesday 19th.
    expect(about(seen, 'event_stuck', soon.id, d.assistant.id)).toEqual(['2026-05-04', '2026-05-19']);
    const stuck = seen.find(
      (r) => r.rule === 'event_stuck' && r.entityId === soon.id && r.day === '2026-05-19',
    )!;
    expect(stuck.params).toMatchObject({ eventStage: 'approval', date: '2026-05-08' });
    expect(reminderText('event_stuck', stuck.params).body).toBe(
      '«Приём в ДК»: этап «Согласование» с 08.05.2026 — дольше срока',
    );
  });

  it('is not escalated when the office says so; a rule turned off is silent', async () => {
    const d = await openDesk('2026-04-27');
    const head = await d.o.addUser('head', 'office_head');
    await d.o.call(
      'office.update',
      {
        eventStageLimits: { creation: 3 },
        reminders: { escalateToHead: false, enabled: { event_approval: false } },
      },
      d.admin.token,
    );
    const e = await newEvent(d, 'Встреча', '2026-06-01');
    expect(e.approvalOn).toBeNull();
    const s = scheduler(d);
    let seen = await walk(d, s, '2026-04-27', '2026-05-12');
    expect(about(seen, 'event_stuck', e.id, d.assistant.id)).toEqual(['2026-05-04']);
    expect(about(seen, 'event_stuck', e.id, head.id)).toEqual([]);
    // The move is off: the event waits in Создание, nobody is told.
    expect(seen.filter((r) => r.rule === 'event_approval')).toEqual([]);
    expect((await card(d, e.id)).stage).toBe('creation');

    // Turned back on, the move it missed on 8 May comes at the next pass; the stuck rule turned off is silent.
    await d.o.call(
      'office.update',
      {
        eventStageLimits: { approval: 1 },
        reminders: { enabled: { event_approval: true, event_stuck: false } },
      },
      d.admin.token,
    );
    seen = await walk(d, s, '2026-05-13', '2026-05-22');
    // Its pass is the first after the change: before the working day of the 13th, about a day now past.
    expect(about(seen, 'event_approval', e.id, d.assistant.id)).toEqual(['2026-05-13-early']);
    expect(seen.find((r) => r.rule === 'event_approval')!.dueAt).toBe('2026-05-08T06:00:00.000Z');
    expect((await card(d, e.id)).stage).toBe('approval');
    expect(seen.filter((r) => r.rule === 'event_stuck')).toEqual([]);
  });
});
