import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openOffice } from '../../main/boot/open-office';
import { setRoute } from '../../main/hq/reception/routes';
import { WebReception } from '../../main/hq/reception/service';
import { changeWebSettings } from '../../main/hq/reception/settings';
import { Hq } from '../../main/hq/service';
import { openHqStore } from '../../main/hq/store';
import { OfficeSync } from '../../main/sync/engine';
import { startHqServer } from '../../main/transport/http/hq';
import { systemClock } from '../../shared/util/clock';
import { newId } from '../../shared/util/ids';
import { hqTarget as throwawayPg, stopTestPg } from '../integration/sync-pg';
import { ms, summarize, thousands } from './stats';
import { procOf, type ClientsDone, type ClientsJob, type CodeNote } from './web-reception-clients';

/**
 * `npm run bench:web -- [--hq sqlite|pg] [--n 2000] [--clients 50] [--procs 2] [--rate 300] [--paced 1500]
 *   [--check]`
 *
 * The public web reception under load, HQ in this process and the citizens in `--procs` others
 * (`web-reception-clients.ts`), over loopback HTTP: each citizen submits the form and confirms it with
 * the code, which HQ's sender hands to the citizen's process (as a mail server would; the figure is
 * HQ's and not a mail server's); each confirmed application is delivered to the office in the same
 * request. First saturation: `--clients` citizens at once, `--n` applications as fast as HQ answers.
 * Then the goal rate, open loop: `--paced` citizens arriving at `--rate` a second whether or not HQ has
 * answered the earlier ones, each latency counted from the planned arrival. Beside them, the same
 * number of raw inserts of the application rows at the same concurrency. Then the office syncs all the
 * applications waiting for it. With `--check` it exits 1 when a target is missed. Every process it
 * started (the citizens, the PostgreSQL cluster) is stopped however it ends.
 */
const TARGET_PER_S_SQLITE = 300;
const TARGET_P95_MS = 100;
const TARGET_SYNC_S_PER_1000 = 5;

const { values: args } = parseArgs({
  options: {
    hq: { type: 'string', default: 'sqlite' },
    n: { type: 'string', default: '2000' },
    clients: { type: 'string', default: '50' },
    procs: { type: 'string', default: '2' },
    rate: { type: 'string', default: String(TARGET_PER_S_SQLITE) },
    paced: { type: 'string', default: '1500' },
    check: { type: 'boolean', default: false },
  },
});

const hidden = (html: string, name: string): string =>
  new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? '';

// However the bench ends (done, failed, interrupted), nothing it started is left running.
const children: ChildProcess[] = [];
let pgStarted = false;
const stopChildren = (): void => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  children.length = 0;
};
process.on('exit', stopChildren);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
  process.once(signal, () => {
    stopChildren();
    void (pgStarted ? stopTestPg() : Promise.resolve()).finally(() => process.exit(130));
  });

function startClients(procs: number): ChildProcess[] {
  const script = fileURLToPath(new URL('./web-reception-clients.ts', import.meta.url));
  for (let p = 0; p < procs; p++) children.push(fork(script, ['--citizens'], { stdio: 'inherit' }));
  return children;
}

/** Part `p` of `total` split over `parts`. */
const share = (total: number, p: number, parts: number): number =>
  Math.floor(total / parts) + (p < total % parts ? 1 : 0);

/** Runs one job split over the client processes; the citizens' latencies, or the first failure. */
async function run(
  procs: ChildProcess[],
  job: Omit<ClientsJob, 'kind' | 'proc' | 'first' | 'count' | 'clients' | 'rate'>,
  first: number,
  count: number,
  clients: number,
  rate: number,
): Promise<{ latencies: number[]; seconds: number }> {
  const t0 = performance.now();
  const parts = await Promise.all(
    procs.map(
      (child, p) =>
        new Promise<ClientsDone>((resolve, reject) => {
          const from =
            first +
            Array.from({ length: p }, (_, q) => share(count, q, procs.length)).reduce((a, b) => a + b, 0);
          const onMessage = (m: ClientsDone | CodeNote): void => {
            if (m.kind !== 'done') return;
            child.off('message', onMessage);
            child.off('exit', onExit);
            resolve(m);
          };
          const onExit = (code: number | null): void =>
            reject(new Error(`citizens' process ${p} ended: ${code}`));
          child.on('message', onMessage);
          child.once('exit', onExit);
          child.send({
            kind: 'job',
            ...job,
            proc: p,
            first: from,
            count: share(count, p, procs.length),
            clients: share(clients, p, procs.length),
            rate: rate / procs.length,
          } satisfies ClientsJob);
        }),
    ),
  );
  const seconds = (performance.now() - t0) / 1000;
  const failures = parts.flatMap((d) => d.failures);
  if (failures.length > 0) throw new Error(`${failures.length} citizens failed, the first: ${failures[0]}`);
  return { latencies: parts.flatMap((d) => d.latencies), seconds };
}

/** A raw insert of an application row, as many as `n` at `clients` at once: what the database alone costs. */
async function rawInserts(hq: Hq, n: number, clients: number): Promise<number> {
  let next = 0;
  const r0 = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let i = next++; i < n; i = next++)
        await hq.db
          .insertInto('hq_web_applications')
          .values({
            id: newId(),
            kind: 'appeal',
            status_token_hash: `raw-${i}`,
            code_hash: 'x',
            code_channel: 'email',
            code_expires_at: new Date().toISOString(),
            code_tries: 0,
            locked_at: null,
            email: `raw${i}@mail.test`,
            phone: null,
            client_ip: '10.0.0.1',
            payload: '{}',
            created_at: new Date().toISOString(),
            confirmed_at: null,
            office_id: null,
            delivered_at: null,
            repeat_of: null,
          })
          .execute();
    }),
  );
  return (performance.now() - r0) / 1000;
}

async function bench(): Promise<number> {
  const n = Number(args.n);
  const clients = Number(args.clients);
  const rate = Number(args.rate);
  const paced = Number(args.paced);
  const pg = args.hq === 'pg';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'web-bench-'));
  pgStarted = pg;
  const store = await openHqStore(pg ? await throwawayPg() : path.join(dir, 'hq.sqlite'));
  try {
    const hq = await Hq.open(store, { clock: systemClock });
    const procs = startClients(Number(args.procs));
    const reception = await WebReception.open(hq, {
      clock: systemClock,
      // The code goes to the process of the citizen it is for (the address names it).
      sender: {
        email: async (m) => void procs[procOf(m.to)]!.send({ kind: 'code', email: m.to, code: m.code }),
      },
      publicUrl: 'https://deputat.example/reception',
    });
    await changeWebSettings(hq.db, { minFillSeconds: 0, perIpHour: 100_000, confirmsPerIp10min: 100_000 });
    const server = await startHqServer({
      hq,
      port: 0,
      reception: { reception, clientIp: (req) => String(req.headers['x-bench-client']) },
    });
    const officeDir = path.join(dir, 'office');
    fs.mkdirSync(officeDir);
    const office = openOffice(path.join(officeDir, 'office.sqlite'), { clock: systemClock });
    const ctx = office.api.systemContext();
    const setup = await office.api.call('internal', 'setup.init', {
      office: {
        name: 'Приёмная',
        code: 'ВЕБ',
        deputyName: 'Петров Пётр Петрович',
        timeZone: 'Europe/Moscow',
      },
      admin: { login: 'admin', fullName: 'Администратор', password: 'bench-pass-1' },
    });
    if (!setup.ok) throw new Error(setup.error.message);
    const sync = new OfficeSync(office.store, ctx, () => undefined);
    await sync.enrol(server.url, await hq.createEnrolmentCode('ВЕБ'));
    await setRoute(hq.db, { region: '', district: '', settlement: '' }, 'ВЕБ', new Date());

    const form = await (await fetch(`${server.url}/reception/appeal`)).text();
    const job = { url: server.url, started: hidden(form, 'started') };
    const cpu0 = process.cpuUsage();
    const saturated = await run(procs, { ...job, mode: 'closed' }, 0, n, clients, rate);
    const cpu = process.cpuUsage(cpu0);
    // HQ's own CPU time per citizen: what the figures would be on a machine HQ had to itself.
    const cpuMs = (cpu.user + cpu.system) / 1000 / n;
    const atRate = await run(procs, { ...job, mode: 'open' }, n, paced, clients, rate);
    const delivered = await hq.db
      .selectFrom('hq_rows')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('table_name', '=', 'web_applications')
      .executeTakeFirstOrThrow();
    const total = n + paced;
    if (Number(delivered.n) !== total) throw new Error(`${delivered.n} delivered of ${total}`);

    const rawS = await rawInserts(hq, n, clients);
    const s0 = performance.now();
    const outcome = await sync.syncNow();
    const syncS = (performance.now() - s0) / 1000;
    const got = office.sqlite.prepare('SELECT count(*) AS n FROM web_applications').get() as { n: number };
    if (!outcome.ok || got.n !== total) throw new Error(`the office got ${got.n} of ${total}`);

    const sat = summarize(saturated.latencies);
    const goal = summarize(atRate.latencies);
    const perS = n / saturated.seconds;
    const achieved = paced / atRate.seconds;
    const syncPer1000 = (syncS * 1000) / total;
    const misses: string[] = [];
    if (!pg && perS < TARGET_PER_S_SQLITE) misses.push('throughput');
    if (goal.p95 > TARGET_P95_MS) misses.push('p95 at the goal rate');
    if (syncPer1000 > TARGET_SYNC_S_PER_1000) misses.push('office sync');
    console.log(
      `web reception, HQ on ${pg ? 'PostgreSQL' : 'SQLite'} in one process, citizens in ${procs.length} others, loopback (load ${os.loadavg()[0]!.toFixed(1)}):`,
    );
    console.log(
      `  saturation, ${clients} citizens at once, ${thousands(n)} applications: ${thousands(Math.round(perS))} submitted and confirmed/s` +
        (pg ? '' : ` (target ≥ ${TARGET_PER_S_SQLITE}/s)`) +
        `; submit + confirm p50 ${ms(sat.p50)}, p95 ${ms(sat.p95)}, max ${ms(sat.max)} ms`,
    );
    console.log(
      `  HQ's CPU per citizen (submit + confirm + delivery): ${ms(cpuMs)} ms, so one core serves ${thousands(1000 / cpuMs)}/s`,
    );
    console.log(
      `  goal rate, open loop: ${thousands(paced)} citizens arriving at ${rate}/s (${achieved.toFixed(0)}/s done), ` +
        `latency from the planned arrival p50 ${ms(goal.p50)}, p95 ${ms(goal.p95)} (target ≤ ${TARGET_P95_MS} ms), max ${ms(goal.max)} ms`,
    );
    console.log(
      `  raw insert of the application rows, ${clients} at once: ${thousands(Math.round(n / rawS))}/s; saturation is ${(saturated.seconds / rawS).toFixed(1)}× its time`,
    );
    console.log(
      `  the office's sync of ${thousands(total)} waiting applications: ${syncS.toFixed(2)} s, ${syncPer1000.toFixed(2)} s per 1,000 (target ≤ ${TARGET_SYNC_S_PER_1000} s)`,
    );
    console.log(misses.length === 0 ? 'ALL TARGETS PASS' : `MISSED: ${misses.join(', ')}`);
    await server.close();
    office.close();
    return args.check && misses.length > 0 ? 1 : 0;
  } finally {
    stopChildren();
    await store.close();
    if (pg) await stopTestPg();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

try {
  process.exitCode = await bench();
} catch (e) {
  console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exitCode = 1;
}
