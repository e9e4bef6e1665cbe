import Database from 'better-sqlite3';
import fs from 'node:fs';
import type { UserTable } from '../../db/schema';
import { closeDatabase, openDatabase } from '../../db/connect';
import { fillCounts } from '../../db/migrations/0010-statistics';
import { fillQuestionCounts } from '../../db/migrations/0025-question-counts';
import { LATEST_VERSION } from '../../db/migrations/index';
import { CITIES, makePerson, Rng, type City, type Person } from '../../main/demo/people';
import { appealDraft } from '../../main/demo/topics';
import { hashPassword } from '../../main/office/users';
import { addCalendarDays, ProductionCalendar } from '../../shared/domain/calendar';
import { SHIPPED_CALENDAR_YEARS } from '../../shared/domain/calendar-data';
import { reviewTerm, type Term } from '../../shared/domain/deadlines';
import { fullName, normalizePhone } from '../../shared/domain/text';
import { appealRows, contactRows, eventRow, Ids, inserter, requestRow, sync, type BenchOffice } from './rows';

/**
 * The DESIGN.md data set, bulk-loaded with raw prepared statements: an HQ database of many offices, every
 * appeal with its contact and phones, topics, full-text row, history entry and task. Text goes through the
 * product's own normalisation (shared/domain/text.ts), so search behaves as in the product. Change-log and
 * audit rows are not generated: nothing measured reads them, and they would only add bulk.
 */
export const GENERATOR_VERSION = 3;
/** The bench's "now": a Thursday morning in Moscow; the data ends here and the bench clock starts here. */
export const ANCHOR = '2026-10-15T06:00:00.000Z';
export const BENCH_PASSWORD = 'bench-password';
const SPAN_DAYS = 900;
const OFFICES = 20;
const ASSISTANTS = 4;
const BATCH = 20_000;
const CODES = 'ИВН ПТР СМР КЗН НВС ЕКБ НЖН ВРН МСК СПБ ТВР ЛНН ГРД ОРЛ БЛГ КРС ТМБ ПНЗ ЯРС ВЛД'.split(' ');

export interface BenchMeta {
  version: number;
  seed: number;
  scale: number;
  appeals: number;
  contacts: number;
  requests: number;
  events: number;
  phones: number;
  offices: number;
  generatedMs: number;
}

export async function generate(
  file: string,
  opts: { scale: number; seed: number; log: (s: string) => void },
): Promise<BenchMeta> {
  const t0 = performance.now();
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  closeDatabase(openDatabase(file, { now: new Date(ANCHOR) }));
  const db = new Database(file);
  // Test data, rebuilt on any doubt: the journal in memory (better-sqlite3 refuses OFF) and no syncs.
  db.pragma('journal_mode = MEMORY');
  db.pragma('synchronous = OFF');
  // Every reference is made here, to rows made here; checking each one would only slow the load.
  db.pragma('foreign_keys = OFF');
  db.pragma('cache_size = -1000000');
  db.pragma('temp_store = MEMORY');
  // Indexes are dropped and rebuilt from the migration's own SQL: a sort beats a million random inserts.
  const indexes = db
    .prepare<[], { name: string; sql: string }>(
      "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL",
    )
    .all();
  for (const i of indexes) db.exec(`DROP INDEX ${i.name}`);
  // So are the triggers that keep the statistics' counts: one pass over the loaded rows fills them.
  const triggers = db
    .prepare<[], { name: string; sql: string }>("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")
    .all();
  for (const t of triggers) db.exec(`DROP TRIGGER ${t.name}`);

  const appealsTotal = Math.round(1_000_000 * opts.scale);
  const contactsTotal = Math.max(appealsTotal, Math.round(2_000_000 * opts.scale));
  const rng = new Rng(opts.seed);
  const ids = new Ids(new Rng(opts.seed ^ 0x5eed));
  const insert = inserter(db);
  const anchorMs = Date.parse(ANCHOR);
  const start = addCalendarDays(ANCHOR.slice(0, 10), -SPAN_DAYS);
  const offices = insertOffices(db, ids, opts.seed, await hashPassword(BENCH_PASSWORD), start);

  const contactIds: string[] = [];
  const officeOf = new Uint8Array(contactsTotal);
  let phones = 0;
  const personOf = (idx: number, city: City): Person => makePerson(Rng.for(opts.seed, idx), { city });
  /** Inserts the contact and its phones; returns its id and the phones as stored (E.164). */
  const insertContact = (idx: number, p: Person, office: number, ms: number): [string, string[]] => {
    const rows = contactRows(ids, p, offices[office]!, ms);
    insert('contacts', rows.contact);
    for (const ph of rows.phones) insert('contact_phones', ph);
    phones += rows.phones.length;
    officeOf[idx] = office;
    return [rows.contact.id, rows.phones.map((ph) => ph.phone)];
  };

  const calendar = new ProductionCalendar(SHIPPED_CALENDAR_YEARS);
  const workingDays: string[] = [];
  for (let d = 0; d <= SPAN_DAYS; d++) {
    const day = addCalendarDays(start, d);
    if (calendar.isWorkingDay(day)) workingDays.push(day);
  }
  const terms = new Map<string, Term>();
  const termOf = (day: string, migration: boolean): Term => {
    const key = `${day}${migration}`;
    let t = terms.get(key);
    if (!t) terms.set(key, (t = reviewTerm(day, { calendar, shift: 'previous', migration })));
    return t;
  };
  const seqs = new Map<string, number>();
  const anchorDay = ANCHOR.slice(0, 10);
  let requests = 0;

  const appealBatch = (from: number, to: number): void => {
    for (let i = from; i < to; i++) {
      // Appeals come in date order, spread over the working days and over the hours of each.
      const day = workingDays[Math.floor((i * workingDays.length) / appealsTotal)]!;
      const ms = Date.parse(`${day}T06:00:00Z`) + ((i * 37) % 1000) * 32_400;
      // One in five comes from someone who wrote before, to the same office.
      const repeat = contactIds.length > 0 && rng.chance(0.2);
      const idx = repeat ? rng.int(0, contactIds.length - 1) : contactIds.length;
      const office = repeat ? officeOf[idx]! : rng.int(0, OFFICES - 1);
      const o = offices[office]!;
      const person = personOf(idx, o.city);
      const [contactId, e164] = repeat
        ? [contactIds[idx]!, person.phones.map((p) => normalizePhone(p)!)]
        : insertContact(idx, person, office, ms);
      if (!repeat) contactIds.push(contactId);
      const collective = rng.chance(0.03);
      const draft = appealDraft(rng, person, { collective });
      const seqKey = `${office}:${day.slice(0, 4)}`;
      const seq = (seqs.get(seqKey) ?? 0) + 1;
      seqs.set(seqKey, seq);
      const r = appealRows(ids, rng, {
        office: o,
        day,
        ms,
        seq,
        ageDays: (anchorMs - Date.parse(`${day}T00:00:00Z`)) / 86_400_000,
        term: termOf(day, draft.kind === 'migration_report'),
        contactId,
        person,
        phones: e164,
        draft,
        repeat,
        collective,
      });
      const rowid = insert('appeals', r.appeal).lastInsertRowid;
      for (const code of r.topics) insert('appeal_topics', { code, appeal_id: r.appeal.id });
      insert('appeal_fts', { rowid, body: r.fts });
      insert('appeal_history', r.history);
      insert('tasks', r.task);
      if (rng.chance(0.3)) {
        insert(
          'external_requests',
          requestRow(ids, rng, { office: o, appeal: r.appeal, ms, today: anchorDay }),
        );
        requests++;
      }
    }
  };

  for (let from = 0; from < appealsTotal; from += BATCH) {
    db.transaction(appealBatch)(from, Math.min(appealsTotal, from + BATCH));
    if ((from / BATCH) % 10 === 9) opts.log(`  appeals ${from + BATCH} / ${appealsTotal}`);
  }
  // The rest of the contact base: people met at events, callers who never wrote, imported lists.
  for (let from = contactIds.length; from < contactsTotal; from += BATCH) {
    db.transaction(() => {
      for (let idx = from; idx < Math.min(contactsTotal, from + BATCH); idx++) {
        const office = rng.int(0, OFFICES - 1);
        const ms = anchorMs - rng.int(1, SPAN_DAYS) * 86_400_000;
        insertContact(idx, personOf(idx, offices[office]!.city), office, ms);
      }
    })();
  }
  // Events (DESIGN: 50,000 at full scale) over the span and four months ahead, spread over the offices.
  const eventsTotal = Math.round(50_000 * opts.scale);
  db.transaction(() => {
    for (let i = 0; i < eventsTotal; i++) {
      const date = addCalendarDays(start, Math.floor(((SPAN_DAYS + 120) * i) / eventsTotal));
      const office = offices[rng.int(0, OFFICES - 1)]!;
      insert('events', eventRow(ids, rng, { office, date, today: anchorDay, anchorMs }));
    }
  })();
  opts.log(`  rows loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s; building indexes`);
  for (const i of indexes) db.exec(i.sql);
  if (triggers.length) {
    fillCounts(db);
    fillQuestionCounts(db);
    for (const t of triggers) db.exec(t.sql);
  }
  opts.log(`  indexes built at ${((performance.now() - t0) / 1000).toFixed(1)} s; ANALYZE`);
  // What `PRAGMA optimize` on close gives a database in use; a planner without statistics is not the product's.
  db.exec('ANALYZE');
  db.pragma('journal_mode = WAL');
  const meta: BenchMeta = {
    version: GENERATOR_VERSION,
    seed: opts.seed,
    scale: opts.scale,
    appeals: appealsTotal,
    contacts: contactsTotal,
    requests,
    events: eventsTotal,
    phones,
    offices: OFFICES,
    generatedMs: performance.now() - t0,
  };
  // Written last: a file without it is half-built and gets regenerated.
  db.prepare("INSERT INTO local_state (key, value) VALUES ('bench.meta', ?)").run(JSON.stringify(meta));
  db.close();
  return meta;
}

/** Twenty offices in eight cities, each with an office head, a deputy and four assistants. */
function insertOffices(
  db: Database.Database,
  ids: Ids,
  seed: number,
  passwordHash: string,
  start: string,
): BenchOffice[] {
  const insert = inserter(db);
  const ms = Date.parse(`${start}T06:00:00Z`) - 30 * 86_400_000;
  const offices: BenchOffice[] = [];
  db.transaction(() => {
    for (let o = 0; o < OFFICES; o++) {
      const city = CITIES[o % CITIES.length]!;
      const node = (0xb0000 + o).toString(16).padStart(16, '0');
      const id = ids.next(ms);
      const office: BenchOffice = { id, code: CODES[o]!, city, node, assistants: [], logins: [] };
      const deputy = makePerson(Rng.for(seed, -1 - o), { city });
      insert('offices', {
        ...sync(id, office, ms),
        code: office.code,
        name: `Приёмная депутата № ${o + 1}`,
        region: city.region,
        time_zone: city.timeZone,
        deputy_name: fullName(deputy),
        reg_number_format: 'КОД-ГГГГ-NNNNN',
        deadline_shift: 'previous',
      });
      const roles: UserTable['role'][] = [
        'office_head',
        'deputy',
        ...Array<'assistant'>(ASSISTANTS).fill('assistant'),
      ];
      roles.forEach((role, k) => {
        const login = `o${o + 1}.${role === 'assistant' ? `assistant${k - 1}` : role}`;
        const user: UserTable = {
          ...sync(ids.next(ms), office, ms),
          login,
          full_name: fullName(makePerson(Rng.for(seed, -1000 - o * 10 - k), { city })),
          role,
          password_hash: passwordHash,
          active: 1,
          failed_attempts: 0,
          locked_until: null,
        };
        insert('users', user);
        if (role === 'assistant') {
          office.assistants.push(user.id);
          office.logins.push(login);
        }
      });
      offices.push(office);
    }
    db.prepare("INSERT INTO local_state (key, value) VALUES ('office_id', ?)").run(offices[0]!.id);
    // The bench registers as the computer the office was set up on: desk 1, numbering as it always has.
    db.prepare("INSERT INTO local_state (key, value) VALUES ('desk', '1')").run();
  })();
  return offices;
}

type SchemaRow = { type: string; name: string; sql: string };

function schemaOf(db: Database.Database): SchemaRow[] {
  return db
    .prepare<[], SchemaRow>(
      "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_stat%' ORDER BY name",
    )
    .all();
}

/**
 * Brings a kept file's indexes in line with the migration's, so an index change is measured without
 * regenerating the data. Returns false when the tables themselves differ: then only a new file will do.
 */
export function alignIndexes(file: string, log: (s: string) => void): boolean {
  const fresh = openDatabase(':memory:');
  const wanted = schemaOf(fresh);
  closeDatabase(fresh);
  const db = new Database(file);
  try {
    const have = schemaOf(db);
    const key = (r: SchemaRow): string => `${r.type}:${r.name}:${r.sql}`;
    const tables = (rows: SchemaRow[]): string =>
      rows
        .filter((r) => r.type !== 'index')
        .map(key)
        .join('\n');
    if (tables(have) !== tables(wanted)) return false;
    const wantedIdx = new Set(wanted.filter((r) => r.type === 'index').map(key));
    const haveIdx = new Set(have.filter((r) => r.type === 'index').map(key));
    for (const r of have.filter((r) => r.type === 'index' && !wantedIdx.has(key(r)))) {
      log(`  dropping index ${r.name} (no longer in the migration)`);
      db.exec(`DROP INDEX ${r.name}`);
    }
    for (const r of wanted.filter((r) => r.type === 'index' && !haveIdx.has(key(r)))) {
      log(`  building index ${r.name}: ${r.sql}`);
      db.exec(r.sql);
      db.exec(`ANALYZE ${r.name}`);
    }
    // The schema is now the latest one: a migration that only adds indexes must not run again on open.
    db.pragma(`user_version = ${LATEST_VERSION}`);
    return true;
  } finally {
    db.close();
  }
}

/** The data set's description, or null when the file is absent or was never finished. */
export function readMeta(file: string): BenchMeta | null {
  if (!fs.existsSync(file)) return null;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'local_state'").get();
    if (!hasTable) return null;
    const r = db
      .prepare<[], { value: string }>("SELECT value FROM local_state WHERE key = 'bench.meta'")
      .get();
    return r ? (JSON.parse(r.value) as BenchMeta) : null;
  } finally {
    db.close();
  }
}

/** The offices and their assistants, read back from a kept file. */
export function loadOffices(db: Database.Database): BenchOffice[] {
  const rows = db
    .prepare<[], { id: string; code: string; region: string | null; hlc: string }>(
      'SELECT id, code, region, hlc FROM offices ORDER BY rowid',
    )
    .all();
  const users = db.prepare<[string], { id: string; login: string }>(
    "SELECT id, login FROM users WHERE office_id = ? AND role = 'assistant' ORDER BY rowid",
  );
  return rows.map((r) => {
    const us = users.all(r.id);
    return {
      id: r.id,
      code: r.code,
      city: CITIES.find((c) => c.region === r.region) ?? CITIES[0]!,
      node: r.hlc.slice(-16),
      assistants: us.map((u) => u.id),
      logins: us.map((u) => u.login),
    };
  });
}
