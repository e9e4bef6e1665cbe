import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { testOffice, type TestOffice } from './office-fixture';
import { seed, audits } from './contacts-fixture';

function libreOfficeText(o: TestOffice, csv: string): string {
  const out = o.tmp.file('lo');
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file://${o.tmp.file('lo-profile')}`,
      '--headless',
      '--infilter=Text (encoded):MS_1251,CRLF,,',
      '--convert-to',
      'txt:Text (encoded):UTF8,LF,,',
      '--outdir',
      out,
      csv,
    ],
    { stdio: 'pipe', timeout: 120_000 },
  );
  return fs.readFileSync(`${out}/${path.basename(csv, '.csv')}.txt`, 'utf8');
}

describe('export', () => {
  it('writes one cp1251 CSV that LibreOffice opens with the right Cyrillic, formulas neutralised', async () => {
    const o = await testOffice();
    await seed(o);
    const e = await o.call('contacts.export', { purpose: 'records' });
    expect(e.count).toBe(4);
    const bytes = Buffer.from(e.dataBase64!, 'base64');
    const text = iconv.decode(bytes, 'cp1251');
    expect(text.split('\r\n')[0]).toBe(
      'Фамилия;Имя;Отчество;Телефон;Эл. почта;Адрес;Регион;Район;Населённый пункт;Улица;Дом;Квартира;Дата рождения;Социальная категория;Статусы;Метки;Источник;Комментарий',
    );
    expect(text).toContain('Ёлкина;Майя;Йовановна;8 (999) 123-45-67, 8 (916) 000-11-22;');
    expect(text).toContain('Старший по дому');
    expect(text).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(text).toContain(`"'-Минусов";"'@Собака"`);
    const file = o.tmp.file('export.csv');
    fs.writeFileSync(file, bytes);
    const lo = libreOfficeText(o, file);
    expect(lo).toContain('\nЁлкина;Майя;Йовановна;8 (999) 123-45-67');
    expect(lo).toContain('Населённый пункт');
    expect(lo).toContain('Трёхсвятская');
  }, 180_000);

  it('export then re-import of the same base creates nothing new, in CSV and XLSX', async () => {
    const o = await testOffice();
    await seed(o);
    for (const [format, encoding] of [
      ['csv', 'cp1251'],
      ['csv', 'utf-8'],
      ['xlsx', 'utf-8'],
    ] as const) {
      const e = await o.call('contacts.export', { purpose: 'records', format, encoding });
      const { uploadId } = await o.call('contacts.upload', { name: e.name, dataBase64: e.dataBase64! });
      const s = await o.call('contacts.import', { source: { uploadId } });
      expect(s, `${format} ${encoding}`).toMatchObject({
        rows: 4,
        created: 0,
        merged: 0,
        unchanged: 4,
        skipped: 0,
      });
    }
    const xlsx = await o.call('contacts.export', { purpose: 'records', format: 'xlsx' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(xlsx.dataBase64!, 'base64') as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.rowCount).toBe(5);
    // Rows come in the order of the contacts' ids; the surname that looks like a formula is neutralised.
    const surnames = [2, 3, 4, 5].map((r) => sheet.getRow(r).getCell(1).value);
    expect(surnames).toContain("'-Минусов");
    expect(surnames).not.toContain('-Минусов');
    // Empty cells are left out, and the cells after them keep their columns.
    const orlova = sheet.getRow(2 + surnames.indexOf('Орлова'));
    expect([4, 5, 8].map((c) => orlova.getCell(c).value)).toEqual([null, 'orlova@example.ru', 'Заволжский']);
  });

  it('refuses an outreach export with people who have not consented; the office’s own records are allowed and logged', async () => {
    const o = await testOffice();
    const [elkina] = await seed(o);
    const refused = await o.fail('contacts.export', { purpose: 'outreach' });
    expect(refused).toMatchObject({
      code: 'invalid_state',
      field: 'purpose',
      details: { withoutConsent: 4 },
    });
    await o.call('contacts.giveConsent', { id: elkina!, purpose: 'mailing', wordingVersion: '1' });
    const ok = await o.call('contacts.export', {
      purpose: 'outreach',
      filter: { consent: { purpose: 'mailing', given: true } },
    });
    expect(ok.count).toBe(1);
    const card = await o.call('contacts.get', { id: elkina! });
    await o.call('contacts.withdrawConsent', { consentId: card.consents[0]!.id });
    const again = await o.fail('contacts.export', {
      purpose: 'outreach',
      filter: { statuses: ['house_head'] },
    });
    expect(again.details).toEqual({ withoutConsent: 1 });
    expect((await o.call('contacts.export', { purpose: 'records' })).count).toBe(4);
    const toPath = o.tmp.file('out.csv');
    const viaHttp = await o.handle.api.call(
      'http',
      'contacts.export',
      { purpose: 'records', toPath },
      { token: o.token },
    );
    expect(viaHttp).toMatchObject({ ok: false, error: { code: 'forbidden', field: 'toPath' } });
    expect(audits(o, 'contacts.export').map((a) => JSON.parse(a.details!).purpose)).toEqual([
      'outreach',
      'records',
    ]);
  });
});

describe('personal data (152-FZ)', () => {
  it('exports everything about a person, and erases him keeping his appeals', async () => {
    const o = await testOffice();
    const [elkina] = await seed(o);
    const appeal = await o.call('appeals.register', {
      registeredOn: '2026-02-13',
      channel: 'post',
      kind: 'complaint',
      summary: 'Протекает крыша',
      applicant: { contactId: elkina! },
    });
    await o.call('contacts.giveConsent', { id: elkina!, purpose: 'mailing', wordingVersion: '1' });
    const data = JSON.parse((await o.call('contacts.personalData', { id: elkina! })).json);
    expect(data.contact.phones).toHaveLength(2);
    expect(data.appeals.map((a: { reg_number: string }) => a.reg_number)).toEqual([appeal.regNumber]);
    expect(audits(o, 'contacts.personalData').map((a) => a.entity_id)).toEqual([elkina]);

    await o.call('contacts.erase', { id: elkina! });
    const card = await o.call('contacts.get', { id: elkina! });
    expect(card).toMatchObject({
      erased: true,
      fullName: 'Данные удалены по запросу',
      phones: [],
      email: null,
      tags: [],
    });
    expect(card.consents[0]!.withdrawnAt).not.toBeNull();
    expect((await o.call('appeals.get', { id: appeal.id })).applicant.id).toBe(elkina);
    expect((await o.call('contacts.count', { filter: {} })).count).toBe(3);
    const leftovers = o.handle.sqlite
      .prepare(
        "SELECT count(*) AS n FROM change_log WHERE table_name LIKE 'contact%' AND data LIKE '%Ёлкина%'",
      )
      .get() as { n: number };
    expect(leftovers.n).toBe(0);
    expect((await o.fail('contacts.erase', { id: elkina! })).code).toBe('invalid_state');
  });

  it('only the office head or admin erases; an HQ analyst cannot read the base', async () => {
    const o = await testOffice();
    const [id] = await seed(o);
    const assistant = await o.addUser('helper1', 'assistant');
    const analyst = await o.addUser('analyst1', 'hq_analyst');
    expect((await o.fail('contacts.erase', { id: id! }, assistant.token)).code).toBe('forbidden');
    expect((await o.fail('contacts.list', {}, analyst.token)).code).toBe('forbidden');
  });
});
