/**
 * What durability and erasure cost a registration: `synchronous = FULL` (the WAL synced at every commit, so
 * a number given to a citizen survives a power cut) against the former NORMAL, and `secure_delete` (what is
 * deleted is zeroed in the file, 152-FZ) on against off. The four settings run in turns on the same
 * connection and data set, each pass rolled back and started by another setting, so the machine's load falls on all of them alike; the
 * desk's one appeal a call, and `appeals.registerBatch` in batches.
 */
import type { OfficeHandle } from '../../main/boot/open-office';
import {
  medianPass as median,
  passRunner,
  registerBatchesViaApi,
  registerViaApi,
  type Pass,
  type RegisterInput,
} from './register';
import { ms, summarize, thousands } from './stats';

interface Setting {
  label: string;
  synchronous: 'NORMAL' | 'FULL';
  secureDelete: boolean;
}

/** The former setting first: every ratio is against it. */
const SETTINGS: readonly Setting[] = [
  { label: 'NORMAL, secure_delete off (before)', synchronous: 'NORMAL', secureDelete: false },
  { label: 'FULL,   secure_delete off', synchronous: 'FULL', secureDelete: false },
  { label: 'NORMAL, secure_delete on', synchronous: 'NORMAL', secureDelete: true },
  { label: 'FULL,   secure_delete on (now)', synchronous: 'FULL', secureDelete: true },
];

export interface DurabilityOptions {
  tokens: string[];
  /** Appeals for the desk's calls (one a call) and for the batches. */
  desk: RegisterInput[];
  batched: RegisterInput[];
  batch: number;
  passes: number;
  log: (s: string) => void;
}

/** Runs the comparison; returns the report's lines. The connection is left as the app sets it. */
export async function durabilityBench(handle: OfficeHandle, o: DurabilityOptions): Promise<string[]> {
  const db = handle.sqlite;
  const before = {
    synchronous: db.pragma('synchronous', { simple: true }) as number,
    secureDelete: db.pragma('secure_delete', { simple: true }) as number,
  };
  const results = SETTINGS.map(() => ({ desk: [] as Pass[], batch: [] as Pass[] }));
  const run = passRunner(handle);
  try {
    for (let p = 1; p <= o.passes; p++) {
      // Each pass starts with another setting, so none always runs first (on a cold cache) or last.
      for (let k = 0; k < SETTINGS.length; k++) {
        const i = (k + p - 1) % SETTINGS.length;
        const s = SETTINGS[i]!;
        db.pragma(`synchronous = ${s.synchronous}`);
        db.pragma(`secure_delete = ${s.secureDelete ? 'ON' : 'OFF'}`);
        o.log(`durability: ${s.label}, pass ${p} of ${o.passes} …`);
        results[i]!.desk.push(await run(() => registerViaApi(handle, o.tokens, o.desk)));
        results[i]!.batch.push(
          await run(() => registerBatchesViaApi(handle, o.tokens[0]!, o.batched, o.batch)),
        );
      }
    }
  } finally {
    db.pragma(`synchronous = ${before.synchronous}`);
    db.pragma(`secure_delete = ${before.secureDelete}`);
  }
  const out: string[] = [
    `durability and erasure, the API, the median of ${o.passes} passes, the four settings in turns:`,
  ];
  const table = (what: string, count: number, unit: string, pick: (r: (typeof results)[0]) => Pass[]) => {
    out.push(` ${what}:`);
    const base = count / median(pick(results[0]!)).seconds;
    for (const [i, s] of SETTINGS.entries()) {
      const m = median(pick(results[i]!));
      const t = summarize(m.times);
      const rate = count / m.seconds;
      out.push(
        `  ${s.label.padEnd(36)} ${thousands(rate).padStart(7)}/s  per ${unit} p50 ${ms(t.p50)}, ` +
          `p95 ${ms(t.p95)} ms; ${(base / rate).toFixed(2)}× the time of the former setting`,
      );
    }
  };
  table(`one appeal a call (the desk), ${o.desk.length} appeals`, o.desk.length, 'call', (r) => r.desk);
  table(
    `appeals.registerBatch, ${o.batch} a call, ${o.batched.length} appeals`,
    o.batched.length,
    'batch',
    (r) => r.batch,
  );
  return out;
}
