import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { attachmentPath, FILE_DAMAGED, FILE_NOT_HERE } from '../../main/attachments/attachments';
import { giveRecurring } from '../../main/assignments/recurring';
import { ProductionCalendar } from '../../shared/domain/calendar';
import { SHIPPED_CALENDAR_YEARS } from '../../shared/domain/calendar-data';
import { at, people } from './assignments-fixture';
import { dumpTables, PASSWORD } from './helpers';
import { testOffice, type TestOffice } from './office-fixture';

const calendar = new ProductionCalendar(SHIPPED_CALENDAR_YEARS);
const given = (o: TestOffice, templateId: string) =>
  o.handle.sqlite
    .prepare(
      'SELECT period, text, assignees, control_date FROM assignments WHERE template_id = ? ORDER BY period',
    )
    .all(templateId) as { period: string; text: string; assignees: string; control_date: string }[];

describe('recurring поручения: changed and removed', () => {
  it('a changed template gives the next ones as changed; those given stay; removed, it gives no more', async () => {
    const o = await testOffice(at('2026-02-13'));
    const u = await people(o);
    const env = { store: o.handle.store, clock: o.clock, hlc: o.handle.hlc };
    const t = await o.call(
      'assignments.createTemplate',
      { text: 'Сводка за неделю', assigneeIds: [u.anna.id], recurrence: 'weekly', day: 1, termDays: 2 },
      u.anna.token,
    );
    // Days later: the sessions of the day before are over, so each signs in again.
    const moveTo = async (day: string) => {
      o.clock.set(at(day));
      for (const [login, p] of Object.entries(u))
        p.token = (await o.call('auth.signIn', { login, password: PASSWORD })).token;
    };
    await moveTo('2026-02-16');
    expect(giveRecurring(env)).toBe(1);

    // Another assistant may not change it; a weekday past 7 and an unknown person are refused; nothing changes.
    const before = dumpTables(o.handle.sqlite);
    expect((await o.fail('assignments.updateTemplate', { id: t.id, text: 'x' }, u.boris.token)).code).toBe(
      'forbidden',
    );
    expect(await o.fail('assignments.updateTemplate', { id: t.id, day: 9 }, u.anna.token)).toMatchObject({
      code: 'validation',
      field: 'day',
    });
    expect(
      await o.fail(
        'assignments.updateTemplate',
        { id: t.id, assigneeIds: [u.deputy.id, t.id] },
        u.head.token,
      ),
    ).toMatchObject({ code: 'validation', field: 'assigneeIds.1' });
    expect(await o.fail('assignments.updateTemplate', { id: t.id, termDays: 0 }, u.anna.token)).toMatchObject(
      {
        code: 'validation',
        field: 'termDays',
      },
    );
    expect(dumpTables(o.handle.sqlite)).toBe(before);

    // The office head moves it to Wednesdays, to Boris, with a longer term; this week's stays as given.
    const changed = await o.call(
      'assignments.updateTemplate',
      { id: t.id, text: 'Сводка обращений за неделю', assigneeIds: [u.boris.id], day: 3, termDays: 4 },
      u.head.token,
    );
    expect(changed).toMatchObject({
      text: 'Сводка обращений за неделю',
      day: 3,
      termDays: 4,
      recurrence: 'weekly',
      priority: 'normal',
      active: true,
      assignees: [{ id: u.boris.id }],
    });
    expect((await o.call('assignments.templates', {}, u.anna.token)).find((x) => x.id === t.id)).toEqual(
      changed,
    );
    o.clock.set(at('2026-02-18'));
    expect(giveRecurring(env)).toBe(0);
    await moveTo('2026-02-25');
    expect(giveRecurring(env)).toBe(1);
    expect(given(o, t.id)).toEqual([
      {
        period: '2026-W08',
        text: 'Сводка за неделю',
        assignees: JSON.stringify([u.anna.id]),
        control_date: calendar.addWorkingDays('2026-02-16', 2),
      },
      {
        period: '2026-W09',
        text: 'Сводка обращений за неделю',
        assignees: JSON.stringify([u.boris.id]),
        control_date: calendar.addWorkingDays('2026-02-25', 4),
      },
    ]);

    // Removed: gone from the list, nothing more is given, the ones given stay open with their tasks.
    expect((await o.fail('assignments.deleteTemplate', { id: t.id }, u.boris.token)).code).toBe('forbidden');
    expect(await o.call('assignments.deleteTemplate', { id: t.id }, u.anna.token)).toEqual({ id: t.id });
    expect((await o.call('assignments.templates', {}, u.anna.token)).map((x) => x.id)).not.toContain(t.id);
    await moveTo('2026-03-04');
    expect(giveRecurring(env)).toBe(0);
    expect(given(o, t.id)).toHaveLength(2);
    const open = o.handle.sqlite
      .prepare(
        `SELECT count(*) AS n FROM tasks t JOIN assignments a ON a.id = t.assignment_id
          WHERE a.template_id = ? AND t.status = 'open'`,
      )
      .get(t.id) as { n: number };
    expect(open.n).toBe(2);
    expect((await o.fail('assignments.updateTemplate', { id: t.id, text: 'снова' }, u.anna.token)).code).toBe(
      'not_found',
    );
    const audit = o.handle.sqlite
      .prepare(
        "SELECT action FROM audit_log WHERE entity_id = ? AND action LIKE 'assignments.%' ORDER BY rowid",
      )
      .all(t.id) as { action: string }[];
    expect(audit.map((a) => a.action)).toEqual([
      'assignments.createTemplate',
      'assignments.updateTemplate',
      'assignments.deleteTemplate',
    ]);
  });
});

describe('a поручение’s files', () => {
  it('a file attached is downloaded from its card as it was attached; a damaged one is refused', async () => {
    const o = await testOffice();
    const u = await people(o);
    const a = await o.call(
      'assignments.create',
      { text: 'Выехать на место', assigneeIds: [u.anna.id], termDays: 2 },
      u.deputy.token,
    );
    const content = Buffer.from('акт осмотра двора');
    const card = await o.call(
      'assignments.attach',
      { id: a.id, name: 'акт.txt', mime: 'text/plain', dataBase64: content.toString('base64') },
      u.anna.token,
    );
    const f = card.files[0]!;
    const got = await o.call('assignments.file', { id: f.id }, u.boris.token);
    expect(Buffer.from(got.dataBase64, 'base64').equals(content)).toBe(true);
    expect(got).toMatchObject({
      name: 'акт.txt',
      mime: 'text/plain',
      size: content.length,
      sha256: f.sha256,
    });
    expect(await o.fail('assignments.file', { id: a.id })).toMatchObject({ code: 'not_found', field: 'id' });
    const kept = attachmentPath(path.dirname(o.file), f.sha256);
    fs.writeFileSync(kept, 'подменённый файл');
    expect(await o.fail('assignments.file', { id: f.id })).toMatchObject({
      code: 'invalid_state',
      field: 'id',
      message: FILE_DAMAGED,
    });
    fs.rmSync(kept);
    expect(await o.fail('assignments.file', { id: f.id })).toMatchObject({
      code: 'not_found',
      message: FILE_NOT_HERE,
    });
  });
});
