/**
 * An external request (запрос) on an appeal: drafted by the desk, approved by the deputy, sent, answered,
 * and resolved by the deputy — to a reply, or to another request. Several may run for one appeal; while
 * the appeal is in the request direction, its open requests carry its tasks.
 */
import type { Role } from '../../api/define';
import { DEPUTY, DESK, STATE_TASK, TransitionError, type StageTask } from './appeal';

export const REQUEST_STATES = [
  'draft',
  'approval',
  'approved',
  'sent',
  'answered',
  'resolved',
  'cancelled',
] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

/** A deputy's request to an official (3-FZ Art. 14) or a request for documents (59-FZ Art. 10). */
export const REQUEST_KINDS = ['deputy_request', 'documents_request'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

export const OPEN_REQUEST_STATES: readonly RequestState[] = [
  'draft',
  'approval',
  'approved',
  'sent',
  'answered',
];

export const REQUEST_STATE_TASK: Record<Exclude<RequestState, 'resolved' | 'cancelled'>, StageTask> = {
  draft: { kind: 'request_draft', assignee: 'responsible', due: { kind: 'stage', limit: 'requestDraft' } },
  approval: { kind: 'request_approval', assignee: 'deputy', due: { kind: 'stage', limit: 'deputy' } },
  approved: { kind: 'request_send', assignee: 'responsible', due: { kind: 'stage', limit: 'requestSend' } },
  // Due on the answer date the body owes; the 25-day reminder is the scheduler's.
  sent: { kind: 'request_answer', assignee: 'responsible', due: { kind: 'control' } },
  answered: { kind: 'answer_resolution', assignee: 'deputy', due: { kind: 'stage', limit: 'deputy' } },
};

export const REQUEST_ACTIONS = [
  'update',
  'submit',
  'approve',
  'return',
  'send',
  'recordAnswer',
  'resolveAnswer',
  'cancel',
] as const;
export type RequestAction = (typeof REQUEST_ACTIONS)[number];

export const REQUEST_TRANSITIONS: Record<
  RequestAction,
  { from: readonly RequestState[]; to: RequestState | null; roles: readonly Role[] }
> = {
  update: { from: ['draft'], to: null, roles: DESK },
  submit: { from: ['draft'], to: 'approval', roles: DESK },
  approve: { from: ['approval'], to: 'approved', roles: DEPUTY },
  return: { from: ['approval'], to: 'draft', roles: DEPUTY },
  send: { from: ['approved'], to: 'sent', roles: DESK },
  recordAnswer: { from: ['sent'], to: 'answered', roles: DESK },
  resolveAnswer: { from: ['answered'], to: 'resolved', roles: DEPUTY },
  cancel: { from: ['draft', 'approval', 'approved'], to: 'cancelled', roles: [...DESK, ...DEPUTY] },
};

export function checkRequestTransition(action: RequestAction, from: RequestState, role: Role): RequestState {
  const t = REQUEST_TRANSITIONS[action];
  if (!t.from.includes(from))
    throw new TransitionError('state', `request ${action} is not possible in state ${from}`);
  if (!t.roles.includes(role))
    throw new TransitionError('role', `the role ${role} may not ${action} a request`);
  return t.to ?? from;
}

/** The kinds of task the tables give the deputy (a resolution, an approval), whoever holds the role. */
export const DEPUTY_TASK_KINDS: ReadonlySet<string> = new Set(
  [...Object.values(STATE_TASK), ...Object.values(REQUEST_STATE_TASK)]
    .filter((t) => t.assignee === 'deputy')
    .map((t) => t.kind),
);
