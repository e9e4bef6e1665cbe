import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHttpServer, type HttpServerHandle } from '../../main/transport/http/server';
import type { ReceptionDay } from '../../shared/api/reception';
import { dumpTables, expectError, setUpOffice, type TestOffice } from './helpers';
import { booking, citizen, DAY } from './reception-fixture';
import { transportCallers } from './transport-callers';

/**
 * Приём граждан through the contract on a real office file: days and their slots, booking without
 * double booking (also two transports at once), the notices a booking and a cancelled day owe, the
 * day's list, marks, walk-ins and the appeal registered from a booking.
 */

let office: TestOffice;
beforeEach(async () => {
  office = await setUpOffice();
});
afterEach(() => office.close());

const count = (sql: string, ...params: unknown[]): number =>
  (office.handle.sqlite.prepare(sql).get(...params) as { n: number }).n;

describe('reception days', () => {
  it('cuts the hours into slots of the office’s length, less the break', async () => {
    const day = await office.value('reception.createDay', DAY);
    expect(day.slots.map((s) => s.time)).toEqual(['10:00', '10:20', '10:40', '11:20', '11:40']);
    expect(day.slots.every((s) => s.state === 'free')).toBe(true);
  });

  it('makes days by a repeating rule: Tuesdays and Thursdays every other week', async () => {
    const made = await office.value('reception.createSeries', {
      from: '2025-03-03',
      to: '2025-03-30',
      weekdays: [2, 4],
      everyWeeks: 2,
      place: 'Приёмная',
      startTime: '09:00',
      endTime: '10:00',
      slotMinutes: 30,
    });
    expect(made.map((d) => d.date)).toEqual(['2025-03-04', '2025-03-06', '2025-03-18', '2025-03-20']);
    const seriesIds = new Set(made.map((d) => d.seriesId));
    expect(seriesIds.size).toBe(1);
    const stored = count('SELECT count(*) AS n FROM reception_days WHERE series_id = ?', made[0]!.seriesId);
    expect(stored).toBe(made.length);
    const week = await office.value('reception.days', { from: '2025-03-03', days: 7 });
    expect(week.map((d) => d.date)).toEqual(['2025-03-04', '2025-03-06']);
  });

  it('links a day to a «День приёма» event and refuses another kind, naming the field', async () => {
    const meeting = await office.value('events.create', {
      title: 'Встреча с жителями',
      kind: 'residents_meeting',
      date: '2025-03-05',
    } as never);
    const before = dumpTables(office.handle.sqlite);
    const e = expectError(await office.call('reception.createDay', { ...DAY, eventId: meeting.id }));
    expect(e.field).toBe('eventId');
    expect(dumpTables(office.handle.sqlite)).toBe(before);
    const reception = await office.value('events.create', {
      title: 'Приём граждан',
      kind: 'reception_day',
      date: '2025-03-05',
    } as never);
    const day = await office.value('reception.createDay', { ...DAY, eventId: reception.id });
    expect(day.eventId).toBe(reception.id);
  });

  it.each([
    ['a time that is not one', { startTime: '25:00' }, 'startTime'],
    ['an end before the start', { endTime: '09:00' }, 'endTime'],
    ['a break outside the hours', { breaks: [{ from: '12:30', to: '13:00' }] }, 'breaks.0'],
    ['a slot of two minutes', { slotMinutes: 2 }, 'slotMinutes'],
  ])('refuses a day with %s, naming the field, and changes nothing', async (_what, patch, field) => {
    const before = dumpTables(office.handle.sqlite);
    const e = expectError(await office.call('reception.createDay', { ...DAY, ...patch }));
    expect(e.code).toBe('validation');
    expect(e.field).toBe(field);
    expect(dumpTables(office.handle.sqlite)).toBe(before);
  });
});

describe('booking', () => {
  let day: ReceptionDay;
  beforeEach(async () => {
    day = await office.value('reception.createDay', DAY);
  });

  it('books a citizen: the slot is taken, the citizen with an e-mail gets a notice waiting to be sent', async () => {
    const b = await office.value(
      'reception.book',
      booking(day.id, '10:20', citizen('Почтова', { email: 'pochtova@example.ru' }), 'Ремонт крыши'),
    );
    const [after] = await office.value('reception.days', { from: DAY.date, days: 1 });
    const slot = after!.slots.find((s) => s.time === '10:20')!;
    expect(slot.state).toBe('booked');
    expect(slot.bookings.map((x) => x.id)).toEqual([b.id]);
    const notices = await office.value('reception.notices', { dayId: day.id });
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ channel: 'email', state: 'pending', address: 'pochtova@example.ru' });
    expect(notices[0]!.text).toContain('5 марта в 10:20');
    expect(b.notice).toEqual({ channel: 'email', state: 'pending' });
  });

  it('a citizen without an e-mail: the assistant gets a task to call', async () => {
    const b = await office.value(
      'reception.book',
      booking(day.id, '10:00', citizen('Звонков', { phone: '+7 912 345-67-89' }), 'Детская площадка'),
    );
    expect(b.notice).toEqual({ channel: 'call', state: 'task' });
    const [n] = await office.value('reception.notices', { dayId: day.id });
    const task = office.handle.sqlite.prepare('SELECT * FROM tasks WHERE id = ?').get(n!.taskId) as {
      title: string;
      status: string;
      kind: string;
    };
    expect(task.status).toBe('open');
    expect(task.title).toContain('Позвонить: Звонков Иван');
    expect(task.title).toContain('+7 912 345-67-89');
    const tasks = await office.value('tasks.list', { everyone: true });
    expect(tasks.rows.find((t) => t.id === n!.taskId)).toMatchObject({
      kind: 'reception_call',
      appealId: null,
    });
  });

  it('refuses a taken slot and a slot the day does not have, naming the field, and changes nothing', async () => {
    await office.value('reception.book', booking(day.id, '10:40', citizen('Первый')));
    const before = dumpTables(office.handle.sqlite);
    const taken = expectError(
      await office.call('reception.book', booking(day.id, '10:40', citizen('Второй'))),
    );
    expect(taken).toMatchObject({ code: 'conflict', field: 'slot' });
    const inBreak = expectError(
      await office.call('reception.book', booking(day.id, '11:00', citizen('Третий'))),
    );
    expect(inBreak).toMatchObject({ code: 'validation', field: 'slot' });
    const blank = expectError(
      await office.call('reception.book', booking(day.id, '11:20', citizen('Ч'), ' ')),
    );
    expect(blank.field).toBe('question');
    expect(dumpTables(office.handle.sqlite)).toBe(before);
  });

  it('the database itself holds the slot: a second live row of seat 0 is refused', async () => {
    const b = await office.value('reception.book', booking(day.id, '11:40', citizen('Держатель')));
    const copy = () =>
      office.handle.sqlite
        .prepare(
          `INSERT INTO reception_bookings SELECT '00000000-0000-7000-8000-000000000001', day_id, slot, seat,
             queue_no, contact_id, question, status, appeal_id, booked_by, office_id, created_at, updated_at,
             hlc, deleted_at FROM reception_bookings WHERE id = ?`,
        )
        .run(b.id);
    expect(copy).toThrow(/UNIQUE constraint failed/);
  });

  it('moves a booking to a free slot (the citizen is told) and frees the old one', async () => {
    const b = await office.value(
      'reception.book',
      booking(day.id, '10:00', citizen('Переносов', { email: 'p@example.ru' })),
    );
    await office.value('reception.moveBooking', { id: b.id, dayId: day.id, slot: '11:20' });
    const [after] = await office.value('reception.days', { from: DAY.date, days: 1 });
    expect(after!.slots.find((s) => s.time === '10:00')!.state).toBe('free');
    expect(after!.slots.find((s) => s.time === '11:20')!.bookings[0]!.id).toBe(b.id);
    const notices = await office.value('reception.notices', { dayId: day.id });
    expect(notices.map((n) => n.reason)).toEqual(['booked', 'moved']);
    expect(notices[1]!.text).toContain('11:20');
  });
});

describe('two bookings of one slot through two transports at once', () => {
  let server: HttpServerHandle;
  beforeEach(async () => {
    server = await startHttpServer({ api: office.handle.api, staticDir: null, port: 0 });
  });
  afterEach(async () => server.close());

  it('one wins, the other gets a clear refusal naming the slot', async () => {
    const day = await office.value('reception.createDay', DAY);
    const assistant = await office.addUser('assistant1', 'assistant');
    const send = new Map(
      transportCallers(
        () => office,
        () => server,
      ),
    );
    const ipc = send.get('IPC handler')!;
    const http = send.get('HTTP')!;
    const as = { login: 'assistant1', token: assistant.token };
    const input = (lastName: string) => booking(day.id, '10:20', citizen(lastName));
    const answers = await Promise.all([
      ipc('reception.book', input('Первыйпоипс'), as),
      http('reception.book', input('Первыйпохттп'), as),
    ]);
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    const refused = expectError(answers.find((a) => !a.ok)!);
    expect(refused).toMatchObject({ code: 'conflict', field: 'slot' });
    expect(refused.message).toContain('already booked');
    const live = count(
      "SELECT count(*) AS n FROM reception_bookings WHERE day_id = ? AND slot = '10:20' AND status <> 'cancelled'",
      day.id,
    );
    expect(live).toBe(1);
    // The loser left nothing behind: no contact of its own, no notice.
    const notices = count('SELECT count(*) AS n FROM reception_notices WHERE day_id = ?', day.id);
    expect(notices).toBe(live);
    expect(count("SELECT count(*) AS n FROM contacts WHERE last_name LIKE 'Первыйпо%'")).toBe(1);
  });
});

describe('a cancelled day', () => {
  it('cancels every booking and each citizen gets a notice, or the assistant a task to call', async () => {
    const day = await office.value('reception.createDay', DAY);
    const people = [
      citizen('Емейлова', { email: 'e@example.ru' }),
      citizen('Телефонов', { phone: '+7 900 111-22-33' }),
      citizen('Безконтактов'),
    ];
    for (const [n, applicant] of people.entries())
      await office.value('reception.book', booking(day.id, day.slots[n]!.time, applicant));
    const booked = count(
      "SELECT count(*) AS n FROM reception_bookings WHERE day_id = ? AND status = 'booked'",
      day.id,
    );
    const after = await office.value('reception.cancelDay', { id: day.id, reason: 'Депутат в командировке' });
    expect(after.status).toBe('cancelled');
    expect(after.slots.every((s) => s.state === 'free')).toBe(true);
    const cancelled = (await office.value('reception.notices', { dayId: day.id })).filter(
      (n) => n.reason === 'cancelled',
    );
    expect(cancelled).toHaveLength(booked);
    expect(new Set(cancelled.map((n) => n.bookingId)).size).toBe(booked);
    const withEmail = count(
      `SELECT count(*) AS n FROM reception_bookings b JOIN contacts c ON c.id = b.contact_id
       WHERE b.day_id = ? AND c.email IS NOT NULL`,
      day.id,
    );
    expect(cancelled.filter((n) => n.channel === 'email' && n.state === 'pending')).toHaveLength(withEmail);
    const calls = cancelled.filter((n) => n.channel === 'call');
    expect(calls).toHaveLength(booked - withEmail);
    for (const n of calls) {
      const t = office.handle.sqlite
        .prepare('SELECT title, status FROM tasks WHERE id = ?')
        .get(n.taskId) as {
        title: string;
        status: string;
      };
      expect(t.status).toBe('open');
      expect(t.title).toContain('Депутат в командировке');
    }
    expect(
      count("SELECT count(*) AS n FROM reception_bookings WHERE day_id = ? AND status = 'cancelled'", day.id),
    ).toBe(booked);
  });

  it('a moved day tells each booked citizen the new date', async () => {
    const day = await office.value('reception.createDay', DAY);
    await office.value(
      'reception.book',
      booking(day.id, '10:00', citizen('Сдвигов', { email: 's@example.ru' })),
    );
    await office.value('reception.updateDay', {
      id: day.id,
      version: (await office.value('reception.days', { from: DAY.date, days: 1 }))[0]!.version,
      fields: { ...DAY, date: '2025-03-07' },
    });
    const moved = (await office.value('reception.notices', { dayId: day.id })).filter(
      (n) => n.reason === 'moved',
    );
    expect(moved).toHaveLength(1);
    expect(moved[0]!.text).toContain('7 марта в 10:00');
  });
});
