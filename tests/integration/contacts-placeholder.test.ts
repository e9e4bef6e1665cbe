import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connect';
import { MIGRATIONS } from '../../db/migrations/index';
import { m0023 } from '../../db/migrations/0023-placeholder-applicants';
import { seed } from './contacts-fixture';
import { queryPlan, tempFiles } from './migration-helpers';
import { appealInput } from './helpers';
import { enrolledOffice, joinedNode, startTestHq } from './sync-fixture';
import { openDesk } from './workflow-steps';
import type Database from 'better-sqlite3';

// An appeal registered without an applicant keeps a placeholder contact for the details to come; the
// contact base (its list, counts, facets, segments, exports) does not hold it until they arrive.

const IN_BASE = 'deleted_at IS NULL AND erased_at IS NULL AND placeholder = 0';
const baseCount = (db: Database.Database): number =>
  db.prepare(`SELECT count(*) FROM contacts WHERE ${IN_BASE}`).pluck().get() as number;
/** The facet counts kept by triggers, summed: every live contact of the base once. */
const facetTotal = (db: Database.Database): number =>
  db.prepare("SELECT coalesce(sum(n), 0) FROM contact_facet_counts WHERE sig <> ''").pluck().get() as number;
/** The same counts recomputed from the rows. */
const facetRecount = (db: Database.Database): unknown[] =>
  db
    .prepare("SELECT sig, count(*) AS n FROM contact_facet_sig WHERE sig <> '' GROUP BY sig ORDER BY sig")
    .all();
const keptFacets = (db: Database.Database): unknown[] =>
  db.prepare("SELECT sig, n FROM contact_facet_counts WHERE n <> 0 AND sig <> '' ORDER BY sig").all();

describe('an appeal registered without an applicant', () => {
  it('keeps its placeholder out of the contact base until the details arrive', async () => {
    const d = await openDesk('2026-02-13');
    const { o, assistant } = d;
    const db = o.handle.sqlite;
    await seed(o);
    const named = await d.register('2026-02-13');
    const anonymous = await d.register('2026-02-13', {
      isAnonymous: true,
      applicant: { socialCategory: 'Пенсионер' },
    });
    const unnamed = await d.register('2026-02-13', { applicant: {} });
    const applicantOf = (id: string): string =>
      db.prepare('SELECT applicant_id FROM appeals WHERE id = ?').pluck().get(id) as string;
    const placeholders = [applicantOf(anonymous.id), applicantOf(unnamed.id)];
    expect(db.prepare('SELECT id FROM contacts WHERE placeholder = 1 ORDER BY id').pluck().all()).toEqual(
      [...placeholders].sort(),
    );

    // The list, its total, the counts by facets and by SQL, segments: the base without them.
    const base = baseCount(db);
    expect(base).toBe(5);
    const list = await o.call('contacts.list', { filter: {} });
    expect(list.total).toBe(base);
    expect(list.rows).toHaveLength(base);
    expect(list.rows.map((r) => r.id)).not.toEqual(expect.arrayContaining([placeholders[0]]));
    expect(list.rows.map((r) => r.id)).not.toEqual(expect.arrayContaining([placeholders[1]]));
    expect(list.rows.every((r) => r.fullName !== '')).toBe(true);
    expect((await o.call('contacts.count', { filter: {} })).count).toBe(base);
    expect((await o.call('contacts.count', { filter: { socialCategory: 'Пенсионер' } })).count).toBe(0);
    expect((await o.call('contacts.count', { filter: { hasPhone: false } })).count).toBe(
      db
        .prepare(
          `SELECT count(*) FROM contacts c WHERE ${IN_BASE}
             AND NOT EXISTS (SELECT 1 FROM contact_phones p WHERE p.contact_id = c.id AND p.deleted_at IS NULL)`,
        )
        .pluck()
        .get(),
    );
    // Counted by SQL (activity is no facet): the named applicant only.
    expect((await o.call('contacts.count', { filter: { appealed: {} } })).count).toBe(1);
    expect(facetTotal(db)).toBe(base);
    expect(keptFacets(db)).toEqual(facetRecount(db));
    await o.call('segments.save', { name: 'Вся база', filter: {} });
    expect((await o.call('segments.list', {})).map((s) => s.count)).toEqual([base]);
    expect(await o.call('contacts.duplicates', {})).toEqual([]);

    // Exports: the records hold the base; outreach to everyone who consented is not refused for them.
    const records = await o.call('contacts.export', { purpose: 'records' });
    expect(records.count).toBe(base);
    const lines = iconv.decode(Buffer.from(records.dataBase64!, 'base64'), 'cp1251').trim().split('\r\n');
    expect(lines).toHaveLength(base + 1);
    for (const r of list.rows)
      await o.call('contacts.giveConsent', { id: r.id, purpose: 'mailing', wordingVersion: '1' });
    const outreach = await o.call('contacts.export', { purpose: 'outreach', filter: {} });
    expect(outreach.count).toBe(base);

    // The appeal card still shows the appeal and an applicant without a name.
    const card = await o.call('appeals.get', { id: anonymous.id });
    expect(card.applicant).toMatchObject({ fullName: '', phones: [], socialCategory: 'Пенсионер' });
    expect(card.isAnonymous).toBe(true);

    // The details arrive: a bad phone is refused naming the field and changes nothing.
    await o.call('workflow.requestContactData', { id: unnamed.id, comment: 'Позвонить' }, assistant.token);
    const before = db.prepare('SELECT * FROM contacts WHERE id = ?').get(placeholders[1]);
    const bad = await o.fail(
      'workflow.contactDataReceived',
      { id: unnamed.id, lastName: 'Поздняков', phone: 'не телефон' },
      assistant.token,
    );
    expect(bad).toMatchObject({ code: 'validation', field: 'phone' });
    expect(db.prepare('SELECT * FROM contacts WHERE id = ?').get(placeholders[1])).toEqual(before);

    const after = await o.call(
      'workflow.contactDataReceived',
      { id: unnamed.id, lastName: 'Поздняков', phone: '8 999 111-22-33' },
      assistant.token,
    );
    expect(after.applicant).toMatchObject({ fullName: 'Поздняков', phones: ['+79991112233'] });
    expect(db.prepare('SELECT placeholder FROM contacts WHERE id = ?').pluck().get(placeholders[1])).toBe(0);
    expect(baseCount(db)).toBe(base + 1);
    const grown = await o.call('contacts.list', { filter: {} });
    expect(grown.total).toBe(base + 1);
    expect(grown.rows.find((r) => r.id === placeholders[1])).toMatchObject({ fullName: 'Поздняков' });
    expect((await o.call('contacts.count', { filter: { hasPhone: true } })).count).toBe(
      db
        .prepare(
          `SELECT count(*) FROM contacts c WHERE ${IN_BASE}
             AND EXISTS (SELECT 1 FROM contact_phones p WHERE p.contact_id = c.id AND p.deleted_at IS NULL)`,
        )
        .pluck()
        .get(),
    );
    expect(keptFacets(db)).toEqual(facetRecount(db));
    expect(facetTotal(db)).toBe(base + 1);
    // The mark travels with the row: the change log's last entry of the contact says it is in the base.
    const logged = db
      .prepare(
        "SELECT data FROM change_log WHERE table_name = 'contacts' AND row_id = ? ORDER BY seq DESC LIMIT 1",
      )
      .pluck()
      .get(placeholders[1]) as string;
    expect(JSON.parse(logged)).toMatchObject({ placeholder: 0, full_name: 'Поздняков' });
    expect(named.applicant.fullName).not.toBe('');
  });

  it('joins the base when its card is given a name, and leaves it again when that merge is undone', async () => {
    const d = await openDesk('2026-02-13');
    const { o } = d;
    const db = o.handle.sqlite;
    const a = await d.register('2026-02-13', { applicant: {} });
    const b = await d.register('2026-02-13', { applicant: {} });
    const [pa, pb] = [a, b].map(
      (x) => db.prepare('SELECT applicant_id FROM appeals WHERE id = ?').pluck().get(x.id) as string,
    );
    expect((await o.call('contacts.list', { filter: {} })).total).toBe(0);
    await o.call('contacts.update', { id: pa!, fields: { lastName: 'Орлова' } });
    expect((await o.call('contacts.list', { filter: {} })).rows.map((r) => r.id)).toEqual([pa]);
    const merged = await o.call('contacts.merge', { keepId: pb!, mergeId: pa!, take: ['lastName'] });
    expect((await o.call('contacts.list', { filter: {} })).rows.map((r) => r.id)).toEqual([pb]);
    await o.call('contacts.undoMerge', { mergeId: merged.mergeId });
    expect((await o.call('contacts.list', { filter: {} })).rows.map((r) => r.id)).toEqual([pa]);
    expect(db.prepare('SELECT placeholder FROM contacts WHERE id = ?').pluck().get(pb)).toBe(1);
    expect(keptFacets(db)).toEqual(facetRecount(db));
  });
});

describe('a placeholder in sync', () => {
  it('reaches another computer of the office as a placeholder, and comes back a contact of the base', async () => {
    const T0 = '2026-03-02T07:00:00Z';
    const hq = await startTestHq('sqlite', T0);
    const desk = await enrolledOffice(hq, 'ТВР', T0);
    const appeal = await desk.value('appeals.register', appealInput({ isAnonymous: true, applicant: {} }));
    expect((await desk.sync.syncNow()).ok).toBe(true);
    const laptop = await joinedNode(hq, desk, T0);
    const contactOf = (node: typeof desk): Record<string, unknown> =>
      node.handle.sqlite
        .prepare('SELECT c.* FROM contacts c JOIN appeals a ON a.applicant_id = c.id WHERE a.id = ?')
        .get(appeal.id) as Record<string, unknown>;
    expect(contactOf(laptop)).toMatchObject({ placeholder: 1, full_name: '' });
    expect((await laptop.value('contacts.list', { filter: {} })).total).toBe(0);
    expect(keptFacets(laptop.handle.sqlite)).toEqual(facetRecount(laptop.handle.sqlite));

    await laptop.value('workflow.requestContactData', { id: appeal.id, comment: 'Позвонить' });
    await laptop.value('workflow.contactDataReceived', { id: appeal.id, lastName: 'Поздняков' });
    expect((await laptop.sync.syncNow()).ok).toBe(true);
    expect((await desk.sync.syncNow()).ok).toBe(true);
    expect(contactOf(desk)).toMatchObject({ placeholder: 0, full_name: 'Поздняков' });
    expect(contactOf(desk)).toEqual(contactOf(laptop));
    expect((await desk.value('contacts.list', { filter: {} })).rows.map((r) => r.fullName)).toEqual([
      'Поздняков',
    ]);
    expect(facetTotal(desk.handle.sqlite)).toBe(baseCount(desk.handle.sqlite));
    expect(keptFacets(desk.handle.sqlite)).toEqual(facetRecount(desk.handle.sqlite));
  });
});

const tempFile = tempFiles('priemnaya-placeholder-');

describe('migration: placeholder applicants', () => {
  it('marks the empty contacts only appeals know, and counts the base without them', () => {
    const file = tempFile();
    const old = openDatabase(file, { migrations: MIGRATIONS.slice(0, MIGRATIONS.indexOf(m0023)) });
    const sync = "'o1', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', 'h1'";
    const appeal = (n: number, contact: string, name: string): string =>
      `('a${n}', '${n}', 2026, ${n}, '2026-01-10', '2026-01-10', 'post', 'complaint', '${contact}', '${name}',
        'Протекает крыша', '2026-02-09', '2026-02-09', 'registered', ${sync})`;
    old.exec(`
      INSERT INTO contacts (id, full_name, last_name, name_key, social_category, office_id, created_at, updated_at, hlc)
        VALUES ('empty', '', NULL, NULL, NULL, ${sync}),
               ('anonymous', '', NULL, NULL, 'Пенсионер', ${sync}),
               ('named', 'Иванов', 'Иванов', 'иванов', NULL, ${sync}),
               ('phoned', '', NULL, NULL, NULL, ${sync}),
               ('tagged', '', NULL, NULL, NULL, ${sync}),
               ('alone', '', NULL, NULL, NULL, ${sync});
      INSERT INTO contact_phones (id, contact_id, phone, raw, office_id, created_at, updated_at, hlc)
        VALUES ('p1', 'phoned', '+79990000000', '89990000000', ${sync});
      INSERT INTO contact_labels (id, contact_id, kind, value, office_id, created_at, updated_at, hlc)
        VALUES ('l1', 'tagged', 'tag', 'двор', ${sync});
      INSERT INTO appeals (id, reg_number, reg_year, reg_seq, registered_on, received_on, channel, kind,
          applicant_id, applicant_name, summary, term_date, due_date, status, office_id, created_at, updated_at, hlc)
        VALUES ${[
          appeal(1, 'empty', ''),
          appeal(2, 'anonymous', ''),
          appeal(3, 'named', 'Иванов'),
          appeal(4, 'phoned', ''),
          appeal(5, 'tagged', ''),
        ].join(', ')};`);
    expect(facetTotal(old)).toBe(6);
    old.close();

    const db = openDatabase(file);
    expect(db.prepare('SELECT id FROM contacts WHERE placeholder = 1 ORDER BY id').pluck().all()).toEqual([
      'anonymous',
      'empty',
    ]);
    expect(baseCount(db)).toBe(4);
    expect(facetTotal(db)).toBe(4);
    expect(keptFacets(db)).toEqual(facetRecount(db));
    const count = `SELECT count(*) FROM contacts c INDEXED BY contacts_live WHERE c.${IN_BASE.replaceAll(' AND ', ' AND c.')}`;
    expect(db.prepare(count).pluck().get()).toBe(4);
    expect(queryPlan(db, count)).toContain('USING INDEX contacts_live');
    // The triggers count the mark's change from now on.
    db.exec("UPDATE contacts SET placeholder = 0, full_name = 'Петров' WHERE id = 'empty'");
    expect(facetTotal(db)).toBe(5);
    expect(keptFacets(db)).toEqual(facetRecount(db));
    db.close();
  });
});
