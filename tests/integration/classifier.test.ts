import { describe, expect, it } from 'vitest';
import shipped from '../../resources/classifier/classifier-2025.json' with { type: 'json' };
import { testOffice } from './office-fixture';

const file = shipped as { code: string; name: string; parent: string | null; level: number }[];

function countsByLevel(levels: number[]): Record<number, number> {
  const out: Record<number, number> = {};
  for (const l of levels) out[l] = (out[l] ?? 0) + 1;
  return out;
}

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
    expect(entries[1]).toEqual({ code: '0009.0009.0009.9999', name: null, level: null, path: [] });
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
});
