import { describe, expect, it } from 'vitest';
import { EVENT_STAGES, type EventStage } from '../../shared/domain/workflow/event';
import { appealInput } from './helpers';
import { testOffice } from './office-fixture';
import { staff, openTasks, tickAll } from './events-fixture';

describe('events through their stages', () => {
  it('every stage opens its tasks with the checklist and due dates, and closes them on leaving', async () => {
    const o = await testOffice('2026-02-13T07:30:00Z');
    const { assistant, escort } = await staff(o);
    let c = await o.call(
      'events.create',
      {
        title: 'Выездной приём в Заволжском районе',
        kind: 'visit',
        date: '2026-03-20',
        startTime: '11:00',
        place: 'ДК «Химволокно»',
        district: 'Заволжский',
        responsibleId: assistant.id,
        escortId: escort.id,
        transferNeeded: true,
        transferTransport: 'Служебный автомобиль',
      },
      assistant.token,
    );
    expect(c.stage).toBe('creation');
    expect(c.approvalOn).toBe('2026-02-27');
    expect(c.stages.every((s) => s.state !== 'skipped')).toBe(true);
    expect(openTasks(c).map((t) => [t.stage, t.role, t.assigneeId])).toEqual([
      ['creation', 'responsible', assistant.id],
    ]);
    // Created ahead: the creation items fall due 3 weeks before the event, Friday 27 February.
    expect(openTasks(c)[0]!.dueDate).toBe('2026-02-27');

    const visited: EventStage[] = [];
    while (c.stage !== 'summary') {
      const from = c.stage as EventStage;
      visited.push(from);
      const previousTaskIds = openTasks(c).map((t) => t.id);
      c = await tickAll(o, c, assistant.token);
      expect(c.progress.mandatoryLeft).toBe(0);
      c = await o.call('events.move', { id: c.id, to: c.next! }, assistant.token);
      // The stage left behind: its tasks done. The stage entered: its own tasks, open.
      for (const id of previousTaskIds) expect(c.tasks.find((t) => t.id === id)!.status).toBe('done');
      expect(openTasks(c).every((t) => t.stage === c.stage)).toBe(true);
      expect(openTasks(c).length).toBeGreaterThan(0);
      for (const t of openTasks(c)) expect(t.assigneeId).toBe(t.role === 'escort' ? escort.id : assistant.id);

      if (c.stage === 'programme') {
        const [task] = openTasks(c);
        expect(openTasks(c)).toHaveLength(1);
        expect(task!.items.map((i) => [i.text, i.mandatory, i.dueDate])).toEqual([
          ['Составить программу', true, '2026-03-06'],
          ['Составить повестку', true, '2026-03-06'],
          ['Уточнить состав участников', true, '2026-03-10'],
          ['Собрать тезисы и презентации участников', false, '2026-03-13'],
          ['Отправить пресс-релиз в пресс-службу', true, '2026-03-13'],
          ['Получить ответ от пресс-службы', false, '2026-03-13'],
          ['Сохранить контакты участников', false, '2026-03-13'],
          ['Подготовить информационные материалы', false, '2026-03-13'],
          ['Определить сопровождающего и внести его в карточку мероприятия', true, '2026-03-10'],
        ]);
        // Sunday 15 March moves to Friday 13th; the task is due by its earliest item.
        expect(task!.dueDate).toBe('2026-03-06');
      }
      if (c.stage === 'trip_prep') {
        expect(openTasks(c).map((t) => [t.role, t.items.map((i) => i.dueDate)])).toEqual([
          ['responsible', ['2026-03-13']],
          ['escort', ['2026-03-17', '2026-03-18', '2026-03-19']],
        ]);
      }
      if (c.stage === 'after') {
        // A day after Friday's event is Saturday: the item falls on the previous working day.
        expect(openTasks(c).find((t) => t.role === 'escort')!.items[0]!.dueDate).toBe('2026-03-20');
      }
    }
    visited.push('summary');
    expect(visited).toEqual([...EVENT_STAGES]);

    // Closing needs the outcome.
    c = await tickAll(o, c, assistant.token);
    expect(await o.fail('events.move', { id: c.id, to: 'closed' }, assistant.token)).toMatchObject({
      code: 'validation',
      field: 'outcome',
    });
    c = await o.call(
      'events.update',
      { id: c.id, version: c.version, patch: { outcome: 'Принято 12 граждан', actualCount: 40 } },
      assistant.token,
    );
    c = await o.call('events.move', { id: c.id, to: 'closed' }, assistant.token);
    expect(c.stage).toBe('closed');
    expect(c.closedOn).toBe('2026-02-13');
    expect(openTasks(c)).toEqual([]);
    expect(c.tasks.every((t) => t.status === 'done')).toBe(true);
  });

  it('an event in the office skips the transfer stages', async () => {
    const o = await testOffice('2026-02-13T07:30:00Z');
    const { assistant } = await staff(o);
    let c = await o.call(
      'events.create',
      { title: 'День приёма', kind: 'reception_day', date: '2026-03-02' },
      assistant.token,
    );
    expect(c.stages.filter((s) => s.state === 'skipped').map((s) => s.stage)).toEqual([
      'trip_prep',
      'transfer',
      'return_transfer',
    ]);
    const seen: string[] = [c.stage];
    while (c.next !== 'closed') {
      c = await tickAll(o, c, assistant.token);
      c = await o.call('events.move', { id: c.id, to: c.next! }, assistant.token);
      seen.push(c.stage);
    }
    expect(seen).toEqual(['creation', 'approval', 'programme', 'event', 'after', 'summary']);
    // No escort named: the escort's items are the responsible person's.
    expect(await o.fail('events.move', { id: c.id, to: 'transfer' }, assistant.token)).toMatchObject({
      code: 'invalid_state',
    });
  });

  it('refuses to leave a stage with a mandatory item undone; the office head overrides, audited', async () => {
    const o = await testOffice('2026-02-13T07:30:00Z');
    const { assistant, head } = await staff(o);
    let c = await o.call(
      'events.create',
      { title: 'Круглый стол о благоустройстве', kind: 'round_table', date: '2026-04-10' },
      assistant.token,
    );
    const mandatory = openTasks(c)[0]!.items.find((i) => i.mandatory)!;
    const optional = openTasks(c)[0]!.items.find((i) => !i.mandatory)!;
    await o.call('events.checkItem', { id: optional.id, done: true }, assistant.token);
    const refused = await o.fail('events.move', { id: c.id, to: 'approval' }, assistant.token);
    expect(refused).toMatchObject({ code: 'invalid_state', details: { items: [mandatory.text] } });
    // Skipping ahead is never possible, whoever asks.
    expect(await o.fail('events.move', { id: c.id, to: 'programme' }, head.token)).toMatchObject({
      code: 'invalid_state',
    });
    expect(
      await o.fail(
        'events.move',
        { id: c.id, to: 'approval', override: { reason: 'Срочно' } },
        assistant.token,
      ),
    ).toMatchObject({ code: 'forbidden' });
    c = await o.call('events.get', { id: c.id }, assistant.token);
    expect(c.stage).toBe('creation');

    c = await o.call(
      'events.move',
      { id: c.id, to: 'approval', override: { reason: 'Дата уже согласована по телефону' } },
      head.token,
    );
    expect(c.stage).toBe('approval');
    const entry = c.history.find((h) => h.action === 'override')!;
    expect(entry).toMatchObject({
      userName: 'Сотрудник head',
      comment: 'Дата уже согласована по телефону',
      changes: { stage: { from: 'creation', to: 'approval' }, skippedItems: { from: [mandatory.text] } },
    });
    const audit = o.handle.sqlite
      .prepare("SELECT login, details FROM audit_log WHERE action = 'events.override'")
      .all() as { login: string; details: string }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]!.login).toBe('head');
    expect(JSON.parse(audit[0]!.details)).toMatchObject({ items: [mandatory.text], from: 'creation' });
  });

  it('moving back cancels the stage’s tasks and reopens the earlier stage; cancelling needs a reason', async () => {
    const o = await testOffice('2026-02-13T07:30:00Z');
    const { assistant } = await staff(o);
    let c = await o.call(
      'events.create',
      { title: 'Встреча', kind: 'residents_meeting', date: '2026-03-05' },
      assistant.token,
    );
    c = await tickAll(o, c, assistant.token);
    c = await o.call('events.move', { id: c.id, to: 'approval' }, assistant.token);
    const approvalTask = openTasks(c)[0]!.id;
    c = await o.call('events.move', { id: c.id, to: 'creation' }, assistant.token);
    expect(c.tasks.find((t) => t.id === approvalTask)!.status).toBe('cancelled');
    expect(openTasks(c).map((t) => t.stage)).toEqual(['creation']);
    expect(openTasks(c)[0]!.items.every((i) => !i.done)).toBe(true);
    expect(await o.fail('events.cancel', { id: c.id, reason: '' }, assistant.token)).toMatchObject({
      code: 'validation',
      field: 'reason',
    });
    c = await o.call('events.cancel', { id: c.id, reason: 'Депутат в командировке' }, assistant.token);
    expect(c).toMatchObject({ stage: 'cancelled', cancelReason: 'Депутат в командировке', moves: [] });
    expect(openTasks(c)).toEqual([]);
    expect(await o.fail('events.move', { id: c.id, to: 'creation' }, assistant.token)).toMatchObject({
      code: 'invalid_state',
    });
  });

  it('an appeal registered from the event is linked to it', async () => {
    const o = await testOffice('2026-02-13T07:30:00Z');
    const { assistant } = await staff(o);
    const e = await o.call(
      'events.create',
      { title: 'День приёма', kind: 'reception_day', date: '2026-02-20' },
      assistant.token,
    );
    const a = await o.call(
      'appeals.register',
      appealInput({ channel: 'reception', eventId: e.id }),
      assistant.token,
    );
    const c = await o.call('events.get', { id: e.id }, assistant.token);
    expect(c.appeals.map((x) => x.id)).toEqual([a.id]);
    expect(a.event).toEqual({ id: e.id, title: 'День приёма' });
    expect(c.history.at(-1)).toMatchObject({ action: 'appeal_registered', comment: a.regNumber });
    expect(
      await o.fail(
        'appeals.register',
        appealInput({ eventId: '01950000-0000-7000-8000-000000000000' }),
        assistant.token,
      ),
    ).toMatchObject({ code: 'validation', field: 'eventId' });
  });

  it('participants are linked contacts; attendance is kept', async () => {
    const o = await testOffice('2026-02-13T07:30:00Z');
    const { assistant } = await staff(o);
    const a = await o.call('appeals.register', appealInput(), assistant.token);
    let c = await o.call(
      'events.create',
      {
        title: 'Встреча',
        kind: 'residents_meeting',
        date: '2026-03-05',
        participants: [{ contactId: a.applicant.id }],
      },
      assistant.token,
    );
    expect(c.participants).toEqual([
      { contactId: a.applicant.id, fullName: a.applicant.fullName, phone: null, attended: false },
    ]);
    c = await o.call(
      'events.update',
      {
        id: c.id,
        version: c.version,
        patch: { participants: [{ contactId: a.applicant.id, attended: true }] },
      },
      assistant.token,
    );
    expect(c.participants[0]!.attended).toBe(true);
    c = await o.call(
      'events.update',
      { id: c.id, version: c.version, patch: { participants: [] } },
      assistant.token,
    );
    expect(c.participants).toEqual([]);
  });
});
