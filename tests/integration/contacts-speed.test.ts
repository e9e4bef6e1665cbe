import iconv from 'iconv-lite';
import fs from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvCell, displayPhone, writeContacts } from '../../main/contacts/export';
import { countByFacets } from '../../main/contacts/facets';
import { countBySql } from '../../main/contacts/filter';
import { BULK_BATCH } from '../../main/contacts/bulk';
import { DEFAULT_BATCH, importFile } from '../../main/contacts/import';
import { KnownKeys } from '../../main/contacts/known-keys';
import { capabilitiesOf, type CallContext } from '../../main/kernel/context';
import { ImportOptionsSchema, type ContactFilter } from '../../shared/api/contacts';
import { Hlc } from '../../shared/util/hlc';
import { seed } from './contacts-fixture';
import { testOffice, type TestOffice } from './office-fixture';

const FILTERS: ContactFilter[] = [
  {},
  { district: 'Центральный' },
  { district: 'Заволжский', tags: ['школа'] },
  { statuses: ['house_head'] },
  { statuses: ['supporter', 'house_head'] },
  { tags: ['двор', 'собрание'] },
  { source: 'Подписи 2025' },
  { hasPhone: true },
  { hasPhone: false },
  { consent: { purpose: 'mailing', given: true } },
  { consent: { purpose: 'mailing', given: false } },
  { district: 'Центральный', statuses: ['supporter'], consent: { purpose: 'calls', given: false } },
];

/** Every filter counted from the facet counts, beside the same filter counted by SQL over the rows. */
function bothCounts(o: TestOffice): { facets: (number | null)[]; sql: number[] } {
  const db = o.handle.store.read;
  return { facets: FILTERS.map((f) => countByFacets(db, f)), sql: FILTERS.map((f) => countBySql(db, f)) };
}

/** A file as Excel saves it: cp1251, `;`, CRLF. */
function excelCsv(o: TestOffice, name: string, lines: readonly string[]): string {
  const file = o.tmp.file(name);
  fs.writeFileSync(file, iconv.encode(lines.join('\r\n'), 'cp1251'));
  return file;
}

function expectCountsAgree(o: TestOffice, step: string): void {
  const { facets, sql } = bothCounts(o);
  expect(facets, step).toEqual(sql);
}

describe('segment counts kept in the writing transaction', () => {
  it('agree with a count over the rows after every kind of write', async () => {
    const o = await testOffice();
    const [elkina, smirnov, orlova] = await seed(o);
    expectCountsAgree(o, 'seeded');
    expect(bothCounts(o).sql.slice(0, 4)).toEqual([4, 2, 1, 1]);

    await o.call('contacts.update', {
      id: smirnov!,
      fields: { district: 'Заволжский', statuses: ['supporter', 'volunteer'], phones: [] },
    });
    expectCountsAgree(o, 'card edited');

    const mailing = await o.call('contacts.giveConsent', {
      id: orlova!,
      purpose: 'mailing',
      wordingVersion: '1',
    });
    await o.call('contacts.giveConsent', { id: elkina!, purpose: 'calls', wordingVersion: '1' });
    expectCountsAgree(o, 'consents given');
    await o.call('contacts.withdrawConsent', { consentId: mailing.consents[0]!.id });
    expectCountsAgree(o, 'consent withdrawn');

    const twin = await o.call('contacts.create', {
      lastName: 'Елкина',
      firstName: 'Майя',
      phones: ['+79990001111'],
      district: 'Заволжский',
      tags: ['собрание'],
    });
    const { mergeId } = await o.call('contacts.merge', { keepId: elkina!, mergeId: twin.id, take: [] });
    expectCountsAgree(o, 'merged');
    await o.call('contacts.undoMerge', { mergeId });
    expectCountsAgree(o, 'merge undone');

    await o.call('contacts.erase', { id: elkina! });
    expectCountsAgree(o, 'erased');
    // The merge was undone: the twin is another person and keeps his phone.
    expect((await o.call('contacts.get', { id: twin.id })).phones.map((p) => p.phone)).toEqual([
      '+79990001111',
    ]);

    const file = excelCsv(o, 'more.csv', [
      'Фамилия;Имя;Телефон;Район;Статус;Метки',
      'Петров;Пётр;89995550001;Центральный;Сторонник;школа',
      'Сидорова;Анна;89995550002;Заволжский;;двор',
      'Петров;Пётр;8 999 555-00-01;;Старший по дому;',
      // the twin, in the base since before the import: gains a status and a tag
      'Елкина;Майя;89990001111;;Волонтёр;школа',
    ]);
    expect(await o.call('contacts.import', { source: { path: file } })).toMatchObject({
      created: 2,
      merged: 2,
    });
    expectCountsAgree(o, 'imported');
    // The import counted its batch itself and handed counting back to the triggers.
    expect(o.handle.sqlite.prepare('SELECT deferred FROM contact_facet_state').get()).toEqual({
      deferred: 0,
    });
    await o.call('contacts.update', { id: smirnov!, fields: { tags: ['дача'] } });
    expectCountsAgree(o, 'edited after the import');
    expect(bothCounts(o).facets.every((n) => n !== null)).toBe(true);
  });

  it('leave to SQL what the combinations do not hold: a name search, activity in appeals', async () => {
    const o = await testOffice();
    await seed(o);
    const db = o.handle.store.read;
    expect(countByFacets(db, { q: 'елкина' })).toBeNull();
    expect(countByFacets(db, { appealed: {} })).toBeNull();
    expect((await o.call('contacts.count', { filter: { q: 'елкина', district: 'Центральный' } })).count).toBe(
      1,
    );
  });
});

function importContext(o: TestOffice): CallContext {
  return {
    store: o.handle.store,
    clock: o.clock,
    hlc: new Hlc('00000000000000ab'),
    transport: 'internal',
    may: capabilitiesOf('internal'),
    actor: null,
    sessionToken: null,
    dataDir: o.tmp.dir,
  };
}

describe('import matching against the base', () => {
  it('the key filter never hides a contact, even one written by someone else between two batches', async () => {
    const o = await testOffice();
    await seed(o);
    const known = KnownKeys.ofBase(o.handle.store.read, 10);
    expect(known.mayHave('phone', '+79991234567')).toBe(true);
    expect(known.mayHave('email', 'orlova@example.ru')).toBe(true);
    const misses = Array.from({ length: 1000 }, (_, i) => `+7900${String(i).padStart(7, '0')}`).filter((p) =>
      known.mayHave('phone', p),
    );
    expect(misses.length).toBeLessThan(20);

    const file = excelCsv(o, 'late.csv', [
      'Фамилия;Имя;Телефон',
      'Первый;Ряд;89990000001',
      'Второй;Ряд;89990000002',
      'Третий;Ряд;89997770000',
    ]);
    const ctx = importContext(o);
    let written = false;
    const s = await importFile(ctx, file, 'late.csv', ImportOptionsSchema.parse({}), false, {
      batchSize: 2,
      keyFilterFromBytes: 0,
      onProgress: () => {
        if (written) return;
        written = true;
        // Another desk adds the third row's person while the import runs.
        void o.handle.api.call(
          'internal',
          'contacts.create',
          { lastName: 'Третий', phones: ['+7 999 777-00-00'] },
          { token: o.token },
        );
      },
    });
    expect(s).toMatchObject({ rows: 3, created: 2, merged: 1 });
    const holders = o.handle.sqlite
      .prepare("SELECT count(*) AS n FROM contact_phones WHERE phone = '+79997770000'")
      .get() as { n: number };
    expect(holders.n).toBe(1);
  });
});

describe('import batch ids', () => {
  it('a batch writes its contacts, phones and labels in the order of their ids', async () => {
    const o = await testOffice();
    const lines = [
      'Фамилия;Телефон;Метки',
      ...Array.from({ length: 300 }, (_, i) => `Порядков${i};8999${String(i).padStart(7, '0')};двор, школа`),
    ];
    const file = excelCsv(o, 'order.csv', lines);
    const s = await importFile(importContext(o), file, 'order.csv', ImportOptionsSchema.parse({}), false, {
      batchSize: 300,
    });
    expect(s).toMatchObject({ rows: 300, created: 300 });
    const inRowOrder = (sql: string): string[] => o.handle.sqlite.prepare(sql).pluck().all() as string[];
    for (const sql of [
      "SELECT id FROM contacts WHERE last_name LIKE 'Порядков%' ORDER BY rowid",
      'SELECT id FROM contact_phones ORDER BY rowid',
      'SELECT contact_id FROM contact_phones ORDER BY rowid',
      'SELECT id FROM contact_labels ORDER BY rowid',
    ]) {
      const ids = inRowOrder(sql);
      expect(ids.length, sql).toBeGreaterThanOrEqual(300);
      expect(ids, sql).toEqual([...ids].sort());
    }
    expect(new Set(inRowOrder('SELECT id FROM contact_labels')).size).toBe(600);
  });
});

describe('import settings', () => {
  it('a large import writes with a larger cache and rarer checkpoints, and gives the settings back', async () => {
    const o = await testOffice();
    const db = o.handle.sqlite;
    const settings = (): number[] =>
      ['cache_size', 'wal_autocheckpoint'].map((p) => db.pragma(p, { simple: true }) as number);
    const before = settings();
    const lines = [
      'Фамилия;Телефон',
      ...Array.from({ length: 30 }, (_, i) => `Объёмов${i};8999${String(i).padStart(7, '0')}`),
    ];
    const seen: number[][] = [];
    const ac = new AbortController();
    const run = (signal?: AbortSignal) =>
      importFile(
        importContext(o),
        excelCsv(o, 'bulk.csv', lines),
        'bulk.csv',
        ImportOptionsSchema.parse({}),
        false,
        {
          batchSize: 10,
          bulkFromBytes: 0,
          signal,
          onProgress: () => {
            seen.push(settings());
            if (signal) ac.abort();
          },
        },
      );
    expect(await run()).toMatchObject({ rows: 30, created: 30 });
    expect(seen[0]).toEqual([-512 * 1024, 100_000]);
    expect(settings()).toEqual(before);
    // Cancelled after its first batch: the settings come back all the same.
    expect(await run(ac.signal)).toMatchObject({ cancelled: true, rows: 10 });
    expect(settings()).toEqual(before);
    // Two at once (background jobs): the settings hold until the last one ends.
    seen.length = 0;
    await Promise.all([run(), run()]);
    expect(seen.every((s) => s[0] === -512 * 1024)).toBe(true);
    expect(settings()).toEqual(before);
    expect(before).toEqual([-65536, 10000]);
  });

  it('a large file commits in batches of BULK_BATCH rows; a smaller file and a dry run, of DEFAULT_BATCH', async () => {
    const o = await testOffice();
    const rows = BULK_BATCH + 7;
    const lines = [
      'Фамилия;Телефон',
      ...Array.from({ length: rows }, (_, i) => `Пачкин${i};8999${String(i).padStart(7, '0')}`),
    ];
    const file = excelCsv(o, 'batches.csv', lines);
    const committed = async (bulkFromBytes: number, dryRun: boolean): Promise<number[]> => {
      const progress: number[] = [];
      await importFile(importContext(o), file, 'batches.csv', ImportOptionsSchema.parse({}), dryRun, {
        bulkFromBytes,
        onProgress: (p) => progress.push(p.rows),
      });
      return progress;
    };
    const ordinary = Array.from({ length: Math.ceil(rows / DEFAULT_BATCH) }, (_, i) =>
      Math.min(rows, (i + 1) * DEFAULT_BATCH),
    );
    // A dry run writes nothing, so its batches are the ordinary size whatever the file's.
    expect(await committed(0, true)).toEqual(ordinary);
    expect(await committed(0, false)).toEqual([BULK_BATCH, rows]);
    // The same file taken as a small one (it finds every row in the base now).
    expect(await committed(Number.MAX_SAFE_INTEGER, false)).toEqual(ordinary);
    expect(countBySql(o.handle.store.read, {})).toBe(rows);
  });
});

describe('export', () => {
  it('quotes and neutralises each CSV cell exactly as papaparse’s unparse with escapeFormulae', () => {
    const cells = [
      '',
      'Иванов',
      ' lead',
      'trail ',
      'a;b',
      'a,b',
      'say "hi"',
      'two\nlines',
      'cr\r',
      '\ufeffbom',
    ];
    const formulas = ['=1+2', '=HYPERLINK("x")', '+7 999', '-Минусов', '@Собака', '\tx', '\ry', "'=x"];
    for (const s of [...cells, ...formulas])
      expect(csvCell(s), JSON.stringify(s)).toBe(
        Papa.unparse([[s]], { delimiter: ';', newline: '\r\n', escapeFormulae: true, header: false }),
      );
  });

  it('pages through a large base: every contact once, in id order, with its own phones and labels', async () => {
    const o = await testOffice();
    const ctx = importContext(o);
    // More than two pages of contacts; one in seven in a district (a sparse segment), some with two phones.
    const lines = ['Фамилия;Имя;Телефон;Район;Статус;Метки'];
    for (let i = 0; i < 4500; i++) {
      const phone = `8999${String(i).padStart(7, '0')}`;
      const phones = i % 3 === 0 ? `${phone}, 8916${String(i).padStart(7, '0')}` : phone;
      const district = i % 7 === 0 ? 'Заволжский' : 'Центральный';
      lines.push(
        `Страницын${i};Иван;"${phones}";${district};${i % 4 === 0 ? 'supporter' : ''};${i % 5 === 0 ? 'двор' : ''}`,
      );
    }
    const s = await importFile(
      ctx,
      excelCsv(o, 'pages.csv', lines),
      'pages.csv',
      ImportOptionsSchema.parse({}),
      false,
    );
    expect(s).toMatchObject({ rows: 4500, created: 4500 });
    // Gaps inside the pages: contacts whose phones were removed, and an erased one.
    const db = o.handle.sqlite;
    const someIds = db
      .prepare('SELECT id FROM contacts ORDER BY id LIMIT 5 OFFSET 2100')
      .pluck()
      .all() as string[];
    for (const id of someIds.slice(0, 4)) await o.call('contacts.update', { id, fields: { phones: [] } });
    await o.call('contacts.erase', { id: someIds[4]! });

    for (const filter of [{}, { district: 'Заволжский' }] satisfies ContactFilter[]) {
      const chunks: Buffer[] = [];
      const n = await writeContacts(
        o.handle.store.read,
        filter,
        { format: 'csv', encoding: 'utf-8' },
        (c) => c,
        (b) => {
          chunks.push(b);
        },
      );
      const rows = Papa.parse<string[]>(
        Buffer.concat(chunks)
          .toString('utf8')
          .replace(/^\ufeff/, ''),
        {
          delimiter: ';',
          skipEmptyLines: true,
        },
      ).data.slice(1);
      // What each contact should show, read one contact at a time.
      const expected = (
        db
          .prepare(
            `SELECT id, last_name FROM contacts WHERE deleted_at IS NULL AND erased_at IS NULL ${filter.district ? 'AND district = ?' : ''} ORDER BY id`,
          )
          .all(...(filter.district ? [filter.district] : [])) as { id: string; last_name: string }[]
      ).map((c) => {
        const phones = db
          .prepare(
            'SELECT phone FROM contact_phones WHERE contact_id = ? AND deleted_at IS NULL ORDER BY rowid',
          )
          .pluck()
          .all(c.id) as string[];
        const labels = (kind: string): string =>
          (
            db
              .prepare(
                'SELECT value FROM contact_labels WHERE contact_id = ? AND kind = ? AND deleted_at IS NULL ORDER BY rowid',
              )
              .pluck()
              .all(c.id, kind) as string[]
          ).join(', ');
        return [c.last_name, phones.map(displayPhone).join(', '), labels('status'), labels('tag')];
      });
      expect(n).toBe(expected.length);
      expect(n).toBeGreaterThan(filter.district ? 600 : 4400);
      expect(rows.map((r) => [r[0], r[3], r[14], r[15]])).toEqual(expected);
    }
  });
});
