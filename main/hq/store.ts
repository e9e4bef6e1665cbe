import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import {
  CompiledQuery,
  Kysely,
  Migrator,
  PostgresAdapter,
  PostgresDialect,
  SqliteDialect,
  sql,
  type DatabaseConnection,
  type Driver,
  type Migration,
  type MigrationProvider,
} from 'kysely';
import pg from 'pg';
import type { ConflictRecord, RowStateRecord } from '../../shared/sync/protocol';
import { m004WebReception, m005WebFiles, type HqWebDB } from './reception/tables';

/**
 * HQ's own database, through Kysely so the same code and the same migrations run on SQLite (embedded,
 * nothing to set up) and on PostgreSQL (many offices). HQ keeps each row as its sync state (values and
 * per-field clocks as JSON text), not in the office's tables: it merges and hands out, and a new table in
 * an office needs no HQ migration.
 */

export interface HqMetaTable {
  key: string;
  value: string;
}
export interface HqCounterTable {
  id: number;
  seq: number | string;
}
export interface HqOfficeTable {
  office_id: string;
  code: string;
  name: string;
  created_at: string;
}
export interface HqEnrolmentTable {
  code_hash: string;
  office_code: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  used_by: string | null;
}
export interface HqNodeTable {
  node: string;
  office_id: string;
  token_hash: string;
  public_key: string;
  created_at: string;
  last_seen_at: string | null;
  drift_ms: number | null;
  revoked_at: string | null;
}
export interface HqBatchTable {
  node: string;
  batch_id: string;
  applied_at: string;
  applied: number;
}
export interface HqRowTable extends RowStateRecord {
  /** The node whose batch left the row exactly as it is: it need not get the row back. */
  origin: string | null;
  seq: number | string;
}
export interface HqConflictTable extends ConflictRecord {
  seq: number | string;
}
export interface HqReportTable {
  id: string;
  at: string;
  node: string | null;
  office_id: string | null;
  kind: string;
  message: string;
}

/** An attachment's file as an office's computer sent it (`/sync/v1/files/put`). */
export interface HqFileTable {
  office_id: string;
  sha256: string;
  size: number;
  data: Buffer;
  created_at: string;
}

export interface HqDB extends HqWebDB {
  hq_meta: HqMetaTable;
  hq_counter: HqCounterTable;
  hq_offices: HqOfficeTable;
  hq_enrolments: HqEnrolmentTable;
  hq_nodes: HqNodeTable;
  hq_batches: HqBatchTable;
  hq_rows: HqRowTable;
  hq_conflicts: HqConflictTable;
  hq_reports: HqReportTable;
  hq_files: HqFileTable;
}

/** Frozen: written with Kysely's schema builder against `Kysely<any>`, so one text runs on both engines. */
const m001: Migration = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a frozen migration knows no app types
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('hq_meta')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('hq_counter')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('seq', 'bigint', (c) => c.notNull())
      .execute();
    await db.insertInto('hq_counter').values({ id: 1, seq: 0 }).execute();
    await db.schema
      .createTable('hq_offices')
      .addColumn('office_id', 'text', (c) => c.primaryKey())
      .addColumn('code', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('hq_enrolments')
      .addColumn('code_hash', 'text', (c) => c.primaryKey())
      .addColumn('office_code', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('used_at', 'text')
      .addColumn('used_by', 'text')
      .execute();
    await db.schema
      .createTable('hq_nodes')
      .addColumn('node', 'text', (c) => c.primaryKey())
      .addColumn('office_id', 'text', (c) => c.notNull())
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('public_key', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('last_seen_at', 'text')
      .addColumn('drift_ms', 'bigint')
      .addColumn('revoked_at', 'text')
      .execute();
    await db.schema
      .createTable('hq_batches')
      .addColumn('node', 'text', (c) => c.notNull())
      .addColumn('batch_id', 'text', (c) => c.notNull())
      .addColumn('applied_at', 'text', (c) => c.notNull())
      .addColumn('applied', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('hq_batches_pk', ['node', 'batch_id'])
      .execute();
    await db.schema
      .createTable('hq_rows')
      .addColumn('table_name', 'text', (c) => c.notNull())
      .addColumn('row_id', 'text', (c) => c.notNull())
      .addColumn('office_id', 'text', (c) => c.notNull())
      .addColumn('hlc', 'text', (c) => c.notNull())
      .addColumn('data', 'text', (c) => c.notNull())
      .addColumn('clocks', 'text')
      .addColumn('bases', 'text')
      .addColumn('origin', 'text')
      .addColumn('seq', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('hq_rows_pk', ['table_name', 'row_id'])
      .execute();
    await db.schema.createIndex('hq_rows_office_seq').on('hq_rows').columns(['office_id', 'seq']).execute();
    await db.schema
      .createTable('hq_conflicts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('office_id', 'text', (c) => c.notNull())
      .addColumn('table_name', 'text', (c) => c.notNull())
      .addColumn('row_id', 'text', (c) => c.notNull())
      .addColumn('field', 'text', (c) => c.notNull())
      .addColumn('kept_value', 'text')
      .addColumn('kept_hlc', 'text', (c) => c.notNull())
      .addColumn('lost_value', 'text')
      .addColumn('lost_hlc', 'text', (c) => c.notNull())
      .addColumn('detected_at', 'text', (c) => c.notNull())
      .addColumn('resolved_at', 'text')
      .addColumn('resolution', 'text')
      .addColumn('seq', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('hq_conflicts_office_seq')
      .on('hq_conflicts')
      .columns(['office_id', 'seq'])
      .execute();
    await db.schema
      .createTable('hq_reports')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('node', 'text')
      .addColumn('office_id', 'text')
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('message', 'text', (c) => c.notNull())
      .execute();
  },
};

/** Frozen: attachments' files, each office's apart; the bytes as `bytea` on PostgreSQL, `blob` on SQLite. */
const m002: Migration = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a frozen migration knows no app types
  async up(db: Kysely<any>) {
    const bytes = db.getExecutor().adapter instanceof PostgresAdapter ? 'bytea' : 'blob';
    await db.schema
      .createTable('hq_files')
      .addColumn('office_id', 'text', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('data', bytes, (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('hq_files_pk', ['office_id', 'sha256'])
      .execute();
  },
};

/** What a password hash HQ held in clear becomes: no password verifies against it. */
export const HASH_REMOVED_AT_HQ = '!removed-at-hq';

/**
 * Frozen: office users' password hashes that reached HQ before offices sealed them are removed from
 * HQ's rows and conflicts, clocks untouched (no office pulls them again). A computer that joins later
 * gets a user's hash once it changes: the user's next sign-in at the office renews it, sealed.
 */
const m003: Migration = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a frozen migration knows no app types
  async up(db: Kysely<any>) {
    const rows = await db
      .selectFrom('hq_rows')
      .select(['row_id', 'data'])
      .where('table_name', '=', 'users')
      .execute();
    for (const r of rows as { row_id: string; data: string }[]) {
      const d = JSON.parse(r.data) as Record<string, unknown>;
      if (typeof d.password_hash !== 'string' || !d.password_hash.startsWith('scrypt$')) continue;
      d.password_hash = HASH_REMOVED_AT_HQ;
      await db
        .updateTable('hq_rows')
        .set({ data: JSON.stringify(d) })
        .where('table_name', '=', 'users')
        .where('row_id', '=', r.row_id)
        .execute();
    }
    const removed = JSON.stringify(HASH_REMOVED_AT_HQ);
    for (const column of ['kept_value', 'lost_value'])
      await db
        .updateTable('hq_conflicts')
        .set({ [column]: removed })
        .where('table_name', '=', 'users')
        .where('field', '=', 'password_hash')
        .where(column, 'like', '"scrypt$%')
        .execute();
  },
};

/** A static list, as for the office: a bundled main process has no migrations folder to read. */
export const HQ_MIGRATIONS: Record<string, Migration> = {
  '001-initial': m001,
  '002-files': m002,
  '003-sealed-passwords': m003,
  '004-web-reception': m004WebReception,
  '005-web-files': m005WebFiles,
};

const provider: MigrationProvider = { getMigrations: async () => HQ_MIGRATIONS };

export interface HqStore {
  db: Kysely<HqDB>;
  dialect: 'sqlite' | 'postgres';
  close(): Promise<void>;
}

/**
 * SQLite's transactions at HQ take the write lock when they begin (`BEGIN IMMEDIATE`). A push reads
 * HQ's rows, then writes: begun deferred, it fails at once with SQLITE_BUSY_SNAPSHOT (no waiting) when
 * another connection wrote in between (the CLI enrolling an office while HQ serves, a second HQ
 * process). Begun immediate, it waits its turn (busy_timeout) instead.
 */
class ImmediateSqliteDialect extends SqliteDialect {
  override createDriver(): Driver {
    const driver = super.createDriver();
    driver.beginTransaction = async (connection: DatabaseConnection): Promise<void> => {
      await connection.executeQuery(CompiledQuery.raw('begin immediate'));
    };
    return driver;
  }
}

/** `postgres://…` or `postgresql://…` opens PostgreSQL; anything else is a SQLite file path. */
export async function openHqStore(target: string): Promise<HqStore> {
  const isPg = /^postgres(ql)?:\/\//.test(target);
  let db: Kysely<HqDB>;
  if (isPg) {
    // pg returns bigint as text by default; HQ's sequence numbers stay far below 2^53.
    pg.types.setTypeParser(20, (v) => Number(v));
    db = new Kysely<HqDB>({
      dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: target, max: 8 }) }),
    });
  } else {
    if (target !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
    const sqlite = new Database(target);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('busy_timeout = 5000');
    db = new Kysely<HqDB>({ dialect: new ImmediateSqliteDialect({ database: sqlite }) });
  }
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    await db.destroy();
    throw new Error(`HQ database migration failed: ${String(error ?? failed?.migrationName)}`);
  }
  return { db, dialect: isPg ? 'postgres' : 'sqlite', close: () => db.destroy() };
}

/** Takes `n` numbers of HQ's change sequence; the row lock keeps them in commit order on PostgreSQL. */
export async function takeSeq(trx: Kysely<HqDB>, n: number): Promise<number> {
  const r = await trx
    .updateTable('hq_counter')
    .set({ seq: sql`seq + ${n}` })
    .where('id', '=', 1)
    .returning('seq')
    .executeTakeFirstOrThrow();
  return Number(r.seq) - n + 1;
}

export async function currentSeq(db: Kysely<HqDB>): Promise<number> {
  const r = await db.selectFrom('hq_counter').select('seq').where('id', '=', 1).executeTakeFirstOrThrow();
  return Number(r.seq);
}
