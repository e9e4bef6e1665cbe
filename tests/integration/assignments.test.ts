import { describe, expect, it } from 'vitest';
import { ProductionCalendar } from '../../shared/domain/calendar';
import { SHIPPED_CALENDAR_YEARS } from '../../shared/domain/calendar-data';
import { appealInput, dumpTables } from './helpers';
import { testOffice, type TestOffice } from './office-fixture';

const calendar = new ProductionCalendar(SHIPPED_CALENDAR_YEARS);
/** The fixture's day: Friday 13 February 2026, 10:30 in Moscow. */
const TODAY = '2026-02-13';

async function people(o: TestOffice) {
  const deputy = await o.addUser('deputy', 'deputy');
  const head = await o.addUser('head', 'office_head');
  const anna = await o.addUser('anna', 'assistant');
  const boris = await o.addUser('boris', 'assistant');
  const analyst = await o.addUser('analyst', 'hq_analyst');
  return { deputy, head, anna, boris, analyst };
}

/** The open tasks the database holds for a поручение, by kind and person. */
function openTasks(o: TestOffice, assignmentId: string): string[] {
  return (
    o.handle.sqlite
      .prepare(
        `SELECT kind, assignee_id, due_date FROM tasks WHERE assignment_id = ? AND status = 'open'
         ORDER BY kind, assignee_id`,
      )
      .all(assignmentId) as { kind: string; assignee_id: string; due_date: string }[]
  ).map((t) => `${t.kind} ${t.assignee_id} ${t.due_date}`);
}

describe('поручения: who may do what', () => {
  it('the deputy gives one to two people; they see it in Задачи; one reports, the deputy returns, then accepts', async () => {
    const o = await testOffice();
    const u = await people(o);
    const given = await o.call(
      'assignments.create',
      {
        text: 'Подготовить справку по дорогам',
        assigneeIds: [u.anna.id, u.boris.id],
        termDays: 5,
        priority: 'high',
      },
      u.deputy.token,
    );
    const due = calendar.addWorkingDays(TODAY, 5);
    expect(given).toMatchObject({
      status: 'new',
      controlDate: due,
      priority: 'high',
      author: { id: u.deputy.id },
    });
    expect(openTasks(o, given.id)).toEqual(
      [u.anna.id, u.boris.id].sort().map((id) => `assignment ${id} ${due}`),
    );

    // In Задачи beside the workflow's tasks, with the same filters.
    const mine = await o.call('tasks.list', {}, u.anna.token);
    expect(mine.rows.map((r) => [r.kind, r.assignmentId, r.dueDate])).toEqual([
      ['assignment', given.id, due],
    ]);
    const everyone = await o.call('tasks.list', { everyone: true }, u.head.token);
    const stored = o.handle.sqlite
      .prepare("SELECT count(*) AS n FROM tasks WHERE status = 'open' AND deleted_at IS NULL")
      .get() as { n: number };
    expect(everyone.total).toBe(stored.n);
    expect((await o.call('tasks.list', { due: 'overdue' }, u.anna.token)).total).toBe(0);

    // Only an assignee reports; only the author, head or deputy accepts.
    expect((await o.fail('assignments.report', { id: given.id, text: 'Готово' }, u.head.token)).code).toBe(
      'forbidden',
    );
    expect((await o.fail('assignments.accept', { id: given.id }, u.deputy.token)).code).toBe('invalid_state');
    await o.call('assignments.start', { id: given.id }, u.anna.token);
    const reported = await o.call(
      'assignments.report',
      { id: given.id, text: 'Справка готова' },
      u.anna.token,
    );
    expect(reported.status).toBe('reported');
    expect(reported.report).toMatchObject({ text: 'Справка готова', by: { id: u.anna.id } });
    expect(openTasks(o, given.id)).toEqual([
      `assignment_review ${u.deputy.id} ${calendar.addWorkingDays(TODAY, 1)}`,
    ]);
    expect((await o.fail('assignments.accept', { id: given.id }, u.boris.token)).code).toBe('forbidden');

    const back = await o.call(
      'assignments.return',
      { id: given.id, reason: 'Нет данных по району' },
      u.deputy.token,
    );
    expect(back).toMatchObject({ status: 'returned', returnReason: 'Нет данных по району' });
    expect(openTasks(o, given.id)).toEqual(
      [u.anna.id, u.boris.id].sort().map((id) => `assignment ${id} ${due}`),
    );
    await o.call('assignments.report', { id: given.id, text: 'Дополнено' }, u.boris.token);
    // The office head may accept what the deputy gave.
    const done = await o.call('assignments.accept', { id: given.id }, u.head.token);
    expect(done).toMatchObject({ status: 'accepted', accepted: { by: { id: u.head.id } } });
    expect(openTasks(o, given.id)).toEqual([]);
    expect(done.may).toEqual({ start: false, report: false, review: false, reassign: false });
  });

  it('reassign by the author or the office head only; the tasks follow the people', async () => {
    const o = await testOffice();
    const u = await people(o);
    const a = await o.call(
      'assignments.create',
      { text: 'Обзвонить участников встречи', assigneeIds: [u.anna.id], controlDate: '2026-02-20' },
      u.anna.token,
    );
    expect(
      (await o.fail('assignments.reassign', { id: a.id, assigneeIds: [u.boris.id] }, u.boris.token)).code,
    ).toBe('forbidden');
    expect(
      (await o.fail('assignments.reassign', { id: a.id, assigneeIds: [u.boris.id] }, u.deputy.token)).code,
    ).toBe('forbidden');
    const moved = await o.call('assignments.reassign', { id: a.id, assigneeIds: [u.boris.id] }, u.head.token);
    expect(moved.assignees.map((p) => p.id)).toEqual([u.boris.id]);
    expect(openTasks(o, a.id)).toEqual([`assignment ${u.boris.id} 2026-02-20`]);
    const cancelled = o.handle.sqlite
      .prepare("SELECT assignee_id FROM tasks WHERE assignment_id = ? AND status = 'cancelled'")
      .all(a.id);
    expect(cancelled).toEqual([{ assignee_id: u.anna.id }]);
    // The author may too.
    await o.call('assignments.reassign', { id: a.id, assigneeIds: [u.anna.id, u.boris.id] }, u.anna.token);
    expect(openTasks(o, a.id)).toHaveLength(2);
  });

  it('who may give one: the deputy, the office head, an assistant; not an analyst', async () => {
    const o = await testOffice();
    const u = await people(o);
    for (const who of [u.deputy, u.head, u.anna])
      await o.call(
        'assignments.create',
        { text: 'Проверка', assigneeIds: [u.boris.id], termDays: 1 },
        who.token,
      );
    const refused = await o.fail(
      'assignments.create',
      { text: 'Проверка', assigneeIds: [u.boris.id], termDays: 1 },
      u.analyst.token,
    );
    expect(refused.code).toBe('forbidden');
  });

  it('bad input names the field and changes nothing', async () => {
    const o = await testOffice();
    const u = await people(o);
    const before = dumpTables(o.handle.sqlite);
    const base = { text: 'Проверка', assigneeIds: [u.anna.id], termDays: 3 };
    const cases: [unknown, string][] = [
      [{ ...base, text: ' ' }, 'text'],
      [{ ...base, assigneeIds: [] }, 'assigneeIds'],
      [{ ...base, assigneeIds: [u.anna.id, u.anna.id] }, 'assigneeIds'],
      [{ ...base, assigneeIds: [u.anna.id, u.analyst.id] }, 'assigneeIds.1'],
      [{ ...base, termDays: undefined }, 'controlDate'],
      [{ ...base, controlDate: '2026-02-20' }, 'controlDate'],
      [{ ...base, termDays: undefined, controlDate: '2026-02-12' }, 'controlDate'],
      [{ ...base, appealId: '0190c1a2-0000-7000-8000-000000000000' }, 'appealId'],
      [{ ...base, eventId: '0190c1a2-0000-7000-8000-000000000000' }, 'eventId'],
      [{ ...base, contactId: '0190c1a2-0000-7000-8000-000000000000' }, 'contactId'],
      [{ ...base, link: { entity: 'Наказ', id: u.anna.id } }, 'link.entity'],
      [{ ...base, priority: 'urgent' }, 'priority'],
    ];
    for (const [input, field] of cases) {
      const e = await o.fail('assignments.create', input, u.deputy.token);
      expect([e.code, e.field], JSON.stringify(input)).toEqual(['validation', field]);
    }
    const a = await o.call('assignments.create', base, u.deputy.token);
    const after = dumpTables(o.handle.sqlite);
    expect((await o.fail('assignments.report', { id: a.id, text: '' }, u.anna.token)).field).toBe('text');
    expect((await o.fail('assignments.return', { id: a.id, reason: 'x' }, u.deputy.token)).code).toBe(
      'invalid_state',
    );
    expect(dumpTables(o.handle.sqlite)).toBe(after);
    expect(after).not.toBe(before);
  });

  it('links, comments and files: the card shows them, the lists beside the records find them', async () => {
    const o = await testOffice();
    const u = await people(o);
    const appeal = await o.call('appeals.register', appealInput());
    const mandate = { entity: 'mandate', id: '0190c1a2-0000-7000-8000-0000000000aa' };
    const a = await o.call(
      'assignments.create',
      {
        text: 'Выехать на место',
        assigneeIds: [u.anna.id],
        termDays: 2,
        appealId: appeal.id,
        contactId: appeal.applicant.id,
        link: mandate,
      },
      u.deputy.token,
    );
    expect(a.appeal).toEqual({ id: appeal.id, regNumber: appeal.regNumber });
    await o.call('assignments.comment', { id: a.id, text: 'Возьмите фотоаппарат' }, u.deputy.token);
    await o.call('assignments.comment', { id: a.id, text: 'Хорошо' }, u.anna.token);
    expect((await o.fail('assignments.comment', { id: a.id, text: 'Я тоже' }, u.boris.token)).code).toBe(
      'forbidden',
    );
    const txt = Buffer.from('акт осмотра').toString('base64');
    const card = await o.call(
      'assignments.attach',
      { id: a.id, name: 'акт.txt', mime: 'text/plain', dataBase64: txt },
      u.anna.token,
    );
    expect(card.comments.map((c) => [c.author.id, c.text])).toEqual([
      [u.deputy.id, 'Возьмите фотоаппарат'],
      [u.anna.id, 'Хорошо'],
    ]);
    expect(card.files.map((f) => [f.name, f.size])).toEqual([['акт.txt', Buffer.from('акт осмотра').length]]);
    expect(
      (
        await o.fail(
          'assignments.attach',
          { id: a.id, name: 'скан.pdf', mime: 'application/pdf', dataBase64: txt },
          u.anna.token,
        )
      ).field,
    ).toBe('dataBase64');
    for (const by of [{ appealId: appeal.id }, { contactId: appeal.applicant.id }, { link: mandate }])
      expect((await o.call('assignments.list', by, u.boris.token)).map((x) => x.id)).toEqual([a.id]);
    expect(
      await o.call('assignments.list', { link: { ...mandate, entity: 'event' } }, u.boris.token),
    ).toEqual([]);
  });
});
