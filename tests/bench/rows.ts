import { NO_CONTACT_DETAILS } from '../../main/contacts/contacts';
import type Database from 'better-sqlite3';
import type {
  ExternalRequestTable,
  AppealHistoryTable,
  AppealTable,
  ContactPhoneTable,
  ContactTable,
  EventTable,
  SyncColumns,
  TaskTable,
} from '../../db/schema';
import type { City, Person, Rng } from '../../main/demo/people';
import type { AppealDraft } from '../../main/demo/topics';
import type { Term } from '../../shared/domain/deadlines';
import { addCalendarDays } from '../../shared/domain/calendar';
import { formatRegNumber } from '../../shared/domain/regnumber';
import { addressKey, emailKey, fullName, ftsBody, nameKey, normalizePhone } from '../../shared/domain/text';
import { taskTitle } from '../../shared/i18n/ru/tasks';
import { formatHlc } from '../../shared/util/hlc';
import { WORKFLOW_BLANK } from '../../main/workflow/blank';
import { EVENT_BLANK } from '../../main/events/events';

/** Rows of the data set, typed by the product's own table types so a schema change breaks the build here. */

export interface BenchOffice {
  id: string;
  code: string;
  city: City;
  /** HLC node of the office's database. */
  node: string;
  assistants: string[];
  logins: string[];
}

/** Deterministic UUIDv7: the instant, then a running counter (unique by construction), then noise. */
export class Ids {
  private n = 0;
  constructor(private readonly rng: Rng) {}

  next(ms: number): string {
    const t = Math.floor(ms).toString(16).padStart(12, '0');
    const c = (this.n++).toString(16).padStart(8, '0');
    const r = (k: number): string =>
      Math.floor(this.rng.next() * 16 ** k)
        .toString(16)
        .padStart(k, '0');
    const variant = (8 + Math.floor(this.rng.next() * 4)).toString(16);
    return `${t.slice(0, 8)}-${t.slice(8)}-7${r(3)}-${variant}${r(3)}-${c}${r(4)}`;
  }
}

/** One INSERT per table and column set, prepared once; rows bind by column name. */
export function inserter(db: Database.Database): (table: string, row: object) => Database.RunResult {
  const statements = new Map<string, Database.Statement>();
  return (table, row) => {
    const cols = Object.keys(row);
    const key = `${table}(${cols.join(',')})`;
    let st = statements.get(key);
    if (!st) {
      st = db.prepare(
        `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => '@' + c).join(', ')})`,
      );
      statements.set(key, st);
    }
    return st.run(row);
  };
}

export function sync(id: string, office: BenchOffice, ms: number): SyncColumns {
  const at = new Date(ms).toISOString();
  const hlc = formatHlc({ millis: ms, counter: 0, node: office.node });
  return { id, office_id: office.id, created_at: at, updated_at: at, hlc, deleted_at: null };
}

export function contactRows(
  ids: Ids,
  p: Person,
  office: BenchOffice,
  ms: number,
): { contact: ContactTable; phones: ContactPhoneTable[] } {
  const parts = { lastName: p.lastName, firstName: p.firstName, middleName: p.middleName };
  const contact: ContactTable = {
    ...sync(ids.next(ms), office, ms),
    last_name: p.lastName,
    first_name: p.firstName,
    middle_name: p.middleName,
    full_name: fullName(parts),
    name_key: nameKey(parts),
    address: p.address,
    address_key: addressKey(p.address),
    email: p.email,
    email_key: emailKey(p.email),
    social_category: p.socialCategory,
    comment: null,
    ...NO_CONTACT_DETAILS,
  };
  const phones = p.phones.map((raw) => ({
    ...sync(ids.next(ms), office, ms),
    contact_id: contact.id,
    phone: normalizePhone(raw)!,
    raw,
  }));
  return { contact, phones };
}

const OPEN_STATUSES = [
  ['registered', 30],
  ['awaiting_resolution', 25],
  ['in_request', 25],
  ['reply_draft', 15],
  ['awaiting_contact_data', 5],
] as const;

const RESULTS = [
  ['explained', 40],
  ['supported_measures_taken', 20],
  ['supported', 15],
  ['forwarded', 12],
  ['not_supported', 10],
  ['left_without_answer', 3],
] as const;

/** How many of this age are still open: most of the last month, a few stragglers long after. */
function openShare(ageDays: number): number {
  return ageDays <= 35 ? 0.75 : ageDays <= 75 ? 0.2 : 0.01;
}

export interface AppealInput {
  office: BenchOffice;
  day: string;
  ms: number;
  seq: number;
  ageDays: number;
  term: Term;
  contactId: string;
  person: Person;
  /** The applicant's phones as stored (E.164). */
  phones: string[];
  draft: AppealDraft;
  repeat: boolean;
  collective: boolean;
}

export interface AppealRows {
  appeal: AppealTable;
  topics: string[];
  fts: string;
  history: AppealHistoryTable;
  task: TaskTable;
}

/** An appeal as the product would hold it some time after registration: open, or closed with a result. */
export function appealRows(ids: Ids, rng: Rng, a: AppealInput): AppealRows {
  const { office, day, ms, draft: d, person } = a;
  const year = Number(day.slice(0, 4));
  const regNumber = formatRegNumber('КОД-ГГГГ-NNNNN', office.code, year, a.seq);
  const open = rng.chance(openShare(a.ageDays));
  const closedOn = open ? null : addCalendarDays(day, Math.min(rng.int(3, 29), Math.floor(a.ageDays)));
  const responsible = rng.pick(office.assistants);
  const creator = rng.chance(0.8) ? responsible : rng.pick(office.assistants);
  const phones = a.phones;
  const name = fullName(person);
  const forwarded = d.channel === 'forwarded';
  const base = sync(ids.next(ms), office, ms);
  const appeal: AppealTable = {
    ...base,
    ...WORKFLOW_BLANK,
    stage_since: base.created_at,
    reg_number: regNumber,
    reg_year: year,
    reg_seq: a.seq,
    registered_on: day,
    received_on: d.channel === 'post' ? addCalendarDays(day, -rng.int(0, 2)) : day,
    channel: d.channel,
    kind: d.kind,
    is_repeat: a.repeat && rng.chance(0.3) ? 1 : 0,
    is_collective: a.collective ? 1 : 0,
    signatories: a.collective ? rng.int(3, 150) : 1,
    is_anonymous: 0,
    sheets: rng.int(1, 5),
    attachments_note: null,
    applicant_id: a.contactId,
    applicant_name: name,
    applicant_phone: phones[0] ?? null,
    summary: d.summary,
    text: d.text,
    topics: JSON.stringify(d.topics),
    term_date: a.term.termDate,
    due_date: a.term.controlDate,
    responsible_id: responsible,
    executor_id: null,
    on_control: rng.chance(0.05) ? 1 : 0,
    status: open ? rng.weighted(OPEN_STATUSES) : 'closed',
    result: open ? null : rng.weighted(RESULTS),
    closed_on: closedOn,
    forwarded_from_body: forwarded ? 'Аппарат Государственной Думы' : null,
    forwarded_from_number: forwarded ? `${rng.int(1, 99)}-${rng.int(100, 9999)}` : null,
    forwarded_from_date: forwarded ? addCalendarDays(day, -5) : null,
    case_file: null,
    created_by: creator,
  };
  const closedAt = closedOn ? `${closedOn}T12:00:00.000Z` : null;
  return {
    appeal,
    topics: [...new Set(d.topics)],
    fts: ftsBody({
      regNumber,
      summary: d.summary,
      text: d.text,
      applicantName: name,
      address: person.address,
      email: person.email,
      phones,
    }),
    history: {
      ...sync(ids.next(ms), office, ms),
      appeal_id: appeal.id,
      at: base.created_at,
      user_id: creator,
      action: 'registered',
      changes: '{}',
      comment: null,
    },
    task: {
      ...sync(ids.next(ms), office, ms),
      updated_at: closedAt ?? base.created_at,
      appeal_id: appeal.id,
      request_id: null,
      kind: 'review',
      title: taskTitle('review'),
      assignee_id: responsible,
      due_date: a.term.controlDate,
      status: open ? 'open' : 'done',
      closed_at: closedAt,
      closed_by: open ? null : responsible,
      event_id: null,
      event_stage: null,
    },
  };
}

/**
 * A request on an appeal, about three in ten of them (300k at 1M appeals): answered and resolved for a
 * closed appeal; for an open one, out and waiting when sent before the data set's today, else a draft.
 */
export function requestRow(
  ids: Ids,
  rng: Rng,
  r: { office: BenchOffice; appeal: AppealTable; ms: number; today: string },
): ExternalRequestTable {
  const { appeal } = r;
  const sentOn = addCalendarDays(appeal.registered_on, rng.int(2, 12));
  const closed = appeal.status === 'closed';
  const sent = closed || sentOn <= r.today;
  const answeredOn = closed ? (appeal.closed_on ?? sentOn) : null;
  return {
    ...sync(ids.next(r.ms), r.office, r.ms),
    appeal_id: appeal.id,
    seq: 1,
    body_id: null,
    kind: rng.chance(0.8) ? 'deputy_request' : 'documents_request',
    status: closed ? 'resolved' : sent ? 'sent' : 'draft',
    text: 'Прошу представить сведения по обращению.',
    approved_by: null,
    approved_on: sent ? sentOn : null,
    sent_on: sent ? sentOn : null,
    outgoing_number: sent ? `ИСХ-${rng.int(1, 9999)}` : null,
    due_date: sent ? addCalendarDays(sentOn, 30) : null,
    answered_on: answeredOn,
    answer_number: closed ? `ВХ-${rng.int(1, 9999)}` : null,
    answer_summary: null,
    answer_attachment_id: null,
    next_step: closed ? 'reply' : null,
    stage_since: `${sent ? sentOn : appeal.registered_on}T09:00:00.000Z`,
  };
}

/**
 * An event of the data set: past ones closed (a few cancelled); ahead ones in Создание while more than
 * four weeks off (so no pass of the bench moves one), in a later stage as the date nears, each entered its stage a few days before the
 * anchor, so the "stuck" reads find some past their limit.
 */
export function eventRow(
  ids: Ids,
  rng: Rng,
  e: { office: BenchOffice; date: string; today: string; anchorMs: number },
): EventTable {
  const daysAhead = (Date.parse(`${e.date}T00:00:00Z`) - Date.parse(`${e.today}T00:00:00Z`)) / 86_400_000;
  const stage: EventTable['stage'] =
    daysAhead < 0
      ? rng.chance(0.1)
        ? 'cancelled'
        : 'closed'
      : daysAhead > 28
        ? 'creation'
        : daysAhead > 10
          ? 'approval'
          : daysAhead > 2
            ? 'programme'
            : 'event';
  const sinceMs = e.anchorMs - rng.int(0, daysAhead > 28 ? 90 : 15) * 86_400_000;
  const createdMs = Math.min(sinceMs, Date.parse(`${e.date}T06:00:00Z`)) - 30 * 86_400_000;
  const responsible = e.office.assistants[rng.int(0, e.office.assistants.length - 1)]!;
  return {
    ...sync(ids.next(createdMs), e.office, createdMs),
    title: `Встреча с жителями № ${rng.int(1, 999)}`,
    kind: 'residents_meeting',
    event_date: e.date,
    ...EVENT_BLANK,
    start_time: '18:00',
    responsible_id: responsible,
    outcome: stage === 'closed' ? 'Проведено' : null,
    stage,
    stage_since: new Date(daysAhead < 0 ? Date.parse(`${e.date}T15:00:00Z`) : sinceMs).toISOString(),
    cancel_reason: stage === 'cancelled' ? 'Перенесено' : null,
    closed_on: stage === 'closed' ? e.date : null,
    created_by: responsible,
  };
}
