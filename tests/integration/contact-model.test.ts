import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connect';
import { MIGRATIONS } from '../../db/migrations/index';
import { m0031 } from '../../db/migrations/0031-contact-model';
import { tempFiles } from './migration-helpers';
import { testOffice, type TestOffice } from './office-fixture';

const tempFile = tempFiles('priemnaya-contact-model-');

/** Every synced row of the contact model, to show a refused write changed nothing. */
const rows = (o: TestOffice): unknown[] =>
  ['contacts', 'contact_emails', 'contact_socials', 'contact_field_values', 'change_log'].map((t) =>
    o.handle.sqlite.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all(),
  );

async function fields(o: TestOffice) {
  await o.call('contactFields.save', { name: 'Участок', type: 'list', options: ['№ 1', '№ 2', '№ 3'] });
  await o.call('contactFields.save', { name: 'Подписей собрано', type: 'number' });
  const defs = await o.call('contactFields.save', { name: 'Дата встречи', type: 'date' });
  const id = (name: string): string => defs.find((d) => d.name === name)!.id;
  return { list: id('Участок'), number: id('Подписей собрано'), date: id('Дата встречи') };
}

describe('several e-mails and social links', () => {
  it('keeps e-mails in order with their kind, links normalised, and the first e-mail as the contact’s', async () => {
    const o = await testOffice();
    const c = await o.call('contacts.create', {
      lastName: 'Ёлкина',
      emails: [
        { email: 'elkina@example.ru', kind: 'personal' },
        { email: 'm.elkina@school5.ru', kind: 'work' },
      ],
      socials: [
        { network: 'telegram', handle: 'https://t.me/Elkina_M' },
        { network: 'vk', handle: 'vk.com/id12345' },
        { network: 'ok', handle: 'https://ok.ru/profile/570000123456' },
      ],
    });
    expect(c.email).toBe('elkina@example.ru');
    expect(c.emails).toEqual([
      { email: 'elkina@example.ru', kind: 'personal', failing: false },
      { email: 'm.elkina@school5.ru', kind: 'work', failing: false },
    ]);
    expect(c.socials).toEqual([
      { network: 'telegram', handle: 'elkina_m', url: 'https://t.me/elkina_m' },
      { network: 'vk', handle: 'id12345', url: 'https://vk.com/id12345' },
      { network: 'ok', handle: '570000123456', url: 'https://ok.ru/profile/570000123456' },
    ]);

    // The registration form finds her by her second address.
    const found = await o.call('contacts.lookup', { email: 'M.Elkina@school5.ru', limit: 5 });
    expect(found.map((f) => [f.id, f.matchedBy])).toEqual([[c.id, 'email']]);

    // The work address first now: the contact's e-mail follows; the dropped link goes.
    const after = await o.call('contacts.update', {
      id: c.id,
      fields: {
        emails: [{ email: 'm.elkina@school5.ru', kind: 'work' }],
        socials: [{ network: 'telegram', handle: '@elkina_m' }],
      },
    });
    expect(after.email).toBe('m.elkina@school5.ru');
    expect(after.emails.map((e) => e.email)).toEqual(['m.elkina@school5.ru']);
    expect(after.socials.map((s) => s.handle)).toEqual(['elkina_m']);
    const live = o.handle.sqlite
      .prepare('SELECT count(*) AS n FROM contact_emails WHERE contact_id = ? AND deleted_at IS NULL')
      .get(c.id) as { n: number };
    expect(live.n).toBe(1);
    // The one-field form of the card (and registration) still sets the first address.
    const one = await o.call('contacts.update', { id: c.id, fields: { email: 'new@example.ru' } });
    expect(one.emails.map((e) => e.email)).toEqual(['new@example.ru', 'm.elkina@school5.ru']);
  });

  it('refuses a malformed Telegram name or e-mail naming the field, and changes nothing', async () => {
    const o = await testOffice();
    const c = await o.call('contacts.create', { lastName: 'Смирнов', email: 'smirnov@example.ru' });
    const before = rows(o);
    const tg = await o.fail('contacts.update', {
      id: c.id,
      fields: {
        emails: [{ email: 'ok@example.ru' }],
        socials: [
          { network: 'vk', handle: 'durov' },
          { network: 'telegram', handle: '@ab' },
        ],
      },
    });
    expect(tg).toMatchObject({ code: 'validation', field: 'fields.socials.1.handle' });
    expect(tg.message).toMatch(/Telegram/);
    const mail = await o.fail('contacts.update', { id: c.id, fields: { emails: [{ email: 'не почта' }] } });
    expect(mail).toMatchObject({ code: 'validation', field: 'fields.emails.0.email' });
    expect(rows(o)).toEqual(before);
  });

  it('moves the existing e-mail into the list, the same row on every computer of the office', () => {
    const file = tempFile();
    const old = openDatabase(file, { migrations: MIGRATIONS.slice(0, MIGRATIONS.indexOf(m0031)) });
    const sync = "'o1', '2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z', 'h1'";
    old.exec(`
      INSERT INTO contacts (id, full_name, email, email_key, office_id, created_at, updated_at, hlc, deleted_at)
        VALUES ('c1', 'Иванов', 'Ivanov@Example.ru', 'ivanov@example.ru', ${sync}, NULL),
               ('c2', 'Петров', NULL, NULL, ${sync}, NULL),
               ('c3', 'Сидоров', '  ', NULL, ${sync}, NULL);`);
    old.close();
    const db = openDatabase(file);
    expect(
      db.prepare('SELECT id, contact_id, email, email_key, kind, position FROM contact_emails').all(),
    ).toEqual([
      {
        id: 'c1',
        contact_id: 'c1',
        email: 'Ivanov@Example.ru',
        email_key: 'ivanov@example.ru',
        kind: 'personal',
        position: 0,
      },
    ]);
    db.close();
  });
});

describe('custom fields', () => {
  it('are defined by the office, kept typed on the card, and a bad value is refused naming the field', async () => {
    const o = await testOffice();
    const f = await fields(o);
    const c = await o.call('contacts.create', {
      lastName: 'Орлова',
      fieldValues: { [f.list]: '№ 2', [f.number]: '1 250', [f.date]: '15.03.2026' },
    });
    expect(c.fieldValues).toEqual([
      { fieldId: f.list, name: 'Участок', type: 'list', value: '№ 2' },
      { fieldId: f.number, name: 'Подписей собрано', type: 'number', value: 1250 },
      { fieldId: f.date, name: 'Дата встречи', type: 'date', value: '2026-03-15' },
    ]);
    const before = rows(o);
    for (const [id, value, message] of [
      [f.number, 'много', /not a number/],
      [f.date, '31.02.2026', /not a date/],
      [f.list, '№ 9', /not one of the list/],
    ] as const) {
      const e = await o.fail('contacts.update', {
        id: c.id,
        fields: { lastName: 'Орлова-Петрова', fieldValues: { [id]: value } },
      });
      expect(e).toMatchObject({ code: 'validation', field: `fieldValues.${id}` });
      expect(e.message).toMatch(message);
    }
    const unknown = await o.fail('contacts.update', {
      id: c.id,
      fields: { fieldValues: { '0190f000-0000-7000-8000-000000000000': 'x' } },
    });
    expect(unknown).toMatchObject({
      code: 'validation',
      field: 'fieldValues.0190f000-0000-7000-8000-000000000000',
    });
    expect(rows(o)).toEqual(before);

    const cleared = await o.call('contacts.update', {
      id: c.id,
      fields: { fieldValues: { [f.number]: null } },
    });
    expect(cleared.fieldValues.map((v) => v.name)).toEqual(['Участок', 'Дата встречи']);
  });

  it('a required field must be given to a new contact; a list needs its values; names are unique', async () => {
    const o = await testOffice();
    const defs = await o.call('contactFields.save', {
      name: 'Избирательный участок',
      type: 'text',
      required: true,
    });
    const id = defs[0]!.id;
    const e = await o.fail('contacts.create', { lastName: 'Смирнов' });
    expect(e).toMatchObject({ code: 'validation', field: `fieldValues.${id}` });
    expect(await o.fail('contactFields.save', { name: 'Список', type: 'list' })).toMatchObject({
      code: 'validation',
      field: 'options',
    });
    expect(
      await o.fail('contactFields.save', { name: 'избирательный участок', type: 'number' }),
    ).toMatchObject({ code: 'conflict', field: 'name' });
    const moved = await o.call('contactFields.save', { name: 'Первое', type: 'text', position: 0 });
    expect(moved.map((d) => [d.name, d.position])).toEqual([
      ['Первое', 0],
      ['Избирательный участок', 1],
    ]);
    const left = await o.call('contactFields.delete', { id });
    expect(left.map((d) => d.name)).toEqual(['Первое']);
  });
});

describe('household', () => {
  it('shows the other people of the base at the same address, written any way', async () => {
    const o = await testOffice();
    const a = await o.call('contacts.create', {
      lastName: 'Кузнецов',
      address: 'г. Тверь, ул. Советская, д. 5, кв. 12',
    });
    const b = await o.call('contacts.create', {
      lastName: 'Кузнецова',
      address: 'г.Тверь, ул.Советская, д.5, кв.12',
    });
    await o.call('contacts.create', {
      lastName: 'Соседов',
      address: 'г. Тверь, ул. Советская, д. 5, кв. 13',
    });
    const card = await o.call('contacts.get', { id: a.id });
    expect(card.household).toEqual([{ id: b.id, fullName: 'Кузнецова' }]);
    expect((await o.call('contacts.get', { id: b.id })).household.map((h) => h.id)).toEqual([a.id]);
  });
});
