import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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

/**
 * `npm run bench:web -- [--hq sqlite|pg] [--n 2000] [--clients 50] [--check]`
 *
 * The public web reception under load: `--clients` concurrent citizens over loopback HTTP each submit the
 * form and confirm it with the code (sent to an in-memory channel, so the figure is HQ's and not a mail
 * server's), `--n` confirmed applications in all, each delivered to the office in the same request.
 * Beside it, the same number of raw inserts of the application rows at the same concurrency. Then the
 * office syncs the applications waiting for it. The clients run in this process beside HQ, so the
 * figures are a floor. With `--check` it exits 1 when a target is missed.
 */
const TARGET_PER_S_SQLITE = 300;
const TARGET_P95_MS = 100;
const TARGET_SYNC_S = 5;

const { values: args } = parseArgs({
  options: {
    hq: { type: 'string', default: 'sqlite' },
    n: { type: 'string', default: '2000' },
    clients: { type: 'string', default: '50' },
    check: { type: 'boolean', default: false },
  },
});

const hidden = (html: string, name: string): string =>
  new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? '';

async function post(url: string, fields: Record<string, string>, client: string): Promise<string> {
  const r = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Bench-Client': client },
    body: new URLSearchParams(fields),
  });
  const html = await r.text();
  if (r.status !== 200) throw new Error(`${url}: HTTP ${r.status}`);
  return html;
}

async function pool(clients: number, n: number, work: (i: number, client: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      for (let i = next++; i < n; i = next++) await work(i, c);
    }),
  );
}

async function bench(): Promise<number> {
  const n = Number(args.n);
  const clients = Number(args.clients);
  const pg = args.hq === 'pg';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'web-bench-'));
  const store = await openHqStore(pg ? await throwawayPg() : path.join(dir, 'hq.sqlite'));
  try {
    const hq = await Hq.open(store, { clock: systemClock });
    const codes = new Map<string, string>();
    const reception = await WebReception.open(hq, {
      clock: systemClock,
      sender: { email: async (m) => void codes.set(m.to, m.code) },
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
    const started = hidden(form, 'started');
    const latencies: number[] = [];
    const t0 = performance.now();
    await pool(clients, n, async (i, c) => {
      const email = `citizen${i}@mail.test`;
      const a = performance.now();
      const sent = await post(
        `${server.url}/reception/appeal`,
        {
          started,
          website: '',
          surname: 'Иванов',
          first_name: 'Иван',
          email,
          text: `Обращение № ${i}: прошу отремонтировать дорогу у дома ${i % 300} по улице Лесной.`,
          consent: 'yes',
        },
        `10.9.${c}.1`,
      );
      await post(
        `${server.url}/reception/confirm`,
        { application: hidden(sent, 'application'), code: codes.get(email)! },
        `10.9.${c}.1`,
      );
      latencies.push(performance.now() - a);
    });
    const apiS = (performance.now() - t0) / 1000;
    const delivered = await hq.db
      .selectFrom('hq_rows')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('table_name', '=', 'web_applications')
      .executeTakeFirstOrThrow();
    if (Number(delivered.n) !== n) throw new Error(`${delivered.n} delivered of ${n}`);

    const r0 = performance.now();
    await pool(clients, n, async (i) => {
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
    });
    const rawS = (performance.now() - r0) / 1000;

    const s0 = performance.now();
    const outcome = await sync.syncNow();
    const syncS = (performance.now() - s0) / 1000;
    const got = office.sqlite.prepare('SELECT count(*) AS n FROM web_applications').get() as { n: number };
    if (!outcome.ok || got.n !== n) throw new Error(`the office got ${got.n} of ${n}`);

    const lat = summarize(latencies);
    const perS = n / apiS;
    const misses: string[] = [];
    if (!pg && perS < TARGET_PER_S_SQLITE) misses.push('throughput');
    if (lat.p95 > TARGET_P95_MS) misses.push('p95');
    if (syncS > TARGET_SYNC_S) misses.push('office sync');
    console.log(
      `web reception, HQ on ${pg ? 'PostgreSQL' : 'SQLite'}, ${clients} clients over loopback, ${thousands(n)} applications (load ${os.loadavg()[0]!.toFixed(1)}):`,
    );
    console.log(
      `  submitted and confirmed: ${thousands(Math.round(perS))}/s` +
        (pg ? '' : ` (target ≥ ${TARGET_PER_S_SQLITE}/s)`) +
        `; a citizen's submit + confirm p50 ${ms(lat.p50)}, p95 ${ms(lat.p95)} (target ≤ ${TARGET_P95_MS} ms), max ${ms(lat.max)}`,
    );
    console.log(
      `  raw insert of the application rows, same concurrency: ${thousands(Math.round(n / rawS))}/s; ratio ${(rawS > 0 ? apiS / rawS : 0).toFixed(1)}×`,
    );
    console.log(
      `  the office's sync of ${thousands(n)} waiting applications: ${syncS.toFixed(2)} s (target ≤ ${TARGET_SYNC_S} s)`,
    );
    console.log(misses.length === 0 ? 'ALL TARGETS PASS' : `MISSED: ${misses.join(', ')}`);
    await server.close();
    office.close();
    return args.check && misses.length > 0 ? 1 : 0;
  } finally {
    await store.close();
    if (pg) await stopTestPg();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

process.exitCode = await bench();
