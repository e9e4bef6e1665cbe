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
  const span = db.rawGet<{ lo: string | null; hi: string | null }>(
    'SELECT min(received_on) AS lo, max(received_on) AS hi FROM appeals WHERE deleted_at IS NULL',
  );
  const moved: Record<string, string> = {};
  if (span?.lo && span.hi)
    for (let d = span.lo; d <= span.hi; d = addCalendarDays(d, 1)) {
      const by = registrationTerm(d, calendar, 'next').controlDate;
      if (by !== addCalendarDays(d, REGISTRATION_DAYS)) moved[d] = by;
    }
  const [reg, rec] = [`${alias}.registered_on`, `${alias}.received_on`];
  return {
    sql: `(julianday(${reg}) - julianday(${rec}) > ${REGISTRATION_DAYS} AND ${reg} > coalesce(
      json_extract(?, '$."' || ${rec} || '"'), date(${rec}, '+${REGISTRATION_DAYS} days')))`,
    param: JSON.stringify(moved),
  };
}
