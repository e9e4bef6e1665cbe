import {
  localOfficeId,
  officeRow,
  toOffice,
  stageLimits,
  eventStageLimits,
  analystView,
  officeYears,
  officeCalendar,
} from './queries';
import type { ReadDb, WriteDb } from '../../db/sql';
import type { OfficeTable } from '../../db/schema';
import { ApiError } from '../../shared/api/define';
import type { ParsedInput, Output } from '../../shared/api/index';
import { type CalendarYear } from '../../shared/domain/calendar';
import { SHIPPED_CALENDAR_YEARS } from '../../shared/domain/calendar-data';
import { reminderSettings } from '../../shared/domain/reminders';
import { audit, insertSynced, newSyncColumns, stamp, updateSynced } from '../kernel/bookkeeping';
import type { CallContext, ReadContext } from '../kernel/context';
import { setUpFirstDesk } from '../sync/desks';
import { VIEW_KEYS } from '../hq/view-state';

/** Today's date where the office is (its time zone), from the injected clock. */
/** Every office in the database, by code (the analyst's office picker; an office sees only itself). */
/**
 * The offices whose appeals this database holds: its own, or in HQ's analyst view every synced office
 * (the view's own office holds none, so it is left out of the pickers).
 */
export function listOffices(ctx: ReadContext): Output<'offices.list'> {
  const db = ctx.store.read;
  const offices = db.rawAll<{ id: string; code: string; name: string }>(
    'SELECT id, code, name FROM offices WHERE deleted_at IS NULL ORDER BY code',
  );
  if (!analystView(ctx)) return offices;
  const own = localOfficeId(db);
  return offices.filter((o) => o.id !== own);
}

export function setupStatus(ctx: ReadContext): Output<'setup.status'> {
  const db = ctx.store.read;
  const id = localOfficeId(db);
  const row = id ? db.get(db.qb.selectFrom('offices').selectAll().where('id', '=', id)) : undefined;
  const readOnly = analystView(ctx);
  return {
    initialized: !!row,
    office: row ? { name: row.name, code: row.code, deputyName: row.deputy_name } : null,
    readOnly,
    ...(readOnly ? { view: viewLag(db) } : {}),
  };
}

/** What the analyst view keeps about its catch-up (`main/hq/view.ts`): how far behind, the last failure. */
function viewLag(db: ReadDb): { behind: number; error: string | null } {
  const state = new Map(
    db
      .rawAll<{ key: string; value: string }>(
        'SELECT key, value FROM sync_state WHERE key IN (?, ?, ?)',
        VIEW_KEYS.cursor,
        VIEW_KEYS.top,
        VIEW_KEYS.error,
      )
      .map((r) => [r.key, r.value]),
  );
  const cursor = Number(state.get(VIEW_KEYS.cursor) ?? 0);
  const top = Number(state.get(VIEW_KEYS.top) ?? 0);
  return { behind: Math.max(0, top - cursor), error: state.get(VIEW_KEYS.error) ?? null };
}

export function createOffice(
  db: WriteDb,
  ctx: CallContext,
  input: ParsedInput<'setup.init'>['office'],
): OfficeTable {
  if (localOfficeId(db)) throw new ApiError('invalid_state', 'the office is already set up');
  const st = stamp(ctx);
  const row: OfficeTable = {
    ...newSyncColumns(st, ''),
    code: input.code,
    name: input.name,
    region: input.region ?? null,
    time_zone: input.timeZone,
    deputy_name: input.deputyName,
    address: input.address ?? null,
    phone: input.phone ?? null,
    email: input.email ?? null,
    reg_number_format: 'КОД-ГГГГ-NNNNN',
    deadline_shift: 'previous',
    stage_limits: '{}',
    deputy_request_days: 30,
    deputy_jurisdiction: 'federal',
    event_stage_limits: '{}',
    deputy_title: null,
    signatory_name: null,
    signatory_title: null,
    doc_font: 'Times New Roman',
    doc_font_size: 14,
    reminder_settings: '{}',
    contact_auto_merge_phone: 0,
  };
  row.office_id = row.id;
  insertSynced(db, 'offices', row);
  db.run(db.qb.insertInto('local_state').values({ key: 'office_id', value: row.id }));
  setUpFirstDesk(db, ctx, row.id);
  audit(db, ctx, row.id, 'setup.init', 'office', row.id);
  return row;
}

export function updateOffice(ctx: CallContext, input: ParsedInput<'office.update'>): Output<'office.update'> {
  return ctx.store.transaction((db) => {
    const before = officeRow(db);
    const patch: Partial<OfficeTable> = {};
    if (input.name !== undefined) patch.name = input.name;
    if (input.region !== undefined) patch.region = input.region;
    if (input.timeZone !== undefined) patch.time_zone = input.timeZone;
    if (input.deputyName !== undefined) patch.deputy_name = input.deputyName;
    if (input.address !== undefined) patch.address = input.address;
    if (input.phone !== undefined) patch.phone = input.phone;
    if (input.email !== undefined) patch.email = input.email;
    if (input.regNumberFormat !== undefined) patch.reg_number_format = input.regNumberFormat;
    if (input.deadlineShift !== undefined) patch.deadline_shift = input.deadlineShift;
    if (input.stageLimits !== undefined)
      patch.stage_limits = JSON.stringify({ ...stageLimits(before), ...input.stageLimits });
    if (input.eventStageLimits !== undefined)
      patch.event_stage_limits = JSON.stringify({ ...eventStageLimits(before), ...input.eventStageLimits });
    if (input.deputyRequestDays !== undefined) patch.deputy_request_days = input.deputyRequestDays;
    const lh = input.letterhead;
    if (lh?.deputyTitle !== undefined) patch.deputy_title = lh.deputyTitle;
    if (lh?.signatoryName !== undefined) patch.signatory_name = lh.signatoryName;
    if (lh?.signatoryTitle !== undefined) patch.signatory_title = lh.signatoryTitle;
    if (lh?.font !== undefined) patch.doc_font = lh.font;
    if (lh?.fontSize !== undefined) patch.doc_font_size = lh.fontSize;
    if (input.reminders !== undefined) {
      const current = reminderSettings(before.reminder_settings);
      const { enabled, ...rest } = input.reminders;
      patch.reminder_settings = JSON.stringify({
        ...current,
        ...rest,
        enabled: { ...current.enabled, ...enabled },
      });
    }
    const after = updateSynced(db, 'offices', before.id, patch, stamp(ctx));
    audit(db, ctx, before.id, 'office.update', 'office', before.id, patch);
    return toOffice(after);
  });
}

export function listCalendar(ctx: ReadContext): Output<'calendar.list'> {
  const office = officeRow(ctx.store.read);
  const edited = new Set(officeYears(ctx.store.read, office.id).map((y) => y.year));
  const calendar = officeCalendar(ctx, office);
  const shipped = SHIPPED_CALENDAR_YEARS.map((y) => y.year);
  const last = Math.max(...shipped, ...edited);
  const years: Output<'calendar.list'> = [];
  for (let y = Math.min(...shipped, ...edited); y <= last + 1; y++) {
    years.push({ ...calendar.year(y), editedByOffice: edited.has(y) });
  }
  return years;
}

export function putCalendarYear(ctx: CallContext, input: CalendarYear): Output<'calendar.putYear'> {
  return ctx.store.transaction((db) => {
    const office = officeRow(db);
    const st = stamp(ctx);
    const existing = db.get(
      db.qb
        .selectFrom('calendar_years')
        .select('id')
        .where('office_id', '=', office.id)
        .where('year', '=', input.year),
    );
    const data = JSON.stringify({ ...input, provisional: input.provisional });
    if (existing) updateSynced(db, 'calendar_years', existing.id, { data, deleted_at: null }, st);
    else
      insertSynced(db, 'calendar_years', {
        ...newSyncColumns(st, office.id),
        year: input.year,
        data,
      });
    audit(db, ctx, office.id, 'calendar.putYear', 'calendar_year', String(input.year));
    return { ok: true as const };
  });
}
