import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClassifierBreakdown } from '../../shared/api/reports';
import { classifierReport } from '../../shared/i18n/ru/reports';
import { sstuFigures, SSTU_COLUMNS, type SstuColumn } from '../../main/reports/sstu';
import { appealInput, tempDir, type TempDir } from './helpers';
import { docxText, firstPagePng, pdfPages, pdfText, spreadsheetLines, toPdf } from './libreoffice';
import { openDesk, replyApproved, type Desk } from './workflow-steps';

/**
 * The reports by the thematic classifier over a real office file: appeals registered through the API
 * with 4- and 5-part codes, a code the classifier does not hold and none at all, taken through every
 * result the workflow records (a reply with each result on the merits, forwarding, Art. 11 with and
 * without a notice) or left open. Every figure of the breakdown and of the ССТУ report is held to a
 * direct count over the appeals and their topics.
 * REPORTS_PNG_DIR, when set, keeps the first pages of the DOCX and the XLSX as PNGs to look at.
 */

const Q1 = '0005.0005.0056.1149';
const Q2 = '0002.0007.0066.0271';
const Q3 = '0001.0002.0023.0061';
const SUB1 = '0004.0015.0158.0965.0064';
const SUB2 = '0004.0015.0158.0965.0065';
const UNKNOWN = '0005.0005.0056.9999';
/** The breakdown's sheet: its title as a sheet's name holds it, 31 characters. */
const SHEET = classifierReport.title.slice(0, 31);
const FEB = { from: '2026-02-01', to: '2026-02-28' };

let d: Desk;
let one: (q: string, ...p: unknown[]) => number;
const dirs: TempDir[] = [];
afterAll(() => dirs.forEach((t) => t.remove()));

/** The unit both reports count: an appeal's question (a subquestion cut to its question), or '' for none. */
const UNITS = `(SELECT DISTINCT a.id, coalesce(substr(t.code, 1, 19), '') AS q, a.status, a.result,
    a.notice_sent_on FROM appeals a LEFT JOIN appeal_topics t ON t.appeal_id = a.id
    WHERE a.deleted_at IS NULL AND a.registered_on BETWEEN '${FEB.from}' AND '${FEB.to}')`;

/** Each ССТУ column as SQL over a unit, the mapping of `main/reports/sstu.ts` written out again. */
const SSTU_SQL: Record<SstuColumn, string> = {
  received: 'true',
  supported: "result IN ('supported', 'supported_measures_taken')",
  measuresTaken: "result = 'supported_measures_taken'",
  explained: "result = 'explained'",
  notSupported: "result = 'not_supported'",
  answered:
    "(result = 'left_without_answer' AND notice_sent_on IS NOT NULL) OR result = 'answered' OR (status = 'closed' AND result IS NULL)",
  leftWithoutAnswer: "result = 'left_without_answer' AND notice_sent_on IS NULL",
  forwarded: "result = 'forwarded'",
  inReview: "status <> 'closed'",
};

/** The units under a row's code: the code itself and every longer code under it. */
const under = (code: string) => (code ? `(q = '${code}' OR q LIKE '${code}.%')` : "q = ''");

async function closeWith(
  id: string,
  result: 'supported' | 'supported_measures_taken' | 'explained' | 'not_supported',
) {
  await replyApproved(d, id);
  await d.o.call(
    'workflow.sendReply',
    { id, form: 'post', sentOn: d.today, outgoingNumber: 'ИСХ-1', signatory: 'Петров П.П.', result },
    d.assistant.token,
  );
}

let breakdown: ClassifierBreakdown;

beforeAll(async () => {
  d = await openDesk('2026-01-20', 'previous', 'file');
  const sqlite = d.o.handle.store.sqlite;
  one = (q, ...p) => (sqlite.prepare(q).get(...p) as { n: number }).n;
  // January's appeal is outside the period.
  await d.register('2026-01-20', { topics: [Q1] });
  await d.day('2026-02-02');
  const plan: string[][] = [
    [Q1], //  0 supported
    [Q1, Q2], //  1 explained
    [SUB1, SUB2], //  2 not supported: two subquestions of one question, counted once
    [SUB1, Q1], //  3 supported, measures taken
    [UNKNOWN], //  4 open
    [UNKNOWN, Q3], //  5 forwarded
    [], //  6 Art. 11 part 1: no answer possible
    [Q2], //  7 Art. 11 part 2: returned with a notice
    [Q3, SUB2], //  8 open
    [Q1, Q2, Q3], //  9 explained
  ];
  const ids: string[] = [];
  for (const topics of plan) ids.push((await d.register(d.today, { topics })).id);
  await d.day('2026-02-10');
  await closeWith(ids[0]!, 'supported');
  await closeWith(ids[1]!, 'explained');
  await closeWith(ids[2]!, 'not_supported');
  await closeWith(ids[3]!, 'supported_measures_taken');
  await closeWith(ids[9]!, 'explained');
  const t = d.assistant.token;
  await d.o.call('workflow.forward', { id: ids[5]!, addressee: 'Прокуратура Тверской области' }, t);
  await d.o.call(
    'workflow.completeForward',
    { id: ids[5]!, sentOn: d.today, outgoingNumber: 'ИСХ-5', applicantNotifiedOn: d.today },
    t,
  );
  await d.o.call('workflow.applyArt11', { id: ids[6]!, ground: 'p1', comment: 'Нет фамилии и адреса' }, t);
  await d.o.call('workflow.applyArt11', { id: ids[7]!, ground: 'p2', comment: 'Обжалует решение суда' }, t);
  await d.o.call('workflow.sendArt11Notice', { id: ids[7]!, sentOn: d.today, form: 'post' }, t);
  // Answered orally at a personal reception (59-FZ Art. 13 part 2): «дан ответ» on the spot.
  await d.o.call(
    'appeals.registerOral',
    {
      ...appealInput({ channel: 'reception', kind: 'application', topics: [Q2] }),
      oralAnswer: { result: 'answered', text: 'Дан ответ о часах приёма МФЦ.', consent: true },
    },
    t,
  );
  breakdown = await d.o.call('reports.classifier', { filter: FEB }, d.deputy.token);
}, 600_000);

describe('the breakdown by the classifier', () => {
  it('covers every result the workflow records, so each column below is tested', () => {
    for (const c of SSTU_COLUMNS)
      expect(one(`SELECT count(*) n FROM ${UNITS} WHERE ${SSTU_SQL[c]}`), c).toBeGreaterThan(0);
  });

  it('every row: received, by result and open equal direct counts of the questions under its code', () => {
    expect(breakdown.rows.length).toBeGreaterThan(10);
    for (const r of breakdown.rows) {
      const count = (cond: string) =>
        one(`SELECT count(*) n FROM ${UNITS} WHERE ${under(r.code)} AND ${cond}`);
      expect(r.received, r.code).toBe(count('true'));
      expect(r.open, r.code).toBe(count("status <> 'closed'"));
      const results = Object.fromEntries(
        (
          sqliteAll(
            `SELECT coalesce(result, '') AS k, count(*) AS n FROM ${UNITS}
             WHERE ${under(r.code)} AND status = 'closed' GROUP BY 1`,
          ) as { k: string; n: number }[]
        ).map((x) => [x.k, x.n]),
      );
      expect(r.byResult, r.code).toEqual(results);
      expect(r.noticed, r.code).toBe(count("result = 'left_without_answer' AND notice_sent_on IS NOT NULL"));
    }
    expect(breakdown.total.received).toBe(one(`SELECT count(*) n FROM ${UNITS}`));
    // The sections' rows sum to the total: nothing counted twice, nothing dropped.
    const sections = breakdown.rows.filter((r) => r.level === 1);
    expect(sections.reduce((s, r) => s + r.received, 0)).toBe(breakdown.total.received);
  });

  it('a subquestion counts under its question, once per appeal; the question under its topic, theme, section', () => {
    const q = breakdown.rows.find((r) => r.code === '0004.0015.0158.0965')!;
    expect(q).toMatchObject({ level: 4, name: expect.stringMatching(/^Медицинское освидетельствование/) });
    expect(q.received).toBe(
      one(
        `SELECT count(DISTINCT a.id) n FROM appeals a JOIN appeal_topics t ON t.appeal_id = a.id
           WHERE t.code LIKE '0004.0015.0158.0965.%' AND a.registered_on BETWEEN ? AND ?`,
        FEB.from,
        FEB.to,
      ),
    );
    // Four subquestion rows, in three appeals.
    expect(one("SELECT count(*) n FROM appeal_topics WHERE code LIKE '0004.0015.0158.0965.%'")).toBe(4);
    expect(q.received).toBe(3);
    const codes = breakdown.rows.map((r) => r.code);
    expect(codes).toEqual(expect.arrayContaining(['0004', '0004.0015', '0004.0015.0158']));
    expect(codes.indexOf('0004')).toBeLessThan(codes.indexOf('0004.0015.0158.0965'));
    expect(codes).not.toContain(SUB1);
  });

  it('a code not in the classifier is reported as itself, its name null; appeals without a topic as a row', () => {
    const u = breakdown.rows.find((r) => r.code === UNKNOWN)!;
    expect(u).toMatchObject({ level: 4, name: null });
    expect(u.received).toBe(
      one(`SELECT count(DISTINCT appeal_id) n FROM appeal_topics WHERE code = ?`, UNKNOWN),
    );
    const none = breakdown.rows.at(-1)!;
    expect(none).toMatchObject({ code: '', level: 1, name: null });
    expect(none.received).toBe(one(`SELECT count(*) n FROM ${UNITS} WHERE q = ''`));
  });

  it('a topic narrows it to that topic’s questions; bad input names the field and changes nothing', async () => {
    const s = await d.o.call('reports.classifier', { filter: { ...FEB, topic: '0005' } }, d.deputy.token);
    expect(s.rows.every((r) => r.code.startsWith('0005'))).toBe(true);
    expect(s.total.received).toBe(one(`SELECT count(*) n FROM ${UNITS} WHERE q LIKE '0005.%'`));
    const before = one('SELECT count(*) n FROM change_log');
    expect(
      await d.o.fail('reports.sstu', { filter: { from: FEB.to, to: FEB.from } }, d.deputy.token),
    ).toMatchObject({
      field: 'filter.to',
    });
    expect(await d.o.fail('reports.sstu', { filter: FEB, format: 'pdf' }, d.deputy.token)).toMatchObject({
      field: 'format',
    });
    expect(
      await d.o.fail(
        'reports.sstu',
        { filter: FEB, officeIds: ['01900000-0000-7000-8000-000000000001'] },
        d.assistant.token,
      ),
    ).toMatchObject({ code: 'forbidden', field: 'officeIds' });
    expect(one('SELECT count(*) n FROM change_log')).toBe(before);
  });
});

function sqliteAll(q: string): unknown[] {
  return d.o.handle.store.sqlite.prepare(q).all();
}

const bytes = (f: { dataBase64: string }) => Buffer.from(f.dataBase64, 'base64');

function look(file: string, name: string): void {
  const keep = process.env.REPORTS_PNG_DIR;
  if (!keep) return;
  fs.mkdirSync(keep, { recursive: true });
  fs.copyFileSync(firstPagePng(file, 100), path.join(keep, `${name}.png`));
}

describe('the ССТУ report', () => {
  const totals = () =>
    Object.fromEntries(
      SSTU_COLUMNS.map((c) => [c, one(`SELECT count(*) n FROM ${UNITS} WHERE ${SSTU_SQL[c]}`)]),
    ) as Record<SstuColumn, number>;

  it('maps the results to the ССТУ columns: each total equals its direct count, a row’s columns add up', () => {
    expect(sstuFigures(breakdown.total)).toEqual(totals());
    for (const r of breakdown.rows) {
      const f = sstuFigures(r);
      expect(
        f.supported +
          f.explained +
          f.notSupported +
          f.answered +
          f.leftWithoutAnswer +
          f.forwarded +
          f.inReview,
        r.code,
      ).toBe(f.received);
    }
  });

  it('as XLSX: the cells of every line and of the total are the breakdown’s; Calc opens it', async () => {
    const f = await d.o.call('reports.sstu', { filter: FEB, format: 'xlsx' }, d.deputy.token);
    expect(f.name).toBe('ССТУ 01.02.2026 — 28.02.2026.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes(f) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const header = ws.getRow(5).values as unknown[];
    expect(header.slice(1)).toEqual([
      'Код',
      'Наименование',
      'Поступило',
      'Поддержано',
      'в т.ч. меры приняты',
      'Разъяснено',
      'Не поддержано',
      'Дан ответ автору',
      'Оставлено без ответа автору',
      'Направлено по компетенции',
      'Находится на рассмотрении',
    ]);
    const lines = new Map<string, unknown[]>();
    ws.eachRow((row, n) => {
      if (n > 5)
        lines.set(
          `${String(row.getCell(1).value ?? '')}|${String(row.getCell(2).value ?? '')}`,
          row.values as unknown[],
        );
    });
    for (const r of breakdown.rows) {
      const name = r.code ? (r.name ?? '(нет в классификаторе)') : 'Без тематики';
      const cells = lines.get(`${r.code}|${name}`);
      expect(cells, r.code).toBeDefined();
      expect(cells!.slice(3), r.code).toEqual(SSTU_COLUMNS.map((c) => sstuFigures(r)[c]));
    }
    expect(lines.get('|Итого')!.slice(3)).toEqual(SSTU_COLUMNS.map((c) => totals()[c]));

    if (process.env.REPORTS_PNG_DIR)
      fs.writeFileSync(path.join(process.env.REPORTS_PNG_DIR, 'sstu.xlsx'), bytes(f));
    const calc = tempDir('priemnaya-sstu-');
    dirs.push(calc);
    const csv = spreadsheetLines(bytes(f), calc.dir, 'sstu');
    const total = csv.find((l) => l.startsWith(';Итого;'))!;
    expect(total.split(';').slice(2).map(Number)).toEqual(SSTU_COLUMNS.map((c) => totals()[c]));
    expect(csv.some((l) => l.startsWith(`${UNKNOWN};(нет в классификаторе);`))).toBe(true);
  }, 180_000);

  it('as DOCX: the lines and the totals in its text; LibreOffice prints it on landscape pages', async () => {
    const f = await d.o.call('reports.sstu', { filter: FEB, format: 'docx' }, d.deputy.token);
    const text = docxText(bytes(f));
    expect(text).toContain(
      'Результаты рассмотрения обращений граждан по вопросам тематического классификатора',
    );
    expect(text).toContain('по форме ССТУ.РФ, с 01.02.2026 по 28.02.2026');
    expect(text).toContain(`${Q1}\nОплата жилищно-коммунальных услуг`);
    expect(text).toContain(`${UNKNOWN}\n(нет в классификаторе)`);
    const t = totals();
    expect(text).toContain(`Итого\n${SSTU_COLUMNS.map((c) => t[c]).join('\n')}`);

    const tmp = tempDir('priemnaya-sstu-');
    dirs.push(tmp);
    const pdf = toPdf(bytes(f), tmp.dir, 'sstu');
    look(pdf, 'sstu-docx');
    const printed = pdfText(pdf).replace(/\s+/g, ' ');
    expect(printed).toContain(`Итого ${SSTU_COLUMNS.map((c) => t[c]).join(' ')}`);
    expect(printed).toContain(`${Q1} Оплата жилищно-коммунальных`);
    expect(pdfPages(pdf)).toBeGreaterThanOrEqual(1);
    const size = /MediaBox.*?\[\s*0 0 ([\d.]+) ([\d.]+)/s.exec(fs.readFileSync(pdf, 'latin1'));
    expect(Number(size![1])).toBeGreaterThan(Number(size![2]));
  }, 180_000);

  it('the period report and the statistics’ export carry the breakdown, totals as the direct counts', async () => {
    const f = await d.o.call('documents.report', { filter: FEB, format: 'xlsx' }, d.deputy.token);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes(f) as unknown as ArrayBuffer);
    const ws = wb.worksheets.find((w) => w.name === SHEET)!;
    expect(ws).toBeDefined();
    let total: unknown[] | undefined;
    ws.eachRow((row) => {
      if (row.getCell(1).value === 'Всего вопросов') total = row.values as unknown[];
    });
    const count = (cond: string) => one(`SELECT count(*) n FROM ${UNITS} WHERE ${cond}`);
    const direct = [
      count('true'),
      count("result = 'supported'"),
      count("result = 'supported_measures_taken'"),
      count("result = 'not_supported'"),
      count("result = 'explained'"),
      count("result = 'answered'"),
      count("result = 'forwarded'"),
      count("result = 'left_without_answer'"),
      count("status <> 'closed'"),
    ];
    expect(total!.slice(2)).toEqual(direct);
    const docx = await d.o.call('documents.report', { filter: FEB, format: 'docx' }, d.deputy.token);
    const text = docxText(bytes(docx));
    expect(text).toContain('Обращения по тематическому классификатору');
    expect(text).toContain(`${UNKNOWN} (нет в классификаторе)`);
    const tmp = tempDir('priemnaya-sstu-');
    dirs.push(tmp);
    const pdf = toPdf(bytes(docx), tmp.dir, 'period');
    expect(pdfText(pdf).replace(/\s+/g, ' ')).toContain(`Всего вопросов ${direct.join(' ')}`);
    if (process.env.REPORTS_PNG_DIR) {
      // The breakdown's page: the last one.
      const keep = process.env.REPORTS_PNG_DIR;
      const pages = pdfPages(pdf);
      const { execFileSync } = await import('node:child_process');
      execFileSync('pdftoppm', [
        '-png',
        '-r',
        '80',
        '-f',
        String(pages),
        '-l',
        String(pages),
        '-singlefile',
        pdf,
        path.join(keep, 'period-last'),
      ]);
    }

    const stats = await d.o.call('statistics.export', { period: FEB, format: 'xlsx' }, d.deputy.token);
    const sw = new ExcelJS.Workbook();
    await sw.xlsx.load(bytes(stats) as unknown as ArrayBuffer);
    expect(sw.worksheets.map((w) => w.name)).toContain(SHEET);
  }, 180_000);
});
