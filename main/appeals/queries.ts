/**
 * The appeal's own rows as every domain reads them: one appeal by id (the workflow, attachments,
 * requests and the card all load it here), a registry row as the screens show it, and which appeals
 * were registered late.
 */
import type { ReadDb } from '../../db/sql';
import type { AppealTable } from '../../db/schema';
import type { AppealRow, AppealStatus } from '../../shared/api/appeals';
import { ApiError } from '../../shared/api/define';
import { isOpenStatus } from '../../shared/domain/appeal';
import { addCalendarDays, type ProductionCalendar } from '../../shared/domain/calendar';
import { registrationTerm, REGISTRATION_DAYS } from '../../shared/domain/deadlines';

export function appealRow(db: ReadDb, id: string): AppealTable {
  const a = db.get(
    db.qb.selectFrom('appeals').selectAll().where('id', '=', id).where('deleted_at', 'is', null),
  );
  if (!a) throw new ApiError('not_found', 'no such appeal', { field: 'id' });
  return a;
}

/** The live appeals of one applicant, whole rows (to index them again for search when the contact changes). */
export function appealsOfApplicant(db: ReadDb, contactId: string): AppealTable[] {
  return db.all(
    db.qb
      .selectFrom('appeals')
      .selectAll()
      .where('applicant_id', '=', contactId)
      .where('deleted_at', 'is', null),
  );
}

export function toRow(a: AppealTable & { responsible_name: string | null }, today: string): AppealRow {
  return {
    id: a.id,
    officeId: a.office_id,
    regNumber: a.reg_number,
    registeredOn: a.registered_on,
    receivedOn: a.received_on,
    channel: a.channel as AppealRow['channel'],
    kind: a.kind as AppealRow['kind'],
    status: a.status as AppealStatus,
    applicantName: a.applicant_name,
    applicantPhone: a.applicant_phone,
    summary: a.summary,
    topics: JSON.parse(a.topics) as string[],
    dueDate: a.due_date,
    overdue: isOpenStatus(a.status as AppealStatus) && a.due_date < today,
    responsibleId: a.responsible_id,
    responsibleName: a.responsible_name,
  };
}

/** Past this many days between the first and the last receipt, only the receipt days that may be late are mapped. */
const MAX_MAPPED_SPAN = 366 * 30;

/** The map of a calendar over a span of receipt days: a registry's pages ask for the same one again. */
const movedCache = new WeakMap<ProductionCalendar, { key: string; param: string }>();

/**
 * The appeals registered later than three days after receipt (59-FZ Art. 8 p.2), on the production
 * calendar: the last day is the third after receipt, or the working day after it when it is a day off.
 * As SQL over the appeals alias `a` with one parameter, `lateRegistration(...).param`: the days of receipt
 * whose third day is a day off, with their last day (a JSON object; a hundred or so a year); every other
 * day's last day is the third. The registry's filter and the period report count the same appeals.
 */
export function lateRegistration(
  db: ReadDb,
  calendar: ProductionCalendar,
  alias = 'a',
): { sql: string; param: string } {
  const [reg, rec] = [`${alias}.registered_on`, `${alias}.received_on`];
  const mayBeLate = (r: string, g: string) => `julianday(${g}) - julianday(${r}) > ${REGISTRATION_DAYS}`;
  const span = db.rawGet<{ lo: string | null; hi: string | null; days: number | null }>(
    `SELECT min(received_on) AS lo, max(received_on) AS hi,
            julianday(max(received_on)) - julianday(min(received_on)) AS days
     FROM appeals WHERE deleted_at IS NULL`,
  );
  const key = `${span?.lo}…${span?.hi}`;
  let param = movedCache.get(calendar)?.key === key ? movedCache.get(calendar)!.param : null;
  if (param === null) {
    // A mistyped year (1026 for 2026) must not make every page walk a thousand years of days.
    const days: string[] = [];
    const whole = !span?.lo || !span.hi || (span.days ?? 0) <= MAX_MAPPED_SPAN;
    if (whole && span?.lo && span.hi)
      for (let d = span.lo; d <= span.hi; d = addCalendarDays(d, 1)) days.push(d);
    else if (span?.lo)
      for (const r of db.rawAll<{ d: string }>(
        `SELECT DISTINCT received_on AS d FROM appeals
         WHERE deleted_at IS NULL AND ${mayBeLate('received_on', 'registered_on')}`,
      ))
        days.push(r.d);
    const moved: Record<string, string> = {};
    for (const d of days) {
      const by = registrationTerm(d, calendar, 'next').controlDate;
      if (by !== addCalendarDays(d, REGISTRATION_DAYS)) moved[d] = by;
    }
    param = JSON.stringify(moved);
    // The days of the whole span depend on the calendar alone; the days found in the data do not.
    if (whole) movedCache.set(calendar, { key, param });
  }
  return {
    sql: `(${mayBeLate(rec, reg)} AND ${reg} > coalesce(
      json_extract(?, '$."' || ${rec} || '"'), date(${rec}, '+${REGISTRATION_DAYS} days')))`,
    param,
  };
}
