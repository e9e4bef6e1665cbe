/**
 * The routing rules' read side: the office's rules in the order they are tried, and the users they
 * name with whether each is still active. Registration and the form's preview both decide through
 * `RoutingTable` (match.ts) built from these.
 */
import type { ReadDb } from '../../db/sql';
import type { RoutingRuleTable } from '../../db/schema';
import type { RoutingRule } from '../../shared/api/routing';
import type { AppealKind, Channel } from '../../shared/api/appeals';

/** The office's live rules, first tried first (a tie two computers left is broken by id). */
export function routingRules(db: ReadDb, officeId: string): RoutingRuleTable[] {
  return db.all(
    db.qb
      .selectFrom('routing_rules')
      .selectAll()
      .where('office_id', '=', officeId)
      .where('deleted_at', 'is', null)
      .orderBy('position')
      .orderBy('id'),
  );
}

export interface RuleUser {
  name: string;
  active: boolean;
}

/** The users the rules name, by id: their names and whether they may still be given appeals. */
export function ruleUsers(db: ReadDb, rules: readonly RoutingRuleTable[]): Map<string, RuleUser> {
  const ids = [...new Set(rules.map((r) => r.responsible_id).filter((id): id is string => id !== null))];
  const out = new Map<string, RuleUser>();
  if (ids.length === 0) return out;
  const rows = db.all(
    db.qb.selectFrom('users').select(['id', 'full_name', 'active', 'deleted_at']).where('id', 'in', ids),
  );
  for (const u of rows) out.set(u.id, { name: u.full_name, active: u.active === 1 && u.deleted_at === null });
  return out;
}

export function toRoutingRule(r: RoutingRuleTable, users: ReadonlyMap<string, RuleUser>): RoutingRule {
  const user = r.responsible_id ? users.get(r.responsible_id) : undefined;
  return {
    id: r.id,
    position: r.position,
    name: r.name,
    when: {
      topic: r.topic,
      channel: r.channel as Channel | null,
      kind: r.kind as AppealKind | null,
      district: r.district,
      settlement: r.settlement,
    },
    responsibleId: r.responsible_id,
    responsibleName: user?.name ?? null,
    toDeputy: r.to_deputy === 1,
    inactiveResponsible: r.responsible_id !== null && !user?.active,
    version: r.hlc,
  };
}

/** The rules as Settings lists them, each flagged when its responsible is no longer active. */
export function listRoutingRules(db: ReadDb, officeId: string): RoutingRule[] {
  const rules = routingRules(db, officeId);
  const users = ruleUsers(db, rules);
  return rules.map((r) => toRoutingRule(r, users));
}

/** Where the applicant lives, as the contact base has it: what district and settlement rules look at. */
export interface ApplicantPlace {
  district: string | null;
  settlement: string | null;
  address: string | null;
}

export function contactPlace(db: ReadDb, contactId: string): ApplicantPlace | null {
  return (
    db.get(
      db.qb
        .selectFrom('contacts')
        .select(['district', 'settlement', 'address'])
        .where('id', '=', contactId)
        .where('deleted_at', 'is', null),
    ) ?? null
  );
}
