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
   * out, as the builder does. Rows of one shape (the same keys in the same order, as the code that
   * builds them writes them) find their statement by comparing keys, with no string built per row.
   */
  insert<T extends keyof DB & string>(table: T, row: Insertable<DB[T]>): Database.RunResult {
    const r = row as Record<string, unknown>;
    const columns = Object.keys(r);
    const values: unknown[] = new Array(columns.length);
    for (let i = 0; i < columns.length; i++) {
      const v = r[columns[i]!];
      if (v === undefined) return this.insertDefined(table, r);
      values[i] = v;
    }
    return this.insertStatement(table, columns).run(values);
  }

  private insertDefined(table: string, row: Record<string, unknown>): Database.RunResult {
    const columns = Object.keys(row).filter((c) => row[c] !== undefined);
    return this.insertStatement(table, columns).run(columns.map((c) => row[c]));
  }

  private insertStatement(table: string, columns: readonly string[]): Database.Statement {
    let shapes = this.inserts.get(table);
    if (!shapes) this.inserts.set(table, (shapes = []));
    for (const shape of shapes)
      if (shape.columns.length === columns.length && shape.columns.every((c, i) => c === columns[i]))
        return shape.statement;
    const sql = `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
    const statement = this.statement(sql);
    shapes.push({ columns: [...columns], statement });
    return statement;
  }

  private readonly inserts = new Map<string, { columns: string[]; statement: Database.Statement }[]>();
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
