import { describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion } from '../../db/connect';
import { LATEST_VERSION, MIGRATIONS } from '../../db/migrations/index';
import { m0009 } from '../../db/migrations/0009-home';
import { m0010 } from '../../db/migrations/0010-statistics';
import { m0011 } from '../../db/migrations/0011-contacts-speed';
import { m0012 } from '../../db/migrations/0012-sync';
import { m0014 } from '../../db/migrations/0014-desk-numbers';
import { queryPlan, tempFiles } from './migration-helpers';

// The migrations of the home screen, the statistics, the contact base at scale and sync: each opens a
// database made by the migrations before it, with rows in it, and checks what the migration adds.

const tempFile = tempFiles('priemnaya-mig-');

describe('migration: home', () => {
  it('keeps the tasks and counts open appeals and tasks by person on covering indexes of the open rows', () => {
    const file = tempFile();
    const old = openDatabase(file, { migrations: MIGRATIONS.slice(0, MIGRATIONS.indexOf(m0009)) });
    const sync = "'o1', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', 'h1', NULL";
    old.exec(`
INSERT INTO tasks (id, kind, title, status, assignee_id, due_date, office_id, created_at, updated_at, hlc, deleted_at)
  VALUES ('t1', 'resolution', 'Резолюция', 'open', NULL, '2026-01-05', ${sync}),
         ('t2', 'review', 'Рассмотреть', 'done', NULL, '2026-01-02', ${sync});`);
    old.close();
    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    const open = db
      .prepare(
        `SELECT assignee_id, count(*) AS n FROM tasks WHERE status = 'open' AND deleted_at IS NULL GROUP BY assignee_id`,
      )
      .all();
    expect(open).toEqual([{ assignee_id: null, n: 1 }]);
    const plan = (sql: string): string => queryPlan(db, sql);
    expect(
      plan(
        `SELECT responsible_id, count(*), sum(due_date < '2026-01-10') FROM appeals
         WHERE status <> 'closed' AND deleted_at IS NULL GROUP BY responsible_id`,
      ),
    ).toContain('COVERING INDEX appeals_open_responsible');
    expect(
      plan(
        `SELECT status, count(*) FROM appeals
         WHERE responsible_id = 'u1' AND status <> 'closed' AND deleted_at IS NULL GROUP BY status`,
      ),
    ).toContain('COVERING INDEX appeals_open_responsible (responsible_id=?)');
    expect(
      plan(
        `SELECT assignee_id, count(*), sum(due_date < '2026-01-10') FROM tasks
         WHERE status = 'open' AND deleted_at IS NULL GROUP BY assignee_id`,
      ),
    ).toContain('COVERING INDEX tasks_open_assignee (status=?)');
    expect(
      plan(
        `SELECT count(*) FROM tasks t WHERE t.status = 'open' AND t.deleted_at IS NULL
         AND t.assignee_id = 'u1' AND t.due_date < '2026-01-10'`,
      ),
    ).toContain('COVERING INDEX tasks_open_assignee (status=? AND assignee_id=? AND due_date<?)');
    expect(
      plan(
        `SELECT count(*) FROM tasks t WHERE t.status = 'open' AND t.kind IN ('resolution', 'reply_approval')`,
      ),
    ).toContain('COVERING INDEX tasks_open_kind (status=? AND kind=?)');
    db.close();
  });
});

describe('migration: contacts speed', () => {
  it('counts the live contacts of the base by facets, keeps them counted, and matches name with address on one index', () => {
    const file = tempFile();
    const old = openDatabase(file, { migrations: MIGRATIONS.slice(0, MIGRATIONS.indexOf(m0011)) });
    const sync = "'o1', 't', 't', 'h'";
    old.exec(`
      INSERT INTO contacts (id, full_name, name_key, address_key, district, office_id, created_at, updated_at, hlc, deleted_at)
        VALUES ('c1', 'Иванов', 'иванов', 'тверь 1', 'Центральный', ${sync}, NULL),
               ('c2', 'Петров', 'петров', NULL, 'Центральный', ${sync}, NULL),
               ('c3', 'Сидоров', 'сидоров', NULL, 'Центральный', ${sync}, 't');
      INSERT INTO contact_labels (id, contact_id, kind, value, office_id, created_at, updated_at, hlc)
        VALUES ('l1', 'c1', 'status', 'supporter', ${sync}), ('l2', 'c1', 'tag', 'двор', ${sync});
      INSERT INTO contact_phones (id, contact_id, phone, raw, office_id, created_at, updated_at, hlc)
        VALUES ('p1', 'c2', '+79990000000', '89990000000', ${sync});`);
    old.close();
    const db = openDatabase(file);
    const counts = (): Record<string, number> =>
      Object.fromEntries(
        (
          db.prepare("SELECT sig, n FROM contact_facet_counts WHERE n > 0 AND sig <> ''").all() as {
            sig: string;
            n: number;
          }[]
        ).map((r) => [r.sig, r.n]),
      );
    expect(counts()).toEqual({
      '["Центральный",null,null,null,null,["status:supporter","tag:двор"],[],0]': 1,
      '["Центральный",null,null,null,null,[],[],1]': 1,
    });
    db.exec(`UPDATE contacts SET district = 'Заволжский' WHERE id = 'c2';
      UPDATE contact_labels SET deleted_at = 't' WHERE id = 'l2';
      INSERT INTO contact_consents (id, contact_id, purpose, wording_version, given_at, office_id, created_at, updated_at, hlc)
        VALUES ('k1', 'c1', 'mailing', '1', 't', ${sync});
      UPDATE contacts SET deleted_at = NULL WHERE id = 'c3';`);
    expect(counts()).toEqual({
      '["Центральный",null,null,null,null,["status:supporter"],["mailing"],0]': 1,
      '["Заволжский",null,null,null,null,[],[],1]': 1,
      '["Центральный",null,null,null,null,[],[],0]': 1,
    });
    expect(
      queryPlan(
        db,
        "SELECT id FROM contacts WHERE address_key = 'тверь 1' AND name_key = 'иванов' AND deleted_at IS NULL",
      ),
    ).toContain('contacts_address_name (address_key=? AND name_key=?)');
    db.close();
  });
});

describe('migration: statistics', () => {
  it('fills the day counts from the appeals already there, as the triggers then keep them', () => {
    const file = tempFile();
    const old = openDatabase(file, { migrations: MIGRATIONS.slice(0, MIGRATIONS.indexOf(m0010)) });
    const sync = `'o1', 't', 't', 'h', NULL`;
    old.exec(`INSERT INTO contacts (id, full_name, district, office_id, created_at, updated_at, hlc, deleted_at)
      VALUES ('c1', 'Иванов', 'Ленинский', ${sync}), ('c2', 'Петров', NULL, ${sync})`);
    const appeal = (id: string, contact: string, day: string, closed: string | null) =>
      old.exec(`INSERT INTO appeals (id, reg_number, reg_year, reg_seq, registered_on, received_on, channel, kind,
          applicant_id, applicant_name, summary, term_date, due_date, status, closed_on, result, reviewed_late,
          is_collective, office_id, created_at, updated_at, hlc, deleted_at)
        VALUES ('${id}', '${id}', 2026, ${id.slice(1)}, '${day}', '${day}', 'post', 'complaint', '${contact}', 'x', 's',
          '2026-04-01', '2026-04-01', '${closed ? 'closed' : 'registered'}', ${closed ? `'${closed}'` : 'NULL'},
          ${closed ? "'supported'" : 'NULL'}, ${closed ? 1 : 'NULL'}, 1, ${sync})`);
    appeal('a1', 'c1', '2026-03-02', '2026-03-20');
    appeal('a2', 'c2', '2026-03-02', null);
    old.exec(`INSERT INTO appeal_topics VALUES ('0005.0005.0056.1149', 'a1'), ('0005.0005.0057.0001', 'a1'),
      ('0002.0007.0000.0000', 'a1')`);
    old.exec(`INSERT INTO external_requests (id, appeal_id, seq, kind, status, sent_on, due_date, answered_on,
        office_id, created_at, updated_at, hlc, deleted_at)
      VALUES ('r1', 'a2', 1, 'deputy_request', 'answered', '2026-03-05', '2026-04-04', '2026-03-15', ${sync}),
        ('r2', 'a2', 2, 'deputy_request', 'sent', '2026-03-05', '2026-04-04', NULL, ${sync})`);
    old.close();
    const db = openDatabase(file);
    const counts = () =>
      db
        .prepare(
          `SELECT measure || ':' || day || ':' || key || '=' || n AS r FROM appeal_counts
           WHERE n <> 0 AND length(day) = 10 ORDER BY 1`,
        )
        .all()
        .map((r) => (r as { r: string }).r);
    const filled = counts();
    expect(filled).toEqual([
      'channel:2026-03-02:post=2',
      'collective:2026-03-02:=2',
      'days:2026-03-20:18=1',
      'district:2026-03-02:=1',
      'district:2026-03-02:Ленинский=1',
      'kind:2026-03-02:complaint=2',
      'late:2026-03-20:1=1',
      'question:2026-03-02:0002.0007.0000.0000=1',
      'question:2026-03-02:0005.0005.0056.1149=1',
      'question:2026-03-02:0005.0005.0057.0001=1',
      'received:2026-03-02:=2',
      'request_answered:2026-03-05:=1',
      'request_sent:2026-03-05:=2',
      'result:2026-03-20:supported=1',
      'section:2026-03-02:0002=1',
      'section:2026-03-02:0005=1',
      'subject:2026-03-02:0002.0007=1',
      'subject:2026-03-02:0005.0005=1',
      'topical:2026-03-02:=1',
    ]);
    // The same rows taken out and put back through the triggers give the same counts.
    const rows = db.prepare('SELECT * FROM appeals ORDER BY id').all() as Record<string, unknown>[];
    const topics = db.prepare('SELECT * FROM appeal_topics').all() as Record<string, unknown>[];
    const requests = db.prepare('SELECT * FROM external_requests ORDER BY id').all() as Record<
      string,
      unknown
    >[];
    db.exec('DELETE FROM external_requests; DELETE FROM appeal_topics; DELETE FROM appeals;');
    expect(counts()).toEqual([]);
    for (const r of rows)
      db.prepare(
        `INSERT INTO appeals (${Object.keys(r).join(', ')}) VALUES (${Object.keys(r)
          .map((k) => `@${k}`)
          .join(', ')})`,
      ).run(r);
    for (const t of topics) db.prepare('INSERT INTO appeal_topics VALUES (@code, @appeal_id)').run(t);
    for (const r of requests)
      db.prepare(
        `INSERT INTO external_requests (${Object.keys(r).join(', ')}) VALUES (${Object.keys(r)
          .map((k) => `@${k}`)
          .join(', ')})`,
      ).run(r);
    expect(counts()).toEqual(filled);
    // Each month's row is the sum of its days'.
    expect(
      db
        .prepare(
          `SELECT m.measure, m.day, m.key, m.n, (SELECT sum(d.n) FROM appeal_counts d WHERE d.measure = m.measure
             AND d.office_id = m.office_id AND d.key = m.key AND substr(d.day, 1, 7) = m.day AND length(d.day) = 10) AS days
           FROM appeal_counts m WHERE length(m.day) = 7`,
        )
        .all()
        .filter((r) => (r as { n: number; days: number }).n !== (r as { days: number }).days),
    ).toEqual([]);
    const plan = queryPlan(
      db,
      `SELECT key, sum(n) FROM appeal_counts WHERE measure = 'channel' AND day BETWEEN '2026-01-01' AND '2026-12-31'
       AND office_id IN ('o1') GROUP BY key`,
    );
    expect(plan).toContain('USING PRIMARY KEY (measure=? AND day>? AND day<?)');
    const awaiting = queryPlan(
      db,
      `SELECT body_id, count(*) FROM external_requests INDEXED BY external_requests_awaiting
       WHERE status = 'sent' AND deleted_at IS NULL AND sent_on BETWEEN '2026-01-01' AND '2026-12-31'
         AND due_date < '2026-04-01' AND office_id IN ('o1') GROUP BY body_id`,
    );
    expect(awaiting).toContain('USING COVERING INDEX external_requests_awaiting');
    db.close();
  });
});

describe('migration: sync', () => {
  it('keeps the change log, adds the sync tables, and reads pending rows and open conflicts off indexes', () => {
    const file = tempFile();
    const old = openDatabase(file, { migrations: MIGRATIONS.slice(0, MIGRATIONS.indexOf(m0012)) });
    old
      .prepare(
        `INSERT INTO change_log (hlc, office_id, table_name, row_id, op, data, at)
         VALUES ('h', 'o1', 'appeals', 'a1', 'upsert', '{}', 't')`,
      )
      .run();
    old.close();
    const db = openDatabase(file);
    expect(db.prepare('SELECT row_id FROM change_log').all()).toEqual([{ row_id: 'a1' }]);
    db.prepare(
      `INSERT INTO sync_rows (table_name, row_id, office_id, hlc, data, pending) VALUES ('appeals', 'a1', 'o1', 'h', '{}', 1)`,
    ).run();
    expect(() =>
      db
        .prepare(
          `INSERT INTO sync_conflicts (id, office_id, table_name, row_id, field, kept_hlc, lost_hlc, detected_at, resolution)
           VALUES ('c1', 'o1', 'appeals', 'a1', 'summary', 'h2', 'h1', 't', 'maybe')`,
        )
        .run(),
    ).toThrow(/CHECK/);
    expect(queryPlan(db, 'SELECT * FROM sync_rows WHERE pending = 1 LIMIT 10')).toContain(
      'sync_rows_pending',
    );
    expect(queryPlan(db, 'SELECT * FROM sync_conflicts WHERE pending = 1 LIMIT 10')).toContain(
      'sync_conflicts_pending',
    );
    db.close();
  });
});

describe('migration: desk numbers', () => {
  const before = () => MIGRATIONS.slice(0, MIGRATIONS.indexOf(m0014));

  it('makes the computer the office was set up on desk 1, and leaves a joined computer to claim one', () => {
    const founder = tempFile();
    const old = openDatabase(founder, { migrations: before() });
    old
      .prepare(
        `INSERT INTO audit_log (at, office_id, transport, action, entity, entity_id)
         VALUES ('2026-01-01T00:00:00.000Z', 'o1', 'ipc', 'setup.init', 'office', 'o1')`,
      )
      .run();
    old.close();
    const db = openDatabase(founder);
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    expect(db.prepare("SELECT value FROM local_state WHERE key = 'desk'").get()).toEqual({ value: '1' });
    const sync = "'o1', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', 'h1', NULL";
    db.exec(`INSERT INTO office_desks (id, node, number, office_id, created_at, updated_at, hlc, deleted_at)
      VALUES ('d1', 'aaaaaaaaaaaaaaaa', 1, ${sync}), ('d2', 'bbbbbbbbbbbbbbbb', 2, ${sync})`);
    // A number may be claimed twice for a moment (settled through HQ); a computer has one desk.
    db.exec(`INSERT INTO office_desks (id, node, number, office_id, created_at, updated_at, hlc, deleted_at)
      VALUES ('d3', 'cccccccccccccccc', 2, ${sync})`);
    expect(() =>
      db.exec(`INSERT INTO office_desks (id, node, number, office_id, created_at, updated_at, hlc, deleted_at)
        VALUES ('d4', 'aaaaaaaaaaaaaaaa', 3, ${sync})`),
    ).toThrow(/UNIQUE/);
    expect(() =>
      db.exec(`INSERT INTO office_desks (id, node, number, office_id, created_at, updated_at, hlc, deleted_at)
        VALUES ('d5', 'dddddddddddddddd', 0, ${sync})`),
    ).toThrow(/CHECK/);
    expect(
      queryPlan(db, "SELECT 1 FROM office_desks WHERE office_id = 'o1' AND number = 2 AND node <> 'x'"),
    ).toContain('office_desks_number');
    expect(queryPlan(db, "SELECT max(number) FROM office_desks WHERE office_id = 'o1'")).toContain(
      'office_desks_number',
    );
    db.close();

    const joined = tempFile();
    openDatabase(joined, { migrations: before() }).close();
    const other = openDatabase(joined);
    expect(other.prepare("SELECT value FROM local_state WHERE key = 'desk'").get()).toBeUndefined();
    other.close();
  });

  it('reads a desk’s last number of the year off the (office, year, seq) key', () => {
    const db = openDatabase(tempFile());
    expect(
      queryPlan(
        db,
        `SELECT max(reg_seq) FROM appeals WHERE office_id = 'o1' AND reg_year = 2026
         AND reg_seq >= 1000000001 AND reg_seq <= 1999999999`,
      ),
    ).toMatch(/sqlite_autoindex_appeals_\d \(office_id=\? AND reg_year=\? AND reg_seq>\? AND reg_seq<\?\)/);
    db.close();
  });
});
