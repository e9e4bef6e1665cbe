import type { ReadDb } from '../../db/sql';
import { ApiError } from '../../shared/api/define';
import type { EventKind } from '../../shared/api/events';
import type { Output, ParsedInput } from '../../shared/api/index';
import { BUILTIN_EVENT_KINDS } from '../../shared/domain/workflow/event';
import { eventKindLabels } from '../../shared/i18n/ru/events';
import { newId } from '../../shared/util/ids';
import { audit, insertSynced, newSyncColumns, stamp, updateSynced } from '../kernel/bookkeeping';
import type { CallContext, ReadContext } from '../kernel/context';
import { officeRow } from '../office/queries';

/** The kinds list as the office sees it: shipped kinds (renamed or hidden by its edition), then its own. */
export function eventKinds(db: ReadDb, officeId: string, includeHidden = true): EventKind[] {
  const edited = db.all(
    db.qb
      .selectFrom('event_kinds')
      .selectAll()
      .where('office_id', '=', officeId)
      .where('deleted_at', 'is', null)
      .orderBy('position'),
  );
  const byCode = new Map(edited.map((k) => [k.code, k]));
  const builtin: EventKind[] = BUILTIN_EVENT_KINDS.map((code) => {
    const e = byCode.get(code);
    return { code, name: e?.name ?? eventKindLabels[code], builtin: true, hidden: e?.hidden === 1 };
  });
  const own: EventKind[] = edited
    .filter((k) => !(BUILTIN_EVENT_KINDS as readonly string[]).includes(k.code))
    .map((k) => ({ code: k.code, name: k.name, builtin: false, hidden: k.hidden === 1 }));
  return [...builtin, ...own].filter((k) => includeHidden || !k.hidden);
}

/** A kind a new or edited event may take: known to the office and not hidden. */
export function checkKind(db: ReadDb, officeId: string, code: string): EventKind {
  const k = eventKinds(db, officeId).find((x) => x.code === code);
  if (!k || k.hidden) throw new ApiError('validation', 'kind: no such kind of event', { field: 'kind' });
  return k;
}

export function listKinds(ctx: ReadContext, i: ParsedInput<'events.kinds'>): Output<'events.kinds'> {
  const db = ctx.store.read;
  return eventKinds(db, officeRow(db).id, i.includeHidden);
}

export function putKind(ctx: CallContext, i: ParsedInput<'events.putKind'>): Output<'events.putKind'> {
  return ctx.store.transaction((db) => {
    const office = officeRow(db);
    const st = stamp(ctx);
    const known = eventKinds(db, office.id);
    if (i.code !== undefined && !known.some((k) => k.code === i.code))
      throw new ApiError('not_found', 'no such kind of event', { field: 'code' });
    const code = i.code ?? `own-${newId(st.nowMs).slice(-12)}`;
    const row = db.get(
      db.qb.selectFrom('event_kinds').selectAll().where('office_id', '=', office.id).where('code', '=', code),
    );
    if (row) updateSynced(db, 'event_kinds', row.id, { name: i.name, hidden: i.hidden ? 1 : 0 }, st);
    else
      insertSynced(db, 'event_kinds', {
        ...newSyncColumns(st, office.id),
        code,
        name: i.name,
        position: known.length,
        hidden: i.hidden ? 1 : 0,
      });
    audit(db, ctx, office.id, 'events.putKind', 'event_kind', code, { name: i.name, hidden: i.hidden });
    return eventKinds(db, office.id);
  });
}
