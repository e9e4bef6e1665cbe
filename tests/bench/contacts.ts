import Database from 'better-sqlite3';
import iconv from 'iconv-lite';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openOffice } from '../../main/boot/open-office';
import { makePerson, PHONE_STYLES, phoneDigits, Rng, writePhone } from '../../main/demo/people';
import { COUNT_DEFERRED, DEFER_FACETS, RESUME_FACETS } from '../../main/contacts/facets';
import { countBySql, countContacts } from '../../main/contacts/filter';
import { writeContacts } from '../../main/contacts/export';
import { readRows, fileLayout } from '../../main/contacts/file';
import { BULK_BATCH } from '../../main/contacts/bulk';
import { guessMapping, normalizeRow, type ImportedContact } from '../../main/contacts/normalize';
import type { ContactFilter } from '../../shared/api/contacts';
import { newId } from '../../shared/util/ids';
import {
  cpuSeconds,
  measureCosts,
  printCosts,
  rawBulkLoad,
  rawInserter,
  rawPragmas,
  type CostStep,
} from './contacts-raw';
import { ms, summarize, thousands } from './stats';

/**
 * `npm run bench:contacts -- [--rows 1000000] [--base 2000000] [--dir /tmp/contacts-bench] [--iterations 30]`
 *
 * The contact base at an HQ's size: import of a cp1251 CSV through the product (parse, normalise, dedupe
 * against the base, change log) beside raw better-sqlite3 inserts of the same parsed rows; export of the
 * whole base to one CSV file; segment counts over `--base` contacts. A report: it prints, it never fails.
 * Beside the raw inserts, the same rows loaded the fastest way SQLite takes them here (one transaction,
 * indexes built after): the ceiling of any import on this schema and machine.
 *
 * `--costs 20000` adds what each piece of the schema costs an import at the base's full size: on a copy of
 * the grown base, the same raw inserts of that many rows a step, with the change log, the segment counts
 * and each matching index taken away in turn. The raw inserts and that measurement are in `contacts-raw.ts`.
 */
const TARGET_IMPORT_ROWS_PER_S = 100_000;
const TARGET_IMPORT_RATIO = 0.3;
const TARGET_EXPORT_S = 10;
const TARGET_COUNT_MS = 200;

const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    base: { type: 'string', default: '2000000' },
    dir: { type: 'string', default: path.join(os.tmpdir(), 'contacts-bench') },
    iterations: { type: 'string', default: '30' },
    seed: { type: 'string', default: '1' },
    costs: { type: 'string', default: '0' },
  },
});
const rows = Number(args.rows);
const baseSize = Math.max(Number(args.base), rows);
const iterations = Number(args.iterations);
const seed = Number(args.seed);
const costRows = Number(args.costs);
const dir = path.resolve(args.dir);
const log = (s: string): void => void process.stderr.write(s + '\n');
fs.mkdirSync(dir, { recursive: true });

const DISTRICTS = ['Центральный', 'Заволжский', 'Московский', 'Пролетарский', 'Ленинский', 'Советский'];
const STATUSES = ['Старший по дому', 'Председатель ТСЖ', 'Сторонник', 'Член партии', 'Волонтёр'];
const TAGS = ['двор', 'школа', 'дороги', 'ЖКХ', 'транспорт', 'парк', 'поликлиника'];

// ---- The file: written the way an office's Excel saves it.
const csvFile = path.join(dir, `contacts-${rows}.csv`);
if (!fs.existsSync(csvFile)) {
  log(`writing ${thousands(rows)} rows to ${csvFile} …`);
  const fd = fs.openSync(csvFile, 'w');
  const rng = new Rng(seed);
  let chunk = 'Фамилия;Имя;Отчество;Телефон;Адрес;Район;Статус;Метки\r\n';
  for (let i = 0; i < rows; i++) {
    const p = makePerson(rng);
    const phone = writePhone(p.phoneDigits[0] ?? phoneDigits(rng, p.city), rng.int(0, PHONE_STYLES - 1));
    const status = rng.chance(0.3) ? rng.pick(STATUSES) : '';
    const tags = rng.chance(0.4) ? rng.pick(TAGS) : '';
    chunk += `${p.lastName};${p.firstName};${p.middleName};${phone};"${p.address}";${rng.pick(DISTRICTS)};${status};${tags}\r\n`;
    if (chunk.length > 1 << 20) {
      fs.writeSync(fd, iconv.encode(chunk, 'cp1251'));
      chunk = '';
    }
  }
  fs.writeSync(fd, iconv.encode(chunk, 'cp1251'));
  fs.closeSync(fd);
}
const fileBytes = fs.statSync(csvFile).size;

const loadAtStart = os.loadavg();

function freshOffice(name: string) {
  const file = path.join(dir, name);
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  // As the app opens its office: WAL checkpoints on a worker thread.
  return openOffice(file, { dataDir: dir, backgroundCheckpoints: true });
}

async function setUp(handle: ReturnType<typeof openOffice>): Promise<void> {
  const r = await handle.api.call('internal', 'setup.init', {
    office: { name: 'Штаб', code: 'ШТБ', deputyName: 'Депутат', timeZone: 'Europe/Moscow' },
    admin: { login: 'admin', fullName: 'Администратор', password: 'bench-password-1' },
  });
  if (!r.ok) throw new Error(r.error.message);
}

// ---- Import through the product.
const product = freshOffice('import.sqlite');
await setUp(product);
log('importing through the API …');
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const imported = await product.api.call(
  'cli',
  'contacts.import',
  { source: { path: csvFile } },
  { login: 'admin' },
);
const importSeconds = (performance.now() - t0) / 1000;
const importCpu = cpuSeconds(cpu0);
if (!imported.ok) throw new Error(imported.error.message);
const summary = imported.value as {
  rows: number;
  created: number;
  merged: number;
  unchanged: number;
  skipped: number;
};

// ---- The same rows parsed (untimed), then inserted by hand into the same schema: contacts, phones, labels
// and the segment counts, no dedupe, no change log, in transactions of the import's size, ids made the way
// the product makes them (one instant per batch).
log('parsing the same rows for the raw insert …');
/** The file's first `limit` rows, parsed and normalised as the import does. */
async function parseRows(limit = Infinity): Promise<ImportedContact[]> {
  const out: ImportedContact[] = [];
  let mapping: ReturnType<typeof guessMapping> | null = null;
  await readRows(csvFile, fileLayout(csvFile, {}), (chunk) => {
    for (const r of chunk) {
      if (!mapping) {
        mapping = guessMapping(r.values);
        continue;
      }
      const n = normalizeRow(r.values, mapping, new Map(), 'bench', '2099-12-31');
      if (n.ok && out.length < limit) out.push(n.contact);
    }
    return out.length < limit;
  });
  return out;
}
const parsed = await parseRows();
const rawFile = path.join(dir, 'raw.sqlite');
for (const f of [rawFile, `${rawFile}-wal`, `${rawFile}-shm`]) fs.rmSync(f, { force: true });
// The product's connection is open: its WAL goes into the file first, so the copy is whole.
product.sqlite.pragma('wal_checkpoint(TRUNCATE)');
fs.copyFileSync(path.join(dir, 'import.sqlite'), rawFile);
const raw = new Database(rawFile);
rawPragmas(raw);
raw.exec(
  'DELETE FROM contact_labels; DELETE FROM contact_phones; DELETE FROM contacts; DELETE FROM change_log;',
);
raw.exec('VACUUM');
// The same empty schema for the bulk load (below).
const bulkFile = path.join(dir, 'raw-bulk.sqlite');
for (const f of [bulkFile, `${bulkFile}-wal`, `${bulkFile}-shm`]) fs.rmSync(f, { force: true });
fs.copyFileSync(rawFile, bulkFile);
log(`inserting ${thousands(parsed.length)} parsed rows by hand …`);
const insertBatch = rawInserter(raw, { changeLog: false, facets: true });
const cpu1 = process.cpuUsage();
const t1 = performance.now();
for (let i = 0; i < parsed.length; i += BULK_BATCH) insertBatch(parsed.slice(i, i + BULK_BATCH));
const rawSeconds = (performance.now() - t1) / 1000;
const rawCpu = cpuSeconds(cpu1);
raw.close();

// ---- The same rows loaded the fastest way SQLite can take them here (`rawBulkLoad`): a ceiling, not a path.
log(`loading the same rows with the indexes built after …`);
const bulk = new Database(bulkFile);
rawPragmas(bulk);
const cpu2 = process.cpuUsage();
const t2 = performance.now();
const bulkIndexSeconds = rawBulkLoad(bulk, parsed);
const bulkSeconds = (performance.now() - t2) / 1000;
const bulkCpu = cpuSeconds(cpu2);
bulk.close();
for (const f of [bulkFile, `${bulkFile}-wal`, `${bulkFile}-shm`]) fs.rmSync(f, { force: true });
const parsedCount = parsed.length;
parsed.length = 0;

// ---- Export of the whole base to one file.
/** The whole base exported to one file, timed: wall and CPU seconds, the count, the file's size. */
async function exportTo(format: 'csv' | 'xlsx') {
  log(`exporting the base to one ${format.toUpperCase()} …`);
  const file = path.join(dir, `export.${format}`);
  const fd = fs.openSync(file, 'w');
  const cpu = process.cpuUsage();
  const t = performance.now();
  const count = await writeContacts(
    product.store.read,
    {},
    { format, encoding: 'cp1251' },
    (c) => c,
    (b) => {
      fs.writeSync(fd, b);
    },
  );
  const seconds = (performance.now() - t) / 1000;
  const cpuS = cpuSeconds(cpu);
  fs.closeSync(fd);
  return { count, seconds, cpu: cpuS, mb: fs.statSync(file).size / 1e6 };
}
const csvExport = await exportTo('csv');
const xlsxExport = await exportTo('xlsx');

// ---- Grow the base to its HQ size (raw inserts: the base, not the import, is measured here).
const have = (product.sqlite.prepare('SELECT count(*) AS n FROM contacts').get() as { n: number }).n;
if (have < baseSize) {
  const now = new Date().toISOString();
  log(`growing the base to ${thousands(baseSize)} contacts …`);
  const rng = new Rng(seed + 1);
  const office = (product.sqlite.prepare('SELECT id FROM offices').get() as { id: string }).id;
  const c = product.sqlite.prepare(
    `INSERT INTO contacts (id, office_id, created_at, updated_at, hlc, full_name, last_name, name_key, district, source)
     VALUES (?, ?, ?, ?, 'h', ?, ?, ?, ?, 'bench')`,
  );
  const l = product.sqlite.prepare(
    `INSERT INTO contact_labels (id, office_id, created_at, updated_at, hlc, contact_id, kind, value) VALUES (?, ?, ?, ?, 'h', ?, ?, ?)`,
  );
  const k = product.sqlite.prepare(
    `INSERT INTO contact_consents (id, office_id, created_at, updated_at, hlc, contact_id, purpose, wording_version, given_at)
     VALUES (?, ?, ?, ?, 'h', ?, 'mailing', '1', ?)`,
  );
  const grow = product.sqlite.transaction((n: number) => {
    product.sqlite.exec(DEFER_FACETS);
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const id = newId();
      ids.push(id);
      const name = `Фамилия${rng.int(0, 99999)}`;
      c.run(id, office, now, now, name, name, name.toLowerCase(), rng.pick(DISTRICTS));
      if (rng.chance(0.3))
        l.run(newId(), office, now, now, id, 'status', rng.pick(['supporter', 'house_head', 'volunteer']));
      if (rng.chance(0.4)) l.run(newId(), office, now, now, id, 'tag', rng.pick(TAGS));
      if (rng.chance(0.2)) k.run(newId(), office, now, now, id, now);
    }
    product.sqlite.prepare(COUNT_DEFERRED).run(JSON.stringify(ids));
    product.sqlite.exec(RESUME_FACETS);
  });
  for (let left = baseSize - have; left > 0; left -= 50_000) grow(Math.min(50_000, left));
  product.sqlite.exec('ANALYZE');
}
const productDb = product.store.read;
const total = (
  product.sqlite
    .prepare(
      'SELECT count(*) AS n FROM contacts WHERE deleted_at IS NULL AND erased_at IS NULL AND placeholder = 0',
    )
    .get() as { n: number }
).n;

const segments: [string, ContactFilter][] = [
  ['whole base', {}],
  ['district', { district: 'Заволжский' }],
  ['status', { statuses: ['supporter'] }],
  ['district + status', { district: 'Центральный', statuses: ['supporter', 'Сторонник'] }],
  ['tag', { tags: ['школа'] }],
  ['consent for mailing', { consent: { purpose: 'mailing', given: true } }],
  ['district + no consent', { district: 'Московский', consent: { purpose: 'mailing', given: false } }],
];
log('counting segments …');
/** p50/p95 of `count` over `runs` runs after two warm-ups, and the count it gave. */
function timed(runs: number, count: () => number): { count: number } & ReturnType<typeof summarize> {
  const times: number[] = [];
  let n = 0;
  for (let i = 0; i < runs + 2; i++) {
    const t = performance.now();
    n = count();
    if (i >= 2) times.push(performance.now() - t);
  }
  return { count: n, ...summarize(times) };
}
const countRows = segments.map(([name, filter]) => {
  const product = timed(iterations, () => countContacts(productDb, filter));
  // The same filter counted by SQL over the rows (what the product did before the facet counts).
  const sql = timed(3, () => countBySql(productDb, filter));
  return { name, ...product, sqlP50: sql.p50, agrees: sql.count === product.count };
});
product.close();

// ---- What each piece of the schema costs an import at the base's full size (`--costs`, contacts-raw.ts).
const costSteps: CostStep[] =
  costRows > 0
    ? await measureCosts({
        baseFile: path.join(dir, 'import.sqlite'),
        costFile: path.join(dir, 'costs.sqlite'),
        costRows,
        parseRows,
        log,
      })
    : [];

// ---- The report.
const rate = summary.rows / importSeconds;
const rawRate = summary.created / rawSeconds;
const verdict = (ok: boolean): string => (ok ? 'ok' : 'MISSED');
const loads = (l: number[]): string => l.map((x) => x.toFixed(2)).join(' ');
console.log(
  `\nContact base bench — ${os.cpus().length} cores, load at start ${loads(loadAtStart)}, at end ${loads(os.loadavg())}`,
);
console.log(`file: ${thousands(summary.rows)} rows, ${(fileBytes / 1e6).toFixed(1)} MB cp1251 CSV`);
console.log(
  `import (API):  ${importSeconds.toFixed(1)} s (cpu ${importCpu.toFixed(1)} s), ${thousands(rate)} rows/s — created ${thousands(summary.created)}, merged ${thousands(summary.merged)}, unchanged ${thousands(summary.unchanged)}, skipped ${thousands(summary.skipped)}  target ≥ ${thousands(TARGET_IMPORT_ROWS_PER_S)} rows/s ${verdict(rate >= TARGET_IMPORT_ROWS_PER_S)}`,
);
console.log(
  `raw insert of the same parsed rows: ${rawSeconds.toFixed(1)} s (cpu ${rawCpu.toFixed(1)} s), ${thousands(rawRate)} rows/s`,
);
console.log(
  `raw load of the same rows in one transaction, indexes built after: ${bulkSeconds.toFixed(1)} s (cpu ${bulkCpu.toFixed(1)} s, index builds ${bulkIndexSeconds.toFixed(1)} s), ${thousands(parsedCount / bulkSeconds)} rows/s — the most SQLite takes these rows here`,
);
console.log(
  `ratio import / raw insert: ${(rate / rawRate).toFixed(2)}  goal ≥ ${TARGET_IMPORT_RATIO} ${verdict(rate / rawRate >= TARGET_IMPORT_RATIO)}`,
);
for (const [name, e] of [
  ['CSV', csvExport],
  ['XLSX', xlsxExport],
] as const)
  console.log(
    `export to one ${name}: ${thousands(e.count)} contacts in ${e.seconds.toFixed(1)} s (cpu ${e.cpu.toFixed(1)} s, ${e.mb.toFixed(1)} MB)  target ≤ ${TARGET_EXPORT_S} s ${verdict(e.seconds <= TARGET_EXPORT_S)}`,
  );
console.log(`segment counts over ${thousands(total)} contacts (${iterations} runs each):`);
for (const r of countRows)
  console.log(
    `  ${r.name.padEnd(24)} ${thousands(r.count).padStart(10)}  p50 ${ms(r.p50).padStart(6)} ms  p95 ${ms(r.p95).padStart(6)} ms  max ${ms(r.max).padStart(6)} ms  target ≤ ${TARGET_COUNT_MS} ms ${verdict(r.p95 <= TARGET_COUNT_MS)}  (by SQL over the rows: p50 ${ms(r.sqlP50)} ms, ratio ${(r.sqlP50 / r.p50).toFixed(0)}×${r.agrees ? '' : ', COUNTS DIFFER'})`,
  );
printCosts(costSteps, costRows, total);
