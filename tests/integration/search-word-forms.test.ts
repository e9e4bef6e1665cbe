import { beforeAll, describe, expect, it } from 'vitest';
import { APPEALS, registerFixture, type Theme } from './search-fixture';
import { testOffice, type TestOffice } from './office-fixture';

let o: TestOffice;
let ids: string[];

beforeAll(async () => {
  o = await testOffice('2026-02-13T07:30:00Z', 'file');
  ids = await registerFixture(o);
});

async function found(q: string): Promise<string[]> {
  const { rows } = await o.call('appeals.list', { filter: { q }, limit: 100 });
  const { count } = await o.call('appeals.count', { filter: { q } });
  expect(count).toBe(rows.length);
  return rows.map((r) => r.id).sort();
}

const about = (theme: Theme) => ids.filter((_, i) => APPEALS[i]!.theme === theme).sort();
/** The fixture's appeals whose applicant or text names someone of this surname's stem, in any case. */
const naming = (stem: string) =>
  ids
    .filter((_, i) => {
      const a = APPEALS[i]!;
      return [a.applicant.lastName, a.text].some((s) =>
        s
          .toLowerCase()
          .replace(/ё/g, 'е')
          .split(/[^а-я]+/)
          .some((w) => w.startsWith(stem)),
      );
    })
    .sort();

describe('registry search by word forms', () => {
  it('finds every case of a word whatever case or letter case it is typed in', async () => {
    expect(about('roof')).toHaveLength(3);
    for (const q of ['КРЫША', 'крыши', 'Крышу', 'крышей', 'крыш'])
      expect(await found(q), q).toEqual(about('roof'));
    for (const q of ['мусора', 'МУСОР', 'мусором']) expect(await found(q), q).toEqual(about('rubbish'));
    for (const q of ['отопления', 'Отоплением', 'отоп']) expect(await found(q), q).toEqual(about('heating'));
    for (const q of ['дорогу', 'дорог', 'ДОРОГИ']) expect(await found(q), q).toEqual(about('road'));
  });

  it('finds a word that stands in another form than typed, and reads ё as е', async () => {
    // «кровли» and «Кровля» are in the first two roof appeals, no other.
    expect(await found('кровля')).toEqual([ids[0], ids[1]].sort());
    expect(await found('КРОВЛЕЙ')).toEqual(await found('кровля'));
    expect(await found('счёта')).toEqual(await found('счета'));
    expect(await found('счета')).toHaveLength(1);
    expect(await found('поселка')).toEqual(await found('посёлке'));
    expect(await found('поселка')).toHaveLength(1);
  });

  it('finds an applicant by any case of the surname, men’s and women’s forms alike', async () => {
    for (const q of ['Кузнецовой', 'кузнецову', 'КУЗНЕЦОВА', 'кузнецовым'])
      expect(await found(q), q).toEqual(naming('кузнецов'));
    expect(naming('кузнецов')).toHaveLength(3);
    for (const q of ['иванову', 'Ивановой', 'ивановым']) expect(await found(q), q).toEqual(naming('иванов'));
    expect(naming('иванов')).toHaveLength(2);
    expect(await found('Семенову')).toEqual(naming('семенов'));
    expect(await found('Соловьёва')).toEqual(naming('соловьев'));
    expect(await found('Достоевской')).toEqual(naming('достоевск'));
    expect(await found('сидорова')).toEqual(naming('сидоров'));
  });

  it('needs every word of the query', async () => {
    expect(await found('крыши Кузнецовой')).toEqual([ids[0]]);
    expect(await found('ямы дороге Кузнецов')).toEqual([ids[7]]);
    expect(await found('крыша мусор')).toEqual([]);
  });

  it('refuses a query with no word in it, naming the field', async () => {
    expect(await o.fail('appeals.list', { filter: { q: '—«»' } })).toMatchObject({
      code: 'validation',
      field: 'filter.q',
    });
  });
});

describe('contacts search by word forms', () => {
  async function names(q: string): Promise<string[]> {
    const { rows } = await o.call('contacts.list', { filter: { q }, limit: 100 });
    const { count } = await o.call('contacts.count', { filter: { q } });
    expect(count).toBe(rows.length);
    return rows.map((r) => r.fullName).sort();
  }

  it('finds a contact by any case of the surname', async () => {
    const kuznetsovs = ['Кузнецов Алексей', 'Кузнецова Мария Петровна'];
    for (const q of ['Кузнецовой', 'кузнецову', 'Кузнецов', 'КУЗНЕЦОВЫМ'])
      expect(await names(q), q).toEqual(kuznetsovs);
    for (const q of ['Иванов', 'иванову', 'Ивановой'])
      expect(await names(q), q).toEqual(['Иванов Сергей Николаевич', 'Иванова Анна Сергеевна']);
    expect(await names('Семенову')).toEqual(['Семёнова Ольга']);
    expect(await names('Соловьёва')).toEqual(['Соловьёв Игорь']);
    expect(await names('достоевскую')).toEqual(['Достоевская Елена']);
    expect(await names('елкину')).toEqual(['Ёлкин Пётр']);
  });

  it('narrows by the first name in any case', async () => {
    expect(await names('Кузнецову Марию')).toEqual(['Кузнецова Мария Петровна']);
    expect(await names('иванова анна')).toEqual(['Иванова Анна Сергеевна']);
    expect(await names('Иванов Петр')).toEqual([]);
  });
});

describe('a corrected applicant', () => {
  it('is found in the registry by the new surname and phone, no longer by the old ones', async () => {
    const office = await testOffice();
    const a = await office.call('appeals.register', {
      channel: 'post',
      kind: 'complaint',
      summary: 'Протекает крыша',
      applicant: { lastName: 'Кузнецва', firstName: 'Мария', phone: '8 903 111-22-33', forceNew: true },
    });
    const card = await office.call('appeals.get', { id: a.id });
    const search = async (q: string) =>
      (await office.call('appeals.list', { filter: { q } })).rows.map((r) => r.id);
    expect(await search('Кузнецвой')).toEqual([a.id]);
    await office.call('contacts.update', {
      id: card.applicant.id,
      fields: { lastName: 'Кузнецова', phones: ['8 903 999-00-11'] },
    });
    expect(await search('Кузнецовой')).toEqual([a.id]);
    expect(await search('89039990011')).toEqual([a.id]);
    expect(await search('Кузнецва')).toEqual([]);
    expect(await search('89031112233')).toEqual([]);
    // A change of what search does not read leaves the index alone and the appeal found as before.
    await office.call('contacts.update', { id: card.applicant.id, fields: { comment: 'старшая по дому' } });
    expect(await search('кузнецову')).toEqual([a.id]);
  });
});
