import { describe, expect, it } from 'vitest';
import type { FieldCondition } from '../../shared/api/contacts';
import { testOffice, type TestOffice } from './office-fixture';

/** Three fields and a base of people with some of them filled. */
async function base(o: TestOffice) {
  await o.call('contactFields.save', { name: 'Участок', type: 'list', options: ['№ 1', '№ 2', '№ 3'] });
  await o.call('contactFields.save', { name: 'Подписей', type: 'number' });
  await o.call('contactFields.save', { name: 'Встреча', type: 'date' });
  const defs = await o.call('contactFields.save', { name: 'Место работы', type: 'text' });
  const id = (name: string): string => defs.find((d) => d.name === name)!.id;
  const f = { list: id('Участок'), num: id('Подписей'), date: id('Встреча'), text: id('Место работы') };
  const people: [string, Record<string, string | number>][] = [
    ['Антонов', { [f.list]: '№ 1', [f.num]: 12, [f.date]: '2026-03-01', [f.text]: 'Школа № 5' }],
    ['Борисова', { [f.list]: '№ 1', [f.num]: 3, [f.text]: 'старая школа' }],
    ['Власов', { [f.list]: '№ 2', [f.num]: 40, [f.date]: '2026-04-10' }],
    ['Глебова', { [f.list]: '№ 3', [f.date]: '2026-03-20', [f.text]: 'Больница' }],
    ['Дёмин', {}],
  ];
  const ids: Record<string, string> = {};
  for (const [lastName, fieldValues] of people)
    ids[lastName] = (await o.call('contacts.create', { lastName, fieldValues })).id;
  return { f, ids };
}

/** The surnames a filter lists and how many it counts. */
async function selected(o: TestOffice, fields: FieldCondition[]) {
  const page = await o.call('contacts.list', { filter: { fields } });
  const { count } = await o.call('contacts.count', { filter: { fields } });
  expect(page.total).toBe(count);
  return page.rows.map((r) => r.fullName);
}

/** The same selection written by hand over the value table. */
function bySql(o: TestOffice, where: string, ...params: unknown[]): string[] {
  return (
    o.handle.sqlite
      .prepare(
        `SELECT c.full_name AS n FROM contacts c WHERE c.deleted_at IS NULL AND c.placeholder = 0 AND ${where}
         ORDER BY c.name_key`,
      )
      .all(...params) as { n: string }[]
  ).map((r) => r.n);
}

const has = (cond: string): string =>
  `EXISTS (SELECT 1 FROM contact_field_values v WHERE v.contact_id = c.id AND v.deleted_at IS NULL AND ${cond})`;

describe('filtering contacts by the office’s own fields', () => {
  it('equals, contains, a range and a list of values select what SQL over the values selects', async () => {
    const o = await testOffice();
    const { f } = await base(o);
    expect(await selected(o, [{ fieldId: f.list, op: 'equals', value: '№ 1' }])).toEqual(
      bySql(o, has('v.field_id = ? AND v.value_text = ?'), f.list, '№ 1'),
    );
    expect(await selected(o, [{ fieldId: f.list, op: 'in', values: ['№ 2', '№ 3'] }])).toEqual(
      bySql(o, has(`v.field_id = ? AND v.value_text IN ('№ 2', '№ 3')`), f.list),
    );
    // «школа» finds «Школа № 5» and «старая школа».
    expect(await selected(o, [{ fieldId: f.text, op: 'contains', value: 'школа' }])).toEqual([
      'Антонов',
      'Борисова',
    ]);
    expect(await selected(o, [{ fieldId: f.num, op: 'range', from: '10', to: 50 }])).toEqual(
      bySql(o, has('v.field_id = ? AND v.value_num BETWEEN 10 AND 50'), f.num),
    );
    expect(
      await selected(o, [{ fieldId: f.date, op: 'range', from: '01.03.2026', to: '2026-03-31' }]),
    ).toEqual(bySql(o, has(`v.field_id = ? AND v.value_date BETWEEN '2026-03-01' AND '2026-03-31'`), f.date));
    // Two conditions: both must hold.
    const two: FieldCondition[] = [
      { fieldId: f.list, op: 'equals', value: '№ 1' },
      { fieldId: f.num, op: 'range', from: 10 },
    ];
    const expected = bySql(
      o,
      `${has('v.field_id = ? AND v.value_text = ?')} AND ${has('v.field_id = ? AND v.value_num >= 10')}`,
      f.list,
      '№ 1',
      f.num,
    );
    expect(expected).toEqual(['Антонов']);
    expect(await selected(o, two)).toEqual(expected);
    // Beside the base's own conditions.
    expect((await o.call('contacts.count', { filter: { q: 'Борис', fields: [two[0]!] } })).count).toBe(1);

    // A saved segment counts the same; one on a field removed since selects nobody.
    const seg = await o.call('segments.save', { name: 'Участок 1, активные', filter: { fields: two } });
    const segs = await o.call('segments.list', {});
    expect(segs.find((s) => s.id === seg.id)!.count).toBe(1);
    await o.call('contactFields.delete', { id: f.num });
    expect((await o.call('segments.list', {})).find((s) => s.id === seg.id)!.count).toBe(0);
  });

  it('never counts a contact outside the base, whatever values it still has: deleted, erased, a placeholder', async () => {
    const o = await testOffice();
    const { f, ids } = await base(o);
    const two: FieldCondition[] = [
      { fieldId: f.list, op: 'in', values: ['№ 1', '№ 2'] },
      { fieldId: f.num, op: 'range', from: 1 },
    ];
    const one: FieldCondition[] = [{ fieldId: f.list, op: 'in', values: ['№ 1', '№ 2', '№ 3'] }];
    expect(await selected(o, two)).toEqual(['Антонов', 'Борисова', 'Власов']);
    // A contact deleted on another computer whose value rows are still live here, and one that became a
    // placeholder: their values stay, they are no longer of the base.
    o.handle.sqlite.prepare('UPDATE contacts SET deleted_at = updated_at WHERE id = ?').run(ids['Антонов']);
    o.handle.sqlite.prepare('UPDATE contacts SET placeholder = 1 WHERE id = ?').run(ids['Глебова']);
    await o.call('contacts.erase', { id: ids['Власов']! });
    const live = has('v.field_id = ? AND v.value_text IS NOT NULL');
    expect(await selected(o, two)).toEqual(['Борисова']);
    expect(await selected(o, one)).toEqual(bySql(o, `c.erased_at IS NULL AND ${live}`, f.list));
    // With a condition on the contact's own row as well: the same contacts.
    const withQ = await o.call('contacts.count', { filter: { q: 'Борисова', fields: two } });
    expect(withQ.count).toBe(1);
    expect((await o.call('contacts.count', { filter: { q: 'Антонов', fields: two } })).count).toBe(0);
  });

  it('lists the values of the fields asked for as columns; a field that is not the office’s is refused naming it', async () => {
    const o = await testOffice();
    const { f } = await base(o);
    const page = await o.call('contacts.list', { filter: {}, fieldIds: [f.num, f.date] });
    const expected = o.handle.sqlite
      .prepare(
        `SELECT c.full_name AS name, n.value_num AS num, d.value_date AS date FROM contacts c
         LEFT JOIN contact_field_values n ON n.contact_id = c.id AND n.field_id = ? AND n.deleted_at IS NULL
         LEFT JOIN contact_field_values d ON d.contact_id = c.id AND d.field_id = ? AND d.deleted_at IS NULL
         WHERE c.deleted_at IS NULL ORDER BY c.name_key`,
      )
      .all(f.num, f.date) as { name: string; num: number | null; date: string | null }[];
    expect(
      page.rows.map((r) => ({
        name: r.fullName,
        num: r.fieldValues?.[f.num] ?? null,
        date: r.fieldValues?.[f.date] ?? null,
      })),
    ).toEqual(expected);
    // Not asked: no values carried.
    expect(
      (await o.call('contacts.list', { filter: {} })).rows.every((r) => r.fieldValues === undefined),
    ).toBe(true);
    const e = await o.fail('contacts.list', {
      filter: {},
      fieldIds: [f.num, '0190a0a0-0000-7000-8000-000000000000'],
    });
    expect(e).toMatchObject({ code: 'validation', field: 'fieldIds.1' });
  });

  it('refuses a condition that does not fit its field, naming it, and saves no such segment', async () => {
    const o = await testOffice();
    const { f } = await base(o);
    const cases: [FieldCondition, string, RegExp][] = [
      [{ fieldId: f.num, op: 'equals', value: 'много' }, 'filter.fields.0.value', /not a value/],
      [{ fieldId: f.date, op: 'range', from: '31.02.2026' }, 'filter.fields.0.from', /not a value/],
      [{ fieldId: f.list, op: 'in', values: ['№ 1', '№ 9'] }, 'filter.fields.0.values.1', /not a value/],
      [{ fieldId: f.num, op: 'contains', value: '1' }, 'filter.fields.0.op', /text or list/],
      [{ fieldId: f.text, op: 'range', from: 'а' }, 'filter.fields.0.op', /number or a date/],
      [
        { fieldId: '0190f000-0000-7000-8000-000000000000', op: 'equals', value: 'x' },
        'filter.fields.0.fieldId',
        /no such field/,
      ],
    ];
    const segments = (): unknown =>
      o.handle.sqlite.prepare('SELECT count(*) AS n FROM contact_segments').get();
    const before = segments();
    for (const [cond, field, message] of cases) {
      const e = await o.fail('contacts.count', { filter: { fields: [cond] } });
      expect(e, field).toMatchObject({ code: 'validation', field });
      expect(e.message).toMatch(message);
      expect(await o.fail('segments.save', { name: 'x', filter: { fields: [cond] } })).toMatchObject({
        field,
      });
    }
    expect(segments()).toEqual(before);
  });
});
