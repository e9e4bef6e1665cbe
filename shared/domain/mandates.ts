/**
 * Наказы избирателей (DOMAIN §10): the states of a наказ and the moves between them. Pure.
 *
 * принят → в работе → выполнен / выполнен частично / не выполнен; a наказ may be found impossible while
 * still принят, and a closed one taken back into work. «Частично» and «не выполнен» need the reason, which the
 * report to voters prints.
 */
import type { Role } from '../api/define';
import { DEPUTY, DESK } from './workflow/appeal';

export const MANDATE_STATES = ['accepted', 'in_work', 'done', 'partly_done', 'not_done'] as const;
export type MandateState = (typeof MANDATE_STATES)[number];

/** The states a наказ ends in; the report's «выполнено» counts the first. */
export const CLOSED_MANDATE_STATES: readonly MandateState[] = ['done', 'partly_done', 'not_done'];

/** Where a наказ may go from each state. */
export const MANDATE_MOVES: Readonly<Record<MandateState, readonly MandateState[]>> = {
  accepted: ['in_work', 'not_done'],
  in_work: ['done', 'partly_done', 'not_done'],
  done: ['in_work'],
  partly_done: ['in_work', 'done'],
  not_done: ['in_work'],
};

/** A move to these states names its reason. */
export const REASON_NEEDED: readonly MandateState[] = ['partly_done', 'not_done'];

/** Who keeps the register: the desk and the deputy. */
export const MANDATE_ROLES: readonly Role[] = [...DESK, ...DEPUTY];

/** What a наказ can be tied to; each shows on its history. */
export const MANDATE_LINK_KINDS = ['contact', 'appeal', 'request', 'own_request', 'event'] as const;
export type MandateLinkKind = (typeof MANDATE_LINK_KINDS)[number];

/** The refusal of a move, or null when it may be made. */
export function mandateMoveProblem(
  from: MandateState,
  to: MandateState,
  reason: string | null | undefined,
): { field: string; message: string } | null {
  if (from === to) return { field: 'status', message: `the наказ is ${to} already` };
  if (!MANDATE_MOVES[from].includes(to))
    return { field: 'status', message: `a наказ cannot move from ${from} to ${to}` };
  if (REASON_NEEDED.includes(to) && !reason)
    return { field: 'reason', message: 'name the reason it is not (fully) done' };
  return null;
}
