import fs from 'node:fs';
import { strFromU8 } from 'fflate';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { MandateFilter } from '../../shared/api/mandates';
import { mandateStateLabels } from '../../shared/i18n/ru/mandates';
import { MANDATE_STATES } from '../../shared/domain/mandates';
import { appealInput, dumpTables, PASSWORD } from './helpers';
import { docxParts, docxText, firstPagePng, pdfText, spreadsheetLines, toPdf } from './libreoffice';
import { testOffice, type TestOffice } from './office-fixture';

const WATER = '0005.0005.0056.1149';

async function setting(o: TestOffice) {
  const assistant = await o.addUser('anna', 'assistant');
  const deputy = await o.addUser('deputy', 'deputy');
  const body = await o.call('bodies.create', { name: 'Администрация Заволжского района', answerDays: 30 });
  const voter = await o.call('contacts.create', {
    lastName: 'Орлова',
    firstName: 'Анна',
    district: 'Заволжский',
  });
  const event = await o.call(
    'events.create',
    { title: 'Встреча с жителями', kind: 'visit', date: '2026-02-10', district: 'Заволжский' },
    assistant.token,
  );
  return { assistant, deputy, body, voter, event };
}

const signIn = async (o: TestOffice, login: string) =>
  (await o.call('auth.signIn', { login, password: PASSWORD })).token;

const rows = <T>(o: TestOffice, q: string, ...p: unknown[]) => o.handle.sqlite.prepare(q).all(...p) as T[];

describe('наказы избирателей', () => {
  it('a наказ recorded at an event keeps its status history, and its links show on it', async () => {
    const o = await testOffice();
    const s = await setting(o);
    const m = await o.call(
      'mandates.create',
      {
        text: 'Отремонтировать дорогу по ул. Лесной',
        givers: 'Жители ул. Лесной',
        contactIds: [s.voter.id],
        eventId: s.event.id,
        settlement: 'пос. Лесной',
        topic: WATER,
        bodyId: s.body.id,
        planYear: 2026,
        budgetLine: 'Дорожный фонд',
      },
      s.assistant.token,
    );
    expect(m).toMatchObject({
      number: 1,
      status: 'accepted',
      // The event's district and day.
      district: 'Заволжский',
      givenOn: '2026-02-10',
      bodyName: 'Администрация Заволжского района',
      responsibleId: s.assistant.id,
    });
    expect(m.topicName).toBeTruthy();

    // A move the table has not: accepted → done; a partial fulfilment without its reason. Nothing changes.
    const before = dumpTables(o.handle.sqlite);
    expect(await o.fail('mandates.setStatus', { id: m.id, status: 'done' })).toMatchObject({
      code: 'invalid_state',
      field: 'status',
    });
    await o.call('mandates.setStatus', { id: m.id, status: 'in_work' }, s.assistant.token);
    const mid = dumpTables(o.handle.sqlite);
    expect(mid).not.toBe(before);
    expect(await o.fail('mandates.setStatus', { id: m.id, status: 'partly_done' })).toMatchObject({
      code: 'validation',
      field: 'reason',
    });
    expect(await o.fail('mandates.update', { id: m.id, bodyId: s.voter.id })).toMatchObject({
      field: 'bodyId',
    });
    expect(await o.fail('mandates.update', { id: m.id, planYear: 1990 })).toMatchObject({
      field: 'planYear',
    });
    expect(dumpTables(o.handle.sqlite)).toBe(mid);

    const appeal = await o.value('appeals.register', appealInput({ registeredOn: '2026-02-12' }));
    await o.call('mandates.link', { id: m.id, kind: 'appeal', targetId: appeal.id });
    expect(await o.fail('mandates.link', { id: m.id, kind: 'appeal', targetId: appeal.id })).toMatchObject({
      code: 'conflict',
    });
    // Days later (the sessions of the day have ended: the people sign in again).
    o.clock.set('2026-02-16T08:00:00Z');
    await o.call(
      'mandates.setStatus',
      { id: m.id, status: 'partly_done', reason: 'Отремонтирована половина улицы' },
      await signIn(o, 'deputy'),
    );
    o.clock.set('2026-02-20T08:00:00Z');
    const done = await o.call(
      'mandates.setStatus',
      { id: m.id, status: 'done', comment: 'Работы приняты' },
      await signIn(o, 'anna'),
    );
    expect(done).toMatchObject({ status: 'done', statusOn: '2026-02-20', statusReason: null });

    const card = await o.call('mandates.card', { id: m.id }, await signIn(o, 'anna'));
    expect(card.links.map((l) => [l.kind, l.title])).toEqual([
      ['event', 'Встреча с жителями'],
      ['contact', s.voter.fullName],
      ['appeal', appeal.regNumber],
    ]);
    // The status history, as stored, in order.
    const stored = rows<{ changes: string }>(
      o,
      "SELECT changes FROM mandate_history WHERE mandate_id = ? AND action IN ('create', 'status') ORDER BY at, rowid",
      m.id,
    ).map((h) => (JSON.parse(h.changes) as { status: { to: string } }).status.to);
    expect(stored).toEqual(['accepted', 'in_work', 'partly_done', 'done']);
    const statuses = card.history
      .filter((h) => h.action === 'create' || h.action === 'status')
      .map((h) => [h.changes.status!.from, h.changes.status!.to, h.comment]);
    expect(statuses).toEqual([
      [null, 'accepted', null],
      ['accepted', 'in_work', null],
      ['in_work', 'partly_done', null],
      ['partly_done', 'done', 'Работы приняты'],
    ]);
    // The event's day (10.02) and the appeal's registration (12.02) sit in the history by date, before
    // the наказ was recorded (13.02) and its statuses.
    const actions = card.history.map((h) => h.action);
    expect(actions.slice(0, 3)).toEqual(['event_held', 'appeal_registered', 'create']);
    expect(card.history[1]!.link).toMatchObject({ kind: 'appeal', title: appeal.regNumber });
    expect(
      card.history.find((h) => h.action === 'status' && h.changes.status?.to === 'partly_done')?.userName,
    ).toBe('Сотрудник deputy');

    // Every row written is in the change log for sync.
    for (const t of ['mandates', 'mandate_links', 'mandate_history']) {
      const [missing] = rows<{ n: number }>(
        o,
        `SELECT count(*) AS n FROM ${t} x WHERE NOT EXISTS
          (SELECT 1 FROM change_log c WHERE c.table_name = ? AND c.row_id = x.id AND c.hlc = x.hlc)`,
        t,
      );
      expect(missing?.n, t).toBe(0);
    }

    const anna = await signIn(o, 'anna');
    await o.call('mandates.unlink', { id: m.id, kind: 'appeal', targetId: appeal.id }, anna);
    const after = await o.call('mandates.card', { id: m.id }, anna);
    expect(after.links.map((l) => l.kind)).toEqual(['event', 'contact']);
    expect(after.history.at(-1)).toMatchObject({ action: 'unlink', link: { kind: 'appeal' } });
    const linked = await o.call('mandates.list', { linked: { kind: 'event', targetId: s.event.id } }, anna);
    expect(linked.rows.map((r) => r.id)).toEqual([m.id]);
  });

  it('the register filters by status, territory, year and body, by territory in order, a page at a time', async () => {
    const o = await testOffice();
    const s = await setting(o);
    const districts = ['Заволжский', 'Центральный', null, 'Московский'];
    for (let n = 0; n < 24; n++) {
      const m = await o.call('mandates.create', {
        text: `Наказ ${n}`,
        district: districts[n % 4],
        settlement: n % 3 === 0 ? null : `пос. ${n % 3}`,
        planYear: 2025 + (n % 2),
        bodyId: n % 5 === 0 ? s.body.id : null,
      });
      if (n % 3 === 1) await o.call('mandates.setStatus', { id: m.id, status: 'in_work' });
    }
    const ids = (q: string, ...p: unknown[]) => rows<{ id: string }>(o, q, ...p).map((r) => r.id);
    const order = "ORDER BY coalesce(district, ''), coalesce(settlement, ''), number, id";
    const cases: [MandateFilter, string[]][] = [
      [{}, ids(`SELECT id FROM mandates ${order}`)],
      [
        { district: 'Заволжский', status: ['in_work'] },
        ids(`SELECT id FROM mandates WHERE district = 'Заволжский' AND status = 'in_work' ${order}`),
      ],
      [{ district: '' }, ids(`SELECT id FROM mandates WHERE district IS NULL ${order}`)],
      [{ year: 2026 }, ids(`SELECT id FROM mandates WHERE plan_year = 2026 ${order}`)],
      [{ bodyId: s.body.id }, ids(`SELECT id FROM mandates WHERE body_id = ? ${order}`, s.body.id)],
    ];
    for (const [filter, want] of cases) {
      expect(want.length).toBeGreaterThan(0);
      const got: string[] = [];
      let cursor: string | null = null;
      do {
        const page: Awaited<ReturnType<typeof o.call<'mandates.list'>>> = await o.call('mandates.list', {
          ...filter,
          limit: 5,
          cursor,
        });
        expect(page.total).toBe(want.length);
        got.push(...page.rows.map((r) => r.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(got, JSON.stringify(filter)).toEqual(want);
    }
    expect(await o.call('mandates.districts', {})).toEqual(
      rows(
        o,
        `SELECT nullif(coalesce(district, ''), '') AS district, count(*) AS count FROM mandates
          GROUP BY coalesce(district, '') ORDER BY coalesce(district, '')`,
      ),
    );
    expect(await o.fail('mandates.list', { status: ['done', 'finished'] })).toMatchObject({
      field: 'status.1',
    });
  });

  it('«Выполнение наказов» lists each наказ by territory with the figures of each status, in DOCX and XLSX', async () => {
    const o = await testOffice();
    const s = await setting(o);
    const plan: [string, string | null, number, (typeof MANDATE_STATES)[number]][] = [
      ['Освещение во дворе дома № 5', 'Заволжский', 2026, 'done'],
      ['Детская площадка у школы № 12', 'Заволжский', 2026, 'partly_done'],
      ['Ремонт поликлиники', 'Центральный', 2026, 'in_work'],
      ['Остановка на ул. Горького', 'Центральный', 2026, 'not_done'],
      ['Сквер у ДК', null, 2026, 'accepted'],
      ['Наказ другого года', 'Заволжский', 2025, 'done'],
    ];
    const path: Record<string, string[]> = {
      done: ['in_work', 'done'],
      partly_done: ['in_work', 'partly_done'],
      in_work: ['in_work'],
      not_done: ['not_done'],
      accepted: [],
    };
    for (const [text, district, planYear, status] of plan) {
      const m = await o.call('mandates.create', {
        text,
        district,
        planYear,
        bodyId: s.body.id,
        contactIds: [s.voter.id],
      });
      for (const to of path[status]!)
        await o.call('mandates.setStatus', {
          id: m.id,
          status: to as (typeof MANDATE_STATES)[number],
          reason: to === 'partly_done' || to === 'not_done' ? `Причина: ${text}` : undefined,
        });
    }
    const f = await o.call('mandates.report', { format: 'docx', year: 2026 });
    expect(f.name).toBe('Выполнение наказов 2026.docx');
    const docx = Buffer.from(f.dataBase64, 'base64');
    const text = docxText(docx);
    for (const [t, , year] of plan) expect(text.includes(t), t).toBe(year === 2026);
    expect(text).toContain('Причина: Детская площадка у школы № 12');
    expect(text).toContain(mandateStateLabels.partly_done);
    expect(text).toContain('Орлова Анна');
    // The summary's figures by territory, against SQL.
    const xml = strFromU8(docxParts(docx)['word/document.xml']!);
    expect(xml).toContain('Итоги по территориям');
    const xlsx = await o.call('mandates.report', { format: 'xlsx', year: 2026 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(xlsx.dataBase64, 'base64') as unknown as ArrayBuffer);
    const sum = wb.getWorksheet('Итоги')!;
    const sheetRows: unknown[][] = [];
    sum.eachRow((r, n) => {
      if (n > 5) sheetRows.push((r.values as unknown[]).slice(1));
    });
    const want = rows<Record<string, number | string>>(
      o,
      `SELECT coalesce(district, 'Без района') AS territory, count(*) AS total,
        ${MANDATE_STATES.map((st) => `sum(status = '${st}') AS ${st}`).join(', ')}
        FROM mandates WHERE plan_year = 2026 GROUP BY coalesce(district, '') ORDER BY coalesce(district, '')`,
    ).map((r) => [r.territory, r.total, ...MANDATE_STATES.map((st) => r[st])]);
    const all = [
      'Итого',
      want.reduce((n, r) => n + Number(r[1]), 0),
      ...MANDATE_STATES.map((_, k) => want.reduce((n, r) => n + Number(r[k + 2]), 0)),
    ];
    expect(sheetRows).toEqual([...want, all]);
    const list = wb.getWorksheet('Наказы')!;
    expect(list.getRow(5).values).toContain('Исполнение');
    expect(list.rowCount - 5).toBe(5);

    // LibreOffice reads both: the DOCX prints every наказ of the year, Calc the list's rows.
    const pdf = toPdf(docx, o.tmp.dir, 'mandates');
    const printed = pdfText(pdf).replace(/\s+/g, ' ');
    expect(printed).toContain('Выполнение наказов избирателей');
    expect(printed).toContain('Причина: Остановка на ул. Горького');
    expect(printed).toContain('Освещение во дворе дома № 5');
    firstPagePng(pdf, 80);
    const lines = spreadsheetLines(Buffer.from(xlsx.dataBase64, 'base64'), o.tmp.dir, 'mandates');
    expect(lines.filter((l) => l.includes('Администрация Заволжского района'))).toHaveLength(5);
    if (process.env.KEEP_REPORT) fs.copyFileSync(pdf.replace(/\.pdf$/, '.png'), process.env.KEEP_REPORT);
  });
});
