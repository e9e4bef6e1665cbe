/**
 * The web reception's applications as the office holds them: the desk's list, one application, and the
 * count of those still waiting (the home screen and the navigation badge read it).
 */
import type { ReadDb } from '../../db/sql';
import type { WebApplicationTable } from '../../db/schema';
import { ApiError } from '../../shared/api/define';
import type { WebApplication } from '../../shared/api/web-applications';

/** The files the application's row names (JSON as HQ wrote it). */
export function webApplicationFiles(r: WebApplicationTable): WebApplication['attachments'] {
  return JSON.parse(r.attachments || '[]') as WebApplication['attachments'];
}

export function webApplicationRow(db: ReadDb, id: string): WebApplicationTable {
  const r = db.get(
    db.qb.selectFrom('web_applications').selectAll().where('id', '=', id).where('deleted_at', 'is', null),
  );
  if (!r) throw new ApiError('not_found', 'no such application of the web reception', { field: 'id' });
  return r;
}

export function waitingWebApplications(db: ReadDb): number {
  return (
    db.get(
      db.qb
        .selectFrom('web_applications')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('state', '=', 'new')
        .where('deleted_at', 'is', null),
    )?.n ?? 0
  );
}

/** Registration numbers of appeals by id (the rows' own and their repeats'). */
function regNumbers(db: ReadDb, ids: readonly string[]): Map<string, string> {
  if (ids.length === 0) return new Map();
  const rows = db.all(db.qb.selectFrom('appeals').select(['id', 'reg_number']).where('id', 'in', ids));
  return new Map(rows.map((r) => [r.id, r.reg_number]));
}

export function toWebApplications(db: ReadDb, rows: readonly WebApplicationTable[]): WebApplication[] {
  const earlierIds = [...new Set(rows.flatMap((r) => (r.repeat_of ? [r.repeat_of] : [])))];
  const earlier = new Map(
    earlierIds.length === 0
      ? []
      : db
          .all(db.qb.selectFrom('web_applications').select(['id', 'appeal_id']).where('id', 'in', earlierIds))
          .map((r) => [r.id, r.appeal_id]),
  );
  const numbers = regNumbers(db, [
    ...rows.flatMap((r) => (r.appeal_id ? [r.appeal_id] : [])),
    ...[...earlier.values()].filter((v): v is string => v !== null),
  ]);
  return rows.map((r) => {
    const earlierAppeal = r.repeat_of ? (earlier.get(r.repeat_of) ?? null) : null;
    return {
      id: r.id,
      kind: r.kind,
      surname: r.surname,
      firstName: r.first_name,
      patronymic: r.patronymic,
      email: r.email,
      phone: r.phone,
      postalAddress: r.postal_address,
      region: r.region,
      district: r.district,
      settlement: r.settlement,
      text: r.text,
      source: r.source,
      consentVersion: r.consent_version,
      consentText: r.consent_text,
      submittedAt: r.submitted_at,
      confirmedAt: r.confirmed_at,
      confirmedBy: r.confirmed_by,
      repeatOf: r.repeat_of
        ? {
            id: r.repeat_of,
            appealId: earlierAppeal,
            regNumber: earlierAppeal ? (numbers.get(earlierAppeal) ?? null) : null,
          }
        : null,
      state: r.state,
      appealId: r.appeal_id,
      regNumber: r.appeal_id ? (numbers.get(r.appeal_id) ?? null) : null,
      rejectedReason: r.rejected_reason,
      handledAt: r.handled_at,
      attachments: webApplicationFiles(r),
    };
  });
}

export function listWebApplications(
  db: ReadDb,
  state: WebApplicationTable['state'] | undefined,
  limit: number,
): WebApplicationTable[] {
  let q = db.qb.selectFrom('web_applications').selectAll().where('deleted_at', 'is', null);
  if (state) q = q.where('state', '=', state);
  // The waiting ones first, then the newest.
  return db.all(
    q
      .orderBy((eb) => eb.case().when('state', '=', 'new').then(0).else(1).end())
      .orderBy('submitted_at', 'desc')
      .limit(limit),
  );
}
