/**
 * The appeal's own rows as every domain reads them: one appeal by id (the workflow, attachments,
 * requests and the card all load it here) and a registry row as the screens show it.
 */
import type { ReadDb } from '../../db/sql';
import type { AppealTable } from '../../db/schema';
import type { AppealRow, AppealStatus } from '../../shared/api/appeals';
import { ApiError } from '../../shared/api/define';
import { isOpenStatus } from '../../shared/domain/appeal';

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
