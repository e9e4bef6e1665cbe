/**
 * Which routing rule applies to a new appeal. The rules are tried in order; the first whose every
 * condition holds applies. A rule naming a responsible who is no longer active is passed over (the next
 * matching rule applies), so no appeal is handed to someone who cannot work on it; Settings flags it.
 *
 * A `RoutingTable` is built when the rules or their users change and kept between calls: conditions are
 * folded ahead, the place of the applicant is looked up only when a rule on district or settlement is
 * reached.
 */
import type { ReadDb } from '../../db/sql';
import type { RoutingRuleTable } from '../../db/schema';
import type { RoutingDecision } from '../../shared/api/routing';
import { foldText } from '../../shared/domain/text';
import {
  contactPlace,
  routingGeneration,
  routingRulesWithUsers,
  type ApplicantPlace,
  type RuleUser,
} from './queries';

/**
 * Each connection's compiled rules with the counter they were read at. Registration runs in its own
 * transaction and writes no rule or user, so what is kept was read from committed rows.
 */
const compiled = new WeakMap<object, { officeId: string; generation: number; table: RoutingTable }>();

/** A new appeal as routing sees it. */
export interface RoutingSubject {
  topics: readonly string[];
  channel: string;
  kind: string;
  /** The applicant's place, read when a rule needs it. */
  place: () => ApplicantPlace | null;
}

interface CompiledRule {
  row: RoutingRuleTable;
  topicPrefix: string | null;
  district: string | null;
  settlement: string | null;
  user: RuleUser | null;
}

/** Folded text as words between single spaces, so a name is found only as whole words. */
function words(s: string): string {
  return ` ${foldText(s)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;
}

/** The applicant's place as words, folded once per appeal however many rules look at it. */
interface PlaceWords {
  district: string | null;
  settlement: string | null;
  address: string | null;
}

function placeWords(p: ApplicantPlace | null): PlaceWords {
  const w = (s: string | null): string | null => (s ? words(s) : null);
  return {
    district: w(p?.district ?? null),
    settlement: w(p?.settlement ?? null),
    address: w(p?.address ?? null),
  };
}

/**
 * The applicant's district or settlement: the contact's own field when the base has it, else the name
 * among the words of the address (a new applicant typed at the desk has an address only).
 */
function placeMatches(field: string | null, address: string | null, wanted: string): boolean {
  if (field) return field === wanted;
  return address !== null && address.includes(wanted);
}

function topicMatches(topics: readonly string[], code: string, prefix: string): boolean {
  for (const t of topics) if (t === code || t.startsWith(prefix)) return true;
  return false;
}

export class RoutingTable {
  private readonly rules: CompiledRule[];

  constructor(rows: readonly RoutingRuleTable[], users: ReadonlyMap<string, RuleUser>) {
    this.rules = rows.map((row) => ({
      row,
      topicPrefix: row.topic === null ? null : `${row.topic}.`,
      district: row.district === null ? null : words(row.district),
      settlement: row.settlement === null ? null : words(row.settlement),
      user: row.responsible_id === null ? null : (users.get(row.responsible_id) ?? null),
    }));
  }

  static read(db: ReadDb, officeId: string): RoutingTable {
    const { rules, users } = routingRulesWithUsers(db, officeId);
    return new RoutingTable(rules, users);
  }

  /**
   * The office's rules as registration decides by them: compiled once and kept while the counter the
   * triggers move stays the same, so a call at the desk reads one number instead of every rule.
   */
  static current(db: ReadDb, officeId: string): RoutingTable {
    const generation = routingGeneration(db);
    const hit = compiled.get(db.sqlite);
    if (hit && hit.generation === generation && hit.officeId === officeId) return hit.table;
    const table = RoutingTable.read(db, officeId);
    compiled.set(db.sqlite, { officeId, generation, table });
    return table;
  }

  get empty(): boolean {
    return this.rules.length === 0;
  }

  decide(s: RoutingSubject): RoutingDecision {
    const skipped: RoutingDecision['skipped'] = [];
    let place: PlaceWords | undefined;
    const at = (): PlaceWords => (place ??= placeWords(s.place()));
    for (const r of this.rules) {
      const { row } = r;
      if (row.channel !== null && row.channel !== s.channel) continue;
      if (row.kind !== null && row.kind !== s.kind) continue;
      if (row.topic !== null && !topicMatches(s.topics, row.topic, r.topicPrefix!)) continue;
      if (r.district !== null) {
        const p = at();
        if (!placeMatches(p.district, p.address, r.district)) continue;
      }
      if (r.settlement !== null) {
        const p = at();
        if (!placeMatches(p.settlement, p.address, r.settlement)) continue;
      }
      if (row.responsible_id !== null && !r.user?.active) {
        skipped.push({ id: row.id, name: row.name });
        continue;
      }
      return {
        rule: { id: row.id, name: row.name, position: row.position },
        responsibleId: row.responsible_id,
        responsibleName: r.user?.name ?? null,
        toDeputy: row.to_deputy === 1,
        skipped,
      };
    }
    return { rule: null, responsibleId: null, responsibleName: null, toDeputy: false, skipped };
  }
}

/** The applicant's place for a draft: the chosen contact's, else the address typed. */
export function draftPlace(
  db: ReadDb,
  applicant: { contactId?: string | undefined; address?: string | null | undefined },
): () => ApplicantPlace | null {
  return () => {
    const c = applicant.contactId ? contactPlace(db, applicant.contactId) : null;
    if (c) return c.address || !applicant.address ? c : { ...c, address: applicant.address };
    return { district: null, settlement: null, address: applicant.address ?? null };
  };
}
