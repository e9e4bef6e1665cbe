/**
 * Settings → Распределение обращений: the routing rules' services. A rule is checked whole before it is
 * written — a condition at least, a classifier code the classifier holds, an active user, something to
 * set — and a refusal names the field and changes nothing. The order is kept as positions 0…n−1.
 */
import type { RoutingRuleTable, SyncColumns } from '../../db/schema';
import type { WriteDb } from '../../db/sql';
import { ApiError } from '../../shared/api/define';
import type { Output, ParsedInput } from '../../shared/api/index';
import type { RoutingRule } from '../../shared/api/routing';
import { audit, insertSynced, newSyncColumns, updateSynced, type Stamp } from '../kernel/bookkeeping';
import type { CallContext, ReadContext } from '../kernel/context';
import { beginWrite } from '../kernel/scope';
import { nameOf } from '../classifier/queries';
import { officeRow } from '../office/queries';
import { draftPlace, RoutingTable } from './match';
import { listRoutingRules, routingRules } from './queries';

type RuleInput = ParsedInput<'routing.create'>;
type Fields = Omit<RoutingRuleTable, keyof SyncColumns | 'position'>;

const refuse = (field: string, message: string): never => {
  throw new ApiError('validation', `${field}: ${message}`, { field });
};

function checkedFields(db: WriteDb, i: RuleInput): Fields {
  const w = i.when;
  const f: Fields = {
    name: i.name,
    topic: w.topic ?? null,
    channel: w.channel ?? null,
    kind: w.kind ?? null,
    district: w.district ?? null,
    settlement: w.settlement ?? null,
    responsible_id: i.responsibleId ?? null,
    to_deputy: i.toDeputy ? 1 : 0,
  };
  if (!f.topic && !f.channel && !f.kind && !f.district && !f.settlement)
    refuse('when', 'a rule needs a condition: a question, channel, kind, district or settlement');
  if (f.topic && nameOf(db, f.topic) === null) refuse('when.topic', 'no such code in the classifier');
  if (f.responsible_id) {
    const u = db.get(
      db.qb.selectFrom('users').select(['active', 'deleted_at']).where('id', '=', f.responsible_id),
    );
    if (!u || u.active !== 1 || u.deleted_at !== null) refuse('responsibleId', 'no such active user');
  } else if (!f.to_deputy)
    refuse('responsibleId', 'a rule sets a responsible person or sends the appeal to the deputy');
  return f;
}

/** Writes the positions 0…n−1 in the order given, touching only the rows whose place changed. */
function renumber(db: WriteDb, st: Stamp, ordered: readonly RoutingRuleTable[]): void {
  ordered.forEach((r, position) => {
    if (r.position !== position) updateSynced(db, 'routing_rules', r.id, { position }, st);
  });
}

function ruleOf(rules: readonly RoutingRuleTable[], id: string): RoutingRuleTable {
  const r = rules.find((x) => x.id === id);
  if (!r) throw new ApiError('not_found', 'no such routing rule', { field: 'id' });
  return r;
}

export function list(ctx: ReadContext): Output<'routing.list'> {
  const db = ctx.store.read;
  return listRoutingRules(db, officeRow(db).id);
}

interface RulesWrite {
  db: WriteDb;
  st: Stamp;
  officeId: string;
  /** The office's rules in their order, as the transaction found them. */
  rules: RoutingRuleTable[];
}

/** One change of the rules in its own transaction; answers the list as it then is. */
function rulesWrite(ctx: CallContext, fn: (w: RulesWrite) => void): RoutingRule[] {
  return ctx.store.transaction((db) => {
    const { office, st } = beginWrite(db, ctx);
    fn({ db, st, officeId: office.id, rules: routingRules(db, office.id) });
    return listRoutingRules(db, office.id);
  });
}

export const create = (ctx: CallContext, i: ParsedInput<'routing.create'>): Output<'routing.create'> =>
  rulesWrite(ctx, ({ db, st, officeId, rules }) => {
    const fields = checkedFields(db, i);
    const at = Math.min(i.position ?? rules.length, rules.length);
    const row: RoutingRuleTable = { ...fields, position: at, ...newSyncColumns(st, officeId) };
    insertSynced(db, 'routing_rules', row);
    renumber(db, st, [...rules.slice(0, at), row, ...rules.slice(at)]);
    audit(db, ctx, officeId, 'routing.create', 'routing_rule', row.id, { name: row.name, position: at });
  });

export const update = (ctx: CallContext, i: ParsedInput<'routing.update'>): Output<'routing.update'> =>
  rulesWrite(ctx, ({ db, st, officeId, rules }) => {
    const before = ruleOf(rules, i.id);
    if (before.hlc !== i.version)
      throw new ApiError('conflict', 'the rule was changed by someone else; reload it', { field: 'version' });
    const fields = checkedFields(db, i);
    updateSynced(db, 'routing_rules', before.id, fields, st);
    audit(db, ctx, officeId, 'routing.update', 'routing_rule', before.id, { name: fields.name });
  });

export const move = (ctx: CallContext, i: ParsedInput<'routing.move'>): Output<'routing.move'> =>
  rulesWrite(ctx, ({ db, st, officeId, rules }) => {
    const rule = ruleOf(rules, i.id);
    const rest = rules.filter((r) => r.id !== rule.id);
    const at = Math.min(i.position, rest.length);
    renumber(db, st, [...rest.slice(0, at), rule, ...rest.slice(at)]);
    audit(db, ctx, officeId, 'routing.move', 'routing_rule', rule.id, { from: rule.position, to: at });
  });

export const remove = (ctx: CallContext, i: ParsedInput<'routing.delete'>): Output<'routing.delete'> =>
  rulesWrite(ctx, ({ db, st, officeId, rules }) => {
    const rule = ruleOf(rules, i.id);
    updateSynced(db, 'routing_rules', rule.id, { deleted_at: st.now }, st);
    renumber(
      db,
      st,
      rules.filter((r) => r.id !== rule.id),
    );
    audit(db, ctx, officeId, 'routing.delete', 'routing_rule', rule.id, { name: rule.name });
  });

export function preview(ctx: ReadContext, i: ParsedInput<'routing.preview'>): Output<'routing.preview'> {
  const db = ctx.store.read;
  return RoutingTable.read(db, officeRow(db).id).decide({
    topics: i.topics,
    channel: i.channel,
    kind: i.kind,
    place: draftPlace(db, i.applicant),
  });
}
