import { describe, expect, it } from 'vitest';
import { openOffice } from '../../main/boot/open-office';
import { ReminderScheduler, type Notice } from '../../main/reminders/scheduler';
import { RULES, type ReminderRuleDef } from '../../main/reminders/rules';
import type { RaisedReminder } from '../../main/reminders/scan';
import { systemActor } from '../../main/office/system-user';
import { appealHistory, stamp } from '../../main/kernel/bookkeeping';
import { addCalendarDays, ProductionCalendar } from '../../shared/domain/calendar';
import { SHIPPED_CALENDAR_YEARS } from '../../shared/domain/calendar-data';
import { systemUserName } from '../../shared/i18n/ru/reminders';
import { fixedClock } from '../../shared/util/clock';
import { answerOnMerits, openDesk, sendRequest, type Desk } from './workflow-steps';

const calendar = new ProductionCalendar(SHIPPED_CALENDAR_YEARS);

function scheduler(d: Desk, extra: Partial<ConstructorParameters<typeof ReminderScheduler>[0]> = {}) {
  const h = d.o.handle;
  return new ReminderScheduler({ store: h.store, clock: d.o.clock, hlc: h.hlc, ...extra });
}

type Seen = RaisedReminder & { day: string };

/** The month of data the walk runs over: open appeals, one closed, one with a request out; two events. */
async function arrange(d: Desk) {
  const head = await d.o.addUser('head', 'office_head');
  const mine = { responsibleId: d.assistant.id };
  const a = await d.register('2026-04-08', mine);
  const b = await d.register('2026-04-20', mine);
  const closed = await d.register('2026-04-21', mine);
  const withRequest = await d.register('2026-04-14', mine);
  const { send } = await sendRequest(d, withRequest.id, { kind: 'deputy_request', answerDays: 30 });
  await d.o.call('requests.send', send, d.assistant.token);
  const event = (title: string, date: string) =>
    d.o.call('events.create', { title, kind: 'residents_meeting', date }, d.assistant.token);
  const meeting = await event('Встреча с жителями', '2026-06-01');
  const dropped = await event('Отменённая встреча', '2026-05-25');
  return { head, a, b, closed, withRequest, requestId: send.id, meeting, dropped };
}

describe('the reminder scheduler over a month with holidays', () => {
  it('raises every reminder on its day, exactly once, and none for a closed appeal', async () => {
    const d = await openDesk('2026-04-27');
    const { head, a, b, closed, withRequest, requestId, meeting, dropped } = await arrange(d);
    const s = scheduler(d);
    const seen: Seen[] = [];
    for (let day = '2026-04-27'; day <= '2026-05-31'; day = addCalendarDays(day, 1)) {
      // Before the working day starts nothing of the day is raised; at 10:00 it is, and again at 16:00 none.
      d.o.clock.set(`${day}T05:30:00Z`);
      const early = s.tick();
      expect(early.filter((r) => r.dueAt.startsWith(day) && r.rule !== 'overdue_digest')).toEqual([]);
      seen.push(...early.map((r) => ({ ...r, day: `${day}-early` })));
      await d.day(day);
      if (day === '2026-04-28') {
        await answerOnMerits(d, closed.id);
        await d.o.call('events.cancel', { id: dropped.id, reason: 'Перенесена' }, d.assistant.token);
      }
      seen.push(...s.tick().map((r) => ({ ...r, day })));
      d.o.clock.set(`${day}T13:00:00Z`);
      expect(s.tick()).toEqual([]);
    }

    const keys = seen.map((r) => `${r.rule} ${r.entityId} ${r.dueAt} ${r.recipientId}`);
    expect(new Set(keys).size).toBe(keys.length);
    const about = (rule: string, id: string, to = d.assistant.id) =>
      seen
        .filter((r) => r.rule === rule && (r.appealId ?? r.entityId) === id && r.recipientId === to)
        .map((r) => r.day);

    // A: registered 08.04, term 08.05 (Fri, shortened but working): due soon 5 days before = 03.05, a
    // Sunday after the 1 May holiday → the previous working day 30.04; overdue from 09.05, a Saturday, then
    // the 11th is the moved 9 May holiday → Tuesday 12.05.
    expect(a.dueDate).toBe('2026-05-08');
    expect(about('appeal_due_soon', a.id)).toEqual(['2026-04-30']);
    expect(about('appeal_overdue', a.id)).toEqual(['2026-05-12']);
    // The office head hears of the breach, not of the warning.
    expect(about('appeal_overdue', a.id, head.id)).toEqual(['2026-05-12']);
    expect(about('appeal_due_soon', a.id, head.id)).toEqual([]);

    // B: registered 20.04, control date 20.05 (Wed): due soon on Friday 15.05, overdue on Thursday 21.05.
    expect(b.dueDate).toBe('2026-05-20');
    expect(about('appeal_due_soon', b.id)).toEqual(['2026-05-15']);
    expect(about('appeal_overdue', b.id)).toEqual(['2026-05-21']);

    // The request went out on 27.04: no answer 25 days later, on Friday 22.05.
    const req = seen.filter((r) => r.rule === 'request_unanswered');
    expect(req.map((r) => [r.day, r.recipientId, r.params.date])).toEqual([
      ['2026-05-22', d.assistant.id, '2026-04-27'],
    ]);
    expect(req[0]!.appealId).toBe(withRequest.id);
    expect(requestId).toBeTruthy();

    // Closed on 28.04, before any of its days: nothing at all.
    expect(seen.filter((r) => r.appealId === closed.id)).toEqual([]);

    // The meeting of 01.06 goes to Согласование 21 days before, on 11.05, the moved holiday → Friday 08.05;
    // the stage's five working days then end on Monday 18.05, and it is stuck on Tuesday 19.05, which the
    // office head hears of too. The meeting cancelled on 28.04 (its day was 04.05) says nothing.
    expect(about('event_approval', meeting.id)).toEqual(['2026-05-08']);
    expect(about('event_approval', meeting.id, head.id)).toEqual([]);
    expect(about('event_stuck', meeting.id)).toEqual(['2026-05-19']);
    expect(about('event_stuck', meeting.id, head.id)).toEqual(['2026-05-19']);
    expect(seen.filter((r) => r.entityId === dropped.id)).toEqual([]);
    expect((await d.o.call('events.get', { id: meeting.id }, d.assistant.token)).stage).toBe('approval');

    // Each reminder is on a working day; digests once a working day, none on holidays.
    for (const r of seen) expect(calendar.isWorkingDay(r.day.slice(0, 10)), r.day).toBe(true);
    const digests = seen.filter((r) => r.rule === 'overdue_digest' && r.recipientId === head.id);
    expect(new Set(digests.map((r) => r.day)).size).toBe(digests.length);
    expect(digests.map((r) => r.day)).not.toContain('2026-05-11');
    expect(digests.map((r) => r.day)).toContain('2026-05-12');
    expect(digests.find((r) => r.day === '2026-05-12')!.params.count).toBeGreaterThanOrEqual(1);

    // The inbox shows them to their reader, with the count of unread.
    const inbox = await d.o.call('reminders.inbox', {}, d.assistant.token);
    expect(inbox.unread).toBe(seen.filter((r) => r.recipientId === d.assistant.id).length);
    const read = await d.o.call('reminders.markRead', { ids: [inbox.items[0]!.id] }, d.assistant.token);
    expect(read.unread).toBe(inbox.unread - 1);
    expect((await d.o.call('reminders.unread', {}, d.assistant.token)).unread).toBe(inbox.unread - 1);
    // Someone else's reminders cannot be marked.
    await d.o.call('reminders.markRead', { ids: [inbox.items[1]!.id] }, d.deputy.token);
    expect((await d.o.call('reminders.unread', {}, d.assistant.token)).unread).toBe(inbox.unread - 1);
    // A month of days, each pass committed durably: some 15 s alone, twice that beside the rest of the suite.
  }, 120_000);

  it('a rule turned off raises nothing; offsets come from the settings', async () => {
    const d = await openDesk('2026-04-27');
    const b = await d.register('2026-04-20', { responsibleId: d.assistant.id });
    await d.o.call(
      'office.update',
      { reminders: { enabled: { appeal_overdue: false }, dueSoonDays: 7 } },
      d.admin.token,
    );
    const s = scheduler(d);
    const seen: Seen[] = [];
    for (let day = '2026-04-27'; day <= '2026-05-31'; day = addCalendarDays(day, 1)) {
      await d.day(day);
      seen.push(...s.tick().map((r) => ({ ...r, day })));
    }
    const onB = seen.filter((r) => r.appealId === b.id);
    expect(onB.filter((r) => r.rule === 'appeal_overdue')).toEqual([]);
    // Control date 20.05 less 7 days is Wednesday 13.05.
    expect(onB.filter((r) => r.rule === 'appeal_due_soon').map((r) => r.day)).toEqual(['2026-05-13']);
  }, 120_000);
});

describe('catching up', () => {
  it('after ten days stopped raises each missed reminder once; a second restart raises none', async () => {
    const d = await openDesk('2026-05-04');
    const a = await d.register('2026-04-08', { responsibleId: d.assistant.id });
    const b = await d.register('2026-04-20', { responsibleId: d.assistant.id });
    await d.day('2026-05-06');
    const first = scheduler(d);
    first.start();
    first.stop();
    // Closed from 6.05 to 16.05 (holidays in between): A's overdue (12.05) fell due meanwhile, B's due-soon
    // (15.05) too, and both review tasks (due 06.05, two working days from registration) got stuck on 07.05.
    await d.day('2026-05-18');
    const again = scheduler(d);
    const caught = again.start();
    again.stop();
    const rules = (id: string) =>
      caught
        .filter((r) => r.appealId === id && r.recipientId === d.assistant.id)
        .map((r) => r.rule)
        .sort();
    expect(rules(a.id)).toEqual(['appeal_overdue', 'stage_stuck']);
    expect(rules(b.id)).toEqual(['appeal_due_soon', 'stage_stuck']);
    expect(caught.filter((r) => r.rule === 'overdue_digest').length).toBeGreaterThan(0);

    const third = scheduler(d);
    expect(third.start()).toEqual([]);
    third.stop();
  });
});

describe('two windows on one database', () => {
  it('two scheduler instances on one file raise each reminder once', async () => {
    const d = await openDesk('2026-05-04');
    for (const day of ['2026-04-06', '2026-04-08', '2026-04-10', '2026-04-14', '2026-04-20'])
      await d.register(day, { responsibleId: d.assistant.id });
    await d.o.addUser('head', 'office_head');
    const other = openOffice(d.o.file, { clock: d.o.clock });
    try {
      const one = scheduler(d);
      const two = new ReminderScheduler({ store: other.store, clock: d.o.clock, hlc: other.hlc });
      const all: RaisedReminder[] = [];
      for (let day = '2026-05-04'; day <= '2026-05-29'; day = addCalendarDays(day, 1)) {
        await d.day(day);
        // Alternate who goes first, as two windows would.
        const [x, y] = day.endsWith('1') || day.endsWith('3') ? [two, one] : [one, two];
        all.push(...x.tick(), ...y.tick());
      }
      const keys = all.map((r) => `${r.rule} ${r.entityId} ${r.dueAt} ${r.recipientId}`);
      expect(keys.length).toBeGreaterThan(10);
      expect(new Set(keys).size).toBe(keys.length);
      const stored = d.o.handle.sqlite.prepare('SELECT count(*) AS n FROM reminders').get() as { n: number };
      expect(stored.n).toBe(keys.length);
    } finally {
      other.close();
    }
    // Two connections committing durably (synchronous = FULL) for a month of days: seconds alone,
    // several times that on a machine busy with the rest of the suite.
  }, 120_000);
});

describe('delivery', () => {
  it('one summary when many fall due at once; nothing in quiet hours; each shown once', async () => {
    const d = await openDesk('2026-05-04');
    for (const day of ['2026-04-06', '2026-04-07', '2026-04-08', '2026-04-09', '2026-04-10'])
      await d.register(day, { responsibleId: d.assistant.id });
    const shown: Notice[][] = [];
    const s = scheduler(d, { notify: (n) => shown.push(n), recipient: () => d.assistant.id });
    // 21:00 in Moscow: quiet hours (20:00–08:00) hold the notifications; the reminders are recorded.
    d.o.clock.set('2026-05-18T18:00:00Z');
    expect(s.tick().length).toBeGreaterThan(3);
    expect(shown).toEqual([]);
    d.o.clock.set('2026-05-19T07:00:00Z');
    s.tick();
    expect(shown).toHaveLength(1);
    expect(shown[0]).toHaveLength(1);
    expect(shown[0]![0]!.appealId).toBeNull();
    expect(shown[0]![0]!.body).toMatch(/^\d+ напоминани/);
    s.tick();
    expect(shown).toHaveLength(1);
  });
});

describe('a rule with an effect (the shape of the events rules)', () => {
  it('runs its effect once, as the system user, with history in the same transaction', async () => {
    const d = await openDesk('2026-05-04');
    const a = await d.register('2026-04-08', { responsibleId: d.assistant.id });
    const effects: string[] = [];
    const probe: ReminderRuleDef = {
      ...RULES.find((r) => r.id === 'appeal_overdue')!,
      effect: (db, ctx, due) => {
        effects.push(due.entityId);
        appealHistory(db, ctx, stamp(ctx), localOffice(d), due.entityId, 'reminded');
      },
    };
    const rules = [...RULES.filter((r) => r.id !== 'appeal_overdue'), probe];
    await d.o.addUser('head', 'office_head');
    await d.day('2026-05-12');
    const s = scheduler(d, { rules });
    s.tick();
    s.tick();
    expect(effects).toEqual([a.id]);
    const card = await d.o.call('appeals.get', { id: a.id }, d.assistant.token);
    const entry = card.history.find((h) => h.action === 'reminded');
    expect(entry?.userName).toMatch(/Система/);
    // The system user exists once and cannot sign in.
    const sys = d.o.handle.store.transaction((w) =>
      systemActor(w, { clock: fixedClock('2026-05-12T07:00:00Z'), hlc: d.o.handle.hlc }, localOffice(d)),
    );
    expect(entry?.userName).toBe(systemUserName);
    expect(sys.fullName).toBe(systemUserName);
    // Not a person: not in the list of users, and nobody can give it a password.
    const users = await d.o.call('users.list', { includeInactive: true }, d.admin.token);
    expect(users.map((u) => u.login)).not.toContain('@system');
    expect(
      await d.o.fail(
        'users.update',
        { id: sys.userId, active: true, password: 'new-pass-123' },
        d.admin.token,
      ),
    ).toMatchObject({ code: 'forbidden' });
    expect(await d.o.fail('auth.signIn', { login: '@system', password: 'whatever-1' }, '')).toMatchObject({
      code: 'unauthenticated',
    });
  });
});

function localOffice(d: Desk): string {
  return (
    d.o.handle.sqlite.prepare("SELECT value FROM local_state WHERE key = 'office_id'").get() as {
      value: string;
    }
  ).value;
}

describe('the timer and writes', () => {
  it('scans on its interval and soon after a write, with the timers injected', async () => {
    const d = await openDesk('2026-05-15');
    const pending: { fn: () => void; every: number | null }[] = [];
    const timers = {
      setInterval: (fn: () => void, ms: number) => pending.push({ fn, every: ms }),
      clearInterval: () => pending.splice(0),
      setTimeout: (fn: () => void) => pending.push({ fn, every: null }),
      clearTimeout: () => undefined,
    };
    const s = scheduler(d, { timers, intervalMs: 60_000 });
    expect(s.start()).toEqual([]);
    expect(pending).toEqual([{ fn: expect.any(Function), every: 60_000 }]);
    // Registered today, backdated to 20.04: its control date is 20.05, "due soon" today (15.05).
    const b = await d.register('2026-04-20', { responsibleId: d.assistant.id });
    s.poke();
    s.poke();
    const soon = pending.filter((p) => p.every === null);
    expect(soon).toHaveLength(1);
    soon[0]!.fn();
    const inbox = await d.o.call('reminders.inbox', {}, d.assistant.token);
    expect(inbox.items.map((i) => [i.rule, i.appealId])).toContainEqual(['appeal_due_soon', b.id]);
    s.stop();
    expect(pending).toEqual([]);
  });
});

describe('objects entered with old dates', () => {
  it('a request recorded today as sent a month ago gets its missed 25-day reminder at the next pass', async () => {
    const d = await openDesk('2026-05-18');
    const a = await d.register('2026-04-14', { responsibleId: d.assistant.id });
    const s = scheduler(d);
    s.tick();
    await d.day('2026-05-25');
    s.tick();
    // Sent on 27.04, recorded only now: its day, 22.05, was covered by the pass of 22.05 or earlier.
    const { send } = await sendRequest(d, a.id, { kind: 'deputy_request', answerDays: 30 });
    await d.o.call('requests.send', { ...send, sentOn: '2026-04-27' }, d.assistant.token);
    const raised = s.tick();
    expect(raised.filter((r) => r.rule === 'request_unanswered').map((r) => [r.appealId, r.dueAt])).toEqual([
      [a.id, '2026-05-22T06:00:00.000Z'],
    ]);
    expect(s.tick()).toEqual([]);
  });
});
