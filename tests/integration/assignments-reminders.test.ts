import { describe, expect, it } from 'vitest';
import { openOffice } from '../../main/boot/open-office';
import { giveRecurring } from '../../main/assignments/recurring';
import { ReminderScheduler } from '../../main/reminders/scheduler';
import { periodDay, periodKey } from '../../shared/domain/assignments';
import { ProductionCalendar } from '../../shared/domain/calendar';
import { SHIPPED_CALENDAR_YEARS } from '../../shared/domain/calendar-data';
import { fireRules, ReminderDays, reminderSettings } from '../../shared/domain/reminders';
import { reminderText } from '../../shared/i18n/ru/reminders';
import { PASSWORD } from './helpers';
import { testOffice, type TestOffice } from './office-fixture';

const calendar = new ProductionCalendar(SHIPPED_CALENDAR_YEARS);
/** 10:30 in Moscow on a day: after the working day's start and the digest's time. */
const at = (day: string) => `${day}T07:30:00Z`;

async function people(o: TestOffice) {
  return {
    deputy: await o.addUser('deputy', 'deputy'),
    head: await o.addUser('head', 'office_head'),
    anna: await o.addUser('anna', 'assistant'),
  };
}

/** Another process on the same file: its own connection, its own scheduler. */
function restart(o: TestOffice) {
  const h = openOffice(o.file, { clock: o.clock });
  return { h, s: new ReminderScheduler({ store: h.store, clock: o.clock, hlc: h.hlc }) };
}

type Stored = { rule: string; entity_id: string; recipient_id: string; due_at: string; params: string };
const reminders = (o: TestOffice, rule: string): Stored[] =>
  o.handle.sqlite
    .prepare(
      'SELECT rule, entity_id, recipient_id, due_at, params FROM reminders WHERE rule = ? ORDER BY 3, 4',
    )
    .all(rule) as Stored[];

describe('поручения: reminders by the same scheduler', () => {
  it('due soon, overdue and the digest are caught up after the app was closed, each once', async () => {
    const o = await testOffice(at('2026-02-13'));
    const u = await people(o);
    const late = await o.call(
      'assignments.create',
      { text: 'Подготовить отчёт о встрече', assigneeIds: [u.anna.id], controlDate: '2026-02-20' },
      u.deputy.token,
    );
    // Reported before its date: it is never overdue.
    const early = await o.call(
      'assignments.create',
      { text: 'Позвонить в управу', assigneeIds: [u.anna.id], controlDate: '2026-02-20' },
      u.deputy.token,
    );
    await o.call('assignments.report', { id: early.id, text: 'Позвонила' }, u.anna.token);

    // Closed for almost two weeks, then opened in a new process.
    o.clock.set(at('2026-02-26'));
    const { h, s } = restart(o);
    try {
      const raised = s.start();
      s.stop();
      const office = o.handle.sqlite
        .prepare('SELECT deadline_shift, reminder_settings FROM offices')
        .get() as {
        deadline_shift: 'previous' | 'next';
        reminder_settings: string;
      };
      const fire = fireRules(reminderSettings(office.reminder_settings));
      const days = new ReminderDays(calendar, office.deadline_shift);
      const soonDay = days.fireDay('2026-02-20', fire.dueSoon);
      const lateDay = days.fireDay('2026-02-20', fire.overdue);
      const ids = (rows: Stored[]) => rows.map((r) => [r.entity_id, r.recipient_id, r.due_at.slice(0, 10)]);
      // The reported one is no longer the assignee's to do: no «due soon» for it either.
      expect(ids(reminders(o, 'assignment_due_soon'))).toEqual([[late.id, u.anna.id, soonDay]]);
      // Overdue: the assignee, the author, and the office head (the office's setting escalates).
      const overdue = reminders(o, 'assignment_overdue');
      expect(new Set(overdue.map((r) => r.entity_id))).toEqual(new Set([late.id]));
      expect(overdue.map((r) => r.recipient_id).sort()).toEqual([u.anna.id, u.deputy.id, u.head.id].sort());
      expect(new Set(overdue.map((r) => r.due_at.slice(0, 10)))).toEqual(new Set([lateDay]));
      expect(reminderText('assignment_overdue', JSON.parse(overdue[0]!.params)).body).toBe(
        '«Подготовить отчёт о встрече»: срок истёк 20.02.2026',
      );
      // Today's digest counts the overdue поручение for the assignee and for the head.
      const digest = reminders(o, 'overdue_digest').filter((r) => r.due_at.startsWith('2026-02-26'));
      const byWho = new Map(
        digest.map((r) => [r.recipient_id, JSON.parse(r.params) as { assignments?: number }]),
      );
      const counted = o.handle.sqlite
        .prepare(
          `SELECT count(*) AS n FROM assignments WHERE status IN ('new', 'in_work', 'returned')
           AND control_date < '2026-02-26'`,
        )
        .get() as { n: number };
      expect(byWho.get(u.anna.id)?.assignments).toBe(counted.n);
      expect(byWho.get(u.head.id)?.assignments).toBe(counted.n);
      expect(reminderText('overdue_digest', { count: 0, assignments: 1 }).body).toBe(
        'Просрочено: 1 поручение',
      );
      expect(raised.filter((r) => r.rule.startsWith('assignment_')).length).toBe(
        reminders(o, 'assignment_due_soon').length + overdue.length,
      );

      // Again, in this process and the first: nothing twice.
      expect(s.tick()).toEqual([]);
      expect(
        new ReminderScheduler({ store: o.handle.store, clock: o.clock, hlc: o.handle.hlc }).tick(),
      ).toEqual([]);
    } finally {
      h.close();
    }
  });
});

describe('recurring поручения', () => {
  it('a weekly template gives exactly one per week, across restarts; after weeks closed, only the current', async () => {
    const o = await testOffice(at('2026-02-13'));
    const u = await people(o);
    const t = await o.call(
      'assignments.createTemplate',
      {
        text: 'Сводка обращений за неделю',
        assigneeIds: [u.anna.id],
        recurrence: 'weekly',
        day: 1,
        termDays: 2,
      },
      u.head.token,
    );
    const env = { store: o.handle.store, clock: o.clock, hlc: o.handle.hlc };
    const given = () =>
      o.handle.sqlite
        .prepare(
          'SELECT period, control_date, author_id FROM assignments WHERE template_id = ? ORDER BY period',
        )
        .all(t.id) as { period: string; control_date: string; author_id: string }[];
    // Made on a Friday: this week's Monday went by before it existed.
    expect(giveRecurring(env)).toBe(0);

    o.clock.set(at('2026-02-16'));
    const first = restart(o);
    try {
      first.s.start();
      first.s.tick();
      first.s.stop();
    } finally {
      first.h.close();
    }
    expect(giveRecurring(env)).toBe(0);
    expect(given()).toEqual([
      {
        period: periodKey('weekly', '2026-02-16'),
        control_date: calendar.addWorkingDays('2026-02-16', 2),
        author_id: u.head.id,
      },
    ]);
    const again = await o.call('auth.signIn', { login: 'anna', password: PASSWORD });
    const tasks = await o.call('tasks.list', {}, again.token);
    expect(tasks.rows.filter((r) => r.kind === 'assignment').length).toBe(1);

    // Closed from Tuesday 17 February to Wednesday 11 March: weeks 9 and 10 are not given late.
    o.clock.set(at('2026-03-11'));
    const second = restart(o);
    const third = restart(o);
    try {
      second.s.tick();
      third.s.tick();
    } finally {
      second.h.close();
      third.h.close();
    }
    const monday = periodDay('weekly', 1, '2026-03-11');
    expect(given().map((g) => [g.period, g.control_date])).toEqual([
      [periodKey('weekly', '2026-02-16'), calendar.addWorkingDays('2026-02-16', 2)],
      [periodKey('weekly', '2026-03-11'), calendar.addWorkingDays(monday, 2)],
    ]);
    expect(periodKey('weekly', '2026-03-11')).toBe('2026-W11');

    // The database holds one per (template, period) whatever writes it.
    expect(() =>
      o.handle.sqlite
        .prepare(
          `INSERT INTO assignments (id, author_id, text, control_date, assignees, template_id, period, office_id,
             created_at, updated_at, hlc)
           SELECT '0190c1a2-0000-7000-8000-0000000000ff', author_id, text, control_date, assignees, template_id,
             period, office_id, created_at, updated_at, hlc FROM assignments WHERE template_id = ? LIMIT 1`,
        )
        .run(t.id),
    ).toThrow(/UNIQUE/);

    // Paused: nothing next week.
    const head = await o.call('auth.signIn', { login: 'head', password: PASSWORD });
    await o.call('assignments.setTemplateActive', { id: t.id, active: false }, head.token);
    o.clock.set(at('2026-03-16'));
    expect(giveRecurring(env)).toBe(0);
    const anna = await o.call('auth.signIn', { login: 'anna', password: PASSWORD });
    expect((await o.fail('assignments.setTemplateActive', { id: t.id, active: true }, anna.token)).code).toBe(
      'forbidden',
    );
  });

  it('a monthly template on the 31st is given on a short month’s last day; a weekday past 7 is refused', async () => {
    expect(periodDay('monthly', 31, '2026-02-10')).toBe('2026-02-28');
    expect(periodKey('monthly', '2026-02-10')).toBe('2026-02');
    expect(periodKey('weekly', '2027-01-01')).toBe('2026-W53');
    const o = await testOffice(at('2026-02-13'));
    const u = await people(o);
    const e = await o.fail(
      'assignments.createTemplate',
      { text: 'x', assigneeIds: [u.anna.id], recurrence: 'weekly', day: 8, termDays: 1 },
      u.head.token,
    );
    expect([e.code, e.field]).toEqual(['validation', 'day']);
    await o.call(
      'assignments.createTemplate',
      { text: 'Отчёт за месяц', assigneeIds: [u.anna.id], recurrence: 'monthly', day: 31, termDays: 3 },
      u.deputy.token,
    );
    const env = { store: o.handle.store, clock: o.clock, hlc: o.handle.hlc };
    o.clock.set(at('2026-02-27'));
    expect(giveRecurring(env)).toBe(0);
    o.clock.set(at('2026-02-28'));
    expect(giveRecurring(env)).toBe(1);
    o.clock.set(at('2026-03-30'));
    expect(giveRecurring(env)).toBe(0);
    o.clock.set(at('2026-03-31'));
    expect(giveRecurring(env)).toBe(1);
  });
});
