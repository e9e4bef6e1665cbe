/**
 * The citizen is told the time of a booking, its move, or the day's cancellation. Where the contact
 * has an e-mail the notice waits in `reception_notices` for the mail sender (state `pending`); where it
 * has none, the assistant gets a task «позвонить» and the notice records it (state `task`).
 */
import type {
  ReceptionBookingTable,
  ReceptionDayTable,
  ReceptionNoticeTable,
  TaskTable,
} from '../../db/schema';
import { receptionNotices as N } from '../../shared/i18n/ru/reception';
import { insertSynced, newSyncColumns } from '../kernel/bookkeeping';
import type { WriteScope } from '../kernel/scope';

import { RECEPTION_TASK_KINDS } from '../../shared/domain/reception';

const CALL_TASK_KIND = RECEPTION_TASK_KINDS[0];

export type NoticeReason = ReceptionNoticeTable['reason'];

interface Citizen {
  full_name: string;
  email: string | null;
  phone: string | null;
}

function citizenOf(w: WriteScope, contactId: string): Citizen {
  return w.db.rawGet<Citizen>(
    `SELECT c.full_name, c.email,
       (SELECT p.raw FROM contact_phones p WHERE p.contact_id = c.id AND p.deleted_at IS NULL
          ORDER BY p.created_at LIMIT 1) AS phone
     FROM contacts c WHERE c.id = ?`,
    contactId,
  )!;
}

function textOf(
  reason: NoticeReason,
  name: string,
  day: ReceptionDayTable,
  slot: string,
  why: string,
): string {
  if (reason === 'cancelled') return N.cancelled(name, day.day_date, slot, why);
  if (reason === 'moved') return N.moved(name, day.day_date, slot, day.place);
  return N.booked(name, day.day_date, slot, day.place);
}

/** Records the notice of one booked citizen (and the call task where there is no e-mail). */
export function notifyCitizen(
  w: WriteScope,
  b: ReceptionBookingTable,
  day: ReceptionDayTable,
  reason: NoticeReason,
  why = '',
): ReceptionNoticeTable {
  const who = citizenOf(w, b.contact_id);
  const text = textOf(reason, who.full_name, day, b.slot ?? day.start_time, why);
  let task: TaskTable | null = null;
  if (!who.email) {
    task = {
      appeal_id: null,
      request_id: null,
      kind: CALL_TASK_KIND,
      title: N.callTask(who.full_name, who.phone, text),
      assignee_id: w.actor?.userId ?? b.booked_by,
      due_date: w.today,
      status: 'open',
      closed_at: null,
      closed_by: null,
      event_id: null,
      event_stage: null,
      ...newSyncColumns(w.st, w.office.id),
    };
    insertSynced(w.db, 'tasks', task);
  }
  const notice: ReceptionNoticeTable = {
    booking_id: b.id,
    day_id: day.id,
    reason,
    channel: who.email ? 'email' : 'call',
    address: who.email ?? who.phone,
    text,
    state: task ? 'task' : 'pending',
    task_id: task?.id ?? null,
    ...newSyncColumns(w.st, w.office.id),
  };
  insertSynced(w.db, 'reception_notices', notice);
  return notice;
}
