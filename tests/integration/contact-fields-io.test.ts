import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { testOffice, type TestOffice } from './office-fixture';

async function fields(o: TestOffice) {
  await o.call('contactFields.save', { name: 'Участок', type: 'list', options: ['№ 1', '№ 2'] });
  await o.call('contactFields.save', { name: 'Подписей', type: 'number' });
  const defs = await o.call('contactFields.save', { name: 'Встреча', type: 'date' });
  const id = (name: string): string => defs.find((d) => d.name === name)!.id;
  return { list: id('Участок'), num: id('Подписей'), date: id('Встреча') };
}

/** A contact's values of the office's fields as the database holds them, by surname. */
function stored(o: TestOffice): unknown[] {
  return o.handle.sqlite
    .prepare(
      `SELECT c.last_name, f.name, v.value_text, v.value_num, v.value_date FROM contact_field_values v
       JOIN contacts c ON c.id = v.contact_id JOIN contact_fields f ON f.id = v.field_id
       WHERE v.deleted_at IS NULL AND c.deleted_at IS NULL ORDER BY c.last_name, f.position`,
    )
    .all();
}

const upload = async (o: TestOffice, name: string, text: string) =>
  (await o.call('contacts.upload', { name, dataBase64: Buffer.from(text, 'utf8').toString('base64') }))
    .uploadId;

describe('the office’s own fields in import and export', () => {
  it('go out as columns named after the fields and come back into the same fields, CSV and XLSX', async () => {
    const o = await testOffice();
    const f = await fields(o);
    await o.call('contacts.create', {
      lastName: 'Антонов',
      phones: ['+7 999 100-00-01'],
      fieldValues: { [f.list]: '№ 1', [f.num]: 12.5, [f.date]: '2026-03-01' },
    });
    await o.call('contacts.create', {
      lastName: 'Борисова',
      phones: ['+7 999 100-00-02'],
      fieldValues: { [f.list]: '№ 2' },
    });
    const before = stored(o);
    expect(before).toHaveLength(4);

    const csv = await o.call('contacts.export', { purpose: 'records', encoding: 'utf-8' });
    const lines = iconv.decode(Buffer.from(csv.dataBase64!, 'base64'), 'utf-8').split('\r\n');
    expect(lines[0]!.endsWith(';Комментарий;Участок;Подписей;Встреча')).toBe(true);
    expect(lines.find((l) => l.startsWith('Антонов'))!.endsWith(';№ 1;12,5;01.03.2026')).toBe(true);
    expect(lines.find((l) => l.startsWith('Борисова'))!.endsWith(';№ 2;;')).toBe(true);

    const xlsx = await o.call('contacts.export', { purpose: 'records', format: 'xlsx' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(xlsx.dataBase64!, 'base64') as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(-3)).toEqual(['Участок', 'Подписей', 'Встреча']);

    // Into a second office with the same fields: every value lands in its field, typed.
    for (const file of [csv, xlsx]) {
      const p = await testOffice();
      await fields(p);
      const { uploadId } = await p.call('contacts.upload', { name: file.name, dataBase64: file.dataBase64! });
      const preview = await p.call('contacts.importPreview', { source: { uploadId } });
      expect(preview.mapping.slice(-3).every((t) => t.startsWith('field:'))).toBe(true);
      const s = await p.call('contacts.import', { source: { uploadId } });
      expect(s, file.name).toMatchObject({ created: 2, skipped: 0 });
      expect(stored(p), file.name).toEqual(before);
      // A second import of the same file adds nothing.
      const again = await p.call('contacts.upload', { name: file.name, dataBase64: file.dataBase64! });
      expect(await p.call('contacts.import', { source: { uploadId: again.uploadId } })).toMatchObject({
        unchanged: 2,
      });
    }
  });

  it('fills a matched contact’s empty field but never overwrites one, and takes e-mails into the list', async () => {
    const o = await testOffice();
    const f = await fields(o);
    const c = await o.call('contacts.create', {
      lastName: 'Антонов',
      phones: ['+7 999 100-00-01'],
      fieldValues: { [f.list]: '№ 1' },
    });
    const uploadId = await upload(
      o,
      'list.csv',
      'Фамилия;Телефон;Эл. почта;Участок;Подписей\r\n' +
        'Антонов;89991000001;a@example.ru;№ 2;7\r\n' +
        'Власов;89991000003;v@example.ru;№ 2;\r\n',
    );
    expect(await o.call('contacts.import', { source: { uploadId } })).toMatchObject({
      merged: 1,
      created: 1,
    });
    const card = await o.call('contacts.get', { id: c.id });
    expect(card.fieldValues.map((v) => [v.name, v.value])).toEqual([
      ['Участок', '№ 1'],
      ['Подписей', 7],
    ]);
    expect(card.emails).toEqual([{ email: 'a@example.ru', kind: 'personal', failing: false }]);
    const vlasov = await o.call('contacts.lookup', { email: 'V@example.ru', limit: 5 });
    expect((await o.call('contacts.get', { id: vlasov[0]!.id })).emails.map((e) => e.email)).toEqual([
      'v@example.ru',
    ]);
  });

  it('skips a row whose value does not fit its field; a mapping to no field is refused and changes nothing', async () => {
    const o = await testOffice();
    await fields(o);
    const text =
      'Фамилия;Телефон;Участок;Подписей;Встреча\r\n' +
      'Антонов;89991000001;№ 1;много;\r\n' +
      'Борисова;89991000002;№ 7;;\r\n' +
      'Власов;89991000003;;;31.02.2026\r\n' +
      'Глебова;89991000004;№ 2;3;01.04.2026\r\n';
    const s = await o.call('contacts.import', { source: { uploadId: await upload(o, 'a.csv', text) } });
    expect(s).toMatchObject({ created: 1, skipped: 3, skippedBy: { bad_field: 3 } });
    expect(s.rejected.map((r) => r.line)).toEqual([2, 3, 4]);
    expect(stored(o)).toEqual([
      { last_name: 'Глебова', name: 'Участок', value_text: '№ 2', value_num: null, value_date: null },
      { last_name: 'Глебова', name: 'Подписей', value_text: null, value_num: 3, value_date: null },
      { last_name: 'Глебова', name: 'Встреча', value_text: null, value_num: null, value_date: '2026-04-01' },
    ]);

    const count = (): unknown => o.handle.sqlite.prepare('SELECT count(*) AS n FROM contacts').get();
    const before = count();
    const uploadId = await upload(o, 'b.csv', 'Фамилия;Телефон;Поле\r\nДёмин;89991000005;x\r\n');
    const e = await o.fail('contacts.import', {
      source: { uploadId },
      options: { mapping: ['lastName', 'phone', 'field:0190f000-0000-7000-8000-000000000000'] },
    });
    expect(e).toMatchObject({ code: 'validation', field: 'options.mapping.2' });
    expect(count()).toEqual(before);
    expect(
      await o.fail('contacts.importPreview', {
        source: { uploadId },
        options: { mapping: ['lastName', 'phone', 'поле'] },
      }),
    ).toMatchObject({ code: 'validation', field: 'options.mapping.2' });
  });
});

describe('the 152-FZ personal-data export', () => {
  it('holds every e-mail, social link and value of the office’s fields; an erasure leaves none of them', async () => {
    const o = await testOffice();
    const f = await fields(o);
    const emails = [
      { email: 'orlova@example.ru', kind: 'other' as const },
      { email: 'orlova@duma.example.ru', kind: 'work' as const },
    ];
    const socials = [
      { network: 'ok' as const, handle: 'ok.ru/orlova.n' },
      { network: 'telegram' as const, handle: '@Orlova_N' },
    ];
    const fieldValues = { [f.list]: '№ 2', [f.num]: '40', [f.date]: '10.04.2026' };
    const c = await o.call('contacts.create', { lastName: 'Орлова', emails, socials, fieldValues });
    const out = await o.call('contacts.personalData', { id: c.id });
    const data = JSON.parse(out.json) as { contact: Record<string, unknown> };
    expect(data.contact.emails).toEqual(emails.map((e) => ({ ...e, failing: false })));
    expect(data.contact.socials).toEqual([
      { network: 'ok', handle: 'orlova.n', url: 'https://ok.ru/orlova.n' },
      { network: 'telegram', handle: 'orlova_n', url: 'https://t.me/orlova_n' },
    ]);
    expect(data.contact.fieldValues).toEqual([
      { fieldId: f.list, name: 'Участок', type: 'list', value: '№ 2' },
      { fieldId: f.num, name: 'Подписей', type: 'number', value: 40 },
      { fieldId: f.date, name: 'Встреча', type: 'date', value: '2026-04-10' },
    ]);

    // Erased on request: nothing of the addresses, links or values stays in their rows or the change log.
    // (The same read before the erasure finds her.)
    const left = (): string =>
      o.handle.sqlite
        .prepare(
          `SELECT x.data FROM change_log x WHERE x.table_name IN ('contact_emails', 'contact_socials', 'contact_field_values')
         UNION ALL SELECT email FROM contact_emails UNION ALL SELECT handle FROM contact_socials
         UNION ALL SELECT coalesce(value_text, value_num, value_date) FROM contact_field_values`,
        )
        .pluck()
        .all()
        .join('\n');
    expect(left()).toContain('orlova@example.ru');
    await o.call('contacts.erase', { id: c.id });
    for (const secret of ['orlova', 'Orlova', '№ 2', '2026-04-10', '"value_num":40', '\n40'])
      expect(left()).not.toContain(secret);
  });
});
