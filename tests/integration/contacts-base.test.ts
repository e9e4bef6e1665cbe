import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Input } from '../../shared/api/index';
import { testOffice, type TestOffice } from './office-fixture';

type Fields = Input<'contacts.create'>;

const people: Fields[] = [
  {
    lastName: 'Ёлкина',
    firstName: 'Майя',
    middleName: 'Йовановна',
    phones: ['8 (999) 123-45-67', '+7 916 000 11 22'],
    email: 'elkina@example.ru',
    address: 'г. Тверь, ул. Советская, д. 5, кв. 12',
    district: 'Центральный',
    birthDate: '1961-04-12',
    statuses: ['house_head'],
    tags: ['двор', 'крыша'],
    source: 'Подписи 2025',
    comment: '=HYPERLINK("http://evil")',
  },
  {
    lastName: 'Смирнов',
    firstName: 'Олег',
    phones: ['89997654321'],
    address: 'г. Тверь, ул. Трёхсвятская, д. 1',
    district: 'Центральный',
    statuses: ['supporter'],
  },
  {
    lastName: 'Орлова',
    firstName: 'Анна',
    email: 'orlova@example.ru',
    district: 'Заволжский',
    tags: ['школа'],
  },
  { lastName: '-Минусов', firstName: '@Собака', phones: ['9031234567'], comment: '+1 к списку' },
];

async function seed(o: TestOffice): Promise<string[]> {
  const ids: string[] = [];
  for (const p of people) ids.push((await o.call('contacts.create', p)).id);
  return ids;
}

const audits = (o: TestOffice, action: string) =>
  o.handle.sqlite.prepare('SELECT entity_id, details FROM audit_log WHERE action = ?').all(action) as {
    entity_id: string | null;
    details: string | null;
  }[];

describe('the contact card', () => {
  it('keeps phones as written and in E.164, statuses, tags, consents and a timeline; reads are logged', async () => {
    const o = await testOffice();
    const [id] = await seed(o);
    await o.call('contacts.giveConsent', { id: id!, purpose: 'mailing', wordingVersion: '2025-01' });
    await o.call('contacts.addNote', { id: id!, text: 'Просила перезвонить после 18:00' });
    const card = await o.call('contacts.get', { id: id! });
    expect(card.phones).toEqual([
      { phone: '+79991234567', raw: '8 (999) 123-45-67' },
      { phone: '+79160001122', raw: '+7 916 000 11 22' },
    ]);
    expect(card).toMatchObject({
      statuses: ['house_head'],
      tags: ['двор', 'крыша'],
      birthDate: '1961-04-12',
    });
    expect(card.consents).toMatchObject([
      { purpose: 'mailing', wordingVersion: '2025-01', withdrawnAt: null },
    ]);
    expect(card.timeline.map((t) => t.kind).sort()).toEqual(['consent_given', 'created', 'note']);
    expect(audits(o, 'contacts.get').map((a) => a.entity_id)).toEqual([id]);

    const after = await o.call('contacts.update', {
      id: id!,
      fields: { phones: ['89991234567'], tags: ['двор'] },
    });
    expect(after.phones).toEqual([{ phone: '+79991234567', raw: '8 (999) 123-45-67' }]);
    expect(after.tags).toEqual(['двор']);
    const bad = await o.fail('contacts.update', { id: id!, fields: { phones: ['не телефон'] } });
    expect(bad).toMatchObject({ code: 'validation', field: 'phones.0' });
  });

  it('registration still finds the applicant among contacts of the base, by a phone written another way', async () => {
    const o = await testOffice();
    await seed(o);
    const found = await o.call('contacts.lookup', { phone: '+7 999 765-43-21', limit: 5 });
    expect(found.map((c) => [c.fullName, c.matchedBy])).toEqual([['Смирнов Олег', 'phone']]);
  });
});

describe('duplicates', () => {
  it('suggests pairs by phone, e-mail, and name with address (ё = е); merges field by field and undoes', async () => {
    const o = await testOffice();
    const [elkina] = await seed(o);
    const twin = await o.call('contacts.create', {
      lastName: 'Елкина',
      firstName: 'майя',
      middleName: 'Йовановна',
      phones: ['+79990001111'],
      address: 'г.Тверь, ул.Советская, д.5, кв.12',
      birthDate: '1961-04-12',
      tags: ['собрание'],
    });
    const byPhone = await o.call('contacts.create', { lastName: 'Смирнова', phones: ['8 999 765 43 21'] });
    const byEmail = await o.call('contacts.create', { lastName: 'Орлова', email: 'ORLOVA@example.ru' });
    const appeal = await o.call('appeals.register', {
      registeredOn: '2026-02-13',
      channel: 'post',
      kind: 'complaint',
      summary: 'Протекает крыша',
      applicant: { contactId: twin.id },
    });
    const pairs = await o.call('contacts.duplicates', {});
    const found = pairs.map((p) => [[p.a.id, p.b.id].sort().join(' '), p.matchedBy]).sort();
    const pair = (x: string, y: string): string => [x, y].sort().join(' ');
    const ids = (await o.call('contacts.list', { filter: {} })).rows;
    const idOf = (name: string) => ids.find((r) => r.fullName.startsWith(name))!.id;
    expect(found).toEqual(
      [
        [pair(idOf('Смирнов Олег'), byPhone.id), 'phone'],
        [pair(idOf('Орлова Анна'), byEmail.id), 'email'],
        [pair(elkina!, twin.id), 'name_address'],
      ].sort(),
    );

    const { mergeId, contact } = await o.call('contacts.merge', {
      keepId: elkina!,
      mergeId: twin.id,
      take: ['address'],
    });
    expect(contact.lastName).toBe('Ёлкина');
    expect(contact.address).toBe('г.Тверь, ул.Советская, д.5, кв.12');
    expect(contact.phones.map((p) => p.phone)).toEqual(['+79991234567', '+79160001122', '+79990001111']);
    expect(contact.tags).toEqual(['двор', 'крыша', 'собрание']);
    expect(contact.timeline.find((t) => t.kind === 'appeal')?.refId).toBe(appeal.id);
    expect((await o.fail('contacts.get', { id: twin.id })).code).toBe('not_found');

    await o.call('contacts.undoMerge', { mergeId });
    const back = await o.call('contacts.get', { id: elkina! });
    expect(back.address).toBe('г. Тверь, ул. Советская, д. 5, кв. 12');
    expect(back.phones.map((p) => p.phone)).toEqual(['+79991234567', '+79160001122']);
    expect(back.tags).toEqual(['двор', 'крыша']);
    const restored = await o.call('contacts.get', { id: twin.id });
    expect(restored.phones.map((p) => p.phone)).toEqual(['+79990001111']);
    expect(restored.timeline.find((t) => t.kind === 'appeal')?.refId).toBe(appeal.id);
    expect((await o.fail('contacts.undoMerge', { mergeId })).code).toBe('invalid_state');
  });

  it('moves event participations with a merge, one per event, and gives them back on undo', async () => {
    const o = await testOffice();
    const keep = await o.call('contacts.create', {
      lastName: 'Ёлкина',
      firstName: 'Майя',
      phones: ['+79990001111'],
    });
    const twin = await o.call('contacts.create', {
      lastName: 'Елкина',
      firstName: 'Майя',
      phones: ['+79990001111'],
    });
    const both = await o.call('events.create', {
      title: 'Встреча с жителями',
      kind: 'residents_meeting',
      date: '2026-03-05',
      participants: [{ contactId: keep.id }, { contactId: twin.id, attended: true }],
    });
    const twinOnly = await o.call('events.create', {
      title: 'День приёма',
      kind: 'reception_day',
      date: '2026-03-12',
      participants: [{ contactId: twin.id }],
    });
    const who = async (id: string) =>
      (await o.call('events.get', { id })).participants.map((p) => p.contactId).sort();
    const { mergeId } = await o.call('contacts.merge', { keepId: keep.id, mergeId: twin.id, take: [] });
    expect(await who(both.id)).toEqual([keep.id]);
    expect(await who(twinOnly.id)).toEqual([keep.id]);
    await o.call('contacts.undoMerge', { mergeId });
    expect(await who(both.id)).toEqual([keep.id, twin.id].sort());
    expect(await who(twinOnly.id)).toEqual([twin.id]);
  });

  it('merges exact phone matches automatically only when the office turns it on', async () => {
    const o = await testOffice();
    await seed(o);
    o.clock.advance(60_000);
    const dup = await o.call('contacts.create', {
      lastName: 'Смирнов',
      firstName: 'О.',
      phones: ['+79997654321'],
      email: 's@example.ru',
    });
    expect((await o.fail('contacts.autoMerge', {})).code).toBe('invalid_state');
    await o.call('contacts.updateSettings', { autoMergePhone: true });
    expect(await o.call('contacts.autoMerge', {})).toEqual({ merged: 1 });
    const [kept] = (await o.call('contacts.list', { filter: { q: 'смирнов' } })).rows;
    expect(kept!.fullName).toBe('Смирнов Олег');
    expect(kept!.email).toBe('s@example.ru');
    expect((await o.fail('contacts.get', { id: dup.id })).code).toBe('not_found');
  });
});

describe('segments', () => {
  it('counts live over statuses, tags, district, consent and activity', async () => {
    const o = await testOffice();
    const [elkina, smirnov] = await seed(o);
    await o.call('appeals.register', {
      registeredOn: '2026-02-13',
      channel: 'post',
      kind: 'complaint',
      summary: 'Протекает крыша',
      topics: ['0005.0005.0056.1149'],
      applicant: { contactId: smirnov! },
    });
    await o.call('contacts.giveConsent', { id: elkina!, purpose: 'mailing', wordingVersion: '1' });
    const n = async (filter: Input<'contacts.count'>['filter']) =>
      (await o.call('contacts.count', { filter })).count;
    expect(await n({})).toBe(4);
    expect(await n({ district: 'Центральный' })).toBe(2);
    expect(await n({ statuses: ['house_head', 'supporter'] })).toBe(2);
    expect(await n({ tags: ['школа'] })).toBe(1);
    expect(await n({ consent: { purpose: 'mailing', given: true } })).toBe(1);
    expect(await n({ consent: { purpose: 'mailing', given: false } })).toBe(3);
    expect(await n({ appealed: { since: '2025-02-13', topicPrefix: '0005' } })).toBe(1);
    expect(await n({ appealed: { topicPrefix: '0002' } })).toBe(0);
    expect(await n({ q: 'елкина' })).toBe(1);
    expect(await n({ q: '8 916 000-11-22' })).toBe(1);
    expect(await n({ hasPhone: false })).toBe(1);

    const seg = await o.call('segments.save', {
      name: 'Центр: актив',
      filter: { district: 'Центральный', statuses: ['supporter'] },
    });
    expect(await o.call('segments.list', {})).toMatchObject([{ id: seg.id, name: 'Центр: актив', count: 1 }]);
    await o.call('contacts.create', {
      lastName: 'Новый',
      phones: ['89990000009'],
      district: 'Центральный',
      statuses: ['supporter'],
    });
    expect((await o.call('segments.list', {}))[0]!.count).toBe(2);
  });
});

/**
 * The CSV as LibreOffice reads it in the Windows-1251 encoding Excel assumes on a Russian desktop, written back
 * as UTF-8. (This machine has LibreOffice's text import, not Calc; the decoding is the same.)
 */
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
    expect(sheet.getRow(2).getCell(1).value).toBe("'-Минусов");
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
