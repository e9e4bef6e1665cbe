import { PostgresAdapter, type Kysely, type Migration } from 'kysely';

/**
 * The public web reception's tables in HQ's database (HQ migration «web-reception»). Every piece of
 * state the form needs — pending applications with their codes, the throttles, the routing table — is
 * here and not in a process's memory, so two HQ processes on one PostgreSQL serve the form as one.
 */

/** An application from the form, from its submission until its delivery to an office. */
export interface HqWebApplicationTable {
  id: string;
  kind: 'appeal' | 'volunteer';
  /** SHA-256 of the unguessable token in the citizen's status link. */
  status_token_hash: string;
  /** HMAC of the one-time code; null once confirmed. */
  code_hash: string | null;
  code_channel: 'email' | 'sms';
  code_expires_at: string;
  code_tries: number;
  locked_at: string | null;
  email: string | null;
  phone: string | null;
  client_ip: string;
  /** The application's fields as the office will get them (JSON). */
  payload: string;
  created_at: string;
  confirmed_at: string | null;
  office_id: string | null;
  delivered_at: string | null;
  repeat_of: string | null;
}

/** Fixed-window counters: a key (what is limited and whose) and the window's start. */
export interface HqWebThrottleTable {
  key: string;
  window_start: string;
  hits: number;
}

/** Which office serves which place: the most specific row that matches wins. */
export interface HqWebRouteTable {
  id: string;
  region: string;
  district: string;
  settlement: string;
  office_code: string;
  created_at: string;
}

/** A file attached to a pending application; it moves to the office's files when the application is delivered. */
export interface HqWebFileTable {
  application_id: string;
  /** Its place among the application's files (0, 1, …). */
  seq: number;
  name: string;
  mime: string;
  size: number;
  sha256: string;
  data: Buffer;
}

export interface HqWebDB {
  hq_web_applications: HqWebApplicationTable;
  hq_web_files: HqWebFileTable;
  hq_web_throttle: HqWebThrottleTable;
  hq_web_routes: HqWebRouteTable;
}

/** Frozen: written against `Kysely<any>` with the schema builder, so one text runs on both engines. */
export const m004WebReception: Migration = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a frozen migration knows no app types
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('hq_web_applications')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('status_token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('code_hash', 'text')
      .addColumn('code_channel', 'text', (c) => c.notNull())
      .addColumn('code_expires_at', 'text', (c) => c.notNull())
      .addColumn('code_tries', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('locked_at', 'text')
      .addColumn('email', 'text')
      .addColumn('phone', 'text')
      .addColumn('client_ip', 'text', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('confirmed_at', 'text')
      .addColumn('office_id', 'text')
      .addColumn('delivered_at', 'text')
      .addColumn('repeat_of', 'text')
      .execute();
    await db.schema
      .createIndex('hq_web_applications_unconfirmed')
      .on('hq_web_applications')
      .columns(['confirmed_at', 'created_at'])
      .execute();
    await db.schema
      .createIndex('hq_web_applications_email')
      .on('hq_web_applications')
      .columns(['email', 'created_at'])
      .execute();
    await db.schema
      .createIndex('hq_web_applications_phone')
      .on('hq_web_applications')
      .columns(['phone', 'created_at'])
      .execute();
    await db.schema
      .createTable('hq_web_throttle')
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('window_start', 'text', (c) => c.notNull())
      .addColumn('hits', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('hq_web_throttle_pk', ['key', 'window_start'])
      .execute();
    await db.schema
      .createTable('hq_web_routes')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('region', 'text', (c) => c.notNull())
      .addColumn('district', 'text', (c) => c.notNull())
      .addColumn('settlement', 'text', (c) => c.notNull())
      .addColumn('office_code', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('hq_web_routes_place', ['region', 'district', 'settlement'])
      .execute();
  },
};

/** Frozen: the files attached to pending applications (HQ migration «web-files»), in the database like the rest. */
export const m005WebFiles: Migration = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a frozen migration knows no app types
  async up(db: Kysely<any>) {
    const bytes = db.getExecutor().adapter instanceof PostgresAdapter ? 'bytea' : 'blob';
    await db.schema
      .createTable('hq_web_files')
      .addColumn('application_id', 'text', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('mime', 'text', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('data', bytes, (c) => c.notNull())
      .addPrimaryKeyConstraint('hq_web_files_pk', ['application_id', 'seq'])
      .execute();
  },
};
