/**
 * The appeal's way through the office (DOMAIN §4), as a table a person can read: the three
 * directions — review, request, reply — their states, who may move an appeal on, and the task each
 * state opens. The service layer is the only place that applies it, inside the write transaction.
 */
import type { Role } from '../../api/define';

export const APPEAL_STATES = [
  // Review (Рассмотрение обращения)
  'registered',
  'awaiting_contact_data',
  'art11_decision',
  'art11_notice',
  'forwarding',
  'awaiting_resolution',
  // Request (Запрос по обращению): the requests' own machine holds the tasks
  'in_request',
  // Reply (Ответ заявителю)
  'reply_draft',
  'reply_approval',
  'reply_send',
  'closed',
] as const;
export type AppealState = (typeof APPEAL_STATES)[number];

export type Direction = 'review' | 'request' | 'reply';

export const DIRECTION_OF: Record<AppealState, Direction | null> = {
  registered: 'review',
  awaiting_contact_data: 'review',
  art11_decision: 'review',
  art11_notice: 'review',
  forwarding: 'review',
  awaiting_resolution: 'review',
  in_request: 'request',
  reply_draft: 'reply',
  reply_approval: 'reply',
  reply_send: 'reply',
  closed: null,
};

/** Who prepares and sends: the desk. Who decides: the deputy. */
export const DESK: readonly Role[] = ['assistant', 'office_head', 'admin'];
export const DEPUTY: readonly Role[] = ['deputy'];

export const TASK_KINDS = [
  'review',
  'contact_data',
  'art11_decision',
  'art11_notice',
  'forward',
  'resolution',
  'request_draft',
  'request_approval',
  'request_send',
  'request_answer',
  'answer_resolution',
  'extension_notice',
  'reply_draft',
  'reply_approval',
  'reply_send',
] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

/** Per-stage time limits, in working days from entering the stage (office settings). */
export const STAGE_LIMIT_KEYS = [
  'review',
  'contactData',
  'deputy',
  'requestDraft',
  'requestSend',
  'replyDraft',
  'replySend',
] as const;
export type StageLimitKey = (typeof STAGE_LIMIT_KEYS)[number];
export type StageLimits = Record<StageLimitKey, number>;
export const DEFAULT_STAGE_LIMITS: StageLimits = {
  review: 2,
  contactData: 10,
  deputy: 3,
  requestDraft: 3,
  requestSend: 2,
  replyDraft: 5,
  replySend: 2,
};

/** When a stage's task falls due. */
export type DueRule =
  | { kind: 'stage'; limit: StageLimitKey }
  /**
   * A fixed legal term from the registration date (59-FZ Art. 8 p.3, Art. 11). The Art. 11 notice
   * follows its ground: 7 days for parts 2, 4, 4.1, 5.1, the review term for the others (ART11_RULES).
   */
  | { kind: 'legal'; term: 'forward' | 'art11Notice' }
  /** The appeal's own control date (a notice with no term of its own must go out with the answer). */
  | { kind: 'control' };

export interface StageTask {
  kind: TaskKind;
  assignee: 'responsible' | 'deputy';
  due: DueRule;
}

/** The task each appeal state keeps open while the appeal is in it. `in_request` delegates to its requests. */
export const STATE_TASK: Record<Exclude<AppealState, 'closed' | 'in_request'>, StageTask> = {
  registered: { kind: 'review', assignee: 'responsible', due: { kind: 'stage', limit: 'review' } },
  awaiting_contact_data: {
    kind: 'contact_data',
    assignee: 'responsible',
    due: { kind: 'stage', limit: 'contactData' },
  },
  art11_decision: { kind: 'art11_decision', assignee: 'deputy', due: { kind: 'stage', limit: 'deputy' } },
  art11_notice: {
    kind: 'art11_notice',
    assignee: 'responsible',
    due: { kind: 'legal', term: 'art11Notice' },
  },
  forwarding: { kind: 'forward', assignee: 'responsible', due: { kind: 'legal', term: 'forward' } },
  awaiting_resolution: { kind: 'resolution', assignee: 'deputy', due: { kind: 'stage', limit: 'deputy' } },
  reply_draft: { kind: 'reply_draft', assignee: 'responsible', due: { kind: 'stage', limit: 'replyDraft' } },
  reply_approval: { kind: 'reply_approval', assignee: 'deputy', due: { kind: 'stage', limit: 'deputy' } },
  reply_send: { kind: 'reply_send', assignee: 'responsible', due: { kind: 'stage', limit: 'replySend' } },
};

export const APPEAL_ACTIONS = [
  'sendToDeputy',
  'requestContactData',
  'contactDataReceived',
  'applyArt11',
  'decideArt11',
  'sendArt11Notice',
  // Once forwarding, the letter going out is the next step; naming another addressee the alternative.
  'completeForward',
  'forward',
  'resolve',
  'submitReply',
  'approveReply',
  'returnReply',
  'sendReply',
  // Taken by a request's step, never offered on the card by themselves:
  'answerToReply',
  'requestsWithdrawn',
  // Taken at registration only: the oral answer at a personal reception (59-FZ Art. 13 p.2).
  'answerOrally',
] as const;
export type AppealAction = (typeof APPEAL_ACTIONS)[number];

export interface AppealTransition {
  from: readonly AppealState[];
  /** Every state the action may lead to; which one is chosen by its input (see the service). */
  to: readonly AppealState[];
  roles: readonly Role[];
}

/** The whole review → request → reply machine. Anything not listed here is refused. */
export const APPEAL_TRANSITIONS: Record<AppealAction, AppealTransition> = {
  sendToDeputy: { from: ['registered'], to: ['awaiting_resolution'], roles: DESK },
  requestContactData: { from: ['registered'], to: ['awaiting_contact_data'], roles: DESK },
  contactDataReceived: { from: ['awaiting_contact_data'], to: ['registered'], roles: DESK },
  applyArt11: {
    from: ['registered', 'awaiting_contact_data'],
    to: ['art11_decision', 'art11_notice', 'forwarding', 'closed'],
    roles: [...DESK, ...DEPUTY],
  },
  decideArt11: { from: ['art11_decision'], to: ['art11_notice', 'registered'], roles: DEPUTY },
  sendArt11Notice: { from: ['art11_notice'], to: ['closed'], roles: DESK },
  // From `forwarding` too: Art. 11 part 1 sends a crime report there with no addressee named yet.
  forward: { from: ['registered', 'forwarding'], to: ['forwarding'], roles: DESK },
  completeForward: { from: ['forwarding'], to: ['closed'], roles: DESK },
  resolve: { from: ['awaiting_resolution'], to: ['in_request', 'reply_draft'], roles: DEPUTY },
  submitReply: { from: ['reply_draft'], to: ['reply_approval'], roles: DESK },
  approveReply: { from: ['reply_approval'], to: ['reply_send'], roles: DEPUTY },
  returnReply: { from: ['reply_approval'], to: ['reply_draft'], roles: DEPUTY },
  sendReply: { from: ['reply_send'], to: ['closed'], roles: DESK },
  answerToReply: { from: ['in_request'], to: ['reply_draft'], roles: DEPUTY },
  requestsWithdrawn: { from: ['in_request'], to: ['awaiting_resolution'], roles: [...DESK, ...DEPUTY] },
  answerOrally: { from: ['registered'], to: ['closed'], roles: [...DESK, ...DEPUTY] },
};

/**
 * Steps no card offers: those that follow from a request's step (the card offers the request's action
 * instead), and the oral answer, given only with the registration itself.
 */
export const INTERNAL_ACTIONS: readonly AppealAction[] = [
  'answerToReply',
  'requestsWithdrawn',
  'answerOrally',
];

export class TransitionError extends Error {
  constructor(
    readonly reason: 'state' | 'role' | 'target',
    message: string,
  ) {
    super(message);
    this.name = 'TransitionError';
  }
}

/** Checks that the table allows an action in a state to a role, whatever its input. */
export function checkAction(action: AppealAction, from: AppealState, role: Role): void {
  const t = APPEAL_TRANSITIONS[action];
  if (!t.from.includes(from))
    throw new TransitionError('state', `${action} is not possible in state ${from}`);
  if (!t.roles.includes(role)) throw new TransitionError('role', `the role ${role} may not ${action}`);
}

/** Checks an action against the table; returns the state it leads to. */
export function checkTransition(
  action: AppealAction,
  from: AppealState,
  to: AppealState,
  role: Role,
): AppealState {
  checkAction(action, from, role);
  if (!APPEAL_TRANSITIONS[action].to.includes(to))
    throw new TransitionError('target', `${action} cannot lead to ${to}`);
  return to;
}

/** Actions open to a role in a state: the card's primary button and alternatives come from here. */
export function availableActions(state: AppealState, role: Role): AppealAction[] {
  return APPEAL_ACTIONS.filter(
    (a) =>
      !INTERNAL_ACTIONS.includes(a) &&
      APPEAL_TRANSITIONS[a].from.includes(state) &&
      APPEAL_TRANSITIONS[a].roles.includes(role),
  );
}
