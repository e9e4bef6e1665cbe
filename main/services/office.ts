import type { ReadDb, WriteDb } from '../../db/sql';
import type { OfficeTable } from '../../db/schema';
import { ApiError } from '../../shared/api/define';
import type { Office } from '../../shared/api/office';
import type { ParsedInput, Output } from '../../shared/api/index';
import { CalendarYearSchema, ProductionCalendar, type CalendarYear } from '../../shared/domain/calendar';
import { SHIPPED_CALENDAR_YEARS } from '../../shared/domain/calendar-data';
import { localDate } from '../../shared/util/clock';
import { DEFAULT_STAGE_LIMITS, type StageLimits } from '../../shared/domain/workflow/appeal';
import { newId } from '../../shared/util/ids';
import { audit, insertSynced, stamp, updateSynced } from './bookkeeping';
import type { CallContext } from './context';

export function localOfficeId(db: ReadDb): string | null {
  return (
    db.get(db.qb.selectFrom('local_state').select('value').where('key', '=', 'office_id'))?.value ?? null
  );
}

export function officeRow(db: ReadDb): OfficeTable {
  const id = localOfficeId(db);
  const row = id ? db.get(db.qb.selectFrom('offices').selectAll().where('id', '=', id)) : undefined;
  if (!row) throw new ApiError('invalid_state', 'the office has not been set up yet');
  return row;
}

export function toOffice(r: OfficeTable): Office {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    region: r.region,
    timeZone: r.time_zone,
    deputyName: r.deputy_name,
    address: r.address,
    phone: r.phone,
    email: r.email,
    regNumberFormat: r.reg_number_format,
    deadlineShift: r.deadline_shift,
    stageLimits: stageLimits(r),
    deputyRequestDays: r.deputy_request_days,
    updatedAt: r.updated_at,
  };
}

export function stageLimits(office: OfficeTable): StageLimits {
  return { ...DEFAULT_STAGE_LIMITS, ...(JSON.parse(office.stage_limits) as Partial<StageLimits>) };
}

/** Today's date where the office is (its time zone), from the injected clock. */
export function officeToday(ctx: CallContext, office: OfficeTable): string {
  return localDate(ctx.clock.now(), office.time_zone);
}

export function setupStatus(ctx: CallContext): Output<'setup.status'> {
  const db = ctx.store.read;
  const id = localOfficeId(db);
  const row = id ? db.get(db.qb.selectFrom('offices').selectAll().where('id', '=', id)) : undefined;
  return {
    initialized: !!row,
    office: row ? { name: row.name, code: row.code, deputyName: row.deputy_name } : null,
  };
}

export function createOffice(
  db: WriteDb,
  ctx: CallContext,
  input: ParsedInput<'setup.init'>['office'],
): OfficeTable {
  if (localOfficeId(db)) throw new ApiError('invalid_state', 'the office is already set up');
  const st = stamp(ctx);
  const row: OfficeTable = {
    id: newId(st.nowMs),
    office_id: '',
    created_at: st.now,
    updated_at: st.now,
    hlc: st.hlc,
    deleted_at: null,
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
    contact_auto_merge_phone: 0,
  };
  row.office_id = row.id;
  insertSynced(db, 'offices', row);
  db.run(db.qb.insertInto('local_state').values({ key: 'office_id', value: row.id }));
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
    if (input.deputyRequestDays !== undefined) patch.deputy_request_days = input.deputyRequestDays;
    const after = updateSynced(db, 'offices', before.id, patch, stamp(ctx));
    audit(db, ctx, before.id, 'office.update', 'office', before.id, patch);
    return toOffice(after);
  });
}

// ---- Production calendar: shipped years, overridden by the office's own editions.

const calendarCache = new WeakMap<object, { key: string; calendar: ProductionCalendar }>();

function officeYears(db: ReadDb, officeId: string): CalendarYear[] {
  return db
    .all(
      db.qb
        .selectFrom('calendar_years')
        .select('data')
        .where('office_id', '=', officeId)
        .where('deleted_at', 'is', null),
    )
    .map((r) => CalendarYearSchema.parse(JSON.parse(r.data)));
}

export function officeCalendar(ctx: CallContext, office: OfficeTable): ProductionCalendar {
  const db = ctx.store.read;
  const key =
    db.get(
      db.qb
        .selectFrom('calendar_years')
        .select((eb) => eb.fn.max('hlc').as('k'))
        .where('office_id', '=', office.id),
    )?.k ?? '';
  const cached = calendarCache.get(ctx.store);
  if (cached && cached.key === key) return cached.calendar;
  const edited = new Map(officeYears(db, office.id).map((y) => [y.year, y]));
  const years = [...SHIPPED_CALENDAR_YEARS.filter((y) => !edited.has(y.year)), ...edited.values()];
  const calendar = new ProductionCalendar(years);
  calendarCache.set(ctx.store, { key, calendar });
  return calendar;
}

export function listCalendar(ctx: CallContext): Output<'calendar.list'> {
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
        id: newId(st.nowMs),
        office_id: office.id,
        created_at: st.now,
        updated_at: st.now,
        hlc: st.hlc,
        deleted_at: null,
        year: input.year,
        data,
      });
    audit(db, ctx, office.id, 'calendar.putYear', 'calendar_year', String(input.year));
    return { ok: true as const };
  });
}
