import { describe, expect, it } from 'vitest';
import type { DocFile } from '../../shared/api/documents';
import { assignmentReportText } from '../../shared/i18n/ru/assignments';
import { at, people } from './assignments-fixture';
import { docxText } from './libreoffice';
import { testOffice, type TestOffice } from './office-fixture';

const bytes = (f: DocFile): Buffer => Buffer.from(f.dataBase64, 'base64');

/** The staff's поручения counted straight from the rows, as the report should. */
function byAssignee(o: TestOffice, from: string, to: string, asOf: string) {
  return o.handle.sqlite
    .prepare(
      `SELECT j.value AS who,
              sum(date(a.created_at, '+3 hours') BETWEEN ? AND ?) AS given,
              sum(a.status = 'accepted' AND date(a.accepted_at, '+3 hours') BETWEEN ? AND ?) AS accepted,
              sum(a.status IN ('new', 'in_work', 'returned')) AS open,
              sum(a.status IN ('new', 'in_work', 'returned') AND a.control_date < ?) AS overdue
       FROM assignments a, json_each(a.assignees) j GROUP BY j.value ORDER BY j.value`,
    )
    .all(from, to, from, to, asOf) as {
    who: string;
    given: number;
    accepted: number;
    open: number;
    overdue: number;
  }[];
}

describe('поручения in Задачи, the home screens and the period report', () => {
  it('count in the assistant’s and the head’s home, the staff figures of the report and its DOCX', async () => {
    const o = await testOffice(at('2026-02-13'));
    const u = await people(o);
    const soon = await o.call(
      'assignments.create',
      { text: 'Обзвонить заявителей', assigneeIds: [u.anna.id], controlDate: '2026-02-16' },
      u.deputy.token,
    );
    const done = await o.call(
      'assignments.create',
      { text: 'Собрать справки', assigneeIds: [u.anna.id, u.boris.id], termDays: 10 },
      u.head.token,
    );
    await o.call('assignments.report', { id: done.id, text: 'Собраны' }, u.boris.token);
    await o.call('assignments.accept', { id: done.id }, u.head.token);
    expect(soon.status).toBe('new');

    // A week on: the first is overdue for Анна.
    o.clock.set(at('2026-02-20'));
    const sign = async (login: string) =>
      (await o.call('auth.signIn', { login, password: 'secret-pass-1' })).token;
    const anna = await sign('anna');
    const head = await sign('head');
    const home = await o.call('home.get', {}, anna);
    if (home.view !== 'assistant') throw new Error('an assistant’s home');
    const overdueTasks = await o.call('tasks.list', { due: 'overdue' }, anna);
    expect(home.tasksOverdue.count).toBe(overdueTasks.total);
    expect(overdueTasks.rows.map((r) => r.assignmentId)).toEqual([soon.id]);

    const office = await o.call('home.get', {}, head);
    if (office.view !== 'office') throw new Error('the office’s home');
    const annaLoad = office.staff.find((s) => s.userId === u.anna.id)!;
    expect(annaLoad.overdueTasks?.count).toBe(
      (await o.call('tasks.list', { assigneeId: u.anna.id, due: 'overdue' }, head)).total,
    );

    // The period report's staff: each person's поручения as the rows count them.
    const filter = { from: '2026-02-01', to: '2026-02-28' };
    const report = await o.call('reports.period', { filter }, head);
    const expected = byAssignee(o, filter.from, filter.to, '2026-02-20');
    expect(expected.length).toBe(2);
    for (const e of expected) {
      const row = report.staff.find((s) => s.userId === e.who);
      expect(row?.assignments).toEqual({
        given: e.given,
        accepted: e.accepted,
        open: e.open,
        overdue: e.overdue,
      });
    }
    // Narrowed to one person: only theirs.
    const one = await o.call('reports.period', { filter: { ...filter, responsibleId: u.boris.id } }, head);
    expect(one.staff.map((s) => s.userId)).toEqual([u.boris.id]);
    // A later period: nothing given or accepted in it, the open one still counts.
    const march = await o.call('reports.period', { filter: { from: '2026-03-01', to: '2026-03-31' } }, head);
    expect(march.staff.find((s) => s.userId === u.anna.id)?.assignments).toMatchObject({
      given: 0,
      accepted: 0,
      open: 1,
    });

    const docx = await o.call('documents.report', { filter, format: 'docx' }, head);
    const text = docxText(bytes(docx));
    expect(text).toContain(assignmentReportText.title);
    expect(text).toContain('Сотрудник boris');
  });

  it('Задачи gives a поручение’s task to another person: the поручение names them; an assignee twice is refused', async () => {
    const o = await testOffice(at('2026-02-13'));
    const u = await people(o);
    const a = await o.call(
      'assignments.create',
      { text: 'Проверить адреса', assigneeIds: [u.anna.id, u.boris.id], termDays: 3 },
      u.deputy.token,
    );
    const tasks = await o.call('tasks.list', { everyone: true }, u.head.token);
    const annas = tasks.rows.find((r) => r.assignmentId === a.id && r.assigneeId === u.anna.id)!;

    const before = o.handle.sqlite.prepare('SELECT assignees, hlc FROM assignments').get();
    const e = await o.fail('tasks.reassign', { id: annas.id, assigneeId: u.boris.id }, u.head.token);
    expect([e.code, e.field]).toEqual(['validation', 'assigneeId']);
    expect(o.handle.sqlite.prepare('SELECT assignees, hlc FROM assignments').get()).toEqual(before);

    await o.call('tasks.reassign', { id: annas.id, assigneeId: u.head.id }, u.head.token);
    const card = await o.call('assignments.get', { id: a.id }, u.head.token);
    expect(card.assignees.map((p) => p.id)).toEqual([u.head.id, u.boris.id]);
    expect(card.may.report).toBe(true);
  });
});
