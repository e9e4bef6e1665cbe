import http from 'node:http';

/**
 * The citizens of `bench:web`, run in a process of their own (forked by `web-reception.ts`), so their
 * HTTP work never shares HQ's event loop. The parent sends one `ClientsJob`; HQ's code sender sends
 * each code here as a `CodeNote` (as a mail server would deliver it); the answer is a `ClientsDone`.
 *
 * - `closed`: `clients` citizens one after another each, as fast as HQ answers (saturation).
 * - `open`: a citizen starts every `1000 / rate` ms whether or not the earlier ones got their answer
 *   (arrivals at the goal rate); a latency counts from the planned start, so a late start is HQ's delay.
 *
 * A citizen's latency is the submit's request plus the confirm's request; the moment between, while
 * the code travels, is not HQ's work and is not counted.
 */

export interface ClientsJob {
  kind: 'job';
  url: string;
  /** The form's signed start stamp. */
  started: string;
  mode: 'closed' | 'open';
  /** This process's number: it is in every e-mail address, so HQ's sender knows where a code goes. */
  proc: number;
  /** The citizens' numbers are `first`…`first + count - 1`. */
  first: number;
  count: number;
  clients: number;
  /** Citizens started a second (`open`). */
  rate: number;
}

export interface CodeNote {
  kind: 'code';
  email: string;
  code: string;
}

export interface ClientsDone {
  kind: 'done';
  latencies: number[];
  failures: string[];
}

/** The e-mail address of citizen `i` of process `proc`; `procOf` reads the process back. */
export const citizenEmail = (proc: number, i: number): string => `citizen${i}.p${proc}@mail.test`;
export const procOf = (email: string): number => Number(/\.p(\d+)@/.exec(email)?.[1] ?? -1);

const codes = new Map<string, string>();
const waiting = new Map<string, (code: string) => void>();

function codeFor(email: string): Promise<string> {
  const known = codes.get(email);
  if (known) return Promise.resolve(known);
  return new Promise((resolve) => waiting.set(email, resolve));
}

const failure = (e: unknown): string => (e instanceof Error ? e.message : String(e));

const hidden = (html: string, name: string): string =>
  new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? '';

/**
 * The process's connections to HQ: kept alive, as many as it has citizens at once (an arriving citizen
 * finds them all busy waits for one, and that wait counts in the latency).
 */
let agent = new http.Agent({ keepAlive: true });

function post(url: string, fields: Record<string, string>, client: string): Promise<string> {
  const body = new URLSearchParams(fields).toString();
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          'Content-Length': Buffer.byteLength(body),
          'X-Bench-Client': client,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () =>
          res.statusCode === 200
            ? resolve(Buffer.concat(chunks).toString('utf8'))
            : reject(new Error(`${url}: HTTP ${res.statusCode}`)),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** One citizen: submit, wait for the code, confirm. Returns HQ's part of the time, from `plannedAt`. */
async function citizen(job: ClientsJob, i: number, client: number, plannedAt: number): Promise<number> {
  const email = citizenEmail(job.proc, i);
  const ip = `10.${job.proc}.${client >> 8}.${client & 255}`;
  const sent = await post(
    `${job.url}/reception/appeal`,
    {
      started: job.started,
      website: '',
      surname: 'Иванов',
      first_name: 'Иван',
      email,
      text: `Обращение № ${i}: прошу отремонтировать дорогу у дома ${i % 300} по улице Лесной.`,
      consent: 'yes',
    },
    ip,
  );
  const submitMs = performance.now() - plannedAt;
  const code = await codeFor(email);
  const c0 = performance.now();
  await post(`${job.url}/reception/confirm`, { application: hidden(sent, 'application'), code }, ip);
  codes.delete(email);
  return submitMs + (performance.now() - c0);
}

async function closed(job: ClientsJob, latencies: number[], failures: string[]): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: job.clients }, async (_, c) => {
      for (let k = next++; k < job.count; k = next++) {
        try {
          latencies.push(await citizen(job, job.first + k, c, performance.now()));
        } catch (e) {
          failures.push(failure(e));
        }
      }
    }),
  );
}

async function open(job: ClientsJob, latencies: number[], failures: string[]): Promise<void> {
  const interval = 1000 / job.rate;
  const t0 = performance.now();
  const running: Array<Promise<void>> = [];
  for (let k = 0; k < job.count; k++) {
    const plannedAt = t0 + k * interval;
    const wait = plannedAt - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    running.push(
      citizen(job, job.first + k, k, plannedAt).then(
        (ms) => void latencies.push(ms),
        (e) => void failures.push(failure(e)),
      ),
    );
  }
  await Promise.all(running);
}

// Forked by the bench with `--citizens` (the bench imports this file only for the names above).
if (process.argv.includes('--citizens')) {
  process.on('message', (m: ClientsJob | CodeNote) => {
    if (m.kind === 'code') {
      const resolve = waiting.get(m.email);
      waiting.delete(m.email);
      if (resolve) resolve(m.code);
      else codes.set(m.email, m.code);
      return;
    }
    const latencies: number[] = [];
    const failures: string[] = [];
    agent.destroy();
    agent = new http.Agent({ keepAlive: true, maxSockets: m.clients });
    void (m.mode === 'closed' ? closed(m, latencies, failures) : open(m, latencies, failures)).then(() =>
      process.send!({ kind: 'done', latencies, failures } satisfies ClientsDone),
    );
  });
  // The bench gone, its citizens go too.
  process.on('disconnect', () => process.exit(0));
}
