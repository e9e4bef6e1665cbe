import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { capabilitiesOf, type CallContext } from '../../main/kernel/context';
import { importFile } from '../../main/contacts/import';
import { ImportOptionsSchema } from '../../shared/api/contacts';
import { Hlc } from '../../shared/util/hlc';
import { testOffice, type TestOffice } from './office-fixture';

/** Files as offices bring them: Excel's cp1251 with `;`, a UTF-8 export with a BOM, an XLSX. */
const HEADER = ['Фамилия', 'Имя', 'Отчество', 'Телефон', 'Адрес', 'Район', 'Статус', 'Метки'];
const PEOPLE = [
  [
    'Ёлкина',
    'Майя',
    'Йовановна',
    '8 (999) 123-45-67',
    'г. Тверь, ул. Советская, д. 5, кв. 12',
    'Центральный',
    'Старший по дому',
    'двор',
  ],
  [
    'Смирнов',
    'Олег',
    'Петрович',
    '+7 999 765 43 21',
    'г. Тверь, ул. Трёхсвятская, д. 1',
    'Центральный',
    'Сторонник',
    '',
  ],
  ['Орлова', 'Анна', '', '89161112233', 'г. Тверь, пр. Ленина, д. 3', 'Заволжский', '', 'школа, родители'],
  ['Кузнецов', 'Иван', 'Ильич', '9031234567', '', 'Заволжский', 'Волонтёр', ''],
];

const csvLine = (cells: readonly string[], sep: string): string =>
  cells.map((c) => (/[;,"\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(sep);

function writeCsv(
  path: string,
  rows: readonly (readonly string[])[],
  sep: string,
  encoding: 'cp1251' | 'utf-8',
  bom = false,
): void {
  const text = rows.map((r) => csvLine(r, sep)).join('\r\n') + '\r\n';
  const body = iconv.encode(text, encoding);
  fs.writeFileSync(path, bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body);
}

async function writeXlsx(path: string, rows: readonly (readonly (string | number)[])[]): Promise<void> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Лист1');
  for (const r of rows) sheet.addRow([...r]);
  await book.xlsx.writeFile(path);
}

async function importPath(o: TestOffice, path: string, dryRun = false, options = {}) {
  return o.call('contacts.import', { source: { path }, dryRun, options }, undefined);
}

function accounted(s: {
  rows: number;
  created: number;
  merged: number;
  unchanged: number;
  skipped: number;
}): void {
  expect(s.created + s.merged + s.unchanged + s.skipped).toBe(s.rows);
}

const count = (o: TestOffice): number =>
  (
    o.handle.sqlite.prepare('SELECT count(*) AS n FROM contacts WHERE deleted_at IS NULL').get() as {
      n: number;
    }
  ).n;

describe('contact import', () => {
  it('reads cp1251 with semicolons, normalises every way of writing a phone, maps headers and statuses', async () => {
    const o = await testOffice();
    const file = o.tmp.file('base.csv');
    writeCsv(file, [HEADER, ...PEOPLE], ';', 'cp1251');
    const s = await o.call('contacts.import', { source: { path: file } });
    expect(s).toMatchObject({
      format: 'csv',
      encoding: 'cp1251',
      delimiter: ';',
      rows: 4,
      created: 4,
      skipped: 0,
    });
    const list = await o.call('contacts.list', { filter: {} });
    expect(list.rows.map((r) => [r.fullName, r.phones])).toEqual([
      ['Ёлкина Майя Йовановна', ['+79991234567']],
      ['Кузнецов Иван Ильич', ['+79031234567']],
      ['Орлова Анна', ['+79161112233']],
      ['Смирнов Олег Петрович', ['+79997654321']],
    ]);
    const elkina = await o.call('contacts.get', { id: list.rows[0]!.id });
    expect(elkina).toMatchObject({ district: 'Центральный', statuses: ['house_head'], tags: ['двор'] });
    expect(elkina.phones).toEqual([{ phone: '+79991234567', raw: '8 (999) 123-45-67' }]);
    expect(elkina.source).toBe('Импорт: base.csv');
    const orlova = list.rows.find((r) => r.fullName.startsWith('Орлова'))!;
    expect(orlova.tags).toEqual(['школа', 'родители']);
  });

  it('logs every row it writes whole: the change-log entry is the stored row, column for column', async () => {
    const o = await testOffice();
    const file = o.tmp.file('logged.csv');
    writeCsv(file, [HEADER, ...PEOPLE], ';', 'cp1251');
    await o.call('contacts.import', { source: { path: file } });
    const sqlite = o.handle.sqlite;
    let rows = 0;
    for (const table of ['contacts', 'contact_phones', 'contact_labels']) {
      for (const row of sqlite.prepare(`SELECT * FROM ${table}`).all() as { id: string }[]) {
        const logged = sqlite
          .prepare(
            'SELECT data FROM change_log WHERE table_name = ? AND row_id = ? ORDER BY seq DESC LIMIT 1',
          )
          .get(table, row.id) as { data: string } | undefined;
        // Every column, none more, with the stored values (a key the row lacks would be lost in sync).
        expect(JSON.parse(logged!.data), `${table} ${row.id}`).toStrictEqual(row);
        rows++;
      }
    }
    // Four contacts, four phones, three statuses and three tags.
    expect(rows).toBe(14);
  });

  it('reads UTF-8 with a BOM and commas, and XLSX, detecting each', async () => {
    const o = await testOffice();
    const csv = o.tmp.file('utf8.csv');
    writeCsv(csv, [HEADER, ...PEOPLE.slice(0, 2)], ',', 'utf-8', true);
    const xlsx = o.tmp.file('base.xlsx');
    await writeXlsx(xlsx, [
      HEADER,
      ...PEOPLE.slice(2).map((r) => r.map((c, i) => (i === 3 ? Number(c) : c))),
    ]);
    const a = await importPath(o, csv);
    expect(a).toMatchObject({ encoding: 'utf-8', delimiter: ',', created: 2 });
    const b = await importPath(o, xlsx);
    expect(b).toMatchObject({ format: 'xlsx', created: 2, rows: 2 });
    const list = await o.call('contacts.list', { filter: {} });
    expect(list.rows.map((r) => r.fullName)).toContain('Ёлкина Майя Йовановна');
    expect(list.rows.find((r) => r.fullName.startsWith('Кузнецов'))!.phones).toEqual(['+79031234567']);
  });

  it('accounts for every row: duplicates in the file and in the base, broken rows with their reasons', async () => {
    const o = await testOffice();
    const first = o.tmp.file('first.csv');
    writeCsv(first, [HEADER, PEOPLE[0]!], ';', 'cp1251');
    await importPath(o, first);
    const rows = [
      HEADER,
      PEOPLE[1]!,
      // the same person again, phone written another way, adding a tag: merged within the file
      ['Смирнов', 'Олег', 'Петрович', '8 999 765-43-21', '', '', '', 'дача'],
      // already in the base (same phone): adds nothing
      ['ЁЛКИНА', 'Майя', '', '+7 (999) 123 45 67', '', '', '', ''],
      ['', 'Без', 'Фамилии', '89990000000', '', '', '', ''],
      ['Лишний', 'Столбец', '', '89990000001', '', '', '', '', 'ещё'],
      ['Плохой', 'Телефон', '', 'нет телефона', '', '', '', ''],
      ['Никаких', 'Контактов', '', '', '', '', '', ''],
      PEOPLE[2]!,
    ];
    const file = o.tmp.file('dups.csv');
    const text =
      rows.map((r) => csvLine(r, ';')).join('\r\n') + '\r\n' + 'Кавычкин;"Незакрытая;;89995556677\r\n';
    fs.writeFileSync(file, iconv.encode(text, 'cp1251'));
    const dry = await importPath(o, file, true);
    const before = count(o);
    const s = await importPath(o, file);
    expect(count(o)).toBe(before + 2);
    expect({ ...dry, dryRun: false }).toEqual(s);
    expect(s).toMatchObject({ rows: 9, created: 2, merged: 1, unchanged: 1, skipped: 5 });
    accounted(s);
    expect(s.skippedBy).toEqual({
      no_surname: 1,
      too_many_columns: 1,
      bad_phone: 1,
      no_contact_data: 1,
      broken_quotes: 1,
    });
    expect(s.rejected.map((r) => [r.line, r.reason])).toEqual([
      [5, 'no_surname'],
      [6, 'too_many_columns'],
      [7, 'bad_phone'],
      [8, 'no_contact_data'],
      [10, 'broken_quotes'],
    ]);
    const rejected = iconv.decode(Buffer.from(s.rejectedCsvBase64!, 'base64'), 'cp1251');
    expect(rejected.split('\r\n')[0]).toBe(['Строка', 'Причина', ...HEADER].join(';'));
    expect(rejected).toContain('6;больше столбцов, чем в заголовке;Лишний;Столбец');
    const smirnov = (await o.call('contacts.list', { filter: { q: 'смирнов' } })).rows;
    expect(smirnov).toHaveLength(1);
    expect(smirnov[0]!.tags).toEqual(['дача']);
  });

  it('remembers the column mapping per file layout', async () => {
    const o = await testOffice();
    const file = o.tmp.file('odd.csv');
    writeCsv(
      file,
      [
        ['Кто', 'Как связаться'],
        ['Петров Пётр Петрович', '89991112233'],
      ],
      ';',
      'cp1251',
    );
    const first = await o.call('contacts.importPreview', { source: { path: file } });
    expect(first).toMatchObject({
      headers: ['Кто', 'Как связаться'],
      mapping: ['skip', 'skip'],
      remembered: false,
    });
    expect(first.rows[0]!.reason).toBe('нет фамилии');
    const s = await importPath(o, file, false, { mapping: ['fullName', 'phone'] });
    expect(s.created).toBe(1);
    const again = await o.call('contacts.importPreview', { source: { path: file } });
    expect(again).toMatchObject({ mapping: ['fullName', 'phone'], remembered: true });
    expect(again.rows[0]!.normalized).toMatchObject({
      fullName: 'Петров Пётр Петрович',
      phone: '+79991112233',
    });
  });

  it('a file is imported by path only from the command line; others upload it', async () => {
    const o = await testOffice();
    const file = o.tmp.file('base.csv');
    writeCsv(file, [HEADER, ...PEOPLE], ';', 'cp1251');
    for (const transport of ['http', 'ipc'] as const) {
      const refused = await o.handle.api.call(
        transport,
        'contacts.import',
        { source: { path: file } },
        { token: o.token },
      );
      expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden', field: 'source.path' } });
    }
    const { uploadId } = await o.call('contacts.upload', {
      name: 'base.csv',
      dataBase64: fs.readFileSync(file).toString('base64'),
    });
    const s = await o.call('contacts.import', { source: { uploadId } });
    expect(s.created).toBe(4);
  });

  it('cancelled midway, the base keeps the committed batches and nothing of the next one', async () => {
    const o = await testOffice();
    const rows = [HEADER];
    for (let i = 0; i < 50; i++)
      rows.push([`Фамилия${i}`, 'Имя', '', `8999${String(1000000 + i)}`, '', '', '', '']);
    const file = o.tmp.file('many.csv');
    writeCsv(file, rows, ';', 'cp1251');
    const ctx: CallContext = {
      store: o.handle.store,
      clock: o.clock,
      hlc: new Hlc('00000000000000aa'),
      transport: 'internal',
      may: capabilitiesOf('internal'),
      actor: null,
      sessionToken: null,
      dataDir: o.tmp.dir,
    };
    const changesBefore = (
      o.handle.sqlite.prepare('SELECT count(*) AS n FROM change_log').get() as { n: number }
    ).n;
    const abort = new AbortController();
    const progress: number[] = [];
    const s = await importFile(ctx, file, 'many.csv', ImportOptionsSchema.parse({}), false, {
      batchSize: 20,
      signal: abort.signal,
      onProgress: (p) => {
        progress.push(p.rows);
        if (p.rows >= 20) abort.abort();
      },
    });
    expect(progress).toEqual([20]);
    expect(s).toMatchObject({ cancelled: true, rows: 20, created: 20 });
    expect(count(o)).toBe(20);
    // The batch's rows and their change-log entries (contact + phone each) and nothing half-written.
    const changes = (o.handle.sqlite.prepare('SELECT count(*) AS n FROM change_log').get() as { n: number })
      .n;
    expect(changes - changesBefore).toBe(40 + 1);
  });

  it('runs in the background with progress, and answers status and cancel', async () => {
    const o = await testOffice();
    const file = o.tmp.file('bg.csv');
    writeCsv(file, [HEADER, ...PEOPLE], ';', 'cp1251');
    const { uploadId } = await o.call('contacts.upload', {
      name: 'bg.csv',
      dataBase64: fs.readFileSync(file).toString('base64'),
    });
    // Cancelled at once: it stops before its first batch, and the base is as it was.
    const first = await o.call('contacts.importStart', { source: { uploadId } });
    const stopped = await o.call('contacts.importCancel', { jobId: first.jobId });
    expect(stopped).toMatchObject({ state: 'done', summary: { cancelled: true, created: 0 } });
    expect(count(o)).toBe(0);
    // Left to run (the cancelled import took its upload with it): the status reads as it goes, then the summary.
    const again = await o.call('contacts.upload', {
      name: 'bg.csv',
      dataBase64: fs.readFileSync(file).toString('base64'),
    });
    const { jobId } = await o.call('contacts.importStart', { source: { uploadId: again.uploadId } });
    let status = await o.call('contacts.importStatus', { jobId });
    expect(status.state).toBe('running');
    while (status.state === 'running') {
      await new Promise((resolve) => setImmediate(resolve));
      status = await o.call('contacts.importStatus', { jobId });
    }
    expect(status).toMatchObject({
      state: 'done',
      rows: 4,
      error: null,
      summary: { created: 4, cancelled: false },
    });
    expect(status.totalBytes).toBe(fs.statSync(file).size);
    expect((await o.fail('contacts.importStatus', { jobId: uploadId })).code).toBe('not_found');
  });

  it('a batch that fails midway rolls back whole', async () => {
    const o = await testOffice();
    const file = o.tmp.file('two.csv');
    writeCsv(file, [HEADER, ...PEOPLE], ';', 'cp1251');
    // A trigger that refuses the fourth contact stands in for a disk or constraint failure mid-batch.
    o.handle.sqlite.exec(`CREATE TRIGGER refuse BEFORE INSERT ON contacts WHEN NEW.last_name = 'Кузнецов'
      BEGIN SELECT RAISE(ABORT, 'refused'); END`);
    const e = await o.fail('contacts.import', { source: { path: file } });
    expect(e.code).toBe('conflict');
    expect(count(o)).toBe(0);
  });
});
