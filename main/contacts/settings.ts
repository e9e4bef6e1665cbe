/**
 * The contact base's own settings: the office's list of statuses (house head, supporter, …) and whether
 * exact phone matches merge without asking.
 */
import { DEFAULT_CONTACT_STATUSES } from '../../shared/api/contacts';
import type { Output, ParsedInput } from '../../shared/api/index';
import { contactText } from '../../shared/i18n/ru/contacts';
import { audit, insertSynced, newSyncColumns, stamp, updateSynced } from '../kernel/bookkeeping';
import type { CallContext, ReadContext } from '../kernel/context';
import { officeRow } from '../office/queries';

export function statuses(ctx: ReadContext): Output<'contacts.statuses'> {
  const db = ctx.store.read;
  const rows = db.all(
    db.qb
      .selectFrom('contact_statuses')
      .select(['code', 'name'])
      .where('deleted_at', 'is', null)
      .orderBy('created_at'),
  );
  if (rows.length > 0) return rows;
  return DEFAULT_CONTACT_STATUSES.map((code) => ({ code, name: contactText.status[code] }));
}

export function saveStatuses(
  ctx: CallContext,
  input: ParsedInput<'contacts.saveStatuses'>,
): Output<'contacts.saveStatuses'> {
  return ctx.store.transaction((db) => {
    const office = officeRow(db);
    const st = stamp(ctx);
    const current = db.all(db.qb.selectFrom('contact_statuses').selectAll());
    const byCode = new Map(current.map((r) => [r.code, r]));
    const wanted = new Map(input.statuses.map((s) => [s.code, s.name]));
    for (const r of current)
      if (!wanted.has(r.code) && !r.deleted_at)
        updateSynced(db, 'contact_statuses', r.id, { deleted_at: st.now }, st);
    for (const [code, name] of wanted) {
      const r = byCode.get(code);
      if (!r)
        insertSynced(db, 'contact_statuses', {
          ...newSyncColumns(st, office.id),
          code,
          name,
        });
      else if (r.name !== name || r.deleted_at)
        updateSynced(db, 'contact_statuses', r.id, { name, deleted_at: null }, st);
    }
    audit(db, ctx, office.id, 'contacts.saveStatuses', null, null);
    return input.statuses.map(({ code, name }) => ({ code, name }));
  });
}

export function settings(ctx: ReadContext): Output<'contacts.settings'> {
  return { autoMergePhone: officeRow(ctx.store.read).contact_auto_merge_phone === 1 };
}

export function updateSettings(
  ctx: CallContext,
  input: ParsedInput<'contacts.updateSettings'>,
): Output<'contacts.updateSettings'> {
  return ctx.store.transaction((db) => {
    const office = officeRow(db);
    updateSynced(
      db,
      'offices',
      office.id,
      { contact_auto_merge_phone: input.autoMergePhone ? 1 : 0 },
      stamp(ctx),
    );
    audit(db, ctx, office.id, 'contacts.updateSettings', 'office', office.id, input);
    return { autoMergePhone: input.autoMergePhone };
  });
}
