import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openOffice } from '../../main/boot/open-office';
import { addCalendarDays } from '../../shared/domain/calendar';
import { assignmentTaskTitle } from '../../shared/i18n/ru/assignments';
import { newId } from '../../shared/util/ids';
import { ANCHOR, BENCH_PASSWORD, generate, loadOffices, readMeta } from './generate';
import { ms, summarize, thousands } from './stats';

/**
 * `npm run bench:assignments -- [--scale 0.02] [--assignments 100000] [--iterations 200] [--db file]`
 *
 * Задачи's first page with поручения in it: the DESIGN.md data set at a scale (generated into this bench's
 * own folder, or kept in the `--db` file that `bench:mandates` shares, never the main bench's file), plus that many поручения spread over the offices — each with one or
 * two assistants, a third still open (an open task per assignee), the rest accepted (their tasks done).
 * Through the API (`tasks.list`, as the desk asks for it) beside the same page and count in hand-written
 * SQL, in the same run: an assistant's own tasks, and the office head's view of everyone's. A report: it
 * prints, and exits 1 when a p95 is over the target.
 */
const TARGET_P95_MS = 30;

const { values: args } = parseArgs({
  options: {
    scale: { type: 'string', default: '0.02' },
    assignments: { type: 'string', default: '100000' },
    iterations: { type: 'string', default: '200' },
    dir: { type: 'string', default: path.join(os.tmpdir(), 'assignments-bench') },
    db: { type: 'string' },
  },
});
const scale = Number(args.scale);
const wanted = Number(args.assignments);
const iterations = Number(args.iterations);
const file = path.resolve(args.db ?? path.join(args.dir, `bench-${scale}.db`));
const log = (s: string): void => void process.stderr.write(s + '\n');

fs.mkdirSync(path.dirname(file), { recursive: true });
const meta = readMeta(file);
if (!meta || meta.scale !== scale) {
  log(`generating the data set at scale ${scale} into ${file} …`);
  await generate(file, { scale, seed: 1, log });
}

const started = performance.now();
const clock = { now: () => new Date(Date.parse(ANCHOR) + (performance.now() - started)) };
const handle = openOffice(file, { clock, log: (m, e) => log(`${m}: ${String(e)}`) });
const db = handle.sqlite;
const today = ANCHOR.slice(0, 10);
const offices = loadOffices(db);

// ---- The поручения, written once into the bench's file (raw rows: the bench is about reading them).
const have = (db.prepare('SELECT count(*) AS n FROM assignments').get() as { n: number }).n;
if (have < wanted) {
  log(`adding ${thousands(wanted - have)} поручения …`);
  const t0 = performance.now();
  const heads = new Map(
    (
      db.prepare("SELECT office_id, id FROM users WHERE role IN ('deputy', 'office_head')").all() as {
        office_id: string;
        id: string;
      }[]
    ).map((u) => [u.office_id, u.id]),
  );
  const insertA = db.prepare(
    `INSERT INTO assignments (id, author_id, text, control_date, priority, status, assignees, report_text,
       reported_at, reported_by, accepted_at, accepted_by, office_id, created_at, updated_at, hlc)
     VALUES (?, ?, ?, ?, 'normal', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertT = db.prepare(
    `INSERT INTO tasks (id, appeal_id, request_id, kind, title, assignee_id, due_date, status, closed_at,
       closed_by, event_id, event_stage, assignment_id, office_id, created_at, updated_at, hlc)
     VALUES (?, NULL, NULL, 'assignment', ?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?, ?, ?, ?)`,
  );
  const base = Date.parse(ANCHOR) - 400 * 86_400_000;
  db.transaction(() => {
    for (let n = have; n < wanted; n++) {
      const o = offices[n % offices.length]!;
      const people = n % 4 === 0 ? o.assistants.slice(0, 2) : [o.assistants[n % o.assistants.length]!];
      const createdMs = base + Math.floor((n / wanted) * 400 * 86_400_000);
      const created = new Date(createdMs).toISOString();
      const control = addCalendarDays(created.slice(0, 10), 3 + (n % 20));
      const open = n % 3 === 0;
      const id = newId(createdMs);
      const author = heads.get(o.id) ?? o.assistants[0]!;
      const text = `Поручение № ${n + 1}: подготовить справку по вопросу ${n % 97}`;
      const hlc = `${String(createdMs).padStart(15, '0')}-0000-${o.node}`;
      const doneAt = open ? null : new Date(createdMs + 86_400_000).toISOString();
      insertA.run(
        id,
        author,
        text,
        control,
        open ? 'in_work' : 'accepted',
        JSON.stringify(people),
        open ? null : 'Сделано',
        doneAt,
        open ? null : people[0]!,
        doneAt,
        open ? null : author,
        o.id,
        created,
        created,
        hlc,
      );
      for (const who of people)
        insertT.run(
          newId(createdMs),
          assignmentTaskTitle(text, false),
          who,
          control,
          open ? 'open' : 'done',
          doneAt,
          open ? null : who,
          id,
          o.id,
          created,
          created,
          hlc,
        );
    }
  })();
  db.exec('ANALYZE');
  log(`  done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

// ---- Who asks: the first office's busiest assistant, and its office head for everyone's.
const local = offices[0]!;
const busiest = db
  .prepare(
    `SELECT u.login, u.id, count(*) AS n FROM tasks t JOIN users u ON u.id = t.assignee_id
     WHERE t.status = 'open' AND t.deleted_at IS NULL AND u.office_id = ? AND u.role = 'assistant'
     GROUP BY u.id ORDER BY n DESC LIMIT 1`,
  )
  .get(local.id) as { login: string; id: string; n: number };
const head = db
  .prepare("SELECT login FROM users WHERE office_id = ? AND role = 'office_head' LIMIT 1")
  .get(local.id) as { login: string };

async function signIn(login: string): Promise<string> {
  const r = await handle.api.call('internal', 'auth.signIn', { login, password: BENCH_PASSWORD });
  if (!r.ok) throw new Error(r.error.message);
  return (r.value as { token: string }).token;
}
const tokens = { mine: await signIn(busiest.login), everyone: await signIn(head.login) };

// The same page by hand: the list's order, its joins, one more row than the page, and the total.
const PAGE_SQL = (who: string) => `SELECT t.id, t.office_id, t.title, t.kind, t.appeal_id, a.reg_number,
    a.applicant_name, t.event_id, e.title AS event_title, t.request_id, t.assignment_id, t.assignee_id,
    u.full_name, t.due_date, t.created_at, coalesce(t.due_date, '9999-12-31') AS due_key
  FROM tasks t LEFT JOIN appeals a ON a.id = t.appeal_id LEFT JOIN events e ON e.id = t.event_id
  LEFT JOIN users u ON u.id = t.assignee_id
  WHERE t.status = 'open' AND t.deleted_at IS NULL ${who}
  ORDER BY due_key, t.created_at, t.id LIMIT 101`;
const raw = {
  mine: {
    page: db.prepare(PAGE_SQL('AND t.assignee_id = ?')),
    count: db.prepare(
      "SELECT count(*) AS n FROM tasks t WHERE t.status = 'open' AND t.deleted_at IS NULL AND t.assignee_id = ?",
    ),
    args: [busiest.id],
  },
  everyone: {
    page: db.prepare(PAGE_SQL('')),
    count: db.prepare("SELECT count(*) AS n FROM tasks t WHERE t.status = 'open' AND t.deleted_at IS NULL"),
    args: [] as string[],
  },
};

async function times(fn: () => unknown): Promise<number[]> {
  for (let i = 0; i < 10; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

const lines: string[] = [];
let pass = true;
for (const who of ['mine', 'everyone'] as const) {
  const input = who === 'mine' ? {} : { everyone: true };
  const first = await handle.api.call('internal', 'tasks.list', input, { token: tokens[who] });
  if (!first.ok) throw new Error(first.error.message);
  const value = first.value as { total: number; rows: { kind: string }[] };
  const r = raw[who];
  const rawTotal = (r.count.get(...r.args) as { n: number }).n;
  if (value.total !== rawTotal) throw new Error(`${who}: the API counts ${value.total}, SQL ${rawTotal}`);
  const api = summarize(
    await times(async () => {
      const x = await handle.api.call('internal', 'tasks.list', input, { token: tokens[who] });
      if (!x.ok) throw new Error(x.error.message);
    }),
  );
  const hand = summarize(
    await times(() => {
      r.page.all(...r.args);
      r.count.get(...r.args);
    }),
  );
  pass &&= api.p95 <= TARGET_P95_MS;
  const shown = value.rows.filter((x) => x.kind.startsWith('assignment')).length;
  lines.push(
    `Задачи, first page (${who === 'mine' ? 'an assistant’s own' : 'everyone’s, office head'}): ` +
      `${thousands(rawTotal)} open, ${shown} of the page поручения — API p50 ${ms(api.p50)} ms, ` +
      `p95 ${ms(api.p95)} ms (target ≤ ${TARGET_P95_MS}); hand-written SQL p50 ${ms(hand.p50)} ms, ` +
      `p95 ${ms(hand.p95)} ms`,
  );
}
const counts = db
  .prepare(
    `SELECT (SELECT count(*) FROM appeals) AS appeals, (SELECT count(*) FROM assignments) AS assignments,
            (SELECT count(*) FROM tasks) AS tasks`,
  )
  .get() as { appeals: number; assignments: number; tasks: number };
handle.close();

console.log(
  `Поручения bench at scale ${scale}: ${thousands(counts.appeals)} appeals, ` +
    `${thousands(counts.assignments)} поручения, ${thousands(counts.tasks)} tasks, ${iterations} runs each, ` +
    `load ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}, today ${today}`,
);
for (const l of lines) console.log(l);
console.log(pass ? 'PASS' : 'FAIL');
process.exit(pass ? 0 : 1);
