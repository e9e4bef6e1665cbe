import { describe, expect, it } from 'vitest';
import type { ReceptionDay } from '../../shared/api/reception';
import { enrolledOffice, joinedNode, startTestHq, type SyncNode } from './sync-fixture';

const T0 = '2026-02-13T07:30:00Z';

/**
 * Reception days and bookings are the office's work and travel like the rest. Two computers of one
 * office that book one slot while apart both keep their booking after sync: the slot is a conflict on
 * both, listing both bookings, never one silently merged into the other; moving one settles it on both.
 */

const DAY = {
  date: '2026-02-18',
  place: 'Приёмная',
  startTime: '10:00',
  endTime: '11:00',
  slotMinutes: 30,
};

async function slotOf(node: SyncNode, time: string) {
  const [day] = await node.value('reception.days', { from: DAY.date, days: 1 });
  return (day as ReceptionDay).slots.find((s) => s.time === time)!;
}

const rows = (node: SyncNode) =>
  node.handle.sqlite
    .prepare(
      'SELECT id, day_id, slot, seat, status, contact_id, question FROM reception_bookings ORDER BY id',
    )
    .all();

/** An office's desk computer with a reception day, synced, and a laptop joined to the office after it. */
async function officeWithDay() {
  const hq = await startTestHq('sqlite', T0);
  const desk = await enrolledOffice(hq, 'ПРМ', T0);
  const day = await desk.value('reception.createDay', DAY);
  expect((await desk.sync.syncNow()).ok).toBe(true);
  const laptop = await joinedNode(hq, desk, T0);
  return { desk, laptop, day };
}

describe('reception bookings across the office’s computers', () => {
  it('two offline bookings of one slot both stay and show as a conflict on both computers', async () => {
    const { desk, laptop, day } = await officeWithDay();
    expect(await laptop.value('reception.days', { from: DAY.date, days: 1 })).toEqual(
      await desk.value('reception.days', { from: DAY.date, days: 1 }),
    );

    // Apart: each computer books 10:00 for its own citizen.
    const atDesk = await desk.value('reception.book', {
      dayId: day.id,
      slot: '10:00',
      applicant: { lastName: 'Офисный', firstName: 'Олег' },
      question: 'Вопрос в офисе',
    });
    laptop.clock.advance(60_000);
    const onLaptop = await laptop.value('reception.book', {
      dayId: day.id,
      slot: '10:00',
      applicant: { lastName: 'Выездной', firstName: 'Виктор' },
      question: 'Вопрос на выезде',
    });

    for (const n of [desk, laptop, desk, laptop]) expect((await n.sync.syncNow()).ok).toBe(true);

    for (const n of [desk, laptop]) {
      const slot = await slotOf(n, '10:00');
      expect(slot.state).toBe('conflict');
      expect(slot.bookings.map((b) => b.id).sort()).toEqual([atDesk.id, onLaptop.id].sort());
      expect(slot.bookings.map((b) => b.citizenName).sort()).toEqual(['Выездной Виктор', 'Офисный Олег']);
    }
    // Both computers agree on every row: the later booking took seat 1 on each.
    expect(rows(laptop)).toEqual(rows(desk));
    const seats = desk.handle.sqlite
      .prepare('SELECT id, seat FROM reception_bookings WHERE slot = ? ORDER BY seat')
      .all('10:00') as { id: string; seat: number }[];
    const later = [atDesk.id, onLaptop.id].sort()[1];
    expect(seats.map((s) => s.seat)).toEqual([0, 1]);
    expect(seats[1]!.id).toBe(later);
    const audited = desk.handle.sqlite
      .prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'sync.slotClash'")
      .get() as { n: number };
    expect(audited.n).toBeGreaterThan(0);

    // Settled by moving one: on the laptop, its own citizen to 10:30; the desk sees it after sync.
    await laptop.value('reception.moveBooking', { id: onLaptop.id, dayId: day.id, slot: '10:30' });
    for (const n of [laptop, desk]) expect((await n.sync.syncNow()).ok).toBe(true);
    for (const n of [desk, laptop]) {
      expect(await slotOf(n, '10:00')).toMatchObject({ state: 'booked', bookings: [{ id: atDesk.id }] });
      expect(await slotOf(n, '10:30')).toMatchObject({ state: 'booked', bookings: [{ id: onLaptop.id }] });
    }
    expect(rows(laptop)).toEqual(rows(desk));
  });

  it('walk-ins queued on two computers apart keep one order: the later takes the next number on both', async () => {
    const { desk, laptop, day } = await officeWithDay();

    const walkIn = (node: SyncNode, lastName: string) =>
      node.value('reception.addWalkIn', {
        dayId: day.id,
        applicant: { lastName, firstName: 'Иван' },
        question: `Вопрос ${lastName}`,
      });
    const first = await walkIn(desk, 'Первов');
    desk.clock.advance(30_000);
    const second = await walkIn(desk, 'Вторых');
    laptop.clock.advance(60_000);
    const third = await walkIn(laptop, 'Выездной');
    // Apart, each computer numbered its own from 1.
    expect([first.queueNo, second.queueNo, third.queueNo]).toEqual([1, 2, 1]);

    for (const n of [desk, laptop, desk, laptop]) expect((await n.sync.syncNow()).ok).toBe(true);

    const queueOf = async (node: SyncNode) => {
      const [d] = await node.value('reception.days', { from: DAY.date, days: 1 });
      return (d as ReceptionDay).queue.map((b) => [b.id, b.queueNo]);
    };
    const onDesk = await queueOf(desk);
    expect(await queueOf(laptop)).toEqual(onDesk);
    expect(rows(laptop)).toEqual(rows(desk));
    // Every walk-in kept, no number twice, and the queue's order is the order they came in (ids grow with time).
    const byId = onDesk.map(([id]) => id as string).sort();
    expect(byId).toEqual([first.id, second.id, third.id].sort());
    expect(onDesk.map(([id]) => id)).toEqual(byId);
    expect(new Set(onDesk.map(([, no]) => no)).size).toBe(3);
    const left = desk.handle.sqlite
      .prepare("SELECT count(*) AS n FROM reception_bookings WHERE slot IS NULL AND status = 'booked'")
      .get() as { n: number };
    expect(left.n).toBe(3);
  });
});
