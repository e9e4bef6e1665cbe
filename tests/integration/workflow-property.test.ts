import type { Statement } from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCard } from '../../main/appeals/card';
import { capabilitiesOf, type CallContext } from '../../main/kernel/context';
import {
  APPEAL_ACTIONS,
  APPEAL_STATES,
  INTERNAL_ACTIONS,
  STATE_TASK,
  type AppealState,
  type TaskKind,
} from '../../shared/domain/workflow/appeal';
import {
  OPEN_REQUEST_STATES,
  REQUEST_ACTIONS,
  REQUEST_STATE_TASK,
  REQUEST_STATES,
  type RequestState,
} from '../../shared/domain/workflow/request';
import { localDate } from '../../shared/util/clock';
import { Hlc } from '../../shared/util/hlc';
import type { MethodName } from '../../shared/api/index';
import { appealInput, PASSWORD, setUpOffice, type TestOffice } from './helpers';
import type { Card } from './workflow-steps';
import { BODY_NAMES, MERITS, mulberry32, walker, type Person } from './workflow-walk';

/**
 * A property test of the whole workflow: a seeded generator walks many appeals through random steps,
 * each one the card allows to the role taking it, now and then tries a step it does not allow, and after
 * every step checks with SQL over the whole database that no open appeal is without its task (DOMAIN §4).
 * A failure names the seed and the step: WORKFLOW_SEED=<seed> reproduces it.
 */

const SEED = Number(process.env.WORKFLOW_SEED ?? 59_2006);
const SLOTS = 40;
const SEQUENCES = Number(process.env.WORKFLOW_SEQUENCES ?? 1000);
const MIN_LENGTH = 5;
const MAX_LENGTH = 30;
const REFUSAL_RATE = 0.06;
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

const rnd = mulberry32(SEED);

let office: TestOffice;
let reader: Omit<CallContext, 'actor' | 'sessionToken'>;
let people: Person[];
let signedInAt = 0;
const bodies: string[] = [];
const slots: string[] = [];
const applicantOf = new Map<string, string>();
const answered = new Map<string, string[]>();
const { int, pick, pickWeighted, allowed, notAllowed } = walker({ rnd, today, bodies, answered });
const cards = new Map<string, Card>();
const stats = { steps: 0, refusals: 0, closed: 0, byMethod: {} as Record<string, number> };

let todayAt = { ms: NaN, date: '' };
/** The office's date; formatting a date in a time zone is slow, so it is worked out once per clock tick. */
function today(): string {
  const now = office.clock.now();
  if (now.getTime() !== todayAt.ms) todayAt = { ms: now.getTime(), date: localDate(now, 'Europe/Moscow') };
  return todayAt.date;
}

async function signIn(): Promise<void> {
  for (const p of people)
    p.token = (await office.value('auth.signIn', { login: p.login, password: PASSWORD }, null)).token;
  signedInAt = office.clock.now().getTime();
}

/**
 * Moves the clock on; a session lasts 12 hours, so everyone signs in again well before that. A sign-in
 * hashes a password on purpose slowly, so the clock moves in minutes, with a jump of days now and then.
 */
async function advance(ms: number): Promise<void> {
  office.clock.advance(ms);
  if (office.clock.now().getTime() - signedInAt > 11 * 60 * MINUTE) await signIn();
}

async function must<T>(method: MethodName, input: unknown, who: Person, context: string): Promise<T> {
  const r = await office.call(method, input, who.token);
  if (!r.ok)
    throw new Error(
      `seed ${SEED}, ${context}: ${method} ${JSON.stringify(input)} → ${JSON.stringify(r.error)}`,
    );
  return r.value as T;
}

/**
 * The card as this person sees it, straight from the service the Api's `appeals.get` runs: the ~17,000
 * steps read far more cards than they write, and a read through the Api also logs the access.
 */
function cardAs(id: string, who: Person): Card {
  const key = `${id}|${who.login}`;
  let c = cards.get(key);
  if (!c) {
    const actor = { userId: who.id, login: who.login, fullName: who.login, role: who.role };
    const ctx = { ...reader, actor, sessionToken: null };
    cards.set(key, (c = getCard(reader.store.read, ctx, id)));
  }
  return c;
}
const forget = (id: string) => people.forEach((p) => cards.delete(`${id}|${p.login}`));

async function register(slot: number): Promise<void> {
  const old = slots[slot];
  const closed = old
    ? (query('SELECT result, applicant_id FROM appeals WHERE id = ?').get(old) as Row)
    : null;
  const overrides: Parameters<typeof appealInput>[0] = {
    kind: pick(['proposal', 'application', 'complaint', 'complaint', 'migration_report']),
  };
  if (closed?.result === 'left_without_answer' && rnd() < 0.5)
    Object.assign(overrides, { applicant: { contactId: closed.applicant_id }, resubmissionOf: old });
  else if (answered.size > 0 && rnd() < 0.3)
    // An applicant already answered on the merits writes again: Art. 11 part 5 becomes possible.
    overrides.applicant = { contactId: pick([...answered.keys()]) };
  else if (applicantOf.size > 0 && rnd() < 0.2)
    overrides.applicant = { contactId: pick([...applicantOf.values()]) };
  else if (rnd() < 0.1) overrides.applicant = { firstName: 'Аноним' };
  const c = await must<Card>(
    'appeals.register',
    appealInput(overrides),
    pick(people.slice(0, 2)),
    'register',
  );
  slots[slot] = c.id;
  applicantOf.set(c.id, c.applicant.id);
}

const statements = new Map<string, Statement>();
function query(sql: string): Statement {
  let st = statements.get(sql);
  if (!st) statements.set(sql, (st = office.handle.sqlite.prepare(sql)));
  return st;
}

/** What a refused step must leave as it was: every synced write and audit entry, and the appeal's rows. */
function fingerprint(appealId: string): string {
  const q = (sql: string) => query(sql).all(appealId);
  return JSON.stringify([
    query('SELECT max(seq), count(*) FROM change_log').all(),
    query('SELECT max(seq), count(*) FROM audit_log').all(),
    q('SELECT * FROM appeals WHERE id = ?'),
    q('SELECT * FROM tasks WHERE appeal_id = ? ORDER BY id'),
    q('SELECT * FROM external_requests WHERE appeal_id = ? ORDER BY id'),
    q('SELECT * FROM resolutions WHERE appeal_id = ? ORDER BY id'),
  ]);
}

/** The tasks the tables give the deputy; the others go to the appeal's responsible person. */
const DEPUTY_TASKS = new Set(
  [...Object.values(STATE_TASK), ...Object.values(REQUEST_STATE_TASK)]
    .filter((t) => t.assignee === 'deputy')
    .map((t) => t.kind),
);
let deputyId = '';

const list = (xs: readonly string[]) => xs.map((x) => `'${x}'`).join(', ');
const OPEN_APPEALS = list(APPEAL_STATES.filter((s) => s !== 'closed'));
const OPEN_REQUESTS = list(OPEN_REQUEST_STATES);
type Row = Record<string, string | number | null>;

/**
 * DOMAIN §4, over the whole database: every appeal and request in a state of its table; no open appeal
 * without an open task, no open task on a closed one; an open appeal outside the request direction holds
 * exactly its state's task; one in request has an open request, and each open request exactly one task.
 * Five queries, each led by an index, so that checking after every one of ~17,000 steps stays cheap.
 */
function checkInvariant(context: string): void {
  const all = (sql: string) => query(sql).all() as Row[];
  const broken: [string, unknown][] = [];
  const expect = (what: string, ok: boolean, row: unknown) => ok || broken.push([what, row]);
  for (const r of all('SELECT status, count(*) AS n FROM appeals GROUP BY status'))
    expect('an appeal state of the table', APPEAL_STATES.includes(r.status as AppealState), r);
  for (const r of all('SELECT status, count(*) AS n FROM external_requests GROUP BY status'))
    expect('a request state of the table', REQUEST_STATES.includes(r.status as RequestState), r);
  const tasksOfRequest = new Map<string, number>();
  for (const t of all(`SELECT t.id, t.kind, t.request_id, t.assignee_id, t.due_date, a.status AS appeal,
        a.responsible_id, r.status AS request
      FROM tasks t JOIN appeals a ON a.id = t.appeal_id LEFT JOIN external_requests r ON r.id = t.request_id
      WHERE t.status = 'open'`)) {
    expect('no open task on a closed appeal', t.appeal !== 'closed', t);
    expect('a due date on every open task', t.due_date !== null, t);
    const deputyTask = DEPUTY_TASKS.has(t.kind as TaskKind);
    expect(
      'the deputy’s or the responsible person’s',
      t.assignee_id === (deputyTask ? deputyId : t.responsible_id),
      t,
    );
    if (t.request_id === null) continue;
    expect('no open task of an ended request', OPEN_REQUEST_STATES.includes(t.request as RequestState), t);
    tasksOfRequest.set(t.request_id as string, (tasksOfRequest.get(t.request_id as string) ?? 0) + 1);
  }
  const inRequest = new Set<string>();
  for (const r of all(`SELECT r.id, r.appeal_id, a.status AS appeal FROM external_requests r
      JOIN appeals a ON a.id = r.appeal_id WHERE r.status IN (${OPEN_REQUESTS})`)) {
    expect('an open request only in the request direction', r.appeal === 'in_request', r);
    expect('exactly one open task per open request', tasksOfRequest.get(r.id as string) === 1, r);
    inRequest.add(r.appeal_id as string);
  }
  for (const a of all(`SELECT a.id, a.status,
        (SELECT count(*) FROM tasks t WHERE t.appeal_id = a.id AND t.status = 'open') AS open,
        (SELECT group_concat(t.kind) FROM tasks t WHERE t.appeal_id = a.id AND t.status = 'open'
          AND t.request_id IS NULL AND t.kind <> 'extension_notice') AS stage
      FROM appeals a WHERE a.status IN (${OPEN_APPEALS})`)) {
    const state = a.status as Exclude<AppealState, 'closed'>;
    expect('no open appeal without an open task', (a.open as number) > 0, a);
    expect('the task of the state', a.stage === (state === 'in_request' ? null : STATE_TASK[state].kind), a);
    if (state === 'in_request') expect('an open request in request', inRequest.has(a.id as string), a);
  }
  if (broken.length > 0) throw new Error(`seed ${SEED}, ${context}: ${JSON.stringify(broken)}`);
}

async function oneStep(context: string): Promise<void> {
  const slot = int(0, SLOTS - 1);
  const id = slots[slot]!;
  const holders = query(`SELECT a.status, t.assignee_id AS holder FROM appeals a
    LEFT JOIN tasks t ON t.appeal_id = a.id AND t.status = 'open' WHERE a.id = ?`).all(id) as Row[];
  if (holders[0]!.status === 'closed') return register(slot);
  // Mostly the holder of one of the appeal's open tasks moves it on; now and then anyone tries.
  const holder = rnd() < 0.85 ? pick(holders).holder : undefined;
  const who = people.find((p) => p.id === holder) ?? pick(people);
  const c = cardAs(id, who);
  let steps = allowed(c, who);
  if (steps.length === 0) {
    const other = pick(people.filter((p) => (p.role === 'deputy') !== (who.role === 'deputy')));
    steps = allowed(cardAs(id, other), other);
  }
  if (steps.length === 0) throw new Error(`seed ${SEED}, ${context}: nobody may move ${c.status}`);
  const step = pickWeighted(steps);
  const value = await must<Card>(step.method, step.input, step.who, `${context} (${c.status})`);
  forget(id);
  stats.byMethod[step.method] = (stats.byMethod[step.method] ?? 0) + 1;
  // An appeal step answers with the card as its caller now sees it; a request step with the request,
  // and never closes the appeal.
  if (step.method.startsWith('workflow.')) cards.set(`${id}|${step.who.login}`, value);
  if (value.status === 'closed') {
    stats.closed += 1;
    if (MERITS.includes(value.result as never))
      answered.set(value.applicant.id, [...(answered.get(value.applicant.id) ?? []), id]);
  }

  if (rnd() < REFUSAL_RATE) {
    const tries = pick(people);
    const wrong = notAllowed(cardAs(id, tries), tries);
    if (wrong) {
      const before = fingerprint(id);
      const r = await office.call(wrong.method, wrong.input, tries.token);
      const where = `${context}: ${wrong.method} by ${tries.role}`;
      expect(r.ok, where).toBe(false);
      if (!r.ok)
        expect(['invalid_state', 'forbidden'], `${where}: ${r.error.message}`).toContain(r.error.code);
      expect(fingerprint(id), where).toBe(before);
      stats.refusals += 1;
    }
  }
}

beforeAll(async () => {
  office = await setUpOffice('2026-01-12T06:00:00Z');
  people = [];
  const staff = { assistant: 'assistant', head: 'office_head', deputy: 'deputy' } as const;
  for (const [login, role] of Object.entries(staff))
    people.push({ id: (await office.addUser(login, role)).id, login, role, token: '' });
  deputyId = people.find((p) => p.role === 'deputy')!.id;
  const { store, clock } = office.handle;
  reader = {
    store,
    clock,
    hlc: new Hlc('0000000000000000'),
    transport: 'internal',
    may: capabilitiesOf('internal'),
    dataDir: null,
  };
  await signIn();
  for (const name of BODY_NAMES)
    bodies.push((await office.value('bodies.create', { name, answerDays: pick([15, 30]) })).id);
  for (let i = 0; i < SLOTS; i++) await register(i);
});

afterAll(() => office.close());

describe('the workflow under random steps', () => {
  it(`keeps every open appeal with its task through ${SEQUENCES} random sequences (seed ${SEED})`, async () => {
    checkInvariant('after registration');
    for (let s = 0; s < SEQUENCES; s++) {
      const length = int(MIN_LENGTH, MAX_LENGTH);
      for (let i = 0; i < length; i++) {
        const context = `sequence ${s}, step ${i}, ${today()}`;
        await oneStep(context);
        checkInvariant(context);
        stats.steps += 1;
        await advance(int(0, 2) * MINUTE);
      }
      await advance(s % 50 === 49 ? int(1, 7) * DAY : int(0, 10) * MINUTE);
    }
    // The walk went everywhere: every step of both tables was taken, appeals closed, refusals tried.
    const tables = [
      ...APPEAL_ACTIONS.filter((a) => !INTERNAL_ACTIONS.includes(a)).map((a) => `workflow.${a}`),
      ...REQUEST_ACTIONS.map((a) => `requests.${a}`),
    ];
    for (const m of tables) expect(stats.byMethod[m], m).toBeGreaterThan(0);
    expect(stats.closed).toBeGreaterThan(SLOTS);
    expect(stats.refusals).toBeGreaterThan(SEQUENCES / 10);
  }, 180_000);
});
