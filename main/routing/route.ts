/**
 * Routing at registration: the first matching rule sets the responsible person (unless the form named
 * one) and may send the appeal straight on to the deputy's review — the workflow's own
 * «Передать депутату» step, with its task, history and audit, taken in the registration's transaction.
 */
import type { AppealTable } from '../../db/schema';
import type { WriteDb } from '../../db/sql';
import type { ContactSummary } from '../../shared/api/contacts';
import type { ParsedInput } from '../../shared/api/index';
import type { RoutingDecision } from '../../shared/api/routing';
import { APPEAL_TRANSITIONS } from '../../shared/domain/workflow/appeal';
import { routingUi } from '../../shared/i18n/ru/routing';
import type { Actor } from '../kernel/context';
import type { WriteScope } from '../kernel/scope';
import { moveAppeal } from '../workflow/engine';
import { draftPlace, RoutingTable } from './match';

/** A registration transaction's rules, read once. */
export interface RoutingRun {
  routing?: RoutingTable;
}

/** The rule that applies to a new appeal, or null when none does. */
export function routeRegistration(
  db: WriteDb,
  run: RoutingRun & WriteScope,
  input: ParsedInput<'appeals.register'>,
  applicant: ContactSummary,
): RoutingDecision | null {
  const table = (run.routing ??= RoutingTable.current(db, run.office.id));
  if (table.empty) return null;
  const d = table.decide({
    topics: input.topics,
    channel: input.channel,
    kind: input.kind,
    // A contact made by this registration has only the address typed; a chosen one is read when needed.
    place: input.applicant.contactId
      ? draftPlace(db, { contactId: applicant.id, address: applicant.address })
      : () => ({ district: null, settlement: null, address: applicant.address }),
  });
  return d.rule ? d : null;
}

/** The history's note of the rule that routed the appeal. */
export function routedBy(d: RoutingDecision | null): string | null {
  return d?.rule ? routingUi.byRule(d.rule.name) : null;
}

/**
 * Sends a just registered appeal to the deputy when its rule says so. The deputy registering an appeal
 * holds it already (the step is the desk's), so for the deputy it stays where it is.
 */
export function sendOnToDeputy(
  run: WriteScope,
  actor: Actor,
  appeal: AppealTable,
  d: RoutingDecision | null,
): void {
  if (!d?.toDeputy || !APPEAL_TRANSITIONS.sendToDeputy.roles.includes(actor.role)) return;
  moveAppeal({ ...run, actor }, appeal, 'sendToDeputy', 'awaiting_resolution', {}, routedBy(d));
}
