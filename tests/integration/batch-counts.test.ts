import { describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { fillCounts } from '../../db/migrations/0010-statistics';
import { fillQuestionCounts } from '../../db/migrations/0025-question-counts';
import type { Input } from '../../shared/api/index';
import { appealInput, dumpTables } from './helpers';
import { testOffice } from './office-fixture';

/**
 * A batch of registrations counts its appeals for the statistics and its contacts for the segments
 * once, before it commits (migration «batch-counts»). What it leaves must be exactly what counting row
 * by row leaves: the kept counts are checked against the counts recomputed from the rows themselves.
 */
type Item = Input<'appeals.registerBatch'>['appeals'][number];

/** The kept counts that are not zero, as rows sorted: a zero row and a missing row mean the same. */
function keptCounts(db: Database.Database): unknown[] {
  return db
    .prepare('SELECT measure, day, office_id, key, n FROM appeal_counts WHERE n <> 0 ORDER BY 1, 2, 3, 4')
    .all();
}

function recomputedCounts(db: Database.Database): unknown[] {
  db.exec('SAVEPOINT recount; DELETE FROM appeal_counts');
  fillCounts(db);
  fillQuestionCounts(db);
  const rows = keptCounts(db);
  db.exec('ROLLBACK TO recount; RELEASE recount');
  return rows;
}

const keptFacets = (db: Database.Database): unknown[] =>
  db.prepare("SELECT sig, n FROM contact_facet_counts WHERE n <> 0 AND sig <> '' ORDER BY sig").all();
const recomputedFacets = (db: Database.Database): unknown[] =>
  db
    .prepare("SELECT sig, count(*) AS n FROM contact_facet_sig WHERE sig <> '' GROUP BY sig ORDER BY sig")
    .all();

const deferred = (db: Database.Database): unknown[] => [
  db.prepare('SELECT deferred FROM appeal_counts_state').pluck().get(),
  db.prepare('SELECT deferred FROM contact_facet_state').pluck().get(),
];

describe('a batch of registrations counts once', () => {
  it('leaves the statistics and segment counts exactly as counting row by row would', async () => {
    const o = await testOffice('2026-02-13T07:30:00Z');
    const db = o.handle.sqlite;
    // Contacts already in the base: with a district, without a phone (the batch adds one), with a tag.
    const inDistrict = await o.call('contacts.create', {
      lastName: 'Орлова',
      firstName: 'Анна',
      district: 'Заволжский',
      address: 'г. Тверь, ул. Горького, д. 5',
      tags: ['актив'],
    });
    const noPhone = await o.call('contacts.create', {
      lastName: 'Лебедев',
      firstName: 'Олег',
      district: 'Центральный',
    });
    await o.call('appeals.register', appealInput({ applicant: { contactId: inDistrict.id } }));
    const items: Item[] = [
      appealInput({ applicant: { contactId: inDistrict.id, socialCategory: 'пенсионер' }, isRepeat: true }),
      appealInput({
        applicant: { contactId: noPhone.id, phone: '8 (999) 123-45-67', middleName: 'Ильич' },
        topics: ['0005.0005.0056.1149', '0005.0005.0057.0001', '0002.0007.0000.0000'],
      }),
      appealInput({ registeredOn: '2026-01-30', isCollective: true, signatories: 12, topics: [] }),
      appealInput({ registeredOn: '2025-12-30', kind: 'migration_report', channel: 'email' }),
      appealInput({
        applicant: { forceNew: true, lastName: 'Новиков', firstName: 'Ян', phone: '+7 916 000-11-22' },
        topics: ['0001.0002.0027.0124', '0001.0002.0027.0124', '0003.0009.0000.0000'],
      }),
      appealInput({ applicant: { contactId: noPhone.id, phone: '89991234567' } }),
    ];
    const { registered } = await o.call('appeals.registerBatch', { appeals: items });
    expect(registered).toHaveLength(items.length);
    expect(deferred(db)).toEqual([0, 0]);
    const counts = keptCounts(db);
    expect(counts.length).toBeGreaterThan(40);
    expect(counts).toEqual(recomputedCounts(db));
    expect(keptFacets(db)).toEqual(recomputedFacets(db));
    // The same batch counted by the triggers, row by row, in another office, leaves the same counts.
    const p = await testOffice('2026-02-13T07:30:00Z');
    for (const item of items.slice(2, 5)) await p.call('appeals.register', item);
    const q = await testOffice('2026-02-13T07:30:00Z');
    await q.call('appeals.registerBatch', { appeals: items.slice(2, 5) });
    const withoutOffice = (rows: unknown[]) =>
      rows.map((r) => ({ ...(r as Record<string, unknown>), office_id: '' }));
    expect(withoutOffice(keptCounts(q.handle.sqlite))).toEqual(withoutOffice(keptCounts(p.handle.sqlite)));
  });

  it('gives the counting back to the triggers: a later single registration and an edit count as before', async () => {
    const o = await testOffice('2026-02-13T07:30:00Z');
    const db = o.handle.sqlite;
    await o.call('appeals.registerBatch', { appeals: [appealInput(), appealInput()] });
    const one = await o.call('appeals.register', appealInput({ topics: ['0002.0007.0071.0374'] }));
    await o.call('appeals.update', { id: one.id, version: one.version, patch: { channel: 'email' } });
    expect(keptCounts(db)).toEqual(recomputedCounts(db));
    expect(keptFacets(db)).toEqual(recomputedFacets(db));
  });

  it('writes the change log of a batch as a row at a time would, in the same order', async () => {
    const items = Array.from({ length: 70 }, (_, i) =>
      appealInput(i % 3 === 0 ? { topics: ['0005.0005.0056.1149', '0003.0009.0000.0000'] } : {}),
    );
    const logOf = async (batch: boolean) => {
      const o = await testOffice('2026-02-13T07:30:00Z');
      await o.call('appeals.register', appealInput());
      const db = o.handle.sqlite;
      const from = db.prepare('SELECT max(seq) FROM change_log').pluck().get() as number;
      if (batch) await o.call('appeals.registerBatch', { appeals: items });
      else for (const item of items) await o.call('appeals.register', item);
      const rows = db
        .prepare('SELECT table_name, op, hlc, data FROM change_log WHERE seq > ? ORDER BY seq')
        .all(from) as { table_name: string; op: string; hlc: string; data: string }[];
      const hlcs = rows.map((r) => r.hlc);
      expect(hlcs).toEqual([...hlcs].sort());
      // Every entry is its row as it is in the table.
      for (const r of rows.filter((x) => x.table_name === 'appeals')) {
        const row = JSON.parse(r.data) as { id: string };
        expect(db.prepare('SELECT * FROM appeals WHERE id = ?').get(row.id)).toEqual(row);
      }
      return rows.map((r) => `${r.table_name} ${r.op}`);
    };
    const held = await logOf(true);
    expect(held.length).toBeGreaterThan(64 + 8);
    expect(held).toEqual(await logOf(false));
  });

  it('a refused batch changes nothing, its deferral included', async () => {
    const o = await testOffice('2026-02-13T07:30:00Z');
    await o.call('appeals.register', appealInput());
    const before = dumpTables(o.handle.sqlite);
    await o.fail('appeals.registerBatch', {
      appeals: [appealInput(), appealInput({ receivedOn: '2026-02-20' })],
    });
    expect(dumpTables(o.handle.sqlite)).toBe(before);
    expect(deferred(o.handle.sqlite)).toEqual([0, 0]);
  });
});

describe('migration 15: batch counts', () => {
  it('lets only the two insert triggers stand aside, and starts with the triggers counting', async () => {
    const o = await testOffice();
    const db = o.handle.sqlite;
    const conditional = db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%appeal_counts_state%' ORDER BY name",
      )
      .pluck()
      .all();
    expect(conditional).toEqual(['appeal_counts_insert', 'appeal_counts_topic_insert']);
    expect(db.prepare('SELECT id, deferred FROM appeal_counts_state').all()).toEqual([
      { id: 1, deferred: 0 },
    ]);
  });
});
