import { describe, expect, it } from 'vitest';
import { eventsStuck } from '../../main/events/stages';
import { officeCalendar, officeRow } from '../../main/office/queries';
import { testOffice } from './office-fixture';
import { staff, openTasks, tickAll } from './events-fixture';

describe('Задачи', () => {
  it('lists the stage tasks of events next to appeals’ tasks: the escort sees his own', async () => {
    const o = await testOffice('2026-02-13T07:30:00Z');
    const { assistant, escort } = await staff(o);
    let c = await o.call(
      'events.create',
      { title: 'Выезд', kind: 'visit', date: '2026-03-20', transferNeeded: true, escortId: escort.id },
      assistant.token,
    );
    for (const to of ['approval', 'programme', 'trip_prep'] as const) {
      c = await tickAll(o, c, assistant.token);
      c = await o.call('events.move', { id: c.id, to }, assistant.token);
    }
    const mine = (await o.call('tasks.list', {}, escort.token)).rows;
    expect(mine.map((t) => [t.kind, t.eventId, t.eventTitle, t.appealId, t.dueDate])).toEqual([
      ['event_escort', c.id, 'Выезд', null, '2026-03-17'],
    ]);
    expect(mine[0]!.title).toBe('Подготовка выезда (сопровождающий): Выезд');
    // Without an escort, his open task goes to the responsible person.
    await o.call(
      'events.update',
      { id: c.id, version: c.version, patch: { escortId: null } },
      assistant.token,
    );
    expect(await o.call('tasks.list', {}, escort.token)).toEqual({ rows: [], total: 0, nextCursor: null });
    expect((await o.call('tasks.list', {}, assistant.token)).rows.map((t) => t.kind)).toEqual([
      'event_stage',
      'event_escort',
    ]);
  });
});

describe('checklist templates', () => {
  it('an edited template applies to new stage entries, never to tasks already created', async () => {
    const o = await testOffice('2026-02-13T07:30:00Z');
    const { assistant, head } = await staff(o);
    const first = await o.call(
      'events.create',
      { title: 'Первое', kind: 'visit', date: '2026-04-01' },
      assistant.token,
    );
    const before = openTasks(first)[0]!.items.map((i) => i.text);
    expect(
      await o.fail('checklists.put', { stage: 'creation', kind: '*', items: [] }, assistant.token),
    ).toMatchObject({ code: 'forbidden' });
    const list = await o.call(
      'checklists.put',
      {
        stage: 'creation',
        kind: '*',
        items: [{ text: 'Забронировать зал', mandatory: true, assignee: 'escort', offsetDays: -30 }],
      },
      head.token,
    );
    expect(list.find((t) => t.stage === 'creation' && t.kind === '*')).toMatchObject({ edited: true });
    const second = await o.call(
      'events.create',
      { title: 'Второе', kind: 'visit', date: '2026-04-01' },
      assistant.token,
    );
    expect(openTasks(second).map((t) => [t.role, t.items.map((i) => [i.text, i.dueDate])])).toEqual([
      ['escort', [['Забронировать зал', '2026-03-02']]],
    ]);
    const again = await o.call('events.get', { id: first.id }, assistant.token);
    expect(openTasks(again)[0]!.items.map((i) => i.text)).toEqual(before);

    await o.call('checklists.reset', { stage: 'creation', kind: '*' }, head.token);
    const third = await o.call(
      'events.create',
      { title: 'Третье', kind: 'visit', date: '2026-04-01' },
      assistant.token,
    );
    expect(openTasks(third)[0]!.items.map((i) => i.text)).toEqual(before);
  });

  it('a kind’s own template replaces the one for every kind', async () => {
    const o = await testOffice('2026-02-13T07:30:00Z');
    const { assistant } = await staff(o);
    const list = await o.call('checklists.list', {}, assistant.token);
    const forEvent = list.filter((t) => t.stage === 'event').map((t) => t.kind);
    expect(forEvent).toEqual(['*', 'reception_day']);
    const programme = list.find((t) => t.stage === 'programme' && t.kind === '*')!;
    expect(programme.items).toHaveLength(9);
  });

  it('kinds: shipped ones renamed or hidden, the office’s own added', async () => {
    const o = await testOffice('2026-02-13T07:30:00Z');
    const { assistant, head } = await staff(o);
    const kinds = await o.call('events.putKind', { name: 'Отчёт перед избирателями' }, head.token);
    const own = kinds.find((k) => !k.builtin)!;
    expect(own.name).toBe('Отчёт перед избирателями');
    await o.call('events.putKind', { code: 'round_table', name: 'Круглый стол', hidden: true }, head.token);
    expect((await o.call('events.kinds', {}, assistant.token)).map((k) => k.code)).toEqual([
      'reception_day',
      'residents_meeting',
      'visit',
      'other',
      own.code,
    ]);
    expect(
      await o.fail('events.create', { title: 'X', kind: 'round_table', date: '2026-04-01' }, assistant.token),
    ).toMatchObject({ code: 'validation', field: 'kind' });
    const e = await o.call(
      'events.create',
      { title: 'Отчёт', kind: own.code, date: '2026-04-01' },
      assistant.token,
    );
    expect(e.kindName).toBe('Отчёт перед избирателями');
  });
});

describe('a stage held too long', () => {
  it('is found by the office’s per-stage limit in working days', async () => {
    const o = await testOffice('2026-02-13T07:30:00Z');
    const { assistant, head } = await staff(o);
    const e = await o.call(
      'events.create',
      { title: 'Встреча', kind: 'residents_meeting', date: '2026-06-01' },
      assistant.token,
    );
    const office = await o.call('office.update', { eventStageLimits: { creation: 3 } }, head.token);
    expect(office.eventStageLimits).toMatchObject({ creation: 3, approval: 5 });
    const ctx = o.handle.api.systemContext();
    const stuck = (now: string) => {
      o.clock.set(now);
      const row = officeRow(o.handle.store.read);
      return eventsStuck(o.handle.store.read, row, officeCalendar(ctx, row), now.slice(0, 10));
    };
    // Entered on Friday 13 February: 3 working days end on Wednesday 18th (the 23rd is a holiday later).
    expect(stuck('2026-02-18T10:00:00Z')).toEqual([]);
    expect(stuck('2026-02-19T10:00:00Z')).toEqual([
      {
        id: e.id,
        title: 'Встреча',
        stage: 'creation',
        since: '2026-02-13',
        limitDate: '2026-02-18',
        responsibleId: assistant.id,
      },
    ]);
  });
});
