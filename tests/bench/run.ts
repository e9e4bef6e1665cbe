import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openOffice } from '../../main/core';
import { Rng } from '../../main/demo/people';
import { contract } from '../../shared/api/index';
import { ProductionCalendar } from '../../shared/domain/calendar';
import { SHIPPED_CALENDAR_YEARS } from '../../shared/domain/calendar-data';
import type { Clock } from '../../shared/util/clock';
import {
  alignIndexes,
  ANCHOR,
  BENCH_PASSWORD,
  GENERATOR_VERSION,
  generate,
  loadOffices,
  readMeta,
} from './generate';
import { RegistryBench, registryShapes, searchShapes } from './registry';
import { benchReminderScan, clearReminders } from './reminders';
import { mark, rawRegistrar, registerViaApi, registrationInputs, rollBack } from './register';
import { bytes, ms, summarize, tableHeader, tableRow, thousands, type Row, type Verdict } from './stats';

/**
 * `npm run bench -- [--scale 0.01] [--db file] [--seed n] [--iterations 200] [--registrations 5000] [--check]`
 *
 * Generates (or reuses) the DESIGN.md data set and measures the registry page, full-text search and
 * registration through the API, each beside the same work done by hand-written SQL in the same run.
 * A report: exit code 0 whatever the figures, unless --check and a target failed.
 */
const TARGET_PAGE_MS = 15;
const TARGET_SEARCH_MS = 50;
const TARGET_REGISTRATIONS_PER_S = 2000;
const TARGET_REMINDER_SCAN_MS = 50;

const { values: args } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    db: { type: 'string' },
    seed: { type: 'string', default: '1' },
    iterations: { type: 'string', default: '200' },
    warmup: { type: 'string', default: '10' },
    registrations: { type: 'string', default: '5000' },
    check: { type: 'boolean', default: false },
  },
});
const scale = Number(args.scale);
const seed = Number(args.seed);
const iterations = Number(args.iterations);
const warmup = Number(args.warmup);
const registrations = Number(args.registrations);
if (!(scale > 0 && scale <= 1) || !Number.isInteger(seed) || !(iterations > 0) || !(registrations > 0)) {
  console.error(
    'usage: npm run bench -- [--scale 0<s≤1] [--db file] [--seed int] [--iterations n] [--check]',
  );
  process.exit(2);
}
const file = path.resolve(args.db ?? path.join(os.tmpdir(), 'priemnaya-bench', `bench-${scale}.db`));
const log = (s: string): void => void process.stderr.write(s + '\n');
const load = (): string =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

// ---- The data set: reuse the file when it holds this very set.
const found = readMeta(file);
const reusable =
  found !== null &&
  found.version === GENERATOR_VERSION &&
  found.scale === scale &&
  found.seed === seed &&
  alignIndexes(file, log);
if (!reusable) log(`generating the data set at scale ${scale} into ${file} …`);
const meta = reusable && found ? found : await generate(file, { scale, seed, log });
const generatedNow = !reusable;
const loadAtStart = load();

// The clock starts at the anchor and runs at real speed: "today" is the data set's today on every run.
const started = performance.now();
const clock: Clock = { now: () => new Date(Date.parse(ANCHOR) + (performance.now() - started)) };
const handle = openOffice(file, { clock, log: (m, e) => log(`${m}: ${String(e)}`) });
const leftover = rollBack(handle.sqlite);
if (leftover > 0) log(`removed ${leftover} appeals left by an interrupted run`);
const offices = loadOffices(handle.sqlite);
const local = offices[0]!;
const sqliteVersion = (handle.sqlite.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
// Sessions, registrations, their change log and audit: all of it goes again at the end.
const marks = mark(handle.sqlite);
const tokens: string[] = [];
for (const login of local.logins) {
  const r = await handle.api.call('internal', 'auth.signIn', { login, password: BENCH_PASSWORD });
  if (!r.ok) throw new Error(`sign-in failed for ${login}: ${r.error.message}`);
  tokens.push((r.value as { token: string }).token);
}

// ---- Registry pages and search.
const rng = new Rng(seed * 7919 + 17);
const bench = new RegistryBench(handle, tokens[0]!);
const pageRows: Row[] = [];
const shapes = registryShapes(offices);
for (const shape of shapes) {
  log(`measuring ${shape.name} …`);
  pageRows.push(await bench.run(shape, rng, iterations, warmup));
}
log('measuring the second page …');
const pages2: Row = { name: 'any of the above, page 2 (cursor)', api: [], raw: [] };
for (const shape of shapes) {
  const r = await bench.run(shape, rng, Math.ceil(iterations / shapes.length), 2, true);
  pages2.api.push(...r.api);
  pages2.raw.push(...r.raw);
}
pageRows.push(pages2);
const searchRows: Row[] = [];
for (const shape of searchShapes(handle.sqlite)) {
  log(`measuring ${shape.name} …`);
  searchRows.push(await bench.run(shape, rng, iterations, warmup));
}
const all = (name: string, rows: Row[], target: number): Row => ({
  name,
  api: rows.flatMap((r) => r.api),
  raw: rows.flatMap((r) => r.raw),
  targetP95: target,
});

// ---- The due-reminder scan: a month's catch-up once, then the pass the timer makes every minute.
log('measuring the due-reminder scan …');
clearReminders(handle);
const reminders = benchReminderScan(
  handle,
  new ProductionCalendar(SHIPPED_CALENDAR_YEARS),
  Math.min(iterations, 100),
  warmup,
);
clearReminders(handle);

// ---- Registration: the API, then the same inserts by hand; each rolled back afterwards.
log(`registering ${registrations} appeals through the API …`);
const inputs = registrationInputs(handle.sqlite, local, registrations, seed + 1);
// CPU time beside wall time: on a shared machine the gap is time spent waiting for a core or the disk.
const cpuSeconds = (since: NodeJS.CpuUsage): number => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1e6;
};
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const apiTimes = await registerViaApi(handle, tokens, inputs);
const apiSeconds = (performance.now() - t0) / 1000;
const apiCpu = cpuSeconds(cpu0);
rollBack(handle.sqlite, marks);
mark(handle.sqlite);
log(`registering ${registrations} appeals by hand-written SQL …`);
const parsed = inputs.map((i) => contract['appeals.register'].input.parse(i));
const register = rawRegistrar(handle.sqlite, local, new ProductionCalendar(SHIPPED_CALENDAR_YEARS), clock);
const rawTimes: number[] = [];
const cpu1 = process.cpuUsage();
const t1 = performance.now();
parsed.forEach((input, i) => {
  const s = performance.now();
  register(input, { id: local.assistants[i % local.assistants.length]!, login: local.logins[0]! });
  rawTimes.push(performance.now() - s);
});
const rawSeconds = (performance.now() - t1) / 1000;
const rawCpu = cpuSeconds(cpu1);
rollBack(handle.sqlite, marks);
handle.close();

// ---- The report.
const fileSize = ['', '-wal'].reduce(
  (n, s) => n + (fs.existsSync(file + s) ? fs.statSync(file + s).size : 0),
  0,
);
const cpu = os.cpus();
const out: string[] = [];
const verdicts: Verdict[] = [];
out.push('', `Priemnaya bench — scale ${scale}, seed ${seed}`);
out.push(
  `data set: ${thousands(meta.appeals)} appeals, ${thousands(meta.requests)} requests, ${thousands(meta.contacts)} contacts, ` +
    `${thousands(meta.phones)} phones, ${meta.offices} offices (one of them local); ` +
    `with each appeal its history entry, task, FTS row and topics; no change-log or audit rows in the bulk load`,
);
out.push(
  `generated in ${(meta.generatedMs / 1000).toFixed(1)} s${generatedNow ? '' : ' (earlier; file reused)'}; ` +
    `file ${bytes(fileSize)}: ${file}`,
);
out.push(
  `machine: ${cpu[0]?.model ?? '?'}, ${cpu.length} cores, ${bytes(os.totalmem())} RAM; ` +
    `Node ${process.version}; SQLite ${sqliteVersion}; ` +
    `load average ${loadAtStart} at start, ${load()} at end`,
);
out.push(`${iterations} iterations per shape (after ${warmup} warm-up), 50 rows a page; times in ms`, '');
out.push(tableHeader());
for (const r of pageRows) out.push(tableRow(r, verdicts));
out.push(tableRow(all('registry page, all shapes', pageRows, TARGET_PAGE_MS), verdicts));
for (const r of searchRows) out.push(tableRow(r, verdicts));
out.push(tableRow(all('FTS search, all kinds', searchRows, TARGET_SEARCH_MS), verdicts));
out.push(
  tableRow({ ...reminders.row, targetP95: TARGET_REMINDER_SCAN_MS }, verdicts),
  `  (the first pass caught up a month: ${thousands(reminders.raised)} reminders raised in ${ms(reminders.catchUpMs)} ms)`,
);
const apiRate = registrations / apiSeconds;
const rawRate = registrations / rawSeconds;
const regPass = apiRate >= TARGET_REGISTRATIONS_PER_S;
verdicts.push({ name: 'registration', pass: regPass });
const a = summarize(apiTimes);
const b = summarize(rawTimes);
out.push(
  '',
  `registration, ${registrations} appeals (70% new contacts with forceNew, 30% an existing contactId):`,
  `  API  ${thousands(apiRate)}/s  (per call p50 ${ms(a.p50)}, p95 ${ms(a.p95)}, max ${ms(a.max)} ms; ` +
    `CPU ${ms((apiCpu * 1000) / registrations)} ms a call)`,
  `  raw  ${thousands(rawRate)}/s  (per call p50 ${ms(b.p50)}, p95 ${ms(b.p95)}, max ${ms(b.max)} ms; ` +
    `CPU ${ms((rawCpu * 1000) / registrations)} ms a call)`,
  `  ratio ${(rawRate / apiRate).toFixed(2)}×; target ≥ ${thousands(TARGET_REGISTRATIONS_PER_S)}/s: ${regPass ? 'PASS' : 'FAIL'}`,
);
out.push(
  '',
  bench.mismatches === 0
    ? `every API page equalled the raw page; ${bench.crossChecked} topic and search pages also equalled the plain form`
    : `WARNING: ${bench.mismatches} pages differed between the API and raw SQL`,
);
const failed = verdicts.filter((v) => !v.pass);
out.push('', failed.length === 0 ? 'ALL TARGETS PASS' : `FAIL: ${failed.map((v) => v.name).join('; ')}`, '');
console.log(out.join('\n'));
process.exitCode = args.check && failed.length > 0 ? 1 : 0;
