import { describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion } from '../../db/connect';
import { m0032 } from '../../db/migrations/0032-campaigns';
import { LATEST_VERSION, MIGRATIONS } from '../../db/migrations/index';
import { SYNCED_TABLES } from '../../db/schema';
import { queryPlan, tempFiles } from './migration-helpers';

const tempFile = tempFiles('priemnaya-mig-campaigns-');
const TABLES = ['campaigns', 'campaign_stages', 'campaign_members', 'campaign_moves', 'campaign_tasks'];

describe('migration: campaigns', () => {
  it('keeps the contacts, adds the synced campaign tables with one member per contact, and reads the screen off indexes', () => {
    const file = tempFile();
    const old = openDatabase(file, { migrations: MIGRATIONS.slice(0, MIGRATIONS.indexOf(m0032)) });
    const sync = "'o1', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', 'h1', NULL";
    old.exec(`
INSERT INTO contacts (id, full_name, name_key, office_id, created_at, updated_at, hlc, deleted_at)
  VALUES ('c1', 'Белова Анна', 'белова анна', ${sync});`);
    const before = old.prepare('SELECT * FROM contacts').all();
    old.close();

    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    expect(db.prepare('SELECT * FROM contacts').all()).toEqual(before);
    for (const t of TABLES) {
      const cols = (db.prepare(`PRAGMA table_info(${t})`).all() as { name: string }[]).map((c) => c.name);
      expect(cols, t).toEqual(
        expect.arrayContaining(['id', 'office_id', 'created_at', 'updated_at', 'hlc', 'deleted_at']),
      );
      expect(SYNCED_TABLES as readonly string[], t).toContain(t);
    }
    db.exec(`
INSERT INTO campaigns (id, name, kind, office_id, created_at, updated_at, hlc, deleted_at)
  VALUES ('k1', 'Подписи', 'signatures', ${sync});
INSERT INTO campaign_stages (id, campaign_id, position, name, office_id, created_at, updated_at, hlc, deleted_at)
  VALUES ('s1', 'k1', 0, 'Первичный контакт', ${sync}), ('s2', 'k1', 1, 'Подпись получена', ${sync});
INSERT INTO campaign_members (id, campaign_id, contact_id, stage_id, added_from, moved_at, moved_by,
  office_id, created_at, updated_at, hlc, deleted_at)
  VALUES ('m1', 'k1', 'c1', 's1', 'one', '2026-01-01T00:00:00.000Z', NULL, ${sync});`);
    // A contact is in a campaign once; a kind or a way in outside the lists is refused.
    const member = (id: string, from = 'one') =>
      db.exec(`INSERT INTO campaign_members (id, campaign_id, contact_id, stage_id, added_from, moved_at,
        moved_by, office_id, created_at, updated_at, hlc, deleted_at)
        VALUES ('${id}', 'k1', 'c1', 's1', '${from}', '2026-01-01T00:00:00.000Z', NULL, ${sync})`);
    expect(() => member('m2')).toThrow(/UNIQUE constraint failed/);
    expect(() => member('m3', 'guess')).toThrow(/CHECK constraint failed/);
    expect(() =>
      db.exec(`INSERT INTO campaigns (id, name, kind, office_id, created_at, updated_at, hlc, deleted_at)
        VALUES ('k2', 'Опрос', 'poll', ${sync})`),
    ).toThrow(/CHECK constraint failed/);

    const plan = (sql: string): string => queryPlan(db, sql);
    expect(
      plan(
        `SELECT stage_id, count(*) FROM campaign_members WHERE campaign_id = 'k1' AND deleted_at IS NULL GROUP BY stage_id`,
      ),
    ).toContain('campaign_members_stage (campaign_id=?)');
    expect(
      plan(
        `SELECT * FROM campaign_members m WHERE m.campaign_id = 'k1' AND m.deleted_at IS NULL AND m.stage_id = 's1'`,
      ),
    ).toContain('campaign_members_stage (campaign_id=? AND stage_id=?)');
    expect(
      plan(
        `SELECT * FROM campaign_stages WHERE campaign_id = 'k1' AND deleted_at IS NULL ORDER BY position, id`,
      ),
    ).toContain('campaign_stages_order (campaign_id=?)');
    expect(plan(`SELECT * FROM campaign_moves WHERE member_id = 'm1' ORDER BY at`)).toContain(
      'campaign_moves_member (member_id=?)',
    );
    expect(
      plan(
        `SELECT count(DISTINCT member_id) FROM campaign_moves
         WHERE campaign_id = 'k1' AND from_stage_id IS NOT NULL AND deleted_at IS NULL
           AND at >= '2026-01-05' AND at < '2026-01-12'`,
      ),
    ).toContain('campaign_moves_at (campaign_id=? AND at>? AND at<?)');
    db.close();
  });
});
