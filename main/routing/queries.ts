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

/**
 * The counter triggers move whenever a rule or a user changes (migration «routing-generation»): equal
 * counters mean the rules compiled at the first still hold.
 */
export function routingGeneration(db: ReadDb): number {
  return db.rawGet<{ n: number }>('SELECT n FROM routing_generation WHERE id = 1')?.n ?? 0;
}

type RuleWithUser = RoutingRuleTable & { user_name: string | null; user_active: number | null };

/**
 * The rules and their users in one statement of fixed text: registration reads them once a transaction,
 * and at the desk that is once a call, where building the two queries cost more than running them.
 */
export function routingRulesWithUsers(
  db: ReadDb,
  officeId: string,
): { rules: RoutingRuleTable[]; users: Map<string, RuleUser> } {
  const rows = db.rawAll<RuleWithUser>(
    `SELECT r.*, u.full_name AS user_name, (u.active = 1 AND u.deleted_at IS NULL) AS user_active
     FROM routing_rules r LEFT JOIN users u ON u.id = r.responsible_id
     WHERE r.office_id = ? AND r.deleted_at IS NULL ORDER BY r.position, r.id`,
    officeId,
  );
  const users = new Map<string, RuleUser>();
  // The rows serve as the rules as they are: copying 17 columns out of each costs more than the read.
  for (const r of rows)
    if (r.responsible_id && r.user_name !== null)
      users.set(r.responsible_id, { name: r.user_name, active: r.user_active === 1 });
  return { rules: rows, users };
}

export interface RuleUser {
  name: string;
  active: boolean;
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
  const { rules, users } = routingRulesWithUsers(db, officeId);
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
    db.rawGet<ApplicantPlace>(
      'SELECT district, settlement, address FROM contacts WHERE id = ? AND deleted_at IS NULL',
      contactId,
    ) ?? null
  );
}
