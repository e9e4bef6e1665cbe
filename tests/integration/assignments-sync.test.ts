import { describe, expect, it } from 'vitest';
import { giveRecurring } from '../../main/assignments/recurring';
import { PASSWORD } from './helpers';
import { enrolledOffice, joinedNode, startTestHq, type SyncNode } from './sync-fixture';

/** Friday 13 February 2026, 10:30 in Moscow. */
const T0 = '2026-02-13T07:30:00Z';

const rows = (n: SyncNode, sql: string, ...args: unknown[]) => n.handle.sqlite.prepare(sql).all(...args);
const env = (n: SyncNode) => ({ store: n.handle.store, clock: n.clock, hlc: n.handle.hlc });

/**
 * Поручения travel with the office: given at the desk, reported on the laptop, accepted at the desk; and a
 * recurring one given by both computers while apart is one поручение, with one task per person, after sync.
 */
describe('поручения travel between the office’s computers', () => {
  it('given at the desk, reported on the laptop, accepted at the desk: both hold the same rows', async () => {
    const hq = await startTestHq('sqlite', T0);
    const desk = await enrolledOffice(hq, 'ПРЧ', T0);
    const deputy = await desk.addUser('deputy', 'deputy');
    const anna = await desk.addUser('anna', 'assistant');
    const a = (await desk.call(
      'assignments.create',
      { text: 'Ответить на письмо управы', assigneeIds: [anna.id], termDays: 3 },
      deputy.token,
    )) as { ok: true; value: { id: string } };
    const id = a.value.id;
    await desk.value('assignments.comment', { id, text: 'Срочно' }, deputy.token);
    expect((await desk.sync.syncNow()).ok).toBe(true);

    const laptop = await joinedNode(hq, desk, T0);
    const annaThere = await laptop.value('auth.signIn', { login: 'anna', password: PASSWORD }, null);
    await laptop.value('assignments.report', { id, text: 'Ответ отправлен' }, annaThere.token);
    expect((await laptop.sync.syncNow()).ok).toBe(true);
    expect((await desk.sync.syncNow()).ok).toBe(true);
    const card = await desk.value('assignments.get', { id }, deputy.token);
    expect([card.status, card.report?.text, card.comments.map((c) => c.text)]).toEqual([
      'reported',
      'Ответ отправлен',
      ['Срочно'],
    ]);
    await desk.value('assignments.accept', { id }, deputy.token);
    expect((await desk.sync.syncNow()).ok).toBe(true);
    expect((await laptop.sync.syncNow()).ok).toBe(true);
    for (const table of ['assignments', 'assignment_comments', 'tasks'])
      expect(rows(laptop, `SELECT * FROM ${table} ORDER BY id`), table).toEqual(
        rows(desk, `SELECT * FROM ${table} ORDER BY id`),
      );
  });

  it('a recurring поручение given by two computers while apart is one after sync, with one task each', async () => {
    const hq = await startTestHq('sqlite', T0);
    const desk = await enrolledOffice(hq, 'ПРЧ', T0);
    const head = await desk.addUser('head', 'office_head');
    const anna = await desk.addUser('anna', 'assistant');
    const boris = await desk.addUser('boris', 'assistant');
    const t = await desk.value(
      'assignments.createTemplate',
      {
        text: 'Сводка за неделю',
        assigneeIds: [anna.id, boris.id],
        recurrence: 'weekly',
        day: 1,
        termDays: 2,
      },
      head.token,
    );
    expect((await desk.sync.syncNow()).ok).toBe(true);
    const laptop = await joinedNode(hq, desk, T0);

    // Monday: both give the week's поручение, neither having heard of the other's.
    for (const n of [desk, laptop]) n.clock.set('2026-02-16T07:30:00Z');
    expect(giveRecurring(env(desk))).toBe(1);
    expect(giveRecurring(env(laptop))).toBe(1);
    for (let pass = 0; pass < 2; pass++)
      for (const n of [desk, laptop]) expect((await n.sync.syncNow()).error).toBeNull();

    for (const n of [desk, laptop]) {
      expect(rows(n, 'SELECT period FROM assignments WHERE template_id = ?', t.id)).toEqual([
        { period: '2026-W08' },
      ]);
      expect(
        rows(
          n,
          `SELECT assignee_id FROM tasks WHERE status = 'open' AND assignment_id IN
             (SELECT id FROM assignments WHERE template_id = ?) ORDER BY assignee_id`,
          t.id,
        ),
      ).toEqual([anna.id, boris.id].sort().map((assignee_id) => ({ assignee_id })));
    }
    expect(rows(laptop, 'SELECT * FROM assignments')).toEqual(rows(desk, 'SELECT * FROM assignments'));
  });
});
