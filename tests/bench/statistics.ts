import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openOffice } from '../../main/boot/open-office';
import { openDatabase } from '../../db/connect';
import { m0010 } from '../../db/migrations/0010-statistics';
import type { Figures } from '../../shared/api/statistics';
import { previousPeriod, type Period } from '../../shared/domain/periods';
import { ANCHOR, BENCH_PASSWORD, loadOffices, readMeta } from './generate';
import { yearPages } from './statistics-page';
import { bytes, ms, summarize, thousands } from './stats';

/**
 * `npm run bench:statistics -- [--scale 1] [--year 2025] [--iterations 30]`
 *
 * The statistics page for a year over the bench data set (every office: an HQ's view, and one office's
 * own through the API), beside hand-written SQL over the same day counts, and beside the same figures
 * read from the appeals, topics and contacts themselves (what the page would cost without the counts).
 *
 * It works on a copy of `npm run bench`'s file in its own folder, brought to this schema there (the
 * copy's applicants get districts first, as a city's offices fill them), so the shared file is never
 * changed. A report: it prints, it never fails.
 */
const TARGET_PAGE_MS = 300;

const { values: args } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    year: { type: 'string', default: '2025' },
    iterations: { type: 'string', default: '30' },
    dir: { type: 'string', default: path.join(os.tmpdir(), 'statistics-bench') },
  },
});
const scale = Number(args.scale);
const iterations = Number(args.iterations);
const year: Period = { from: `${args.year}-01-01`, to: `${args.year}-12-31` };
const source = path.join(os.tmpdir(), 'priemnaya-bench', `bench-${scale}.db`);
const dir = path.resolve(args.dir);
const file = path.join(dir, `bench-${scale}.db`);
const log = (s: string): void => void process.stderr.write(s + '\n');
const load = (): string =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

const meta = readMeta(source);
if (!meta) {
  console.error(`no bench data set at ${source}: run npm run bench -- --scale ${scale} first`);
  process.exit(2);
}
const DISTRICTS = ['Центральный', 'Заволжский', 'Московский', 'Пролетарский', 'Ленинский', 'Советский'];

/** The file's tables, indexes and triggers as their SQL. */
function schemaOf(db: Database.Database): string {
  return (
    db
      .prepare(
        "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_stat%' ORDER BY name",
      )
      .all() as { sql: string }[]
  )
    .map((r) => r.sql)
    .join('\n');
}
const fresh = openDatabase(':memory:');
const wanted = schemaOf(fresh);
fresh.close();
/** A copy made by an earlier edition of the migration is made again. */
function stale(): boolean {
  if (!fs.existsSync(file)) return true;
  const db = new Database(file, { readonly: true });
  try {
    return (
      (db.pragma('user_version', { simple: true }) as number) >= m0010.version && schemaOf(db) !== wanted
    );
  } finally {
    db.close();
  }
}

// ---- The copy, brought to this schema once (and again when the data set is regenerated).
const copyMeta = readMeta(file);
if (!copyMeta || copyMeta.generatedMs !== meta.generatedMs || copyMeta.seed !== meta.seed || stale()) {
  fs.mkdirSync(dir, { recursive: true });
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  log(`copying ${source} to ${file} …`);
  const src = new Database(source, { readonly: true });
  await src.backup(file);
  src.close();
}
{
  const db = new Database(file);
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version < m0010.version) {
    log('giving five applicants in six a district …');
    db.exec(`UPDATE contacts SET district = CASE rowid % 6 WHEN 0 THEN NULL ELSE
      json_extract('${JSON.stringify(DISTRICTS)}', '$[' || (rowid % 7 % 6) || ']') END`);
    log(`migrating to version ${m0010.version} (the day counts from every appeal) …`);
    const t0 = performance.now();
    db.transaction(() => {
      m0010.up(db);
      db.pragma(`user_version = ${m0010.version}`);
    }).immediate();
    db.exec('ANALYZE');
    log(`  done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  db.close();
}

const loadAtStart = load();
const started = performance.now();
const clock = { now: () => new Date(Date.parse(ANCHOR) + (performance.now() - started)) };
const handle = openOffice(file, { clock, log: (m, e) => log(`${m}: ${String(e)}`) });
const sqlite = handle.sqlite;
const asOf = ANCHOR.slice(0, 10);
const previous = previousPeriod(year, 'year');
const offices = loadOffices(sqlite);
const local = offices[0]!;

const { page: yearPage, raw: rawPage } = yearPages(handle, asOf);
// …and from the appeals themselves, with their topics and applicants, as it would be without the counts.
const fromRows = [
  `SELECT registered_on, channel, kind, sum(is_repeat), sum(is_collective), count(*) FROM appeals
   WHERE deleted_at IS NULL AND registered_on BETWEEN ? AND ? GROUP BY 1, 2, 3`,
  `SELECT substr(t.code, 1, 4), count(DISTINCT a.id) FROM appeals a JOIN appeal_topics t ON t.appeal_id = a.id
   WHERE a.deleted_at IS NULL AND a.registered_on BETWEEN ? AND ? GROUP BY 1`,
  `SELECT c.district, count(*) FROM appeals a JOIN contacts c ON c.id = a.applicant_id
   WHERE a.deleted_at IS NULL AND a.registered_on BETWEEN ? AND ? GROUP BY 1`,
  `SELECT closed_on, result, reviewed_late, CAST(julianday(closed_on) - julianday(registered_on) AS INTEGER), count(*)
   FROM appeals WHERE deleted_at IS NULL AND status = 'closed' AND closed_on BETWEEN ? AND ? GROUP BY 1, 2, 3, 4`,
].map((q) => sqlite.prepare(q));
const rowsPage = (p: Period): void => fromRows.forEach((s) => s.all(p.from, p.to));

const page = (p: Period): Figures => yearPage(p);

// ---- Through the API too: one office's own page, as its desk asks for it.
const signIn = await handle.api.call('internal', 'auth.signIn', {
  login: local.logins[0]!,
  password: BENCH_PASSWORD,
});
if (!signIn.ok) throw new Error(signIn.error.message);
const token = (signIn.value as { token: string }).token;
const viaApi = async (): Promise<void> => {
  const r = await handle.api.call(
    'internal',
    'statistics.period',
    { period: year, compareWith: previous },
    { token },
  );
  if (!r.ok) throw new Error(r.error.message);
};

/** Wall times of each run, and the CPU time of a run on average (the gap is waiting for a core). */
function measure(name: string, fn: () => unknown, runs = iterations): number[] & { cpu?: number } {
  log(`measuring ${name} …`);
  for (let i = 0; i < 3; i++) fn();
  const out: number[] & { cpu?: number } = [];
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    out.push(performance.now() - t);
  }
  const c = process.cpuUsage(cpu0);
  out.cpu = (c.user + c.system) / 1000 / runs;
  return out;
}
const apiTimes: number[] = [];
for (let i = 0; i < 3; i++) await viaApi();
for (let i = 0; i < iterations; i++) {
  const t = performance.now();
  await viaApi();
  apiTimes.push(performance.now() - t);
}
const whole = measure('the whole page, every office', () => {
  page(year);
  page(previous);
});
const raw = measure('the same sums by hand', () => {
  rawPage(year);
  rawPage(previous);
});
const rows = measure(
  'the figures from the appeals themselves',
  () => rowsPage(year),
  Math.min(5, iterations),
);
const check = page(year);
const received = (
  sqlite
    .prepare('SELECT count(*) AS n FROM appeals WHERE deleted_at IS NULL AND registered_on BETWEEN ? AND ?')
    .get(year.from, year.to) as { n: number }
).n;
const countsRows = (sqlite.prepare('SELECT count(*) AS n FROM appeal_counts').get() as { n: number }).n;
handle.close();

const w = summarize(whole);
const r = summarize(raw);
const a = summarize(apiTimes);
const x = summarize(rows);
const size = fs.statSync(file).size;
const pass = w.p50 <= TARGET_PAGE_MS;
console.log(
  [
    '',
    `Priemnaya statistics bench — scale ${scale}: ${thousands(meta.appeals)} appeals, ${thousands(meta.requests)} requests, ` +
      `${meta.offices} offices; file ${bytes(size)}, ${thousands(countsRows)} day-count rows`,
    `machine: ${os.cpus()[0]?.model ?? '?'}, ${os.cpus().length} cores; Node ${process.version}; ` +
      `load average ${loadAtStart} at start, ${load()} at end`,
    `the year ${year.from} – ${year.to} (${thousands(received)} appeals received; the page counted ${thousands(check.received)}) ` +
      `compared with ${previous.from} – ${previous.to}; ${iterations} runs after 3 warm-up; ms`,
    '',
    `  whole page, every office (2 periods)   p50 ${ms(w.p50)}  p95 ${ms(w.p95)}  max ${ms(w.max)}` +
      `   CPU ${ms(whole.cpu ?? 0)} a page`,
    `  the same sums by hand-written SQL      p50 ${ms(r.p50)}  p95 ${ms(r.p95)}  max ${ms(r.max)}` +
      `   CPU ${ms(raw.cpu ?? 0)}; ratio ${(w.p50 / r.p50).toFixed(2)}× (p50), ` +
      `${((whole.cpu ?? 0) / (raw.cpu ?? 1)).toFixed(2)}× (CPU)`,
    `  one office's page through the API      p50 ${ms(a.p50)}  p95 ${ms(a.p95)}  max ${ms(a.max)}`,
    `  one year read from the appeals rows    p50 ${ms(x.p50)}  p95 ${ms(x.p95)}  max ${ms(x.max)}` +
      `   (no counts kept: ${(x.p50 / w.p50).toFixed(0)}× the page for half its figures)`,
    '',
    `whole page p50 ${ms(w.p50)} ms, p95 ${ms(w.p95)} ms (CPU ${ms(whole.cpu ?? 0)} ms), target ≤ ${TARGET_PAGE_MS} ms: ` +
      `${pass ? 'PASS' : 'FAIL'}`,
    '',
  ].join('\n'),
);
if (check.received !== received) {
  console.log(`WARNING: the page counted ${check.received} appeals, the rows ${received}`);
  process.exitCode = 1;
}
