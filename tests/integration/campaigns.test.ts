import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CAMPAIGN_STAGES, campaignsUi } from '../../shared/i18n/ru/campaigns';
import { dumpTables, PASSWORD } from './helpers';
import { testOffice, type TestOffice } from './office-fixture';

/** Friday 13 February 2026, 10:30 in Moscow (the fixture office's zone, UTC+3). */
const NOW = '2026-02-13T07:30:00Z';
const TAKEN = '2026-02-06T09:00:00.000Z';

/** A second, read-only connection on the office's file: the counts the test checks against. */
function fileSql(o: TestOffice) {
  const db = new Database(o.file, { readonly: true });
  return {
    all: <R>(sql: string, ...p: unknown[]) => db.prepare(sql).all(...p) as R[],
    get: <R>(sql: string, ...p: unknown[]) => db.prepare(sql).get(...p) as R,
    close: () => db.close(),
  };
}

async function contacts(o: TestOffice, n: number, district: string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++)
    ids.push(
      (
        await o.call('contacts.create', {
          lastName: `${district}ов-${i}`,
          firstName: 'Пётр',
          district,
          phones: [`+7 916 ${String(100 + ids.length).padStart(3, '0')} ${district.length}0 ${10 + i}`],
        })
      ).id,
    );
  return ids;
}

async function signatures(o: TestOffice, name = 'Подписи за сквер') {
  return o.call('campaigns.create', {
    name,
    kind: 'signatures',
    startsOn: '2026-02-01',
    endsOn: '2026-03-31',
  });
}

describe('campaigns as funnels', () => {
  it('stage counts equal SQL over the file; every move is recorded with who and when; figures follow the office’s week', async () => {
    // The contacts are taken in a week before: Friday 6 February.
    const o = await testOffice(TAKEN);
    const anna = await o.addUser('anna', 'assistant');
    const boris = await o.addUser('boris', 'assistant');
    const c = await signatures(o);
    expect(c.stages.map((s) => s.name)).toEqual([...DEFAULT_CAMPAIGN_STAGES]);
    const ids = await contacts(o, 9, 'Центральный');
    expect(await o.call('campaigns.addContacts', { campaignId: c.id, contactIds: ids })).toEqual({
      added: 9,
      already: 0,
      members: 9,
    });
    const { rows } = await o.call('campaigns.members', { campaignId: c.id });
    const member = (i: number) => rows.find((r) => r.contactId === ids[i])!.id;

    // Sunday 8 February, 23:30 in Moscow (20:30 UTC): the week before.
    const at = async (instant: string) => {
      o.clock.set(instant);
      const token = async (login: string) =>
        (await o.call('auth.signIn', { login, password: PASSWORD }, '')).token;
      return { anna: await token('anna'), boris: await token('boris'), admin: await token('admin') };
    };
    let t = await at('2026-02-08T20:30:00Z');
    await o.call('campaigns.move', { memberId: member(0), step: 'next' }, t.anna);
    // Monday 9 February, 01:00 in Moscow but still Sunday in UTC: this week in the office.
    t = await at('2026-02-08T22:00:00Z');
    await o.call('campaigns.move', { memberId: member(1), step: 'next' }, t.anna);
    t = await at('2026-02-12T09:00:00Z');
    for (const i of [2, 3, 4]) await o.call('campaigns.move', { memberId: member(i), step: 'next' }, t.boris);
    await o.call('campaigns.move', { memberId: member(2), step: 'next' }, t.boris);
    await o.call('campaigns.move', { memberId: member(2), stageId: c.stages[3]!.id }, t.anna);
    await o.call('campaigns.move', { memberId: member(3), step: 'previous' }, t.anna);
    t = await at(NOW);

    const sql = fileSql(o);
    try {
      const got = await o.call('campaigns.get', { id: c.id }, t.admin);
      const counted = new Map(
        sql
          .all<{ stage_id: string; n: number }>(
            'SELECT stage_id, count(*) AS n FROM campaign_members WHERE campaign_id = ? AND deleted_at IS NULL GROUP BY stage_id',
            c.id,
          )
          .map((r) => [r.stage_id, r.n]),
      );
      expect(got.stages.map((s) => [s.id, s.count])).toEqual(
        got.stages.map((s) => [s.id, counted.get(s.id) ?? 0]),
      );
      expect(got.stages.filter((s) => s.count > 0).length).toBeGreaterThan(2);

      // Member 2's moves, in order, with who made them and when.
      const history = await o.call('campaigns.history', { memberId: member(2) }, t.admin);
      expect(history.map((h) => [h.fromStage, h.toStage, h.userName, h.at])).toEqual([
        [null, c.stages[0]!.name, 'Администратор Иванова', TAKEN],
        [c.stages[0]!.name, c.stages[1]!.name, 'Сотрудник boris', '2026-02-12T09:00:00.000Z'],
        [c.stages[1]!.name, c.stages[2]!.name, 'Сотрудник boris', '2026-02-12T09:00:00.000Z'],
        [c.stages[2]!.name, c.stages[3]!.name, 'Сотрудник anna', '2026-02-12T09:00:00.000Z'],
      ]);
      const stored = sql.get<{ stage_id: string; moved_by: string; moved_at: string }>(
        'SELECT stage_id, moved_by, moved_at FROM campaign_members WHERE id = ?',
        member(2),
      );
      expect(stored).toEqual({
        stage_id: c.stages[3]!.id,
        moved_by: anna.id,
        moved_at: '2026-02-12T09:00:00.000Z',
      });

      // Moved this week: the office's week (Monday to Sunday, UTC+3), counted by SQL's own week numbers.
      const thisWeek = `from_stage_id IS NOT NULL AND strftime('%Y-%W', at, '+3 hours') = strftime('%Y-%W', '${NOW}', '+3 hours')`;
      const f = await o.call('campaigns.figures', { campaignId: c.id }, t.admin);
      expect(f.week).toEqual({ from: '2026-02-09', to: '2026-02-15' });
      expect(f.movedThisWeek).toBe(
        sql.get<{ n: number }>(`SELECT count(DISTINCT member_id) AS n FROM campaign_moves WHERE ${thisWeek}`)
          .n,
      );
      expect(f.movedThisWeek).toBe(4);
      expect(f.stages.map((s) => s.count)).toEqual(got.stages.map((s) => s.count));
      expect(f.total).toBe(9);
      const byUser = sql.all<{ user_id: string; n: number }>(
        `SELECT user_id, count(DISTINCT member_id) AS n FROM campaign_moves WHERE ${thisWeek} GROUP BY user_id`,
      );
      for (const r of byUser) expect(f.staff.find((p) => p.userId === r.user_id)?.movedThisWeek).toBe(r.n);
      const atStage = sql.all<{ moved_by: string; stage_id: string; n: number }>(
        'SELECT moved_by, stage_id, count(*) AS n FROM campaign_members WHERE campaign_id = ? GROUP BY 1, 2',
        c.id,
      );
      for (const r of atStage)
        expect(
          f.staff.find((p) => p.userId === r.moved_by)?.stages.find((s) => s.stageId === r.stage_id)?.count,
        ).toBe(r.n);
      expect(f.staff.reduce((n, p) => n + p.total, 0)).toBe(9);
      expect(f.staff.find((p) => p.userId === boris.id)?.movedThisWeek).toBe(3);
    } finally {
      sql.close();
    }
  });

  it('adding from a segment takes exactly the segment’s members, and adding it again duplicates none', async () => {
    const o = await testOffice(NOW);
    const central = await contacts(o, 6, 'Центральный');
    await contacts(o, 4, 'Заречный');
    const segment = await o.call('segments.save', { name: 'Центр', filter: { district: 'Центральный' } });
    const c = await signatures(o);
    const first = await o.call('campaigns.addContacts', { campaignId: c.id, segmentId: segment.id });
    const listed = await o.call('contacts.list', { filter: segment.filter, limit: 500 });
    expect(first).toEqual({ added: listed.total, already: 0, members: listed.total });
    const { rows } = await o.call('campaigns.members', { campaignId: c.id });
    expect(rows.map((r) => r.contactId).sort()).toEqual(listed.rows.map((r) => r.id).sort());
    expect(rows.map((r) => r.contactId).sort()).toEqual([...central].sort());
    expect(rows.every((r) => r.stageId === c.stages[0]!.id)).toBe(true);

    // A new member of the segment since: the second time takes only him.
    const late = await contacts(o, 1, 'Центральный');
    const again = await o.call('campaigns.addContacts', { campaignId: c.id, segmentId: segment.id });
    expect(again).toEqual({ added: 1, already: central.length, members: central.length + 1 });
    const sql = fileSql(o);
    try {
      expect(
        sql.get<{ n: number; d: number }>(
          'SELECT count(*) AS n, count(DISTINCT contact_id) AS d FROM campaign_members WHERE campaign_id = ?',
          c.id,
        ),
      ).toEqual({ n: central.length + 1, d: central.length + 1 });
      expect(
        sql.get<{ n: number }>('SELECT count(*) AS n FROM campaign_moves WHERE campaign_id = ?', c.id).n,
      ).toBe(central.length + 1);
      expect(
        sql.get<{ n: number }>(
          "SELECT count(*) AS n FROM change_log WHERE table_name = 'campaign_members' AND row_id IN (SELECT id FROM campaign_members WHERE contact_id = ?)",
          late[0],
        ).n,
      ).toBe(1);
    } finally {
      sql.close();
    }
  });

  it('an import with the campaign as source takes every contact of the file in, new and known alike', async () => {
    const o = await testOffice(NOW);
    const known = await o.call('contacts.create', {
      lastName: 'Known',
      firstName: 'Иван',
      phones: ['+7 916 555 44 33'],
    });
    const c = await signatures(o, 'Сбор во дворах');
    const csv = [
      'Фамилия;Имя;Телефон',
      'Known;Иван;89165554433',
      'Сидорова;Анна;89161112233',
      'Кузнецов;Олег;89162223344',
      ';;',
    ].join('\r\n');
    const { uploadId } = await o.call('contacts.upload', {
      name: 'двор.csv',
      dataBase64: Buffer.from(csv, 'utf8').toString('base64'),
    });
    const r = await o.call('campaigns.import', { campaignId: c.id, source: { uploadId } });
    expect({ created: r.created, added: r.added, already: r.already }).toEqual({
      created: 2,
      added: 3,
      already: 0,
    });
    const { rows } = await o.call('campaigns.members', { campaignId: c.id });
    expect(rows.map((m) => m.fullName).sort()).toEqual(
      ['Known Иван', 'Кузнецов Олег', 'Сидорова Анна'].sort(),
    );
    expect(rows.some((m) => m.contactId === known.id)).toBe(true);
    const sql = fileSql(o);
    try {
      const sources = sql.all<{ source: string | null }>(
        'SELECT c.source FROM contacts c JOIN campaign_members m ON m.contact_id = c.id WHERE c.id <> ? ORDER BY 1',
        known.id,
      );
      expect(sources).toEqual([
        { source: campaignsUi.importSource(c.name) },
        { source: campaignsUi.importSource(c.name) },
      ]);
      expect(
        sql.get<{ n: number }>("SELECT count(*) AS n FROM campaign_members WHERE added_from = 'import'").n,
      ).toBe(3);
    } finally {
      sql.close();
    }
  });

  it('tasks by stage: one per contact at the stage for the chosen person, none twice; moving on ends it', async () => {
    const o = await testOffice(NOW);
    const scout = await o.addUser('scout', 'assistant');
    const c = await signatures(o);
    const ids = await contacts(o, 5, 'Центральный');
    await o.call('campaigns.addContacts', { campaignId: c.id, contactIds: ids });
    const { rows } = await o.call('campaigns.members', { campaignId: c.id });
    const scouts = c.stages[2]!;
    for (const m of rows.slice(0, 3)) await o.call('campaigns.move', { memberId: m.id, stageId: scouts.id });
    const made = await o.call('campaigns.createTasks', {
      campaignId: c.id,
      stageId: scouts.id,
      assigneeId: scout.id,
      title: 'Собрать подпись',
      dueDate: '2026-02-20',
    });
    expect(made).toEqual({ created: 3, skipped: 0 });
    expect(
      await o.call('campaigns.createTasks', {
        campaignId: c.id,
        stageId: scouts.id,
        assigneeId: scout.id,
        title: 'Собрать подпись',
      }),
    ).toEqual({ created: 0, skipped: 3 });
    const mine = await o.call('tasks.list', {}, scout.token);
    expect(mine.total).toBe(3);
    expect(mine.rows.every((t) => t.kind === 'campaign_contact' && t.dueDate === '2026-02-20')).toBe(true);
    expect(mine.rows.map((t) => t.title)).toContain(
      campaignsUi.taskOf('Собрать подпись', rows[0]!.fullName, c.name),
    );
    await o.call('campaigns.move', { memberId: rows[0]!.id, step: 'next' }, scout.token);
    expect((await o.call('tasks.list', {}, scout.token)).total).toBe(2);
    const f = await o.call('campaigns.figures', { campaignId: c.id });
    expect(f.stages.map((s) => s.openTasks)).toEqual([0, 0, 2, 0]);
    expect(f.staff.find((p) => p.userId === scout.id)?.movedThisWeek).toBe(1);
  });

  it('the figures’ XLSX holds the screen’s figures, numbers as numbers', async () => {
    const o = await testOffice(NOW);
    const c = await signatures(o);
    const ids = await contacts(o, 4, 'Центральный');
    await o.call('campaigns.addContacts', { campaignId: c.id, contactIds: ids });
    const { rows } = await o.call('campaigns.members', { campaignId: c.id });
    await o.call('campaigns.move', { memberId: rows[0]!.id, step: 'next' });
    await o.call('campaigns.move', { memberId: rows[1]!.id, stageId: c.stages[3]!.id });
    const f = await o.call('campaigns.figures', { campaignId: c.id });
    const file = await o.call('campaigns.figuresXlsx', { campaignId: c.id });
    expect(file.name).toBe('kampaniya-2026-02-13.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.dataBase64, 'base64') as never);
    const values = (name: string) =>
      Array.from(wb.getWorksheet(name)!.getSheetValues(), (r) => (Array.isArray(r) ? r.slice(1) : []));
    const stages = values(campaignsUi.sheetStages);
    const head = stages.findIndex((r) => r[0] === campaignsUi.stage);
    expect(stages.slice(head + 1, head + 1 + f.stages.length)).toEqual(
      f.stages.map((s) => [s.name, s.count, s.openTasks]),
    );
    expect(stages.find((r) => r[0] === campaignsUi.movedThisWeek)).toEqual([
      campaignsUi.movedThisWeek,
      f.movedThisWeek,
    ]);
    expect(stages.find((r) => r[0] === campaignsUi.total)).toEqual([campaignsUi.total, f.total]);
    const staff = values(campaignsUi.sheetStaff);
    const sh = staff.findIndex((r) => r[0] === campaignsUi.staff);
    expect(staff[sh]).toEqual([
      campaignsUi.staff,
      ...f.stages.map((s) => s.name),
      campaignsUi.total,
      campaignsUi.movedThisWeek,
    ]);
    expect(staff.slice(sh + 1, sh + 1 + f.staff.length)).toEqual(
      f.staff.map((p) => [p.name, ...p.stages.map((s) => s.count), p.total, p.movedThisWeek]),
    );
    expect(f.movedThisWeek).toBe(2);
  });

  it('bad input is refused naming the field, and changes nothing', async () => {
    const o = await testOffice(NOW);
    const deputy = await o.addUser('deputy', 'deputy');
    const c = await signatures(o);
    const ids = await contacts(o, 2, 'Центральный');
    await o.call('campaigns.addContacts', { campaignId: c.id, contactIds: [ids[0]!] });
    const member = (await o.call('campaigns.members', { campaignId: c.id })).rows[0]!;
    const other = await signatures(o, 'Другая');
    const before = dumpTables(o.handle.sqlite);
    const cases: [string, unknown, string][] = [
      ['campaigns.create', { name: '  ', kind: 'signatures' }, 'name'],
      ['campaigns.create', { name: 'Опрос', kind: 'poll' }, 'kind'],
      [
        'campaigns.create',
        { name: 'Опрос', kind: 'survey', startsOn: '2026-03-01', endsOn: '2026-02-01' },
        'endsOn',
      ],
      ['campaigns.create', { name: 'Опрос', kind: 'survey', stages: ['Один'] }, 'stages'],
      ['campaigns.create', { name: 'Опрос', kind: 'survey', stages: ['Звонок', 'звонок'] }, 'stages.1'],
      [
        'campaigns.update',
        { id: c.id, version: c.version, name: c.name, kind: c.kind, stages: c.stages.slice(1) },
        'stages',
      ],
      [
        'campaigns.update',
        { id: c.id, version: 'stale', name: c.name, kind: c.kind, stages: c.stages },
        'version',
      ],
      [
        'campaigns.update',
        {
          id: c.id,
          version: c.version,
          name: c.name,
          kind: c.kind,
          stages: [...c.stages, { id: other.stages[0]!.id, name: 'Чужой этап' }],
        },
        'stages.4.id',
      ],
      ['campaigns.addContacts', { campaignId: c.id }, 'segmentId'],
      ['campaigns.addContacts', { campaignId: c.id, contactIds: [ids[1]!, c.id] }, 'contactIds.1'],
      ['campaigns.addContacts', { campaignId: c.id, segmentId: c.id }, 'segmentId'],
      ['campaigns.addContacts', { campaignId: ids[0], contactIds: [ids[1]!] }, 'campaignId'],
      ['campaigns.move', { memberId: member.id, step: 'previous' }, 'step'],
      ['campaigns.move', { memberId: member.id, step: 'sideways' }, 'step'],
      ['campaigns.move', { memberId: member.id }, 'step'],
      ['campaigns.move', { memberId: member.id, stageId: other.stages[1]!.id }, 'stageId'],
      ['campaigns.move', { memberId: ids[0], step: 'next' }, 'memberId'],
      [
        'campaigns.createTasks',
        { campaignId: c.id, stageId: c.stages[0]!.id, assigneeId: ids[0], title: 'Позвонить' },
        'assigneeId',
      ],
      [
        'campaigns.createTasks',
        { campaignId: c.id, stageId: other.stages[0]!.id, assigneeId: deputy.id, title: 'Позвонить' },
        'stageId',
      ],
      [
        'campaigns.createTasks',
        {
          campaignId: c.id,
          stageId: c.stages[0]!.id,
          assigneeId: deputy.id,
          title: 'Позвонить',
          dueDate: '20.02.2026',
        },
        'dueDate',
      ],
    ];
    for (const [method, input, field] of cases)
      expect((await o.fail(method as never, input)).field, `${method} ${JSON.stringify(input)}`).toBe(field);
    expect((await o.fail('campaigns.move', { memberId: member.id, step: 'next' }, deputy.token)).code).toBe(
      'forbidden',
    );
    expect(dumpTables(o.handle.sqlite)).toBe(before);
  });
});
