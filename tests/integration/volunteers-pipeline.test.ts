import { afterEach, describe, expect, it } from 'vitest';
import { HqView } from '../../main/hq/view';
import { expectError, PASSWORD, tempDir } from './helpers';
import { enrolledOffice, startTestHq, type SyncNode } from './sync-fixture';
import { KALININ, startReception, TVER } from './web-reception-fixture';
import { count, signUp, T0 } from './volunteers-fixture';

const views: HqView[] = [];
afterEach(() => {
  for (const v of views.splice(0)) v.close();
});

describe('the volunteer pipeline', () => {
  it('moves new → checked → interview (an event on the calendar) → accepted, and refuses the rest naming the field', async () => {
    const hq = await startTestHq('sqlite', T0);
    const a = await enrolledOffice(hq, 'ААА', T0, 'admin-a');
    await enrolledOffice(hq, 'БББ', T0, 'admin-b');
    const r = await startReception(hq, 'ААА', 'БББ');
    await signUp(r, hq, 0);
    expect((await a.sync.syncNow()).ok).toBe(true);
    const [row] = await a.value('volunteers.list', { stage: 'new' });
    let c = (await a.value('volunteers.candidate', { contactId: row!.contactId }))!;
    const dump = () => a.handle.sqlite.prepare('SELECT * FROM volunteer_candidates').all();
    const before = dump();

    const refused = async (input: Record<string, unknown>, field: string) => {
      const e = expectError(
        await a.call('volunteers.move', { id: c.id, version: c.version, ...input } as never),
      );
      expect(e.field, JSON.stringify(e)).toBe(field);
      expect(dump()).toEqual(before);
    };
    await refused({ stage: 'hired' }, 'stage');
    await refused({ stage: 'checked', id: 'not-an-id' }, 'id');
    await refused({ stage: 'declined', reason: 'x'.repeat(501) }, 'reason');
    await refused({ stage: 'accepted' }, 'stage');
    await refused({ stage: 'interview' }, 'stage');
    await refused({ stage: 'declined' }, 'reason');
    await refused({ stage: 'checked', version: 'stale' }, 'version');
    await refused({ stage: 'checked', interviewAt: '2026-03-10T12:00' }, 'interviewAt');

    a.clock.set('2026-03-02T09:00:00Z');
    c = await a.value('volunteers.move', { id: c.id, stage: 'checked', version: c.version });
    expect(c.stage).toBe('checked');
    expect(a.handle.sqlite.prepare('SELECT status FROM tasks WHERE id = ?').get(c.taskId)).toEqual({
      status: 'done',
    });
    const checked = dump();
    for (const [interviewAt, field] of [
      [undefined, 'interviewAt'],
      ['2026-03-01T10:00', 'interviewAt'],
      ['2026-03-10T25:00', 'interviewAt'],
      ['10.03.2026 15:30', 'interviewAt'],
    ] as const) {
      const e = expectError(
        await a.call('volunteers.move', {
          id: c.id,
          stage: 'interview',
          version: c.version,
          ...(interviewAt ? { interviewAt } : {}),
        }),
      );
      expect(e.field).toBe(field);
      expect(dump()).toEqual(checked);
    }
    c = await a.value('volunteers.move', {
      id: c.id,
      stage: 'interview',
      interviewAt: '2026-03-10T15:30',
      version: c.version,
    });
    expect(c).toMatchObject({ stage: 'interview', interviewAt: '2026-03-10T15:30' });
    const events = await a.value('events.list', { from: '2026-03-10', to: '2026-03-10' });
    expect(events).toEqual([
      expect.objectContaining({ id: c.eventId, date: '2026-03-10', startTime: '15:30' }),
    ]);
    const event = await a.value('events.get', { id: c.eventId! });
    expect(event.participants.map((p) => p.contactId)).toEqual([c.contactId]);
    // Moved to another time: the same event moves.
    c = await a.value('volunteers.move', {
      id: c.id,
      stage: 'interview',
      interviewAt: '2026-03-11T10:00',
      version: c.version,
    });
    expect(await a.value('events.list', { from: '2026-03-10', to: '2026-03-11' })).toEqual([
      expect.objectContaining({ id: c.eventId, date: '2026-03-11', startTime: '10:00' }),
    ]);

    c = await a.value('volunteers.move', { id: c.id, stage: 'accepted', version: c.version });
    expect(c.steps.map((s) => s.stage)).toEqual(['new', 'checked', 'interview', 'interview', 'accepted']);
    expect(c.steps.at(-1)!.userName).toBe('Администратор');
    const card = await a.value('contacts.get', { id: c.contactId });
    expect(card.statuses).toEqual(['volunteer']);
    expect(card.timeline.filter((t) => t.kind === 'volunteer')).toHaveLength(5);
    const done = dump();
    const e = expectError(
      await a.call('volunteers.move', { id: c.id, stage: 'declined', reason: 'x', version: c.version }),
    );
    expect(e).toMatchObject({ code: 'invalid_state', field: 'stage' });
    expect(dump()).toEqual(done);
    const audit = a.handle.sqlite
      .prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'volunteers.move'")
      .get();
    expect(audit).toEqual({ n: 4 });
  });

  it('declines with a reason; counts by stage and region match SQL in the office and across offices at HQ', async () => {
    const hq = await startTestHq('sqlite', T0);
    const a = await enrolledOffice(hq, 'ААА', T0, 'admin-a');
    const b = await enrolledOffice(hq, 'БББ', T0, 'admin-b');
    const r = await startReception(hq, 'ААА', 'БББ');
    const people = [
      { surname: 'Волков', email: 'v1@mail.test', phone: '+79160000001', place: `${TVER}|${KALININ}|` },
      { surname: 'Зайцев', email: 'v2@mail.test', phone: '+79160000002', place: `${TVER}|${KALININ}|` },
      { surname: 'Лисицын', email: 'v3@mail.test', phone: '+79160000003', place: `${TVER}||` },
    ];
    for (const [n, p] of people.entries()) {
      hq.clock.advance(3_600_000);
      await signUp(r, hq, n, p);
    }
    expect((await a.sync.syncNow()).ok).toBe(true);
    expect((await b.sync.syncNow()).ok).toBe(true);
    const [first] = await a.value('volunteers.list', {});
    const checked = await a.value('volunteers.move', {
      id: first!.id,
      stage: 'checked',
      version: first!.version,
    });
    const invited = await a.value('volunteers.move', {
      id: first!.id,
      stage: 'interview',
      interviewAt: '2026-03-12T11:00',
      version: checked.version,
    });
    const declined = await a.value('volunteers.move', {
      id: first!.id,
      stage: 'declined',
      reason: 'Не отвечает на звонки',
      version: invited.version,
    });
    // The interview leaves the calendar: its event is cancelled with the reason, its tasks with it.
    expect(await a.value('events.list', { from: '2026-03-12', to: '2026-03-12' })).toEqual([]);
    expect(
      a.handle.sqlite.prepare('SELECT stage, cancel_reason FROM events WHERE id = ?').get(invited.eventId),
    ).toEqual({ stage: 'cancelled', cancel_reason: 'Не отвечает на звонки' });
    expect(count(a, "tasks WHERE event_id = ? AND status = 'open'", invited.eventId)).toBe(0);
    expect(declined).toMatchObject({ stage: 'declined', declineReason: 'Не отвечает на звонки' });
    expect((await a.value('contacts.get', { id: declined.contactId })).statuses).toEqual([]);
    expect(await a.value('volunteers.list', { stage: 'declined' })).toEqual([
      expect.objectContaining({ id: first!.id }),
    ]);

    const sqlCounts = (n: SyncNode) =>
      n.handle.sqlite
        .prepare(
          "SELECT coalesce(region, '') AS region, stage, count(*) AS count FROM volunteer_candidates WHERE deleted_at IS NULL GROUP BY 1, 2 ORDER BY 1, 2",
        )
        .all();
    const own = await a.value('volunteers.counts', {});
    expect(own.byRegion).toEqual(sqlCounts(a));
    expect(own.byStage.find((s) => s.stage === 'declined')!.count).toBe(1);
    expect(own.byStage.reduce((t, s) => t + s.count, 0)).toBe(count(a, 'volunteer_candidates'));
    expect((await b.value('volunteers.counts', {})).byRegion).toEqual(sqlCounts(b));
    // An office's assistant asks for another office's counts: refused naming the field.
    await a.value('users.create', {
      login: 'desk',
      fullName: 'Помощник',
      role: 'assistant',
      password: PASSWORD,
    });
    const desk = (await a.value('auth.signIn', { login: 'desk', password: PASSWORD }, null)).token;
    const other = await a.call('volunteers.counts', { officeIds: [b.sync.state('office_id')!] }, desk);
    expect(expectError(other).field).toBe('officeIds');

    // HQ's analyst view reads every office's candidates.
    expect((await a.sync.syncNow()).ok).toBe(true);
    expect((await b.sync.syncNow()).ok).toBe(true);
    const file = tempDir('priemnaya-view-').file('view.sqlite');
    const view = await HqView.open(hq.hq, file, hq.clock);
    views.push(view);
    await HqView.addUser(file, hq.clock, {
      login: 'chief',
      fullName: 'Начальник',
      password: PASSWORD,
      role: 'admin',
    });
    await HqView.addUser(file, hq.clock, {
      login: 'analyst',
      fullName: 'Аналитик',
      password: PASSWORD,
      role: 'hq_analyst',
    });
    const api = view.handle.api;
    const signIn = await api.call('http', 'auth.signIn', { login: 'analyst', password: PASSWORD }, {});
    if (!signIn.ok) throw new Error(JSON.stringify(signIn.error));
    const token = (signIn.value as { token: string }).token;
    const all = await api.call('http', 'volunteers.counts', {}, { token });
    if (!all.ok) throw new Error(JSON.stringify(all.error));
    const expected = view.handle.store.read.rawAll(
      "SELECT coalesce(region, '') AS region, stage, count(*) AS count FROM volunteer_candidates WHERE deleted_at IS NULL GROUP BY 1, 2 ORDER BY 1, 2",
    );
    expect((all.value as { byRegion: unknown[] }).byRegion).toEqual(expected);
    expect(view.handle.store.read.rawAll('SELECT DISTINCT office_id FROM volunteer_candidates')).toHaveLength(
      2,
    );
    // The view takes nothing in itself: the applications stay as the offices left them.
    expect(view.handle.store.read.rawGet('SELECT count(*) AS n FROM volunteer_candidates')).toEqual({ n: 3 });
  });
});
