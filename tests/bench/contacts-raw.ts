/**
 * The raw-SQLite reference for the contact-base bench (`contacts.ts`): hand-written better-sqlite3 inserts of
 * parsed rows into the product's schema, and (`--costs`) what each piece of that schema costs an import at
 * the base's full size.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import { COUNT_DEFERRED, DEFER_FACETS, RESUME_FACETS } from '../../main/contacts/facets';
import { BULK_PRAGMAS } from '../../main/contacts/bulk';
import { DEFAULT_BATCH } from '../../main/contacts/import';
import type { ImportedContact } from '../../main/contacts/normalize';
import { idSequence } from '../../shared/util/ids';
import { thousands } from './stats';

/** CPU seconds (user + system) since `from`: beside wall time, it shows what the other load took away. */
export function cpuSeconds(from: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(from);
  return (d.user + d.system) / 1e6;
}

/** The settings the product's connection runs a large import with (db/connect.ts, then `BULK_PRAGMAS`). */
export function rawPragmas(db: Database.Database): void {
  for (const p of ['journal_mode = WAL', 'synchronous = NORMAL', 'foreign_keys = ON', 'temp_store = MEMORY'])
    db.pragma(p);
  for (const [name, value] of Object.entries(BULK_PRAGMAS)) db.pragma(`${name} = ${value}`);
}

/**
 * Raw inserts of parsed rows, a batch a transaction: contacts, phones, labels, and (`facets`) the segment
 * counts kept as the import keeps them, once per contact at the end of the batch; no dedupe. With
 * `changeLog`, each row's whole-row change-log entry as well. Ids made the way the product makes them
 * (one instant and one `idSequence` per batch).
 */
export function rawInserter(
  db: Database.Database,
  opts: { changeLog: boolean; facets: boolean },
): (batch: ImportedContact[]) => void {
  const insContact = db.prepare(
    `INSERT INTO contacts (id, office_id, created_at, updated_at, hlc, last_name, first_name, middle_name, full_name,
     name_key, address, address_key, district, source) VALUES (?, 'o', ?, ?, 'h', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insPhone = db.prepare(
    `INSERT INTO contact_phones (id, office_id, created_at, updated_at, hlc, contact_id, phone, raw) VALUES (?, 'o', ?, ?, 'h', ?, ?, ?)`,
  );
  const insLabel = db.prepare(
    `INSERT INTO contact_labels (id, office_id, created_at, updated_at, hlc, contact_id, kind, value) VALUES (?, 'o', ?, ?, 'h', ?, ?, ?)`,
  );
  const insLog = db.prepare(
    `INSERT INTO change_log (hlc, office_id, table_name, row_id, op, data, at) VALUES ('h', 'o', ?, ?, 'upsert', ?, ?)`,
  );
  const logged = (table: string, row: Record<string, unknown>, at: string): void => {
    if (opts.changeLog) insLog.run(table, row.id, JSON.stringify(row), at);
  };
  const deferFacets = db.prepare(DEFER_FACETS);
  const countDeferred = db.prepare(COUNT_DEFERRED);
  const resumeFacets = db.prepare(RESUME_FACETS);
  return db.transaction((batch: ImportedContact[]) => {
    deferFacets.run();
    const nowMs = Date.now();
    const now = new Date(nowMs).toISOString();
    const nextId = idSequence(nowMs);
    const sync = { office_id: 'o', created_at: now, updated_at: now, hlc: 'h', deleted_at: null };
    const ids: string[] = [];
    for (const c of batch) {
      const id = nextId();
      ids.push(id);
      insContact.run(
        id,
        now,
        now,
        c.lastName,
        c.firstName,
        c.middleName,
        c.fullName,
        c.nameKey,
        c.address,
        c.addressKey,
        c.district,
        c.source,
      );
      logged('contacts', { id, ...sync, ...c }, now);
      for (const p of c.phones) {
        const row = { id: nextId(), ...sync, contact_id: id, phone: p.phone, raw: p.raw };
        insPhone.run(row.id, now, now, id, p.phone, p.raw);
        logged('contact_phones', row, now);
      }
      for (const [kind, values] of [
        ['status', c.statuses],
        ['tag', c.tags],
      ] as const)
        for (const value of values) {
          const row = { id: nextId(), ...sync, contact_id: id, kind, value };
          insLabel.run(row.id, now, now, id, kind, value);
          logged('contact_labels', row, now);
        }
    }
    if (opts.facets) countDeferred.run(JSON.stringify(ids));
    resumeFacets.run();
  });
}

/**
 * The most SQLite takes these rows here: all of them in one transaction, with the contact tables' secondary
 * indexes and segment-count triggers dropped first and built again at the end (an index built from sorted
 * keys, not grown a row at a time), the segment counts counted once. No dedupe, no change log. Not a path
 * the product can take while an office works (every other write would wait for the whole file, and a
 * cancel would lose all of it); it bounds what any import on this schema and machine can reach.
 * Returns the seconds the index builds took.
 */
export function rawBulkLoad(db: Database.Database, rows: ImportedContact[]): number {
  const insert = rawInserter(db, { changeLog: false, facets: false });
  let indexSeconds = 0;
  db.transaction(() => {
    const dropped = db
      .prepare(
        `SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL
         AND tbl_name IN ('contacts', 'contact_phones', 'contact_labels')
         AND (type = 'index' OR (type = 'trigger' AND name LIKE '%facets%'))`,
      )
      .all() as { type: string; name: string; sql: string }[];
    for (const d of dropped) db.exec(`DROP ${d.type.toUpperCase()} ${d.name}`);
    for (let i = 0; i < rows.length; i += DEFAULT_BATCH) insert(rows.slice(i, i + DEFAULT_BATCH));
    const t = performance.now();
    for (const d of dropped) db.exec(d.sql);
    indexSeconds = (performance.now() - t) / 1000;
    db.exec(`INSERT INTO contact_facet_counts (sig, n)
      SELECT sig, count(*) FROM contact_facet_sig WHERE true GROUP BY sig
      ON CONFLICT (sig) DO UPDATE SET n = n + excluded.n`);
  })();
  return indexSeconds;
}

// ---- What each piece of the schema costs an import at the base's full size (`--costs`).
export interface CostStep {
  name: string;
  rate: number;
  cpu: number;
}

/**
 * On a copy of `baseFile` (the grown base), `costRows` raw inserts a step, each step taking away one more
 * piece: the change log, the segment counts, then each matching index.
 */
export async function measureCosts(opts: {
  baseFile: string;
  costFile: string;
  costRows: number;
  parseRows: (limit: number) => Promise<ImportedContact[]>;
  log: (s: string) => void;
}): Promise<CostStep[]> {
  const { baseFile, costFile, costRows, parseRows, log } = opts;
  const costSteps: CostStep[] = [];
  for (const f of [costFile, `${costFile}-wal`, `${costFile}-shm`]) fs.rmSync(f, { force: true });
  fs.copyFileSync(baseFile, costFile);
  const db = new Database(costFile);
  rawPragmas(db);
  // Each step takes away one more piece, so a step's rate against the one before is that piece's cost.
  const steps: [string, () => { changeLog: boolean; facets: boolean }][] = [
    ['warm-up (not a result)', () => ({ changeLog: true, facets: true })],
    ['all of it, change log included', () => ({ changeLog: true, facets: true })],
    ['− the change log', () => ({ changeLog: false, facets: true })],
    ['− the segment counts', () => ({ changeLog: false, facets: false })],
    ...['contacts_address_name', 'contacts_name_key', 'contact_phones_phone'].map(
      (index) =>
        [
          `− index ${index}`,
          () => {
            db.exec(`DROP INDEX ${index}`);
            return { changeLog: false, facets: false };
          },
        ] as [string, () => { changeLog: boolean; facets: boolean }],
    ),
  ];
  log(`costs: ${steps.length} steps of ${thousands(costRows)} rows on a copy of the base …`);
  const rows = await parseRows(costRows * steps.length);
  steps.forEach(([name, setUp], i) => {
    const insert = rawInserter(db, setUp());
    // Rows not inserted yet while the file has them; a short file's rows come round again.
    const mine = Array.from({ length: costRows }, (_, k) => rows[(i * costRows + k) % rows.length]!);
    // Each step starts from an empty WAL and ends with its pages in the database file, so a checkpoint
    // is paid by the step that dirtied the pages, not by whichever step it happens to fall in.
    db.pragma('wal_checkpoint(TRUNCATE)');
    const cpu = process.cpuUsage();
    const t = performance.now();
    for (let at = 0; at < mine.length; at += DEFAULT_BATCH) insert(mine.slice(at, at + DEFAULT_BATCH));
    db.pragma('wal_checkpoint(TRUNCATE)');
    costSteps.push({ name, rate: mine.length / ((performance.now() - t) / 1000), cpu: cpuSeconds(cpu) });
  });
  db.close();
  for (const f of [costFile, `${costFile}-wal`, `${costFile}-shm`]) fs.rmSync(f, { force: true });
  return costSteps;
}

/** The `--costs` part of the report: each step's rate and what the piece it took away costs a row. */
export function printCosts(costSteps: CostStep[], costRows: number, total: number): void {
  if (costSteps.length > 0) {
    console.log(
      `raw inserts of ${thousands(costRows)} rows a step into the ${thousands(total)}-contact base, each step without one more piece:`,
    );
    for (const [i, step] of costSteps.entries()) {
      const per = (r: number): number => 1e6 / r;
      const prev = costSteps[i - 1];
      const cost =
        i >= 2 && prev ? `  that piece ≈ ${(per(prev.rate) - per(step.rate)).toFixed(0)} µs a row` : '';
      console.log(
        `  ${step.name.padEnd(38)} ${thousands(step.rate).padStart(8)} rows/s (cpu ${step.cpu.toFixed(1)} s)${cost}`,
      );
    }
  }
}
