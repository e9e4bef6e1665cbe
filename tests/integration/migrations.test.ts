import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, SchemaTooNewError, schemaVersion } from '../../db/connect';
import { LATEST_VERSION, MIGRATIONS } from '../../db/migrations/index';
import { m0005 } from '../../db/migrations/0005-reminders';
import { m0007 } from '../../db/migrations/0007-event-reminders';
import type { Migration } from '../../db/migrations/types';
import { queryPlan, tempFiles } from './migration-helpers';

const tempFile = tempFiles('priemnaya-mig-');

describe('opening a database', () => {
  it('creates the schema with WAL, foreign keys, a busy timeout and statement journals in memory', () => {
    const db = openDatabase(tempFile());
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.pragma('temp_store', { simple: true })).toBe(2); // MEMORY
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  it('refuses a database written by a newer version of the app', () => {
    const file = tempFile();
    openDatabase(file).close();
    const raw = new Database(file);
    raw.pragma(`user_version = ${LATEST_VERSION + 1}`);
    raw.close();
    expect(() => openDatabase(file)).toThrow(SchemaTooNewError);
  });

  it('copies the file before migrating, and a failed migration leaves the old schema in place', () => {
    const file = tempFile();
    const first = openDatabase(file);
    first.prepare("INSERT INTO local_state (key, value) VALUES ('probe', 'kept')").run();
    first.close();
    const broken: Migration = {
      version: LATEST_VERSION + 1,
      name: 'broken',
      up: (db) => {
        db.exec('CREATE TABLE half_done (x)');
        db.exec('THIS IS NOT SQL');
      },
    };
    expect(() =>
      openDatabase(file, { migrations: [...MIGRATIONS, broken], now: new Date('2026-01-01T00:00:00Z') }),
    ).toThrow();
    const backups = fs.readdirSync(path.join(path.dirname(file), 'backups'));
    expect(backups).toEqual([`office.sqlite.v${LATEST_VERSION}.2026-01-01T00-00-00-000Z.bak`]);
    const copy = new Database(path.join(path.dirname(file), 'backups', backups[0]!), { readonly: true });
    expect(copy.prepare("SELECT value FROM local_state WHERE key = 'probe'").get()).toEqual({
      value: 'kept',
    });
    copy.close();
    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half_done'").get()).toBeUndefined();
    db.close();
  });

  it('migration 1: every synced table carries id, office_id, timestamps, HLC and a tombstone', () => {
    const db = openDatabase(tempFile());
    for (const t of [
      'offices',
      'users',
      'calendar_years',
      'contacts',
      'contact_phones',
      'appeals',
      'appeal_history',
      'tasks',
    ]) {
      const cols = (db.prepare(`PRAGMA table_info(${t})`).all() as { name: string }[]).map((c) => c.name);
      expect(cols, t).toEqual(
        expect.arrayContaining(['id', 'office_id', 'created_at', 'updated_at', 'hlc', 'deleted_at']),
      );
    }
    const plan = db
      .prepare(
        "EXPLAIN QUERY PLAN SELECT id FROM appeals WHERE status = 'registered' ORDER BY due_date LIMIT 50",
      )
      .all()
      .map((r) => (r as { detail: string }).detail)
      .join(' | ');
    expect(plan).toContain('appeals_status_due');
    db.close();
  });

  it('migration 4: offices get the letterhead with defaults; letter templates are one per kind', () => {
    const file = tempFile();
    const before = MIGRATIONS.filter((m) => m.version < 4);
    const old = openDatabase(file, { migrations: before });
    old
      .prepare(
        `INSERT INTO offices (id, code, name, time_zone, deputy_name, reg_number_format, deadline_shift,
           office_id, created_at, updated_at, hlc, deleted_at)
         VALUES ('o1', 'ПТР', 'Приёмная', 'Europe/Moscow', 'Петров П. П.', 'КОД-ГГГГ-NNNNN', 'previous',
           'o1', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'h', NULL)`,
      )
      .run();
    old.close();
    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    expect(
      db.prepare('SELECT deputy_title, signatory_name, doc_font, doc_font_size FROM offices').get(),
    ).toEqual({ deputy_title: null, signatory_name: null, doc_font: 'Times New Roman', doc_font_size: 14 });
    const insert = db.prepare(
      `INSERT INTO letter_templates (id, kind, body, office_id, created_at, updated_at, hlc)
       VALUES (?, 'reply', 'текст', 'o1', 'x', 'x', 'h')`,
    );
    insert.run('t1');
    expect(() => insert.run('t2')).toThrow(/UNIQUE/);
    db.close();
  });
});

describe('migration 3: events', () => {
  it('keeps the rows of version 2, adds the event tables with sync columns, and indexes tasks by event', () => {
    const file = tempFile();
    const old = new Database(file);
    for (const m of MIGRATIONS.filter((x) => x.version <= 2)) {
      m.up(old);
      old.pragma(`user_version = ${m.version}`);
    }
    const sync = "'o1', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', 'h1', NULL";
    old.exec(`
INSERT INTO offices (id, code, name, time_zone, deputy_name, office_id, created_at, updated_at, hlc, deleted_at)
  VALUES ('o1', 'ТВ', 'Приёмная', 'Europe/Moscow', 'Депутат', ${sync});
INSERT INTO tasks (id, kind, title, status, office_id, created_at, updated_at, hlc, deleted_at)
  VALUES ('t1', 'review', 'Рассмотреть', 'open', ${sync});`);
    old.close();

    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    expect(db.prepare('SELECT event_stage_limits FROM offices').get()).toEqual({ event_stage_limits: '{}' });
    expect(db.prepare('SELECT id, event_id, event_stage FROM tasks').get()).toEqual({
      id: 't1',
      event_id: null,
      event_stage: null,
    });
    for (const t of [
      'events',
      'event_participants',
      'event_history',
      'event_kinds',
      'checklist_templates',
      'task_items',
    ]) {
      const cols = (db.prepare(`PRAGMA table_info(${t})`).all() as { name: string }[]).map((c) => c.name);
      expect(cols, t).toEqual(
        expect.arrayContaining(['id', 'office_id', 'created_at', 'updated_at', 'hlc', 'deleted_at']),
      );
    }
    const plan = (sql: string): string => queryPlan(db, sql);
    expect(plan("SELECT id FROM tasks WHERE event_id = 'e' AND status = 'open'")).toContain('tasks_event');
    expect(plan("SELECT id FROM events WHERE event_date BETWEEN '2026-03-01' AND '2026-03-31'")).toContain(
      'events_date',
    );
    expect(plan("SELECT id FROM appeals WHERE event_id = 'e'")).toContain('appeals_event');
    db.close();
  });
});

describe('migration: reminders', () => {
  it('keeps existing offices, adds the reminders table with its unique key, and plans the scans on indexes', () => {
    const file = tempFile();
    const old = openDatabase(file, { migrations: MIGRATIONS.slice(0, MIGRATIONS.indexOf(m0005)) });
    old
      .prepare(
        `INSERT INTO offices (id, office_id, created_at, updated_at, hlc, code, name, time_zone, deputy_name,
           reg_number_format, deadline_shift) VALUES ('o1', 'o1', 't', 't', 'h', 'ПТР', 'n', 'Europe/Moscow', 'd',
           'КОД-ГГГГ-NNNNN', 'previous')`,
      )
      .run();
    old.close();
    const db = openDatabase(file);
    expect(db.prepare("SELECT reminder_settings FROM offices WHERE id = 'o1'").get()).toEqual({
      reminder_settings: '{}',
    });
    db.prepare(
      `INSERT INTO users (id, office_id, created_at, updated_at, hlc, login, full_name, role, password_hash)
       VALUES ('u1', 'o1', 't', 't', 'h', 'a', 'A', 'assistant', 'x')`,
    ).run();
    const insert = db.prepare(
      `INSERT INTO reminders (id, office_id, rule, entity, entity_id, due_at, recipient_id, params, created_at)
       VALUES (?, 'o1', 'appeal_overdue', 'appeal', 'a1', '2026-05-12T06:00:00.000Z', 'u1', '{}', 't')
       ON CONFLICT DO NOTHING`,
    );
    expect(insert.run('r1').changes).toBe(1);
    expect(insert.run('r2').changes).toBe(0);
    const plan = (sql: string): string => queryPlan(db, sql);
    expect(
      plan(
        "SELECT id FROM external_requests WHERE sent_on BETWEEN '2026-04-01' AND '2026-04-02' AND status = 'sent'",
      ),
    ).toContain('external_requests_sent');
    expect(
      plan(
        "SELECT id FROM appeals WHERE due_date BETWEEN '2026-04-01' AND '2026-04-02' AND status <> 'closed'",
      ),
    ).toContain('appeals_open_due');
    expect(plan("SELECT count(*) FROM reminders WHERE recipient_id = 'u1' AND read_at IS NULL")).toContain(
      'reminders_unread',
    );
    db.close();
  });
});

describe('migration 6: contacts', () => {
  it('migration 6: contacts gain the base’s fields, and segment counts read indexes', () => {
    const file = tempFile();
    const upTo = (v: number) => MIGRATIONS.filter((m) => m.version <= v);
    const old = openDatabase(file, { migrations: upTo(5) });
    const sync = "'o1', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'h', NULL";
    old.exec(`INSERT INTO contacts (id, full_name, office_id, created_at, updated_at, hlc, deleted_at)
      VALUES ('c1', 'Иванов Иван', ${sync})`);
    old.close();
    const db = openDatabase(file, { migrations: upTo(6) });
    expect(db.prepare("SELECT district, source, erased_at FROM contacts WHERE id = 'c1'").get()).toEqual({
      district: null,
      source: null,
      erased_at: null,
    });
    db.exec(`INSERT INTO contact_labels (id, contact_id, kind, value, office_id, created_at, updated_at, hlc, deleted_at)
      VALUES ('l1', 'c1', 'status', 'supporter', ${sync})`);
    const plan = (sql: string): string =>
      db
        .prepare(`EXPLAIN QUERY PLAN ${sql}`)
        .all()
        .map((r) => (r as { detail: string }).detail)
        .join(' | ');
    expect(
      plan(
        "SELECT count(*) FROM contacts c WHERE c.deleted_at IS NULL AND c.erased_at IS NULL AND c.district = 'x' AND c.id IN (SELECT contact_id FROM contact_labels WHERE kind = 'status' AND value IN ('supporter') AND deleted_at IS NULL)",
      ),
    ).toMatch(/contacts_district[\s\S]*contact_labels_value|contact_labels_value[\s\S]*contacts_district/);
    // The live-contacts index can drive a count (the service names it): it proves liveness without the rows.
    expect(
      plan(
        "SELECT count(*) FROM contacts c INDEXED BY contacts_live WHERE c.deleted_at IS NULL AND c.erased_at IS NULL AND c.id IN (SELECT contact_id FROM contact_consents WHERE purpose = 'mailing')",
      ),
    ).toContain('USING INDEX contacts_live');
    expect(() =>
      db.exec(`INSERT INTO contact_labels (id, contact_id, kind, value, office_id, created_at, updated_at, hlc, deleted_at)
        VALUES ('l2', 'c1', 'colour', 'x', ${sync})`),
    ).toThrow(/CHECK/);
    db.close();
  });
});

describe('migration: event reminders', () => {
  it('keeps the events and plans both event rules on an index range', () => {
    const file = tempFile();
    const old = openDatabase(file, { migrations: MIGRATIONS.slice(0, MIGRATIONS.indexOf(m0007)) });
    old
      .prepare(
        `INSERT INTO events (id, office_id, created_at, updated_at, hlc, title, kind, event_date, stage, stage_since)
         VALUES ('e1', 'o1', 't', 't', 'h', 'Встреча', 'visit', '2026-06-01', 'approval', '2026-05-08T06:00:00.000Z')`,
      )
      .run();
    old.close();
    const db = openDatabase(file);
    expect(db.prepare("SELECT stage, stage_since FROM events WHERE id = 'e1'").get()).toEqual({
      stage: 'approval',
      stage_since: '2026-05-08T06:00:00.000Z',
    });
    const plan = (sql: string): string => queryPlan(db, sql);
    const stuck = plan(
      `SELECT id FROM events WHERE stage IN ('approval') AND deleted_at IS NULL
         AND stage_since BETWEEN '2026-05-01T21:00:00.000Z' AND '2026-05-04T20:59:59.999Z'`,
    );
    expect(stuck).toContain('events_stage_since (stage=? AND stage_since>? AND stage_since<?)');
    const approval = plan(
      `SELECT id FROM events WHERE stage IN ('creation') AND deleted_at IS NULL
         AND event_date BETWEEN '2026-05-29' AND '2026-06-01'`,
    );
    expect(approval).toContain('events_stage (stage=? AND event_date>? AND event_date<?)');
    db.close();
  });
});
