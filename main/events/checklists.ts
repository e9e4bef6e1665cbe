import type { ReadDb } from '../../db/sql';
import type { Output, ParsedInput } from '../../shared/api/index';
import { EVENT_STAGES } from '../../shared/domain/workflow/event';
import { SHIPPED_CHECKLISTS, type ChecklistTemplate } from '../../shared/domain/workflow/event-checklists';
import { audit, insertSynced, newSyncColumns, stamp, updateSynced } from '../kernel/bookkeeping';
import type { CallContext, ReadContext } from '../kernel/context';
import { officeRow } from '../office/queries';

/** The office's own checklist editions (live rows only). */
export function officeChecklists(db: ReadDb, officeId: string): ChecklistTemplate[] {
  return db
    .all(
      db.qb
        .selectFrom('checklist_templates')
        .select(['stage', 'event_kind', 'items'])
        .where('office_id', '=', officeId)
        .where('deleted_at', 'is', null),
    )
    .map((r) => ({
      stage: r.stage as ChecklistTemplate['stage'],
      kind: r.event_kind,
      items: JSON.parse(r.items) as ChecklistTemplate['items'],
    }));
}

function templateRows(db: ReadDb, officeId: string): Output<'checklists.list'> {
  const edited = officeChecklists(db, officeId);
  const key = (t: ChecklistTemplate) => `${t.stage}/${t.kind}`;
  const editedKeys = new Set(edited.map(key));
  const all = [
    ...edited.map((t) => ({ ...t, edited: true })),
    ...SHIPPED_CHECKLISTS.filter((t) => !editedKeys.has(key(t))).map((t) => ({ ...t, edited: false })),
  ];
  // In stage order; a stage's template for every kind before the kinds' own.
  return all.sort(
    (a, b) =>
      EVENT_STAGES.indexOf(a.stage) - EVENT_STAGES.indexOf(b.stage) ||
      Number(b.kind === '*') - Number(a.kind === '*') ||
      a.kind.localeCompare(b.kind),
  );
}

export function listTemplates(ctx: ReadContext): Output<'checklists.list'> {
  const db = ctx.store.read;
  return templateRows(db, officeRow(db).id);
}

function findRow(db: ReadDb, officeId: string, stage: string, kind: string) {
  return db.get(
    db.qb
      .selectFrom('checklist_templates')
      .select(['id', 'deleted_at'])
      .where('office_id', '=', officeId)
      .where('stage', '=', stage)
      .where('event_kind', '=', kind),
  );
}

export function putTemplate(ctx: CallContext, i: ParsedInput<'checklists.put'>): Output<'checklists.put'> {
  return ctx.store.transaction((db) => {
    const office = officeRow(db);
    const st = stamp(ctx);
    const items = JSON.stringify(i.items);
    const row = findRow(db, office.id, i.stage, i.kind);
    if (row) updateSynced(db, 'checklist_templates', row.id, { items, deleted_at: null }, st);
    else
      insertSynced(db, 'checklist_templates', {
        ...newSyncColumns(st, office.id),
        stage: i.stage,
        event_kind: i.kind,
        items,
      });
    audit(db, ctx, office.id, 'checklists.put', 'checklist_template', `${i.stage}/${i.kind}`, {
      items: i.items.length,
    });
    return templateRows(db, office.id);
  });
}

export function resetTemplate(
  ctx: CallContext,
  i: ParsedInput<'checklists.reset'>,
): Output<'checklists.reset'> {
  return ctx.store.transaction((db) => {
    const office = officeRow(db);
    const st = stamp(ctx);
    const row = findRow(db, office.id, i.stage, i.kind);
    if (row && !row.deleted_at) {
      updateSynced(db, 'checklist_templates', row.id, { deleted_at: st.now }, st);
      audit(db, ctx, office.id, 'checklists.reset', 'checklist_template', `${i.stage}/${i.kind}`);
    }
    return templateRows(db, office.id);
  });
}
