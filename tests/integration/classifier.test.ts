import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { DocFile } from '../../shared/api/documents';
import { docxText } from './libreoffice';
import shipped from '../../resources/classifier/classifier-2025.json' with { type: 'json' };
import { testOffice } from './office-fixture';

const file = shipped as { code: string; name: string; parent: string | null; level: number }[];

function countsByLevel(levels: number[]): Record<number, number> {
  const out: Record<number, number> = {};
  for (const l of levels) out[l] = (out[l] ?? 0) + 1;
  return out;
}

const bytes = (f: DocFile): Buffer => Buffer.from(f.dataBase64, 'base64');

const APPLICANT = { lastName: 'Сидорова', firstName: 'Анна', phone: '+7 900 111-22-33', forceNew: true };

describe('the thematic classifier', () => {
  it('loads the shipped edition whole: every entry, every parent, the counts per level of the file', async () => {
    const o = await testOffice();
    const db = o.handle.sqlite;
    const rows = db
      .prepare('SELECT code, name, parent, level FROM classifier ORDER BY ord')
      .all() as typeof file;
    expect(rows.length).toBe(2108);
    expect(rows).toEqual(file);
    const perLevel = db.prepare('SELECT level, count(*) AS n FROM classifier GROUP BY level').all() as {
      level: number;
      n: number;
    }[];
    expect(Object.fromEntries(perLevel.map((r) => [r.level, r.n]))).toEqual(
      countsByLevel(file.map((e) => e.level)),
    );
    expect(countsByLevel(file.map((e) => e.level))).toEqual({ 1: 5, 2: 21, 3: 206, 4: 1225, 5: 651 });
    const orphans = db
      .prepare(
        `SELECT count(*) AS n FROM classifier c WHERE c.parent IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM classifier p WHERE p.code = c.parent AND p.level = c.level - 1)`,
      )
      .get() as { n: number };
    expect(orphans.n).toBe(0);
  });

  it('searches for the picker and names codes, a code not in the classifier as it is', async () => {
    const o = await testOffice();
    const { items } = await o.call('classifier.search', { q: 'мусор' });
    expect(items.map((i) => i.code)).toContain('0005.0005.0056.1160');
    const tko = items.find((i) => i.code === '0005.0005.0056.1160')!;
    expect(tko.path.map((p) => p.name)).toEqual([
      'Жилищно-коммунальная сфера',
      'Жилище',
      'Коммунальное хозяйство',
    ]);
    expect(items.every((i) => i.level >= 4)).toBe(true);
    const sections = await o.call('classifier.search', { q: 'жилищно', scope: 'any', limit: 3 });
    expect(sections.items[0]).toMatchObject({ code: '0005', level: 1 });
    const { entries } = await o.call('classifier.names', {
      codes: ['0004.0015.0158.0965.0064', '0009.0009.0009.9999'],
    });
    expect(entries[0]).toMatchObject({ name: 'Минобороны России', level: 5 });
    expect(entries[0]!.path).toHaveLength(4);
    expect(entries[1]).toEqual({
      code: '0009.0009.0009.9999',
      name: null,
      level: null,
      path: [],
      withdrawn: null,
    });
    const bad = await o.fail('classifier.names', { codes: ['5.5'] });
    expect(bad.field).toBe('codes.0');
  });

  it('registers an appeal with a subquestion (5 parts), keeps a code outside the classifier, filters by any level', async () => {
    const o = await testOffice();
    const five = '0004.0015.0158.0965.0064';
    const a = await o.call('appeals.register', {
      channel: 'post',
      kind: 'complaint',
      summary: 'Выплаты участнику СВО',
      topics: [five, '0005.0005.0056.1160', '0009.0009.0009.9999'],
      applicant: APPLICANT,
    });
    const card = await o.call('appeals.get', { id: a.id });
    expect(card.topics).toEqual([five, '0005.0005.0056.1160', '0009.0009.0009.9999']);
    for (const topic of ['0004', '0004.0015', '0004.0015.0158', '0004.0015.0158.0965', five]) {
      const list = await o.call('appeals.list', { filter: { topic }, limit: 10 });
      expect(
        list.rows.map((r) => r.id),
        topic,
      ).toEqual([a.id]);
    }
    // the picker now offers what the office used first
    const used = await o.call('classifier.search', { q: '' });
    expect(used.items.map((i) => i.code)).toEqual(expect.arrayContaining([five, '0005.0005.0056.1160']));
    const six = await o.fail('appeals.register', {
      channel: 'post',
      kind: 'complaint',
      summary: 'x',
      topics: ['0004.0015.0158.0965.0064.0001'],
      applicant: APPLICANT,
    });
    expect(six.field).toBe('topics.0');
  });

  it('prints and reports a subquestion by name: the DOCX card, the period report, the statistics export', async () => {
    const o = await testOffice();
    const five = '0004.0015.0158.0965.0064';
    const a = await o.call('appeals.register', {
      channel: 'post',
      kind: 'complaint',
      summary: 'Военно-врачебная экспертиза',
      topics: [five, '0009.0009.0009.9999'],
      applicant: APPLICANT,
    });
    await o.call('appeals.register', {
      channel: 'post',
      kind: 'complaint',
      summary: 'Мусор',
      topics: ['0005.0005.0056.1160'],
      applicant: { ...APPLICANT, phone: '+7 900 111-22-44' },
    });
    const card = docxText(bytes(await o.call('documents.card', { appealId: a.id })));
    expect(card).toContain(`Минобороны России (${five})`);
    expect(card).toContain('0009.0009.0009.9999 (нет в классификаторе)');

    const day = a.registeredOn;
    const filter = { from: day, to: day, topic: five };
    const period = await o.call('reports.period', { filter });
    const sql = o.handle.sqlite
      .prepare('SELECT count(DISTINCT appeal_id) AS n FROM appeal_topics WHERE code = ?')
      .get(five) as { n: number };
    expect(period.received).toBe(sql.n);
    expect(period.received).toBe(1);
    const report = docxText(bytes(await o.call('documents.report', { filter, format: 'docx' })));
    expect(report).toContain('0004 Оборона, безопасность, законность');
    expect(report).toContain(`${five} Минобороны России`);
    const all = docxText(
      bytes(await o.call('documents.report', { filter: { from: day, to: day }, format: 'docx' })),
    );
    expect(all).toContain('0005 Жилищно-коммунальная сфера');

    const xlsx = await o.call('statistics.export', { period: { from: day, to: day }, format: 'xlsx' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes(xlsx) as unknown as ArrayBuffer);
    const cells = wb.worksheets.flatMap((w) =>
      w
        .getSheetValues()
        .flat()
        .filter((v) => typeof v === 'string'),
    );
    // «Частые тематики» name the questions: the subquestion under its own question, once.
    const questions = cells.filter((c) => /^0004\.0015\.0158\.0965 /.test(c));
    expect(questions).toHaveLength(1);
    expect(questions[0]).toMatch(/^0004\.0015\.0158\.0965 Медицинское освидетельствование/);
    expect(cells).toContain('0005.0005.0056.1160 Обращение с твердыми коммунальными отходами');
    // The breakdown by the classifier: the section, its theme and the subquestion's question.
    expect(cells).toContain('0004 Оборона, безопасность, законность');
    expect(cells).toContain('\u00a0\u00a00004.0015 Оборона');
  });
});
