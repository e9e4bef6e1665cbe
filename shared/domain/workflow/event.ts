/**
 * The event's way through the office (DOMAIN §5, seed «Мероприятия»), as a table: nine stages in
 * order, which of them a card may skip, who may move an event, and what the shipped checklists hold.
 * Pure: the service layer applies it inside the write transaction; the current date is passed in.
 */
import type { Role } from '../../api/define';

export const EVENT_STAGES = [
  'creation',
  'approval',
  'programme',
  'trip_prep',
  'transfer',
  'event',
  'return_transfer',
  'after',
  'summary',
] as const;
export type EventStage = (typeof EVENT_STAGES)[number];

/** Where an event ends: closed with its outcome, or cancelled (from any stage, with a reason). */
export const EVENT_STATES = [...EVENT_STAGES, 'closed', 'cancelled'] as const;
export type EventState = (typeof EVENT_STATES)[number];

export function isOpenEventState(s: EventState): s is EventStage {
  return s !== 'closed' && s !== 'cancelled';
}

/** Kinds shipped with the app; the office renames, hides or adds its own in Settings. */
export const BUILTIN_EVENT_KINDS = [
  'reception_day',
  'residents_meeting',
  'visit',
  'round_table',
  'other',
] as const;

/** What on the card decides whether a stage applies to an event. */
export interface StageCriteria {
  /** A trip: transport there and back. An event in the office has none. */
  transferNeeded: boolean;
}

/** Stages a card may skip, and the criterion that keeps them. The rest apply to every event. */
const STAGE_APPLIES: Partial<Record<EventStage, (c: StageCriteria) => boolean>> = {
  trip_prep: (c) => c.transferNeeded,
  transfer: (c) => c.transferNeeded,
  return_transfer: (c) => c.transferNeeded,
};

export function stageApplies(stage: EventStage, c: StageCriteria): boolean {
  return STAGE_APPLIES[stage]?.(c) ?? true;
}

/** The stages this event goes through, in order. */
export function stagesFor(c: StageCriteria): EventStage[] {
  return EVENT_STAGES.filter((s) => stageApplies(s, c));
}

/** The stage after `from` for this card, or `closed` after the last. */
export function nextState(from: EventStage, c: StageCriteria): EventStage | 'closed' {
  const order = stagesFor(c);
  const i = order.indexOf(from);
  // A stage the card no longer applies to (transfer turned off while in it) goes on to the next that does.
  const after = EVENT_STAGES.slice(EVENT_STAGES.indexOf(from) + 1).find((s) => order.includes(s));
  return i >= 0 ? (order[i + 1] ?? 'closed') : (after ?? 'closed');
}

/** Who prepares events: the desk. The deputy sees them. The office head may override a checklist. */
export const EVENT_DESK: readonly Role[] = ['assistant', 'office_head', 'admin'];
export const CHECKLIST_OVERRIDE: readonly Role[] = ['office_head', 'admin'];

export class EventMoveError extends Error {
  constructor(
    readonly reason: 'state' | 'target' | 'checklist' | 'outcome',
    message: string,
  ) {
    super(message);
    this.name = 'EventMoveError';
  }
}

/**
 * A move on the board: one step forward (to the next stage that applies, or to `closed` from the
 * last), or back to any earlier stage that applies (a postponed date, a programme to redo).
 * Skipping ahead is refused: every stage's checklist is somebody's work.
 */
export function checkMove(from: EventState, to: EventState, c: StageCriteria): 'forward' | 'back' {
  if (!isOpenEventState(from)) throw new EventMoveError('state', `an event in state ${from} cannot move`);
  if (to === 'cancelled') throw new EventMoveError('target', 'cancelling is its own step, with a reason');
  if (to === nextState(from, c)) return 'forward';
  if (to !== 'closed' && EVENT_STAGES.indexOf(to) < EVENT_STAGES.indexOf(from) && stageApplies(to, c))
    return 'back';
  throw new EventMoveError('target', `an event cannot move from ${from} to ${to}`);
}

/**
 * DOMAIN §5: an event created ahead moves to Согласование this many days before its date (the default of
 * the office's reminder setting; the scheduler's `event_approval` rule makes the move).
 */
export const APPROVAL_LEAD_DAYS = 21;

// ---- Checklists

/** Whose task a checklist item goes to. Without an escort named, the responsible person does both. */
export const CHECKLIST_ASSIGNEES = ['responsible', 'escort'] as const;
export type ChecklistAssignee = (typeof CHECKLIST_ASSIGNEES)[number];

/** The kinds of task a stage opens: the responsible person's and the escort's. */
export const EVENT_TASK_KIND: Record<ChecklistAssignee, 'event_stage' | 'event_escort'> = {
  responsible: 'event_stage',
  escort: 'event_escort',
};
export const EVENT_TASK_KINDS = ['event_stage', 'event_escort'] as const;

export interface ChecklistItemTemplate {
  text: string;
  mandatory: boolean;
  assignee: ChecklistAssignee;
  /** Due date relative to the event date, in calendar days (negative: before the event). */
  offsetDays: number;
}

/** `*` is a template for every kind of event; a kind's own template replaces it for that kind. */
export const ANY_KIND = '*';

/** Per-stage limits for events, in working days in a stage (office settings; "stuck" beyond them). */
export type EventStageLimits = Record<EventStage, number>;
export const DEFAULT_EVENT_STAGE_LIMITS: EventStageLimits = {
  creation: 60,
  approval: 5,
  programme: 10,
  trip_prep: 5,
  transfer: 1,
  event: 1,
  return_transfer: 1,
  after: 3,
  summary: 5,
};
