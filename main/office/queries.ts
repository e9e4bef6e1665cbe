/**
 * The office as every domain reads it: its row, its date today in its own time zone, its limits, and the
 * production calendar its terms are counted on (the shipped years under the office's own editions).
 */
import type { ReadDb } from '../../db/sql';
import type { OfficeTable } from '../../db/schema';
import { ApiError } from '../../shared/api/define';
import { DOC_FONTS, type Letterhead, type Office } from '../../shared/api/office';
import { CalendarYearSchema, ProductionCalendar, type CalendarYear } from '../../shared/domain/calendar';
import { SHIPPED_CALENDAR_YEARS } from '../../shared/domain/calendar-data';
import { localDate } from '../../shared/util/clock';
import { reminderSettings } from '../../shared/domain/reminders';
import { DEFAULT_STAGE_LIMITS, type StageLimits } from '../../shared/domain/workflow/appeal';
import { DEFAULT_EVENT_STAGE_LIMITS, type EventStageLimits } from '../../shared/domain/workflow/event';
import type { ReadContext } from '../kernel/context';

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
    eventStageLimits: eventStageLimits(r),
    deputyRequestDays: r.deputy_request_days,
    letterhead: {
      deputyTitle: r.deputy_title,
      signatoryName: r.signatory_name,
      signatoryTitle: r.signatory_title,
      font: (DOC_FONTS as readonly string[]).includes(r.doc_font)
        ? (r.doc_font as Letterhead['font'])
        : 'Times New Roman',
      fontSize: r.doc_font_size,
    },
    reminders: reminderSettings(r.reminder_settings),
    updatedAt: r.updated_at,
  };
}

export function stageLimits(office: OfficeTable): StageLimits {
  return { ...DEFAULT_STAGE_LIMITS, ...(JSON.parse(office.stage_limits) as Partial<StageLimits>) };
}

export function eventStageLimits(office: OfficeTable): EventStageLimits {
  return {
    ...DEFAULT_EVENT_STAGE_LIMITS,
    ...(JSON.parse(office.event_stage_limits) as Partial<EventStageLimits>),
  };
}

/** HQ's analyst view (marked so in its `local_state`): its own office holds no appeals, the others do. */
export function analystView(ctx: ReadContext): boolean {
  return !!ctx.store.read.rawGet("SELECT 1 FROM local_state WHERE key = 'hq_view'");
}

export function officeToday(ctx: ReadContext, office: OfficeTable): string {
  return localDate(ctx.clock.now(), office.time_zone);
}

// ---- Production calendar: shipped years, overridden by the office's own editions.

export const calendarCache = new WeakMap<object, { key: string; calendar: ProductionCalendar }>();

export function officeYears(db: ReadDb, officeId: string): CalendarYear[] {
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

export function officeCalendar(ctx: ReadContext, office: OfficeTable): ProductionCalendar {
  const db = ctx.store.read;
  const key =
    db.get(
      db.qb
        .selectFrom('calendar_years')
        .select((eb) => eb.fn.max('hlc').as('k'))
        .where('office_id', '=', office.id),
    )?.k ?? '';
  const cached = calendarCache.get(ctx.store.read);
  if (cached && cached.key === key) return cached.calendar;
  const edited = new Map(officeYears(db, office.id).map((y) => [y.year, y]));
  const years = [...SHIPPED_CALENDAR_YEARS.filter((y) => !edited.has(y.year)), ...edited.values()];
  const calendar = new ProductionCalendar(years);
  calendarCache.set(ctx.store.read, { key, calendar });
  return calendar;
}

/** A staff member's full name by id, as cards and letters show who is responsible or signed. */
export function userName(db: ReadDb, id: string | null): string | null {
  if (!id) return null;
  return db.get(db.qb.selectFrom('users').select('full_name').where('id', '=', id))?.full_name ?? null;
}
