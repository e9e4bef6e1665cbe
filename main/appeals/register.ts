import type { ReadDb, WriteDb } from '../../db/sql';
import type { AppealTable, OfficeTable } from '../../db/schema';
import type { AppealKind } from '../../shared/api/appeals';
import type { ContactSummary } from '../../shared/api/contacts';
import { ApiError } from '../../shared/api/define';
import type { Output, ParsedInput } from '../../shared/api/index';
import { registrationTerm, reviewTerm, type Term } from '../../shared/domain/deadlines';
import { STATE_TASK } from '../../shared/domain/workflow/appeal';
import { stageDue } from '../workflow/engine';
import { deskSeqKey, deskSeqRange, formatRegNumber, splitDeskSeq } from '../../shared/domain/regnumber';
import { ftsBody } from '../../shared/domain/text';
import {
  appealHistory,
  audit,
  insertSynced,
  newSyncColumns,
  stamp,
  withHeldChangeLog,
} from '../kernel/bookkeeping';
import { resolveApplicant } from '../contacts/contacts';
import { contactSummary } from '../contacts/queries';
import { requireActor, type CallContext, type ReadContext } from '../kernel/context';
import { officeCalendar, officeRow } from '../office/queries';
import { openTask } from '../tasks/tasks';
import { WORKFLOW_BLANK } from '../workflow/blank';
import { linkAppeal } from '../events/events';
import { getCard } from './card';
import { refuseWithdrawn } from '../classifier/queries';
import { checkAppealDates, checkUsers } from './checks';
import { deskForRegistration } from '../sync/desks';
import { AppealCountBatch } from '../reports/statistics/batch';
import { FacetBatch } from '../contacts/facets';
import { beginWrite, type WriteScope } from '../kernel/scope';
import { routeRegistration, routedBy, sendOnToDeputy, type RoutingRun } from '../routing/route';

export function appealTerm(
  ctx: ReadContext,
  office: OfficeTable,
  registeredOn: string,
  kind: AppealKind,
  calendar = officeCalendar(ctx, office),
): Term {
  return reviewTerm(registeredOn, {
    calendar,
    shift: office.deadline_shift,
    migration: kind === 'migration_report',
  });
}

export function previewTerm(
  ctx: ReadContext,
  input: ParsedInput<'appeals.previewTerm'>,
): Output<'appeals.previewTerm'> {
  const office = officeRow(ctx.store.read);
  const calendar = officeCalendar(ctx, office);
  const term = appealTerm(ctx, office, input.registeredOn, input.kind ?? 'application', calendar);
  if (!input.receivedOn) return term;
  // The law's last day (a day off moves it forward, Civil Code Art. 193), not the office's earlier habit.
  const registerBy = registrationTerm(input.receivedOn, calendar, 'next').controlDate;
  return { ...term, registerBy, registeredLate: input.registeredOn > registerBy };
}

/** The last of the desk's numbers of the year: a range of the (office, year, seq) key. */
function lastSeq(db: WriteDb, officeId: string, year: number, desk: number): number {
  const [from, to] = deskSeqRange(desk);
  const r = db.get(
    db.qb
      .selectFrom('appeals')
      .select((eb) => eb.fn.max('reg_seq').as('m'))
      .where('office_id', '=', officeId)
      .where('reg_year', '=', year)
      .where('reg_seq', '>=', from)
      .where('reg_seq', '<=', to),
  );
  return r?.m == null ? 0 : splitDeskSeq(r.m).n;
}

/**
 * The desk's next number of the year. The transaction holds the write lock, so the year's last number
 * is read once per transaction and counted on from there: a batch of 500 asks the index once, not 500
 * times. Every computer of the office numbers under its own desk, so two computers working offline
 * never issue the same number.
 */
function nextSeq(db: WriteDb, run: RegistrationRun, year: number): number {
  const seq = (run.seqs.get(year) ?? lastSeq(db, run.office.id, year, run.desk)) + 1;
  run.seqs.set(year, seq);
  return seq;
}

/** Re-indexes an appeal whose searchable text changed (its FTS row is replaced). */
export function indexForSearch(
  db: WriteDb,
  appeal: AppealTable,
  applicant = contactSummary(db, appeal.applicant_id),
): void {
  const rowid = appealRowid(db, appeal.id);
  db.rawRun('DELETE FROM appeal_fts WHERE rowid = ?', rowid);
  addToSearch(db, rowid, appeal, applicant);
}

function appealRowid(db: WriteDb, id: string): number {
  return db.rawGet<{ rowid: number }>('SELECT rowid FROM appeals WHERE id = ?', id)!.rowid;
}

/**
 * The FTS row of an appeal. A new appeal has none yet: deleting first would cost a lookup in the
 * contentless index for every registration and find nothing.
 */
function addToSearch(db: WriteDb, rowid: number, appeal: AppealTable, applicant: ContactSummary): void {
  db.rawRun(
    'INSERT INTO appeal_fts (rowid, body) VALUES (?, ?)',
    rowid,
    ftsBody({
      regNumber: appeal.reg_number,
      summary: appeal.summary,
      text: appeal.text,
      applicantName: applicant.fullName,
      address: applicant.address,
      email: applicant.email,
      phones: applicant.phones,
    }),
  );
}

/** The topic filter's rows, derived from the appeal's topics (sync rebuilds them after a merge too). */
export function setTopics(db: WriteDb, appealId: string, topics: readonly string[]): void {
  db.run(db.qb.deleteFrom('appeal_topics').where('appeal_id', '=', appealId));
  addTopics(db, appealId, topics);
}

function addTopics(db: WriteDb, appealId: string, topics: readonly string[]): void {
  for (const code of new Set(topics)) db.insert('appeal_topics', { code, appeal_id: appealId });
}

export function register(
  ctx: CallContext,
  input: ParsedInput<'appeals.register'>,
): Output<'appeals.register'> {
  const { id, office } = ctx.store.transaction((db) => {
    const run = beginRegistration(db, ctx);
    return { id: registerIn(db, ctx, run, input).id, office: run.office };
  });
  return getCard(ctx.store.read, ctx, id, office);
}

/**
 * Many registrations in one transaction: an import from the office's previous system, or a reception
 * day's pile entered at once. Each appeal gets what a single registration gives it (contact match,
 * number, term, history, task, change log, audit); one refused item refuses the whole batch.
 */
export function registerBatch(
  ctx: CallContext,
  input: ParsedInput<'appeals.registerBatch'>,
): Output<'appeals.registerBatch'> {
  return ctx.store.transaction((db) => {
    const run = beginRegistration(db, ctx);
    // The statistics' and the segments' counts are added once for the whole batch, before it commits.
    const bulk = { counts: new AppealCountBatch(db), facets: new FacetBatch(db) };
    run.bulk = bulk;
    const registered = withHeldChangeLog(db, () =>
      input.appeals.map((item, index) => {
        try {
          const row = registerIn(db, ctx, run, item);
          return { id: row.id, regNumber: row.reg_number };
        } catch (e) {
          if (!(e instanceof ApiError)) throw e;
          const field = `appeals.${index}${e.extra.field ? `.${e.extra.field}` : ''}`;
          throw new ApiError(e.code, e.message, { ...e.extra, field });
        }
      }),
    );
    bulk.counts.finish();
    bulk.facets.finish();
    return { registered };
  });
}

/**
 * What every registration of one transaction shares, worked out once: the write scope (the office, its
 * calendar, today), this computer's desk, the numbers given so far, and the terms already computed (a
 * batch is mostly registered on one day).
 */
interface RegistrationRun extends WriteScope, RoutingRun {
  /** This computer's desk number (АРМ), whose sequence the registrations take. */
  desk: number;
  seqs: Map<number, number>;
  terms: Map<string, Term>;
  taskDue: Map<string, string>;
  /** A batch's deferred counts, when the registrations are one bulk write. */
  bulk?: { counts: AppealCountBatch; facets: FacetBatch };
}

export function beginRegistration(db: WriteDb, ctx: CallContext): RegistrationRun {
  const scope = beginWrite(db, ctx);
  return {
    ...scope,
    desk: deskForRegistration(db, ctx, scope.office.id),
    seqs: new Map(),
    terms: new Map(),
    taskDue: new Map(),
  };
}

function memo<V>(cache: Map<string, V>, key: string, make: () => V): V {
  let v = cache.get(key);
  if (v === undefined) {
    v = make();
    cache.set(key, v);
  }
  return v;
}

export function registerIn(
  db: WriteDb,
  ctx: CallContext,
  run: RegistrationRun,
  input: ParsedInput<'appeals.register'>,
): AppealTable {
  const { office, calendar, today } = run;
  const actor = requireActor(ctx);
  const st = stamp(ctx);
  const registeredOn = input.registeredOn ?? today;
  const receivedOn = input.receivedOn ?? registeredOn;
  checkAppealDates({ receivedOn, registeredOn }, today);
  checkUsers(db, input.responsibleId, input.executorId);
  refuseWithdrawn(db, input.topics, 'topics');
  const applicant = resolveApplicant(db, office.id, input.applicant, st, run.bulk?.facets);
  const year = Number(registeredOn.slice(0, 4));
  const seq = nextSeq(db, run, year);
  const term = memo(run.terms, `${registeredOn} ${input.kind}`, () =>
    appealTerm(ctx, office, registeredOn, input.kind, calendar),
  );
  const resubmission = resubmissionOf(db, input.resubmissionOf, applicant.id);
  const route = routeRegistration(db, run, input, applicant);
  // The spreads come last: Node's V8 adds each property written after a leading spread one at a time
  // through the runtime, and the 70 columns cost more than the row's INSERT (about 150 µs a row).
  const row: AppealTable = {
    reg_number: formatRegNumber(office.reg_number_format, office.code, year, seq, run.desk),
    reg_year: year,
    reg_seq: deskSeqKey(run.desk, seq),
    registered_on: registeredOn,
    received_on: receivedOn,
    channel: input.channel,
    kind: input.kind,
    is_repeat: input.isRepeat ? 1 : 0,
    is_collective: input.isCollective ? 1 : 0,
    signatories: input.isCollective ? Math.max(2, input.signatories) : 1,
    is_anonymous: input.isAnonymous ? 1 : 0,
    sheets: input.sheets,
    attachments_note: input.attachmentsNote ?? null,
    applicant_id: applicant.id,
    applicant_name: applicant.fullName,
    applicant_phone: applicant.phones[0] ?? null,
    summary: input.summary,
    text: input.text ?? null,
    topics: JSON.stringify(input.topics),
    term_date: term.termDate,
    due_date: term.controlDate,
    responsible_id: input.responsibleId ?? route?.responsibleId ?? actor.userId,
    executor_id: input.executorId ?? null,
    on_control: input.onControl ? 1 : 0,
    status: 'registered',
    result: null,
    closed_on: null,
    forwarded_from_body: input.forwardedFrom?.body ?? null,
    forwarded_from_number: input.forwardedFrom?.outgoingNumber ?? null,
    forwarded_from_date: input.forwardedFrom?.date ?? null,
    case_file: input.caseFile ?? null,
    created_by: actor.userId,
    stage_since: st.now,
    ...WORKFLOW_BLANK,
    ...newSyncColumns(st, office.id),
  };
  row.resubmission_of = resubmission;
  if (input.eventId) row.event_id = linkAppeal(db, ctx, input.eventId, row.reg_number);
  const rowid = insertSynced(db, 'appeals', row).lastInsertRowid;
  addTopics(db, row.id, input.topics);
  run.bulk?.counts.added(rowid);
  addToSearch(db, Number(rowid), row, applicant);
  appealHistory(db, ctx, st, office.id, row.id, 'registered', {}, routedBy(route));
  // The stage's task: nobody may forget an open appeal (DOMAIN §4).
  openTask(db, st, office.id, {
    appealId: row.id,
    kind: STATE_TASK.registered.kind,
    assigneeId: row.responsible_id,
    dueDate: memo(run.taskDue, row.due_date, () => stageDue(office, calendar, today, row.due_date, 'review')),
  });
  audit(db, ctx, office.id, 'appeals.register', 'appeal', row.id, { regNumber: row.reg_number });
  sendOnToDeputy(run, actor, row, route);
  return row;
}

/** 59-FZ Art. 11 part 7: only a closed appeal left without an answer may be sent again, by its applicant. */
function resubmissionOf(db: ReadDb, id: string | null | undefined, applicantId: string): string | null {
  if (!id) return null;
  const old = db.get(
    db.qb.selectFrom('appeals').select(['status', 'result', 'applicant_id']).where('id', '=', id),
  );
  if (
    !old ||
    old.status !== 'closed' ||
    old.result !== 'left_without_answer' ||
    old.applicant_id !== applicantId
  )
    throw new ApiError(
      'validation',
      'resubmissionOf: a closed appeal of this applicant left without an answer is expected',
      {
        field: 'resubmissionOf',
      },
    );
  return id;
}
