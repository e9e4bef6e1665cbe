/**
 * What routing rules cost a registration: the same registrations with no rules and with 20 rules, in
 * turns on the same connection and data set, each pass rolled back. The 20 rules are laid out so that a
 * registration tries most of them: questions of other themes, districts (which read the applicant's place),
 * channel and kind pairs the inputs rarely have, and last a whole section that many appeals fall under.
 * No rule sends to the deputy: that is a workflow step of its own, not routing's cost.
 */
import type { OfficeHandle } from '../../main/boot/open-office';
import { newId } from '../../shared/util/ids';
import { contract } from '../../shared/api/index';
import { draftPlace, RoutingTable } from '../../main/routing/match';
import type { DurabilityOptions } from './durability';
import { medianPass, passRunner, registerBatchesViaApi, registerViaApi, type Pass } from './register';
import { ms, summarize, thousands } from './stats';

/** Routing's target: registration with 20 rules costs at most a tenth more than without. */
export const TARGET_ROUTING_RATIO = 1.1;
/** Passes of each setting at least: three medians of a noisy 2-core machine spread wider than the margin. */
export const ROUTING_MIN_PASSES = 5;

export interface RoutingBenchOptions extends DurabilityOptions {
  officeId: string;
  responsibleIds: readonly string[];
}

/** Writes the 20 rules straight into the table (the bench's own; removed again after). */
function addRules(o: RoutingBenchOptions, handle: OfficeHandle): string[] {
  const db = handle.sqlite;
  const themes = db
    .prepare<[], { code: string }>(
      "SELECT code FROM classifier WHERE level = 3 AND code NOT LIKE '0005.%' ORDER BY ord LIMIT 8",
    )
    .all()
    .map((r) => r.code);
  const now = new Date().toISOString();
  const rules: { topic?: string; channel?: string; kind?: string; district?: string; settlement?: string }[] =
    [
      ...themes.map((topic) => ({ topic, channel: 'hand' })),
      ...Array.from({ length: 4 }, (_, i) => ({ district: `Нет такого района ${i + 1}` })),
      ...Array.from({ length: 2 }, (_, i) => ({ settlement: `Нет такого посёлка ${i + 1}` })),
      { channel: 'forwarded', kind: 'proposal' },
      { channel: 'phone', kind: 'migration_report' },
      { channel: 'other', kind: 'other' },
      { topic: '0001', kind: 'migration_report' },
      { topic: '0002.0002', channel: 'hand' },
      { topic: '0005' },
    ];
  const insert = db.prepare(
    `INSERT INTO routing_rules (id, position, name, topic, channel, kind, district, settlement,
       responsible_id, to_deputy, office_id, created_at, updated_at, hlc, deleted_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, NULL)`,
  );
  return rules.map((r, i) => {
    const id = newId(Date.now());
    insert.run(
      id,
      i,
      `Правило ${i + 1}`,
      r.topic ?? null,
      r.channel ?? null,
      r.kind ?? null,
      r.district ?? null,
      r.settlement ?? null,
      o.responsibleIds[i % o.responsibleIds.length]!,
      o.officeId,
      now,
      now,
      `bench-${String(i).padStart(4, '0')}`,
    );
    return id;
  });
}

/**
 * Routing's own work, without the registration around it: reading the 20 rules with their users (once a
 * call at the desk, once a batch otherwise) and deciding each appeal, its applicant's place read when a
 * rule on a district or settlement is reached. Microseconds each, the mean over every input, three times.
 */
function ownCost(handle: OfficeHandle, o: RoutingBenchOptions): OwnCost {
  const db = handle.store.read;
  const inputs = o.batched.map((i) => contract['appeals.register'].input.parse(i));
  let readUs = Infinity;
  let keptUs = Infinity;
  let decideUs = Infinity;
  let matched = 0;
  const perInput = (t0: number): number => ((performance.now() - t0) * 1000) / inputs.length;
  for (let round = 0; round < 3; round++) {
    let t0 = performance.now();
    let table = RoutingTable.read(db, o.officeId);
    for (let i = 1; i < inputs.length; i++) table = RoutingTable.read(db, o.officeId);
    readUs = Math.min(readUs, perInput(t0));
    t0 = performance.now();
    for (let i = 0; i < inputs.length; i++) table = RoutingTable.current(db, o.officeId);
    keptUs = Math.min(keptUs, perInput(t0));
    t0 = performance.now();
    matched = 0;
    for (const i of inputs) {
      const d = table.decide({
        topics: i.topics,
        channel: i.channel,
        kind: i.kind,
        place: i.applicant.contactId
          ? draftPlace(db, { contactId: i.applicant.contactId })
          : () => ({ district: null, settlement: null, address: i.applicant.address ?? null }),
      });
      if (d.rule) matched++;
    }
    decideUs = Math.min(decideUs, perInput(t0));
  }
  o.log(`routing: ${matched} of ${inputs.length} inputs matched a rule`);
  return { readUs, keptUs, decideUs };
}

interface OwnCost {
  /** Reading and compiling the rules afresh. */
  readUs: number;
  /** What a registration pays while the rules stand: reading the counter that says they do. */
  keptUs: number;
  decideUs: number;
}

/** Runs the comparison; returns the report's lines and whether the target held on both paths. */
export async function routingBench(
  handle: OfficeHandle,
  o: RoutingBenchOptions,
): Promise<{ lines: string[]; pass: boolean }> {
  const db = handle.sqlite;
  const without = { desk: [] as Pass[], batch: [] as Pass[] };
  const withRules = { desk: [] as Pass[], batch: [] as Pass[] };
  const run = passRunner(handle);
  const pass = async (into: typeof without): Promise<void> => {
    into.desk.push(await run(() => registerViaApi(handle, o.tokens, o.desk)));
    into.batch.push(await run(() => registerBatchesViaApi(handle, o.tokens[0]!, o.batched, o.batch)));
  };
  let ids: string[] = [];
  let own: OwnCost = { readUs: 0, keptUs: 0, decideUs: 0 };
  const drop = (): void => {
    const del = db.prepare('DELETE FROM routing_rules WHERE id = ?');
    for (const id of ids) del.run(id);
    ids = [];
  };
  try {
    for (let p = 1; p <= o.passes; p++) {
      // Each pass starts with the other setting, so neither always runs first.
      for (const rules of p % 2 === 1 ? [false, true] : [true, false]) {
        o.log(`routing: ${rules ? '20 rules' : 'no rules'}, pass ${p} of ${o.passes} …`);
        if (rules) ids = addRules(o, handle);
        if (rules && p === 1) own = ownCost(handle, o);
        try {
          await pass(rules ? withRules : without);
        } finally {
          drop();
        }
      }
    }
  } finally {
    drop();
  }
  const lines = [
    `routing rules, the API, no rules and 20 rules in turns, ${o.passes} passes each; the median pass by ` +
      `wall time and, separately, by CPU time (the target is judged on CPU time: on a shared machine wall ` +
      `time also counts the wait for a core):`,
  ];
  let ok = true;
  const median = (passes: Pass[], by: 'seconds' | 'cpu'): number =>
    [...passes].map((x) => x[by]).sort((a, b) => a - b)[Math.floor((passes.length - 1) / 2)]!;
  const table = (what: string, count: number, unit: string, pick: (r: typeof without) => Pass[]) => {
    const row = (label: string, passes: Pass[]): string => {
      const t = summarize(medianPass(passes).times);
      return (
        `  ${label.padEnd(10)} ${thousands(count / median(passes, 'seconds')).padStart(7)}/s  per ${unit} ` +
        `p50 ${ms(t.p50)}, p95 ${ms(t.p95)} ms; CPU ${ms((median(passes, 'cpu') * 1000) / count)} ms an appeal; ` +
        `passes ${passes.map((x) => thousands(count / x.seconds)).join(', ')}/s`
      );
    };
    const wall = median(pick(withRules), 'seconds') / median(pick(without), 'seconds');
    const cpu = median(pick(withRules), 'cpu') / median(pick(without), 'cpu');
    ok &&= cpu <= TARGET_ROUTING_RATIO;
    lines.push(
      ` ${what}:`,
      row('no rules', pick(without)),
      row('20 rules', pick(withRules)),
      `  ratio ${cpu.toFixed(3)}× the CPU time (${wall.toFixed(3)}× the wall time), target ≤ ` +
        `${TARGET_ROUTING_RATIO}×: ${cpu <= TARGET_ROUTING_RATIO ? 'PASS' : 'FAIL'}`,
    );
  };
  table(`one appeal a call (the desk), ${o.desk.length} appeals`, o.desk.length, 'call', (r) => r.desk);
  table(
    `appeals.registerBatch, ${o.batch} a call, ${o.batched.length} appeals`,
    o.batched.length,
    'batch',
    (r) => r.batch,
  );
  lines.push(
    ` routing's own work, the best of three rounds over the same inputs: reading and compiling the ` +
      `rules ${own.readUs.toFixed(1)} µs (when a rule or a user changed), finding the kept ones still ` +
      `hold ${own.keptUs.toFixed(1)} µs (once a call at the desk, once a batch), deciding an appeal ` +
      `${own.decideUs.toFixed(1)} µs (its applicant's place read when a rule needs it)`,
  );
  return { lines, pass: ok };
}
