import type { ReadDb } from '../../db/sql';
import type { EventTable } from '../../db/schema';
import type { EventCard, EventRow, EventTask } from '../../shared/api/events';
import type { AppealStatus } from '../../shared/api/appeals';
import {
  EVENT_STAGES,
  EVENT_TASK_KIND,
  isOpenEventState,
  nextState,
  stageApplies,
  stagesFor,
  type ChecklistAssignee,
  type EventStage,
  type EventState,
} from '../../shared/domain/workflow/event';
import { fireRules, ReminderDays, reminderSettings } from '../../shared/domain/reminders';
import type { OfficeTable } from '../../db/schema';
import type { ReadContext } from '../kernel/context';
import { officeCalendar, officeRow, officeToday } from '../office/queries';
import { criteria, loadEvent } from './flow';
import { eventKinds } from './kinds';
import { historyEntry } from '../kernel/bookkeeping';

type Progress = EventRow['progress'] & { overdue: boolean };

/** Checklist progress of each event's open (current stage) tasks, in one query. */
function progressOf(db: ReadDb, ids: string[], today: string): Map<string, Progress> {
  const out = new Map<string, Progress>();
  if (ids.length === 0) return out;
  const rows = db.all(
    db.qb
      .selectFrom('task_items as i')
      .innerJoin('tasks as t', 't.id', 'i.task_id')
      .select(['i.event_id', 'i.mandatory', 'i.done_at', 'i.due_date'])
      .where('i.event_id', 'in', ids)
      .where('t.status', '=', 'open')
      .where('i.deleted_at', 'is', null),
  );
  for (const r of rows) {
    const p = out.get(r.event_id) ?? { done: 0, total: 0, mandatoryLeft: 0, overdue: false };
    p.total++;
    if (r.done_at) p.done++;
    else {
      if (r.mandatory === 1) p.mandatoryLeft++;
      if (r.due_date && r.due_date < today) p.overdue = true;
    }
    out.set(r.event_id, p);
  }
  return out;
}

/** Where the board may move an event in one step. */
export function movesOf(e: EventTable): EventState[] {
  const state = e.stage as EventState;
  if (!isOpenEventState(state)) return [];
  const c = criteria(e);
  const back = EVENT_STAGES.slice(0, EVENT_STAGES.indexOf(state)).filter((s) => stageApplies(s, c));
  return [nextState(state, c), ...back];
}

function names(db: ReadDb, ids: (string | null)[]): Map<string, string> {
  const list = [...new Set(ids.filter((x): x is string => !!x))];
  if (list.length === 0) return new Map();
  return new Map(
    db
      .all(db.qb.selectFrom('users').select(['id', 'full_name']).where('id', 'in', list))
      .map((u) => [u.id, u.full_name]),
  );
}

function toRows(db: ReadDb, officeId: string, events: EventTable[], today: string): EventRow[] {
  const kinds = new Map(eventKinds(db, officeId).map((k) => [k.code, k.name]));
  const people = names(
    db,
    events.flatMap((e) => [e.responsible_id, e.escort_id]),
  );
  const progress = progressOf(
    db,
    events.filter((e) => isOpenEventState(e.stage as EventState)).map((e) => e.id),
    today,
  );
  return events.map((e) => {
    const p = progress.get(e.id) ?? { done: 0, total: 0, mandatoryLeft: 0, overdue: false };
    return {
      id: e.id,
      title: e.title,
      kind: e.kind,
      kindName: kinds.get(e.kind) ?? e.kind,
      date: e.event_date,
      startTime: e.start_time,
      place: e.place,
      district: e.district,
      stage: e.stage as EventState,
      responsibleId: e.responsible_id,
      responsibleName: e.responsible_id ? (people.get(e.responsible_id) ?? null) : null,
      escortName: e.escort_id ? (people.get(e.escort_id) ?? null) : null,
      progress: { done: p.done, total: p.total, mandatoryLeft: p.mandatoryLeft },
      overdue: p.overdue,
      moves: movesOf(e),
    };
  });
}

export function listEvents(
  ctx: ReadContext,
  i: { from?: string; to?: string; includeFinished: boolean; limit: number },
): EventRow[] {
  const db = ctx.store.read;
  const office = officeRow(db);
  let q = db.qb
    .selectFrom('events')
    .selectAll()
    .where('office_id', '=', office.id)
    .where('deleted_at', 'is', null);
  if (i.from) q = q.where('event_date', '>=', i.from);
  if (i.to) q = q.where('event_date', '<=', i.to);
  if (!i.includeFinished) q = q.where('stage', 'not in', ['closed', 'cancelled']);
  const events = db.all(q.orderBy('event_date').orderBy('start_time').orderBy('id').limit(i.limit));
  return toRows(db, office.id, events, officeToday(ctx, office));
}

function tasksOf(db: ReadDb, eventId: string): EventTask[] {
  const tasks = db.all(
    db.qb
      .selectFrom('tasks as t')
      .leftJoin('users as u', 'u.id', 't.assignee_id')
      .select([
        't.id',
        't.title',
        't.kind',
        't.event_stage',
        't.assignee_id',
        'u.full_name',
        't.due_date',
        't.status',
      ])
      .where('t.event_id', '=', eventId)
      .where('t.deleted_at', 'is', null)
      .orderBy('t.created_at')
      // The responsible person's task before the escort's.
      .orderBy('t.kind', 'desc'),
  );
  const items = db.all(
    db.qb
      .selectFrom('task_items as i')
      .leftJoin('users as u', 'u.id', 'i.done_by')
      .select(['i.id', 'i.task_id', 'i.text', 'i.mandatory', 'i.due_date', 'i.done_at', 'u.full_name'])
      .where('i.event_id', '=', eventId)
      .where('i.deleted_at', 'is', null)
      .orderBy('i.position'),
  );
  return tasks.map((t) => ({
    id: t.id,
    title: t.title,
    stage: t.event_stage as EventStage,
    role: (t.kind === EVENT_TASK_KIND.escort ? 'escort' : 'responsible') as ChecklistAssignee,
    assigneeId: t.assignee_id,
    assigneeName: t.full_name,
    dueDate: t.due_date,
    status: t.status,
    items: items
      .filter((i) => i.task_id === t.id)
      .map((i) => ({
        id: i.id,
        text: i.text,
        mandatory: i.mandatory === 1,
        dueDate: i.due_date,
        done: i.done_at !== null,
        doneAt: i.done_at,
        doneByName: i.done_at ? i.full_name : null,
      })),
  }));
}

/** The card's editable fields under their contract names: the card shows them, history diffs them. */
export function eventFields(e: EventTable) {
  return {
    title: e.title,
    kind: e.kind,
    date: e.event_date,
    startTime: e.start_time,
    endTime: e.end_time,
    place: e.place,
    address: e.address,
    district: e.district,
    responsibleId: e.responsible_id,
    escortId: e.escort_id,
    transferNeeded: e.transfer_needed === 1,
    transferTransport: e.transfer_transport,
    transferOutAt: e.transfer_out_at,
    transferBackAt: e.transfer_back_at,
    expectedCount: e.expected_count,
    actualCount: e.actual_count,
    programme: e.programme,
    agenda: e.agenda,
    pressReleaseSentOn: e.press_release_sent_on,
    pressAnswerOn: e.press_answer_on,
    pressNote: e.press_note,
    outcome: e.outcome,
  };
}

function stagesOf(e: EventTable): EventCard['stages'] {
  const state = e.stage as EventState;
  const applying = stagesFor(criteria(e));
  const at = isOpenEventState(state) ? EVENT_STAGES.indexOf(state) : EVENT_STAGES.length;
  return EVENT_STAGES.map((stage, i) => ({
    stage,
    state: !applying.includes(stage) ? 'skipped' : i < at ? 'passed' : i === at ? 'current' : 'ahead',
  }));
}

/**
 * The day the scheduler's `event_approval` rule moves an event still in Создание: the office's offset
 * before its date, onto a working day by the office's rule. Null when the office has turned the rule off.
 */
function approvalDay(ctx: ReadContext, office: OfficeTable, eventDate: string): string | null {
  const settings = reminderSettings(office.reminder_settings);
  if (!settings.enabled.event_approval) return null;
  const days = new ReminderDays(officeCalendar(ctx, office), office.deadline_shift);
  return days.fireDay(eventDate, fireRules(settings).eventApproval);
}

export function getEventCard(ctx: ReadContext, id: string): EventCard {
  const db = ctx.store.read;
  const office = officeRow(db);
  const e = loadEvent(db, id);
  const [row] = toRows(db, office.id, [e], officeToday(ctx, office));
  const participants = db
    .all(
      db.qb
        .selectFrom('event_participants as p')
        .innerJoin('contacts as c', 'c.id', 'p.contact_id')
        .select([
          'p.contact_id',
          'c.full_name',
          'p.attended',
          (eb) =>
            eb
              .selectFrom('contact_phones as ph')
              .select('ph.phone')
              .whereRef('ph.contact_id', '=', 'p.contact_id')
              .where('ph.deleted_at', 'is', null)
              .orderBy('ph.created_at')
              .limit(1)
              .as('phone'),
        ])
        .where('p.event_id', '=', id)
        .where('p.deleted_at', 'is', null)
        .orderBy('c.full_name'),
    )
    .map((p) => ({
      contactId: p.contact_id,
      fullName: p.full_name,
      phone: p.phone,
      attended: p.attended === 1,
    }));
  const appeals = db
    .all(
      db.qb
        .selectFrom('appeals')
        .select(['id', 'reg_number', 'applicant_name', 'summary', 'status'])
        .where('event_id', '=', id)
        .where('deleted_at', 'is', null)
        .orderBy('reg_year')
        .orderBy('reg_seq'),
    )
    .map((a) => ({
      id: a.id,
      regNumber: a.reg_number,
      applicantName: a.applicant_name,
      summary: a.summary,
      status: a.status as AppealStatus,
    }));
  const history = db
    .all(
      db.qb
        .selectFrom('event_history as h')
        .leftJoin('users as u', 'u.id', 'h.user_id')
        .select(['h.id', 'h.at', 'h.action', 'h.changes', 'h.comment', 'u.full_name'])
        .where('h.event_id', '=', id)
        .orderBy('h.at')
        .orderBy('h.hlc'),
    )
    .map((h) => historyEntry(h, h.full_name));
  const state = e.stage as EventState;
  return {
    ...row!,
    version: e.hlc,
    ...eventFields(e),
    stageSince: e.stage_since,
    cancelReason: e.cancel_reason,
    closedOn: e.closed_on,
    approvalOn: approvalDay(ctx, office, e.event_date),
    stages: stagesOf(e),
    next: isOpenEventState(state) ? nextState(state, criteria(e)) : null,
    participants,
    tasks: tasksOf(db, id),
    appeals,
    history,
    createdAt: e.created_at,
    updatedAt: e.updated_at,
  };
}
