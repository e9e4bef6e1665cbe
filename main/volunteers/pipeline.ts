/**
 * The volunteer pipeline's moves: new → checked → interview (its date and time put an event on the
 * calendar) → accepted / declined (with a reason). Each move is one write: the candidate's stage, its
 * step on the contact's timeline, the contact's status, the coordinator's task closed once the candidate
 * was looked at, a declined candidate's interview event cancelled, and the audit entry.
 */
import type { EventTable, VolunteerCandidateTable } from '../../db/schema';
import { ApiError } from '../../shared/api/define';
import type { Output, ParsedInput } from '../../shared/api/index';
import { CANDIDATE_STATUS, VOLUNTEER_NEXT } from '../../shared/api/volunteers';
import { volunteersText as T } from '../../shared/i18n/ru/volunteers';
import { zonedInstant } from '../../shared/util/clock';
import { EVENT_BLANK } from '../events/events';
import { closeStageTasks, enterStage, eventHistory, loadEvent } from '../events/flow';
import { isOpenEventState, type EventState } from '../../shared/domain/workflow/event';
import { closeTasks } from '../tasks/tasks';
import { audit, insertSynced, newSyncColumns, updateSynced } from '../kernel/bookkeeping';
import type { CallContext } from '../kernel/context';
import { beginPersonWrite, type PersonScope } from '../kernel/scope';
import { putStatus } from './intake';
import { candidateRow, toCandidate } from './queries';

function refuse(field: string, message: string, code: 'validation' | 'invalid_state' = 'validation'): never {
  throw new ApiError(code, `${field}: ${message}`, { field });
}

/** The interview's event: a new one on the calendar, or the one set before moved to the new time. */
function interviewEvent(s: PersonScope, c: VolunteerCandidateTable, fullName: string, at: string): string {
  const [date, time] = [at.slice(0, 10), at.slice(11, 16)];
  if (c.event_id) {
    const before = loadEvent(s.db, c.event_id);
    updateSynced(s.db, 'events', before.id, { event_date: date, start_time: time }, s.st);
    eventHistory(s, before.id, 'updated', {
      date: { from: before.event_date, to: date },
      startTime: { from: before.start_time, to: time },
    });
    return before.id;
  }
  const row: EventTable = {
    title: T.eventTitle(fullName),
    kind: 'other',
    event_date: date,
    ...EVENT_BLANK,
    start_time: time,
    responsible_id: s.actor.userId,
    stage: 'creation',
    stage_since: s.st.now,
    created_by: s.actor.userId,
    ...newSyncColumns(s.st, s.office.id),
  };
  insertSynced(s.db, 'events', row);
  insertSynced(s.db, 'event_participants', {
    event_id: row.id,
    contact_id: c.contact_id,
    attended: 0,
    ...newSyncColumns(s.st, s.office.id),
  });
  eventHistory(s, row.id, 'created');
  enterStage(s, row, 'creation');
  return row.id;
}

/** A declined candidate's interview leaves the calendar: its event is cancelled with the reason. */
function cancelInterview(s: PersonScope, eventId: string, reason: string): void {
  const e = loadEvent(s.db, eventId);
  if (!isOpenEventState(e.stage as EventState)) return;
  closeStageTasks(s, e.id, 'cancelled');
  updateSynced(
    s.db,
    'events',
    e.id,
    { stage: 'cancelled', stage_since: s.st.now, cancel_reason: reason },
    s.st,
  );
  eventHistory(s, e.id, 'cancelled', { stage: { from: e.stage, to: 'cancelled' } }, reason);
}

function dropStatus(s: PersonScope, contactId: string, status: string): void {
  for (const l of s.db.rawAll<{ id: string }>(
    "SELECT id FROM contact_labels WHERE contact_id = ? AND kind = 'status' AND value = ? AND deleted_at IS NULL",
    contactId,
    status,
  ))
    updateSynced(s.db, 'contact_labels', l.id, { deleted_at: s.st.now }, s.st);
}

export function move(ctx: CallContext, i: ParsedInput<'volunteers.move'>): Output<'volunteers.move'> {
  return ctx.store.transaction((db) => {
    const s = beginPersonWrite(db, ctx);
    const c = candidateRow(db, i.id);
    if (c.hlc !== i.version)
      refuse('version', 'the candidate was moved by someone else; reload the card', 'invalid_state');
    if (!VOLUNTEER_NEXT[c.stage].includes(i.stage))
      refuse('stage', `a candidate at stage ${c.stage} does not move to ${i.stage}`, 'invalid_state');
    const patch: Partial<VolunteerCandidateTable> = { stage: i.stage, stage_at: s.st.now };
    if (i.stage === 'interview') {
      if (!i.interviewAt) refuse('interviewAt', 'an interview needs its date and time');
      const when = zonedInstant(i.interviewAt.slice(0, 10), i.interviewAt.slice(11, 16), s.office.time_zone);
      if (when.getTime() < s.st.nowMs) refuse('interviewAt', 'the interview’s time has passed');
      const name = toCandidate(db, c).fullName;
      patch.interview_at = i.interviewAt;
      patch.event_id = interviewEvent(s, c, name, i.interviewAt);
    } else if (i.interviewAt) refuse('interviewAt', 'only an interview has a date and time');
    if (i.stage === 'declined') {
      if (!i.reason) refuse('reason', 'say why the candidate is declined');
      patch.decline_reason = i.reason;
      if (c.event_id) cancelInterview(s, c.event_id, i.reason);
    } else if (i.reason) refuse('reason', 'only a declined candidate has a reason');
    if (i.stage === 'accepted') putStatus(s, c.contact_id, 'volunteer');
    if (i.stage === 'accepted' || i.stage === 'declined') dropStatus(s, c.contact_id, CANDIDATE_STATUS);
    // The coordinator's task is to look at the candidate: any move says it was done.
    const task = c.task_id
      ? db.get(db.qb.selectFrom('tasks').selectAll().where('id', '=', c.task_id).where('status', '=', 'open'))
      : undefined;
    if (task) closeTasks(db, s.st, [task], 'done', s.actor.userId);
    const after = updateSynced(db, 'volunteer_candidates', c.id, patch, s.st);
    insertSynced(db, 'volunteer_steps', {
      candidate_id: c.id,
      contact_id: c.contact_id,
      stage: i.stage,
      at: s.st.now,
      user_id: s.actor.userId,
      interview_at: patch.interview_at ?? null,
      reason: patch.decline_reason ?? null,
      ...newSyncColumns(s.st, s.office.id),
    });
    audit(db, ctx, s.office.id, 'volunteers.move', 'contact', c.contact_id, {
      candidate: c.id,
      from: c.stage,
      to: i.stage,
    });
    return toCandidate(db, after);
  });
}
