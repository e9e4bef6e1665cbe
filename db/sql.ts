import type Database from 'better-sqlite3';
import { Kysely, SqliteDialect, type Compilable, type Insertable } from 'kysely';
import type { DB } from './schema';

/**
 * Kysely builds and types the queries; better-sqlite3 runs them synchronously with cached statements.
 * A synchronous transaction cannot interleave with another call, so a service write is atomic by
 * construction, and it is several times faster than Kysely's async driver for the many small writes of
 * a registration.
 */
export class ReadDb {
  readonly qb: Kysely<DB>;
  private readonly statements = new Map<string, Database.Statement>();

  constructor(readonly sqlite: Database.Database) {
    this.qb = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  }

  protected statement(sql: string): Database.Statement {
    let st = this.statements.get(sql);
    if (!st) {
      st = this.sqlite.prepare(sql);
      this.statements.set(sql, st);
    }
    return st;
  }

  all<R>(query: Compilable<R>): R[] {
    const c = query.compile();
    return this.statement(c.sql).all(...(c.parameters as unknown[])) as R[];
  }

  get<R>(query: Compilable<R>): R | undefined {
    const c = query.compile();
    return this.statement(c.sql).get(...(c.parameters as unknown[])) as R | undefined;
  }

  /** Raw SQL for what the builder does not express (FTS5 MATCH, pragmas). */
  rawAll<R>(sql: string, ...params: unknown[]): R[] {
    return this.statement(sql).all(...params) as R[];
  }

  rawGet<R>(sql: string, ...params: unknown[]): R | undefined {
    return this.statement(sql).get(...params) as R | undefined;
  }
}

/** A handle that can write: only handed out inside `transaction`. */
export class WriteDb extends ReadDb {
  declare readonly __write: true;

  run(query: Compilable<unknown>): Database.RunResult {
    const c = query.compile();
    return this.statement(c.sql).run(...(c.parameters as unknown[]));
  }

  rawRun(sql: string, ...params: unknown[]): Database.RunResult {
    return this.statement(sql).run(...params);
  }

  /**
   * Inserts one typed row without building a query: the hot path of every write (a registration inserts
   * a dozen rows). Column names come from the row's type, never from input. Undefined fields are left
   * out, as the builder does.
   */
  insert<T extends keyof DB & string>(table: T, row: Insertable<DB[T]>): Database.RunResult {
    const columns: string[] = [];
    const values: unknown[] = [];
    for (const [column, value] of Object.entries(row as object)) {
      if (value === undefined) continue;
      columns.push(column);
      values.push(value);
    }
    const key = `${table}(${columns.join(',')})`;
    let sql = this.inserts.get(key);
    if (!sql) {
      sql = `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
      this.inserts.set(key, sql);
    }
    return this.statement(sql).run(...values);
  }

  private readonly inserts = new Map<string, string>();
}

export class Store {
  private readonly writer: WriteDb;

  constructor(readonly sqlite: Database.Database) {
    this.writer = new WriteDb(sqlite);
  }

  get read(): ReadDb {
    return this.writer;
  }

  /** Runs `fn` in one IMMEDIATE transaction: all of it commits, or none of it does. */
  transaction<T>(fn: (db: WriteDb) => T): T {
    return this.sqlite.transaction(() => fn(this.writer)).immediate();
  }
}
