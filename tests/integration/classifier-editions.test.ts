import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { DocFile } from '../../shared/api/documents';
import {
  ADDED,
  EDITION_DATE,
  RENAMED,
  RENAMED_TO,
  SHIPPED,
  WITHDRAWN,
  asCsv,
  asJson,
  asXlsx,
  editionEntries,
  shippedName,
  upload,
} from '../fixtures/classifier-edition';
import { appealInput, dumpTables } from './helpers';
import { docxText } from './libreoffice';
import { testOffice, type TestOffice } from './office-fixture';

const bytes = (f: DocFile): Buffer => Buffer.from(f.dataBase64, 'base64');

async function previewAndApply(
  o: TestOffice,
  file: { name: string; dataBase64: string },
  edition = EDITION_DATE,
) {
  const preview = await o.call('classifier.previewEdition', { file });
  const taken = await o.call('classifier.applyEdition', { file, edition, digest: preview.digest });
  return { preview, taken };
}

const appealsWith = (o: TestOffice, code: string): number =>
  (
    o.handle.sqlite
      .prepare('SELECT count(DISTINCT appeal_id) AS n FROM appeal_topics WHERE code = ?')
      .get(code) as { n: number }
  ).n;

describe('editions of the classifier', () => {
  it('previews exactly what an edition adds, renames and withdraws, and changes nothing', async () => {
    const o = await testOffice();
    await o.call('appeals.register', appealInput({ topics: [WITHDRAWN] }));
    await o.call('appeals.register', appealInput({ topics: [WITHDRAWN, RENAMED] }));
    const before = dumpTables(o.handle.sqlite);
    const entries = editionEntries();
    const preview = await o.call('classifier.previewEdition', {
      file: upload('edition.json', asJson(entries)),
    });
    expect(preview).toMatchObject({ format: 'json', encoding: 'utf-8', entries: entries.length });
    expect(preview.added).toEqual([{ code: ADDED.code, name: ADDED.name, level: 4 }]);
    expect(preview.renamed).toEqual([
      { code: RENAMED, level: 4, from: shippedName(RENAMED), to: RENAMED_TO, officeName: null },
    ]);
    expect(preview.withdrawn).toEqual([
      { code: WITHDRAWN, name: shippedName(WITHDRAWN), level: 4, appeals: appealsWith(o, WITHDRAWN) },
    ]);
    expect(preview.withdrawn[0]!.appeals).toBe(2);
    expect(preview.clashes).toEqual([]);
    expect(preview.unchanged).toBe(SHIPPED.length - 2);
    expect(dumpTables(o.handle.sqlite)).toBe(before);
  });

  it('after the edition an old appeal keeps its withdrawn code, marked; the picker and a new appeal refuse it', async () => {
    const o = await testOffice();
    const old = await o.call('appeals.register', appealInput({ topics: [WITHDRAWN, RENAMED] }));
    const { preview, taken } = await previewAndApply(o, upload('edition.json', asJson(editionEntries())));
    expect(taken).toMatchObject({
      edition: EDITION_DATE,
      source: 'edition.json',
      added: 1,
      renamed: 1,
      withdrawn: 1,
    });
    expect(taken.entries).toBe(preview.entries);
    const inForce = o.handle.sqlite
      .prepare('SELECT count(*) AS n FROM classifier WHERE withdrawn_in IS NULL')
      .get() as { n: number };
    expect(inForce.n).toBe(editionEntries().length);

    // The card and the registry keep the code; its name is given, marked withdrawn.
    const card = await o.call('appeals.get', { id: old.id });
    expect(card.topics).toEqual([WITHDRAWN, RENAMED]);
    const list = await o.call('appeals.list', { filter: { topic: WITHDRAWN }, limit: 10 });
    expect(list.rows.map((r) => r.id)).toEqual([old.id]);
    const { entries } = await o.call('classifier.names', { codes: [WITHDRAWN, RENAMED, ADDED.code] });
    expect(entries.map((e) => [e.code, e.name, e.withdrawn])).toEqual([
      [WITHDRAWN, shippedName(WITHDRAWN), EDITION_DATE],
      [RENAMED, RENAMED_TO, null],
      [ADDED.code, ADDED.name, null],
    ]);
    const docx = docxText(bytes(await o.call('documents.card', { appealId: old.id })));
    expect(docx).toContain(`${shippedName(WITHDRAWN)} — исключён из классификатора (${WITHDRAWN})`);
    expect(docx).toContain(`${RENAMED_TO} (${RENAMED})`);
    const day = old.registeredOn;
    const report = docxText(
      bytes(
        await o.call('documents.report', {
          filter: { from: day, to: day, topic: WITHDRAWN },
          format: 'docx',
        }),
      ),
    );
    expect(report).toContain(`${WITHDRAWN} ${shippedName(WITHDRAWN)} — исключён из классификатора`);

    // The picker offers the new question and no longer the withdrawn one; a filter still finds it.
    const picker = await o.call('classifier.search', { q: 'твердыми коммунальными отходами', limit: 50 });
    expect(picker.items.map((i) => i.code)).not.toContain(WITHDRAWN);
    expect((await o.call('classifier.search', { q: WITHDRAWN })).items).toEqual([]);
    expect((await o.call('classifier.search', { q: 'раздельный сбор' })).items[0]?.code).toBe(ADDED.code);
    const used = await o.call('classifier.search', { q: '' });
    expect(used.items.map((i) => i.code)).toEqual([RENAMED]);
    const filter = await o.call('classifier.search', { q: WITHDRAWN, scope: 'any' });
    expect(filter.items).toMatchObject([{ code: WITHDRAWN, withdrawn: EDITION_DATE }]);

    // A new appeal with the withdrawn code is refused, naming the field; nothing is written.
    const before = dumpTables(o.handle.sqlite);
    const refused = await o.fail('appeals.register', appealInput({ topics: [ADDED.code, WITHDRAWN] }));
    expect(refused).toMatchObject({ code: 'validation', field: 'topics.1' });
    const batch = await o.fail('appeals.registerBatch', {
      appeals: [appealInput({ topics: [ADDED.code] }), appealInput({ topics: [WITHDRAWN] })],
    });
    expect(batch.field).toBe('appeals.1.topics.0');
    const other = await o.call('appeals.register', appealInput({ topics: [ADDED.code] }));
    const added = await o.fail('appeals.update', {
      id: other.id,
      version: other.version,
      patch: { topics: [ADDED.code, WITHDRAWN] },
    });
    expect(added.field).toBe('patch.topics.1');
    expect(dumpTables(o.handle.sqlite)).not.toBe(before); // the one good registration
    // The old appeal may be edited with its code kept.
    const edited = await o.call('appeals.update', {
      id: old.id,
      version: card.version,
      patch: { topics: [WITHDRAWN, ADDED.code] },
    });
    expect(edited.topics).toEqual([WITHDRAWN, ADDED.code]);
  });

  it("keeps the office's own name over a later edition and shows the clash in the preview", async () => {
    const o = await testOffice();
    const typo = SHIPPED.find((e) => e.name.includes('но налогам'))!;
    const corrected = typo.name.replace('но налогам', 'по налогам');
    const named = await o.call('classifier.rename', { code: typo.code, name: corrected });
    expect(named).toMatchObject({ code: typo.code, name: corrected, withdrawn: null });
    await o.call('classifier.rename', { code: RENAMED, name: 'Оплата ЖКУ' });
    // The office's name is what the picker finds and every screen shows.
    const found = await o.call('classifier.search', { q: 'по налогам', scope: 'any', limit: 50 });
    expect(found.items.find((i) => i.code === typo.code)?.name).toBe(corrected);

    // The edition renames both: one to the office's own correction, one to something else.
    const file = upload('edition.json', asJson(editionEntries({ [typo.code]: corrected })));
    const { preview } = await previewAndApply(o, file);
    expect(preview.renamed.map((r) => [r.code, r.officeName])).toEqual(
      expect.arrayContaining([
        [typo.code, corrected],
        [RENAMED, 'Оплата ЖКУ'],
      ]),
    );
    expect(preview.clashes).toEqual([{ code: RENAMED, official: RENAMED_TO, officeName: 'Оплата ЖКУ' }]);
    const { entries } = await o.call('classifier.names', { codes: [RENAMED, typo.code] });
    expect(entries.map((e) => e.name)).toEqual(['Оплата ЖКУ', corrected]);
    // The correction the edition made itself is no longer the office's; the other stays over the new text.
    const { corrections, editions } = await o.call('classifier.editions', {});
    expect(corrections.map((c) => [c.code, c.name, c.official])).toEqual([
      [RENAMED, 'Оплата ЖКУ', RENAMED_TO],
    ]);
    expect(editions.map((e) => e.edition)).toEqual([EDITION_DATE, '2025-10-31']);
    // Back to the official name.
    expect((await o.call('classifier.rename', { code: RENAMED, name: null })).name).toBe(RENAMED_TO);
    const audit = o.handle.sqlite
      .prepare("SELECT action, entity_id FROM audit_log WHERE action LIKE 'classifier.%' ORDER BY rowid")
      .all();
    expect(audit).toEqual([
      { action: 'classifier.rename', entity_id: typo.code },
      { action: 'classifier.rename', entity_id: RENAMED },
      { action: 'classifier.applyEdition', entity_id: EDITION_DATE },
      { action: 'classifier.rename', entity_id: RENAMED },
    ]);
    expect((await o.fail('classifier.rename', { code: '0009.0009', name: 'x' })).field).toBe('code');
    expect((await o.fail('classifier.rename', { code: RENAMED, name: '  ' })).field).toBe('name');
  });

  it('reads the table offices receive: CSV in Windows-1251 or UTF-8, and XLSX, as the JSON', async () => {
    const o = await testOffice();
    const entries = editionEntries();
    // What the edition changes, without how the file was read.
    const strip = (p: Awaited<ReturnType<typeof preview>>) => ({
      ...p,
      format: null,
      encoding: null,
      digest: null,
    });
    const preview = (name: string, b: Buffer) =>
      o.call('classifier.previewEdition', { file: upload(name, b) });
    const json = await preview('e.json', asJson(entries));
    const cp1251 = await preview('e.csv', asCsv(entries, 'cp1251'));
    expect(cp1251).toMatchObject({ format: 'csv', encoding: 'cp1251' });
    expect(strip(cp1251)).toEqual(strip(json));
    const utf8 = await preview('e.csv', asCsv(entries, 'utf-8'));
    expect(utf8).toMatchObject({ format: 'csv', encoding: 'utf-8' });
    expect(strip(utf8)).toEqual(strip(json));
    const xlsx = await preview('e.xlsx', await asXlsx(entries));
    expect(xlsx).toMatchObject({ format: 'xlsx', encoding: null });
    expect(strip(xlsx)).toEqual(strip(json));
    await o.call('classifier.applyEdition', {
      file: upload('e.csv', asCsv(entries)),
      edition: EDITION_DATE,
      digest: cp1251.digest,
    });
    const names = o.handle.sqlite
      .prepare('SELECT code, name FROM classifier WHERE withdrawn_in IS NULL ORDER BY ord')
      .all();
    expect(names).toEqual(entries.map((e) => ({ code: e.code, name: e.name })));
  });

  it('refuses a bad file naming the row and the column, and changes nothing', async () => {
    const o = await testOffice();
    const good = editionEntries();
    const before = dumpTables(o.handle.sqlite);
    const refuse = async (name: string, b: Buffer) => {
      const file = upload(name, b);
      const e = await o.fail('classifier.previewEdition', { file });
      const a = await o.fail('classifier.applyEdition', { file, edition: EDITION_DATE, digest: 'x' });
      expect(a).toEqual(e);
      expect(e).toMatchObject({ code: 'validation', field: 'file' });
      return { message: e.message, ...(e.details as object) };
    };
    const csvRow = (code: string) => good.findIndex((e) => e.code === code) + 2;

    const wrongColumns = Buffer.from(['Номер;Текст', '0001;Государство'].join('\n'));
    expect(await refuse('e.csv', wrongColumns)).toMatchObject({ problem: 'columns', line: 1 });

    const orphan = good.filter((e) => e.code !== '0005.0005.0056');
    const orphanRow = orphan.findIndex((e) => e.parent === '0005.0005.0056') + 2;
    expect(await refuse('e.csv', asCsv(orphan))).toMatchObject({
      problem: 'parent',
      line: orphanRow,
      column: 'Код',
      value: orphan[orphanRow - 2]!.code,
    });

    const twice = [...good, { ...good[5]! }];
    expect(await refuse('e.csv', asCsv(twice))).toMatchObject({
      problem: 'duplicate',
      line: twice.length + 1,
      other: 7,
      column: 'Код',
    });
    expect(await refuse('e.json', asJson(twice))).toMatchObject({
      problem: 'duplicate',
      line: twice.length,
      other: 6,
    });

    const dos = await refuse('e.csv', asCsv(good, 'cp866'));
    expect(dos).toMatchObject({ problem: 'encoding', line: 1, column: null });
    const dosRows = iconv.encode(`code;name\n0001;${SHIPPED[0]!.name}\n`, 'cp866');
    expect(await refuse('e.csv', dosRows)).toMatchObject({ problem: 'encoding', line: 2, column: 'name' });
    expect(await refuse('e.csv', asCsv(good, 'koi8-r'))).toMatchObject({ problem: 'encoding', line: null });
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Код;Наименование\n', 'utf16le')]);
    expect(await refuse('e.csv', utf16)).toMatchObject({ problem: 'encoding' });

    const badCode = good.map((e) => (e.code === ADDED.code ? { ...e, code: '5.5.56.1218' } : e));
    expect(await refuse('e.csv', asCsv(badCode))).toMatchObject({
      problem: 'code',
      line: csvRow(ADDED.code),
      value: '5.5.56.1218',
    });
    const wrongLevel = good.map((e, i) => (i === 3 ? { ...e, level: 9 } : e));
    expect(await refuse('e.json', asJson(wrongLevel))).toMatchObject({
      problem: 'level',
      line: 4,
      column: 'level',
    });
    const noName = good.map((e, i) => (i === 10 ? { ...e, name: ' ' } : e));
    expect(await refuse('e.xlsx', await asXlsx(noName))).toMatchObject({
      problem: 'name',
      line: 12,
      column: 'Наименование',
    });
    expect(await refuse('e.json', Buffer.from('{"code": 1}'))).toMatchObject({ problem: 'format' });
    expect(dumpTables(o.handle.sqlite)).toBe(before);
  });

  it('takes an edition only from an administrator or the office head, newer than the one in force, as previewed', async () => {
    const o = await testOffice();
    const file = upload('edition.json', asJson(editionEntries()));
    const preview = await o.call('classifier.previewEdition', { file });
    const assistant = await o.addUser('desk', 'assistant');
    let before = dumpTables(o.handle.sqlite);
    for (const [method, input] of [
      ['classifier.previewEdition', { file }],
      ['classifier.applyEdition', { file, edition: EDITION_DATE, digest: preview.digest }],
      ['classifier.rename', { code: RENAMED, name: 'x' }],
      ['classifier.editions', {}],
    ] as const)
      expect((await o.fail(method, input, assistant.token)).code, method).toBe('forbidden');
    expect(dumpTables(o.handle.sqlite)).toBe(before);
    const old = await o.fail('classifier.applyEdition', {
      file,
      edition: '2025-10-31',
      digest: preview.digest,
    });
    expect(old).toMatchObject({ code: 'validation', field: 'edition' });
    // An appeal registered meanwhile changes only a count: the preview still stands.
    await o.call('appeals.register', appealInput({ topics: [WITHDRAWN] }));
    const counted = await o.call('classifier.previewEdition', { file });
    expect(counted.withdrawn[0]!.appeals).toBe(preview.withdrawn[0]!.appeals + 1);
    expect(counted.digest).toBe(preview.digest);
    // A correction made after the preview changes what the edition would do (a clash): preview again.
    await o.call('classifier.rename', { code: RENAMED, name: 'Оплата ЖКУ' });
    before = dumpTables(o.handle.sqlite);
    const stale = await o.fail('classifier.applyEdition', {
      file,
      edition: EDITION_DATE,
      digest: preview.digest,
    });
    expect(stale).toMatchObject({ code: 'conflict', field: 'digest' });
    expect(dumpTables(o.handle.sqlite)).toBe(before);
    await o.call('classifier.rename', { code: RENAMED, name: null });
    const head = await o.addUser('head', 'office_head');
    before = dumpTables(o.handle.sqlite);
    const again = await o.call('classifier.previewEdition', { file }, head.token);
    await o.call(
      'classifier.applyEdition',
      { file, edition: EDITION_DATE, digest: again.digest },
      head.token,
    );
    expect(before).not.toBe(dumpTables(o.handle.sqlite));
  });
});
