/**
 * The expected next step of an appeal's card (its primary button, Alt+Enter). The expected step moves
 * the appeal or its request on; it is never one that ends or undoes work — withdrawing a request,
 * refusing to answer under Art. 11 — which stays a deliberate choice among the alternatives. An edit
 * that leaves the stage where it is (changing a request's draft) is offered only when nothing moves on.
 */
import type { AppealAction } from './appeal';
import type { RequestAction } from './request';

/** Steps that withdraw, cancel or refuse: never the default. */
export const DESTRUCTIVE_APPEAL_STEPS: readonly AppealAction[] = ['applyArt11', 'requestsWithdrawn'];
export const DESTRUCTIVE_REQUEST_STEPS: readonly RequestAction[] = ['cancel'];

/** Steps that change a stage's content without moving it on: after the moves. */
const EDIT_REQUEST_STEPS: readonly RequestAction[] = ['update'];

/** A request's steps in the order the card shows them: the expected one first, the destructive last. */
export function orderRequestSteps(steps: readonly RequestAction[]): RequestAction[] {
  const rank = (s: RequestAction) =>
    DESTRUCTIVE_REQUEST_STEPS.includes(s) ? 2 : EDIT_REQUEST_STEPS.includes(s) ? 1 : 0;
  return [...steps].sort((a, b) => rank(a) - rank(b));
}

/** The request's expected step, or null when every step open is destructive. */
export function defaultRequestStep(steps: readonly RequestAction[]): RequestAction | null {
  const first = orderRequestSteps(steps)[0];
  return first && !DESTRUCTIVE_REQUEST_STEPS.includes(first) ? first : null;
}

export type DefaultStep<R> =
  { scope: 'appeal'; action: AppealAction } | { scope: 'request'; step: RequestAction; request: R };

/**
 * The card's expected step: its own first step that is not destructive, else the first open request's
 * expected step (while the appeal waits on its requests it has no step of its own).
 */
export function defaultStep<R extends { actions: readonly RequestAction[] }>(card: {
  actions: readonly AppealAction[];
  requests: readonly R[];
}): DefaultStep<R> | null {
  const own = card.actions.find((a) => !DESTRUCTIVE_APPEAL_STEPS.includes(a));
  if (own) return { scope: 'appeal', action: own };
  for (const request of card.requests) {
    const step = defaultRequestStep(request.actions);
    if (step) return { scope: 'request', step, request };
  }
  return null;
}
