import type Database from 'better-sqlite3';
import type { OfficeHandle } from '../../main/boot/open-office';
import { makePerson, PHONE_STYLES, Rng, writePhone } from '../../main/demo/people';
import { appealDraft } from '../../main/demo/topics';
import { NO_CONTACT_DETAILS } from '../../main/contacts/contacts';
import type {
  AppealHistoryTable,
  AppealTable,
  ContactPhoneTable,
  ContactTable,
  TaskTable,
} from '../../db/schema';
import type { ParsedInput, Input } from '../../shared/api/index';
import type { ProductionCalendar } from '../../shared/domain/calendar';
import { reviewTerm } from '../../shared/domain/deadlines';
import { formatRegNumber } from '../../shared/domain/regnumber';
import { addressKey, emailKey, ftsBody, fullName, nameKey, normalizePhone } from '../../shared/domain/text';
import { taskTitle } from '../../shared/i18n/ru/tasks';
import type { Clock } from '../../shared/util/clock';
import { formatHlc } from '../../shared/util/hlc';
import { newId } from '../../shared/util/ids';
import { inserter, type BenchOffice } from './rows';
import { WORKFLOW_BLANK } from '../../main/workflow/blank';

/**
 * Registration throughput: `appeals.register` through the API (validation, sign-in check, contact, appeal,
 * topics, full-text row, history, task, change log, audit, and the card read back), and the same inserts by
 * hand-written prepared statements. What either adds is taken out again afterwards, so a kept file stays
 * the data set it was generated as.
 */
export type RegisterInput = Input<'appeals.register'>;

/** New applicants (confirmed as new, as the desk does after looking) and returning ones chosen from contacts. */
export function registrationInputs(
  db: Database.Database,
  office: BenchOffice,
  n: number,
  seed: number,
): RegisterInput[] {
  const known = db
    .prepare<[string], { id: string }>('SELECT id FROM contacts WHERE office_id = ? LIMIT 20000')
    .all(office.id)
    .map((r) => r.id);
  const rng = new Rng(seed);
  return Array.from({ length: n }, (_, i) => {
    const p = makePerson(Rng.for(seed, i), { city: office.city });
    const d = appealDraft(rng, p);
    if (known.length > 0 && rng.chance(0.3)) return { ...d, applicant: { contactId: rng.pick(known) } };
    return {
      ...d,
      applicant: {
        forceNew: true,
        lastName: p.lastName,
        firstName: p.firstName,
        middleName: p.middleName,
        address: p.address,
        email: p.email,
        phone: p.phoneDigits[0] ? writePhone(p.phoneDigits[0], rng.int(0, PHONE_STYLES - 1)) : undefined,
      },
    };
  });
}

const MARKED = [
  'contacts',
  'contact_phones',
  'appeals',
  'appeal_history',
  'tasks',
  'change_log',
  'audit_log',
  'sessions',
] as const;
type Marks = Record<(typeof MARKED)[number], number>;

/** Where each table ends now; stored, so a run killed half-way is cleaned up by the next one. */
export function mark(db: Database.Database): Marks {
  const marks = Object.fromEntries(
    MARKED.map((t) => [
      t,
      (db.prepare(`SELECT coalesce(max(rowid), 0) AS m FROM ${t}`).get() as { m: number }).m,
    ]),
  ) as Marks;
  db.prepare("INSERT OR REPLACE INTO local_state (key, value) VALUES ('bench.marks', ?)").run(
    JSON.stringify(marks),
  );
  return marks;
}

/** Removes every row added after the marks, children first; returns how many appeals went. */
export function rollBack(db: Database.Database, marks?: Marks): number {
  const stored = db.prepare("SELECT value FROM local_state WHERE key = 'bench.marks'").get() as
    { value: string } | undefined;
  const m = marks ?? (stored ? (JSON.parse(stored.value) as Marks) : null);
  if (!m) return 0;
  // What goes is exactly what the run added, children first; checking each deleted appeal against the
  // unindexed self-reference (resubmission_of) would scan the whole table once per row.
  db.pragma('foreign_keys = OFF');
  try {
    return removeSince(db, m);
  } finally {
    db.pragma('foreign_keys = ON');
  }
}

function removeSince(db: Database.Database, m: Marks): number {
  return db.transaction(() => {
    const newAppeals = 'SELECT id FROM appeals WHERE rowid > ?';
    db.prepare('DELETE FROM appeal_fts WHERE rowid > ?').run(m.appeals);
    db.prepare(`DELETE FROM appeal_topics WHERE appeal_id IN (${newAppeals})`).run(m.appeals);
    db.prepare(`DELETE FROM tasks WHERE rowid > ? OR appeal_id IN (${newAppeals})`).run(m.tasks, m.appeals);
    db.prepare('DELETE FROM appeal_history WHERE rowid > ?').run(m.appeal_history);
    const gone = db.prepare('DELETE FROM appeals WHERE rowid > ?').run(m.appeals).changes;
    for (const t of ['contact_phones', 'contacts', 'change_log', 'audit_log', 'sessions'] as const)
      db.prepare(`DELETE FROM ${t} WHERE rowid > ?`).run(m[t]);
    db.prepare("DELETE FROM local_state WHERE key = 'bench.marks'").run();
    return gone;
  })();
}

/** One timed pass of registrations, rolled back afterwards to the marks `signedIn`. */
export interface Pass {
  seconds: number;
  /** The process's CPU seconds meanwhile (the checkpointer's thread included): less swayed by a busy machine. */
  cpu: number;
  times: number[];
}

/**
 * Runs passes of registrations as a desk at rest meets them: the WAL copied back first, the pass timed,
 * then what it added removed again.
 */
export function passRunner(handle: OfficeHandle): (work: () => Promise<number[]>) => Promise<Pass> {
  const db = handle.sqlite;
  const signedIn = mark(db);
  return async (work) => {
    await handle.checkpointer?.checkpointNow();
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const times = await work();
    const seconds = (performance.now() - t0) / 1000;
    const u = process.cpuUsage(cpu0);
    const pass = { seconds, cpu: (u.user + u.system) / 1e6, times };
    rollBack(db, signedIn);
    mark(db);
    return pass;
  };
}

/** The median pass by time. */
export const medianPass = (passes: Pass[]): Pass =>
  [...passes].sort((a, b) => a.seconds - b.seconds)[Math.floor((passes.length - 1) / 2)]!;

export async function registerViaApi(
  handle: OfficeHandle,
  tokens: string[],
  inputs: RegisterInput[],
): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < inputs.length; i++) {
    const t0 = performance.now();
    const r = await handle.api.call('internal', 'appeals.register', inputs[i], {
      token: tokens[i % tokens.length],
    });
    times.push(performance.now() - t0);
    if (!r.ok) throw new Error(`appeals.register failed: ${r.error.code}: ${r.error.message}`);
  }
  return times;
}

type Parsed = ParsedInput<'appeals.register'>;

type Actor = { id: string; login: string };

/** The same writes as the service, by hand: one IMMEDIATE transaction per appeal, or per batch. */
export function rawRegistrar(
  db: Database.Database,
  office: BenchOffice,
  calendar: ProductionCalendar,
  clock: Clock,
): { one: (input: Parsed, actor: Actor) => void; many: (inputs: Parsed[], actor: Actor) => void } {
  const insert = inserter(db);
  const contactById = db.prepare('SELECT * FROM contacts WHERE id = ? AND deleted_at IS NULL');
  const phonesOf = db.prepare(
    'SELECT phone FROM contact_phones WHERE contact_id = ? AND deleted_at IS NULL ORDER BY created_at',
  );
  const maxSeq = db.prepare('SELECT max(reg_seq) AS m FROM appeals WHERE office_id = ? AND reg_year = ?');
  // As the service does: the year's last number is read once a transaction and counted on from there.
  let seqs = new Map<number, number>();
  let counter = 0;
  const log = (
    table: string,
    row: { id: string; hlc: string; office_id: string; updated_at: string },
  ): void => {
    insert('change_log', {
      hlc: row.hlc,
      office_id: row.office_id,
      table_name: table,
      row_id: row.id,
      op: 'upsert',
      data: JSON.stringify(row),
      at: row.updated_at,
    });
  };
  const body = (input: Parsed, actor: Actor): void => {
    const ms = clock.now().getTime();
    const now = new Date(ms).toISOString();
    // Spread last in every row, as the service does: V8 adds properties written after a leading spread
    // one at a time through the runtime.
    const sync = () => ({
      id: newId(ms),
      office_id: office.id,
      created_at: now,
      updated_at: now,
      hlc: formatHlc({ millis: ms, counter: counter++ & 0xffff, node: office.node }),
      deleted_at: null,
    });
    const today = now.slice(0, 10);
    const a = input.applicant;
    let contact: ContactTable;
    let phones: string[];
    if (a.contactId) {
      contact = contactById.get(a.contactId) as ContactTable;
      phones = (phonesOf.all(contact.id) as { phone: string }[]).map((p) => p.phone);
    } else {
      const parts = { lastName: a.lastName, firstName: a.firstName, middleName: a.middleName };
      contact = {
        last_name: a.lastName ?? null,
        first_name: a.firstName ?? null,
        middle_name: a.middleName ?? null,
        full_name: fullName(parts),
        name_key: nameKey(parts),
        address: a.address ?? null,
        address_key: addressKey(a.address),
        email: a.email ?? null,
        email_key: emailKey(a.email),
        social_category: null,
        comment: null,
        ...NO_CONTACT_DETAILS,
        ...sync(),
      };
      insert('contacts', contact);
      log('contacts', contact);
      const phone = a.phone ? normalizePhone(a.phone) : null;
      phones = phone ? [phone] : [];
      if (phone) {
        const row: ContactPhoneTable = { contact_id: contact.id, phone, raw: a.phone!, ...sync() };
        insert('contact_phones', row);
        log('contact_phones', row);
      }
    }
    const year = Number(today.slice(0, 4));
    const seq = (seqs.get(year) ?? (maxSeq.get(office.id, year) as { m: number | null }).m ?? 0) + 1;
    seqs.set(year, seq);
    const term = reviewTerm(today, {
      calendar,
      shift: 'previous',
      migration: input.kind === 'migration_report',
    });
    const regNumber = formatRegNumber('КОД-ГГГГ-NNNNN', office.code, year, seq);
    const appeal: AppealTable = {
      stage_since: now,
      reg_number: regNumber,
      reg_year: year,
      reg_seq: seq,
      registered_on: today,
      received_on: today,
      channel: input.channel,
      kind: input.kind,
      is_repeat: 0,
      is_collective: 0,
      signatories: 1,
      is_anonymous: 0,
      sheets: input.sheets,
      attachments_note: null,
      applicant_id: contact.id,
      applicant_name: contact.full_name,
      applicant_phone: phones[0] ?? null,
      summary: input.summary,
      text: input.text ?? null,
      topics: JSON.stringify(input.topics),
      term_date: term.termDate,
      due_date: term.controlDate,
      responsible_id: actor.id,
      executor_id: null,
      on_control: 0,
      status: 'registered',
      result: null,
      closed_on: null,
      forwarded_from_body: null,
      forwarded_from_number: null,
      forwarded_from_date: null,
      case_file: null,
      created_by: actor.id,
      ...WORKFLOW_BLANK,
      ...sync(),
    };
    const rowid = insert('appeals', appeal).lastInsertRowid;
    log('appeals', appeal);
    for (const code of new Set(input.topics)) insert('appeal_topics', { code, appeal_id: appeal.id });
    const body = ftsBody({
      regNumber,
      summary: appeal.summary,
      text: appeal.text,
      applicantName: contact.full_name,
      address: contact.address,
      email: contact.email,
      phones,
    });
    insert('appeal_fts', { rowid, body });
    const history: AppealHistoryTable = {
      appeal_id: appeal.id,
      at: now,
      user_id: actor.id,
      action: 'registered',
      changes: '{}',
      comment: null,
      ...sync(),
    };
    insert('appeal_history', history);
    log('appeal_history', history);
    const task: TaskTable = {
      appeal_id: appeal.id,
      request_id: null,
      kind: 'review',
      title: taskTitle('review'),
      assignee_id: actor.id,
      due_date: term.controlDate,
      status: 'open',
      closed_at: null,
      closed_by: null,
      event_id: null,
      event_stage: null,
      ...sync(),
    };
    insert('tasks', task);
    log('tasks', task);
    insert('audit_log', {
      at: now,
      office_id: office.id,
      user_id: actor.id,
      login: actor.login,
      transport: 'internal',
      action: 'appeals.register',
      entity: 'appeal',
      entity_id: appeal.id,
      details: JSON.stringify({ regNumber }),
    });
  };
  const one = db.transaction((input: Parsed, actor: Actor) => {
    seqs = new Map();
    body(input, actor);
  });
  const many = db.transaction((inputs: Parsed[], actor: Actor) => {
    seqs = new Map();
    for (const input of inputs) body(input, actor);
  });
  return {
    one: (input, actor) => one.immediate(input, actor),
    many: (inputs, actor) => many.immediate(inputs, actor),
  };
}

/** `appeals.registerBatch` through the API, `size` appeals a call; returns each call's time. */
export async function registerBatchesViaApi(
  handle: OfficeHandle,
  token: string,
  inputs: RegisterInput[],
  size: number,
): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < inputs.length; i += size) {
    const t0 = performance.now();
    const r = await handle.api.call(
      'internal',
      'appeals.registerBatch',
      { appeals: inputs.slice(i, i + size) },
      { token },
    );
    times.push(performance.now() - t0);
    if (!r.ok) throw new Error(`appeals.registerBatch failed: ${r.error.code}: ${r.error.message}`);
  }
  return times;
}
