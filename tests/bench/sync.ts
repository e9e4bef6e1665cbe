import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { Session } from 'node:inspector';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openOffice } from '../../main/boot/open-office';
import { OfficeSync } from '../../main/sync/engine';
import { currentSeq, openHqStore } from '../../main/hq/store';
import { readViewStatus } from '../../main/hq/view-state';
import { hqTarget as throwawayPg, stopTestPg } from '../integration/sync-pg';
import { ms, summarize, thousands } from './stats';

/**
 * `npm run bench:sync -- [--rows 100000] [--hq <file, postgres://…, or pg>] [--dir /tmp/sync-bench] [--check]
 *   [--join-with-view]`
 *
 * An office with `--rows` changed rows (registrations through the API: appeals, applicants, phones,
 * history, tasks) sends them to HQ over loopback HTTP, HQ on SQLite unless `--hq` names PostgreSQL
 * (`pg`: a throwaway cluster on loopback, as the tests start); then a sync with nothing to send,
 * repeated, while HQ's analyst view catches up; then, once it has, a second computer joins. Beside them, raw
 * better-sqlite3 reading the same change-log rows and writing them into one table in one transaction:
 * the ratio says what the protocol costs. It prints a report; with `--check` it exits 1 when a figure
 * misses its target. Every process it started (HQ, the cluster) is stopped however it ends. With
 * `--profile <dir>`, CPU profiles of the push go there: the office's (the push alone) and HQ's process.
 */
const TARGET_FULL_S = 10;
const TARGET_FULL_RATIO = 5;
const TARGET_JOIN_S = 10;
const TARGET_IDLE_MS = 100;
const TARGET_VIEW_S = 30;

const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '100000' },
    hq: { type: 'string' },
    dir: { type: 'string', default: path.join(os.tmpdir(), 'sync-bench') },
    iterations: { type: 'string', default: '30' },
    check: { type: 'boolean', default: false },
    'join-with-view': { type: 'boolean', default: false },
    profile: { type: 'string' },
  },
});

// However the bench ends (done, failed, interrupted), nothing it started is left running.
const children = new Set<ChildProcess>();
let pgStarted = false;
const stopAll = (): void => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  children.clear();
};
process.on('exit', stopAll);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
  process.once(signal, () => {
    stopAll();
    void (pgStarted ? stopTestPg() : Promise.resolve()).finally(() => process.exit(130));
  });
try {
  process.exitCode = await bench();
} catch (e) {
  console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exitCode = 1;
} finally {
  stopAll();
  if (pgStarted) await stopTestPg();
}

async function bench(): Promise<number> {
  const rows = Number(args.rows);
  const dir = path.resolve(args.dir);
  const log = (s: string): void => void process.stderr.write(s + '\n');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });

  const office = openOffice(path.join(dir, 'office.sqlite'), { dataDir: dir });
  const call = async (method: string, input: unknown): Promise<unknown> => {
    const r = await office.api.call('internal', method, input, { login: 'admin' });
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    return r.value;
  };
  await office.api.call('internal', 'setup.init', {
    office: { name: 'Приёмная', code: 'БНЧ', deputyName: 'Петров Пётр Петрович', timeZone: 'Europe/Moscow' },
    admin: { login: 'admin', fullName: 'Администратор', password: 'secret-pass-1' },
  });

  log(`registering appeals until the change log holds ${thousands(rows)} rows …`);
  const changes = (): number =>
    (
      office.sqlite.prepare('SELECT count(DISTINCT table_name || row_id) AS n FROM change_log').get() as {
        n: number;
      }
    ).n;
  let made = 0;
  while (changes() < rows) {
    const batch = Array.from({ length: 500 }, () => {
      made++;
      return {
        channel: 'post',
        kind: 'complaint',
        summary: `Ремонт подъезда ${made}`,
        topics: ['0005.0005.0056.1149'],
        applicant: {
          lastName: `Иванов-${made}`,
          firstName: 'Иван',
          address: `г. Тверь, ул. Советская, д. ${made}`,
          phone: `+7915${String(1000000 + made).slice(-7)}`,
        },
      };
    });
    await call('appeals.registerBatch', { appeals: batch });
  }
  const changed = changes();

  // HQ runs as `npm run hq` does, in a process of its own (another machine in life).
  pgStarted = args.hq === 'pg';
  const hqTarget = pgStarted ? await throwawayPg() : (args.hq ?? path.join(dir, 'hq.sqlite'));
  const viewFile = path.join(dir, 'hq-view.sqlite');
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const hqCli = path.join(root, 'main/transport/cli/hq.ts');
  const profileDir = args.profile ? path.resolve(args.profile) : null;
  // Node's options as `npm run hq` gives them (the young generation's size).
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const hqNodeOptions = pkg.scripts.hq!.split(/\s+/).filter((t) => /^--max-/.test(t));
  const runHq = (cliArgs: string[]): ChildProcess & { stdout: NodeJS.ReadableStream } => {
    const profiling =
      profileDir && cliArgs[0] === 'serve' ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [];
    const child = spawn(
      process.execPath,
      [
        ...hqNodeOptions,
        ...profiling,
        '--import',
        'tsx',
        hqCli,
        ...cliArgs,
        '--db',
        hqTarget,
        '--view',
        viewFile,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    children.add(child);
    child.once('exit', () => children.delete(child));
    return child;
  };
  const enrolmentCode = async (): Promise<string> => {
    const out = await new Promise<string>((resolve, reject) => {
      let text = '';
      const p = runHq(['enrol-code', 'БНЧ']);
      p.stdout.setEncoding('utf8').on('data', (d: string) => (text += d));
      p.on('error', reject);
      p.on('close', () => resolve(text));
    });
    const found = /[A-Z0-9]{4}(-[A-Z0-9]{4}){3}/.exec(out)?.[0];
    if (!found) throw new Error(`no enrolment code from HQ: ${out}`);
    return found;
  };
  const code = await enrolmentCode();
  // The office's second computer, for its first sync: everything received and merged, a desk claimed.
  const laptopCode = await enrolmentCode();
  const server = runHq(['serve', '--port', '0']);
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    server.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const m = /https?:\/\/127\.0\.0\.1:\d+/.exec(out);
      if (m) resolve(m[0]);
    });
    server.on('error', reject);
    server.on('close', () => reject(new Error(`HQ stopped: ${out}`)));
  });
  // HQ in life has been serving long before a push: its start (the view's worker loading, its catch-up
  // on start) is over before the push is timed, once its threads have been idle for a moment.
  for (let prev = threadCpu(server.pid)?.all ?? 0, calm = 0; calm < 2;) {
    await new Promise((r) => setTimeout(r, 250));
    const now = threadCpu(server.pid)?.all ?? 0;
    calm = now - prev < 25 ? calm + 1 : 0;
    prev = now;
  }
  const dialect = /^postgres/.test(hqTarget) ? 'postgres' : 'sqlite';
  const sync = new OfficeSync(office.store, office.api.systemContext());
  await sync.enrol(url, code);

  log('sending them to HQ …');
  const pushLoad = os.loadavg()[0]!;
  const postmaster = dialect === 'postgres' ? await postmasterOf(hqTarget) : null;
  const pgCpu0 = postmaster ? childrenCpu(postmaster) : null;
  const hqCpu0 = threadCpu(server.pid);
  const cpu0 = process.cpuUsage();
  const profiler = profileDir ? await startProfile() : null;
  const t0 = performance.now();
  const full = await sync.syncNow();
  const fullMs = performance.now() - t0;
  if (profiler && profileDir) await profiler.stop(path.join(profileDir, 'office-push.cpuprofile'));
  const officeCpuMs = cpuMs(process.cpuUsage(cpu0));
  const hqCpu1 = threadCpu(server.pid);
  const pgCpuMs = postmaster && pgCpu0 ? cpuSince(pgCpu0, childrenCpu(postmaster)) : null;
  if (!full.ok) throw new Error(full.error ?? 'sync failed');
  const pushEnded = performance.now();

  // The analyst view catches up behind HQ's back while the idle syncs and the join are measured.
  const hqStore = await openHqStore(hqTarget);
  const hqTop = await currentSeq(hqStore.db);
  await hqStore.close();
  let viewMs: number | null = null;
  const viewWatch = (async () => {
    while (performance.now() - pushEnded < (TARGET_VIEW_S + 60) * 1000) {
      if (fs.existsSync(viewFile) && readViewStatus(viewFile).cursor >= hqTop)
        return void (viewMs = performance.now() - pushEnded);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();

  const idle: number[] = [];
  for (let i = 0; i < Number(args.iterations); i++) {
    const t = performance.now();
    const r = await sync.syncNow();
    idle.push(performance.now() - t);
    if (!r.ok || r.sent !== 0) throw new Error(`an idle sync sent ${r.sent}: ${r.error}`);
  }

  // The join is timed on its own (`--join-with-view` times it while the view still catches up): on two
  // cores the view's merge of the same 100k rows takes one of them.
  if (!args['join-with-view']) await viewWatch;
  log('a second computer of the office joins and receives them …');
  const laptop = openOffice(path.join(dir, 'laptop.sqlite'), { dataDir: dir });
  const laptopSync = new OfficeSync(laptop.store, laptop.api.systemContext());
  const officeRow = (await call('office.get', {})) as { id: string; code: string; name: string };
  await laptopSync.enrol(url, laptopCode, {
    officeId: officeRow.id,
    officeCode: officeRow.code,
    officeName: officeRow.name,
  });
  const j0 = performance.now();
  const joined = await laptopSync.syncNow();
  const joinMs = performance.now() - j0;
  if (!joined.ok) throw new Error(joined.error ?? 'the join failed');
  const laptopDesk = (
    laptop.sqlite.prepare("SELECT value FROM local_state WHERE key = 'desk'").get() as { value: string }
  ).value;
  laptop.close();

  // Raw: the same change-log rows read and written whole into one table, one transaction.
  const rawFile = path.join(dir, 'raw.sqlite');
  const raw = new Database(rawFile);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = NORMAL');
  raw.exec(
    'CREATE TABLE rows (table_name TEXT, row_id TEXT, data TEXT, PRIMARY KEY (table_name, row_id)) WITHOUT ROWID',
  );
  const source = new Database(path.join(dir, 'office.sqlite'), { readonly: true });
  const rawCpu0 = process.cpuUsage();
  const r0 = performance.now();
  const insert = raw.prepare('INSERT OR REPLACE INTO rows VALUES (?, ?, ?)');
  raw.transaction(() => {
    for (const r of source.prepare('SELECT table_name, row_id, data FROM change_log ORDER BY seq').iterate())
      insert.run(...Object.values(r as Record<string, unknown>));
  })();
  const rawMs = performance.now() - r0;
  const rawCpuMs = cpuMs(process.cpuUsage(rawCpu0));
  source.close();
  raw.close();

  await viewWatch;
  const view = fs.existsSync(viewFile) ? readViewStatus(viewFile) : null;

  const idleS = summarize(idle);
  const misses: string[] = [];
  const check = (ok: boolean, what: string): string => (ok ? 'ok' : (misses.push(what), 'OVER'));
  const [l1, l5] = os.loadavg();
  console.log(
    `sync bench — ${os.cpus().length} cores, load average ${l1!.toFixed(2)} / ${l5!.toFixed(2)} (1 / 5 min)`,
  );
  console.log(
    `HQ on ${dialect} (its own process); ${thousands(changed)} changed rows (${thousands(made)} appeals registered)`,
  );
  console.log(
    `office → HQ, all rows:   ${(fullMs / 1000).toFixed(2)} s (${thousands(full.sent)} sent; load ${pushLoad.toFixed(1)} as it began)   target ≤ ${TARGET_FULL_S} s   ${check(fullMs / 1000 <= TARGET_FULL_S, 'office → HQ')}`,
  );
  console.log(
    `raw SQLite, same rows:   ${(rawMs / 1000).toFixed(2)} s   ratio ${(fullMs / rawMs).toFixed(1)}×   target ≤ ${TARGET_FULL_RATIO}×   ${check(fullMs / rawMs <= TARGET_FULL_RATIO, 'ratio to raw')}`,
  );
  // Processor time beside the wall clock: on a shared machine it varies far less than the clock.
  const cpuS = (v: number | null): string => (v === null ? '?' : (v / 1000).toFixed(2));
  const hqMain = hqCpu0 && hqCpu1 ? hqCpu1.main - hqCpu0.main : null;
  const hqOthers = hqCpu0 && hqCpu1 ? hqCpu1.all - hqCpu0.all - (hqCpu1.main - hqCpu0.main) : null;
  console.log(
    `  processor time:        office ${cpuS(officeCpuMs)} s, HQ's serving thread ${cpuS(hqMain)} s (its other threads, the view's catch-up, ${cpuS(hqOthers)} s); raw ${cpuS(rawCpuMs)} s   office ÷ raw ${(officeCpuMs / rawCpuMs).toFixed(1)}×`,
  );
  if (pgCpuMs !== null) console.log(`  PostgreSQL's processes: ${cpuS(pgCpuMs)} s of processor time`);
  console.log(
    `HQ → a joining computer: ${(joinMs / 1000).toFixed(2)} s (${thousands(joined.received)} received and merged, desk ${laptopDesk})   ratio ${(joinMs / rawMs).toFixed(1)}×   target ≤ ${TARGET_JOIN_S} s   ${check(joinMs / 1000 <= TARGET_JOIN_S, 'join')}`,
  );
  console.log(
    `nothing to send:         p50 ${ms(idleS.p50)} ms  p95 ${ms(idleS.p95)} ms  max ${ms(idleS.max)} ms (n=${idleS.n})   target ≤ ${TARGET_IDLE_MS} ms   ${check(idleS.p95 <= TARGET_IDLE_MS, 'idle sync p95')}`,
  );
  console.log(
    `analyst view caught up:  ${viewMs === null ? `not within ${TARGET_VIEW_S + 60} s (read ${thousands(view?.cursor ?? 0)} of ${thousands(hqTop)}${view?.error ? `; ${view.error}` : ''})` : `${(viewMs / 1000).toFixed(2)} s after the push ended`}   target ≤ ${TARGET_VIEW_S} s   ${check(viewMs !== null && viewMs / 1000 <= TARGET_VIEW_S, 'view caught up')}`,
  );
  server.removeAllListeners('close');
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  office.close();
  if (args.check && misses.length > 0) {
    console.log(`targets missed: ${misses.join(', ')}`);
    return 1;
  }
  return 0;
}

/** The office process's CPU profile from now until `stop` writes it to a file. */
async function startProfile(): Promise<{ stop(file: string): Promise<void> }> {
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object): Promise<unknown> =>
    new Promise((resolve, reject) => session.post(method, params, (e, r) => (e ? reject(e) : resolve(r))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 1000 });
  await post('Profiler.start');
  return {
    async stop(file) {
      const { profile } = (await post('Profiler.stop')) as { profile: unknown };
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, JSON.stringify(profile));
      session.disconnect();
    },
  };
}

/** The PostgreSQL server's main process, as the parent of a backend serving `url`'s database. */
async function postmasterOf(url: string): Promise<number | null> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    return statOf(rows[0]!.pid)?.ppid ?? null;
  } finally {
    await client.end();
  }
}

/** A process's parent and processor time in ms (Linux: /proc), null when it is gone or elsewhere. */
function statOf(pid: number | string, task = ''): { ppid: number; ms: number } | null {
  let stat: string;
  try {
    stat = fs.readFileSync(`/proc/${pid}${task}/stat`, 'utf8');
  } catch {
    return null;
  }
  // Fields after the command's closing parenthesis: ppid is the 2nd, utime and stime the 12th and 13th.
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { ppid: Number(f[1]), ms: (Number(f[11]) + Number(f[12])) * (1000 / 100) };
}

/** Processor time of each child process of `parent` (the server's backends and its own workers). */
function childrenCpu(parent: number): Map<number, number> {
  const out = new Map<number, number>();
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    const s = statOf(pid);
    if (s?.ppid === parent) out.set(Number(pid), s.ms);
  }
  return out;
}

function cpuSince(before: Map<number, number>, after: Map<number, number>): number {
  let ms = 0;
  for (const [pid, v] of after) ms += v - (before.get(pid) ?? 0);
  return ms;
}

function cpuMs(u: NodeJS.CpuUsage): number {
  return (u.user + u.system) / 1000;
}

/** A process's processor time in ms, its main thread's and all its threads' (Linux: /proc); null elsewhere. */
function threadCpu(pid: number | undefined): { main: number; all: number } | null {
  if (pid === undefined || !fs.existsSync(`/proc/${pid}/task`)) return null;
  let main = 0;
  let all = 0;
  for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
    const ms = statOf(pid, `/task/${tid}`)?.ms;
    if (ms === undefined) continue; // a thread that ended meanwhile
    all += ms;
    if (Number(tid) === pid) main = ms;
  }
  return { main, all };
}
