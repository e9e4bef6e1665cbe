/**
 * The deputy's own-initiative requests raise the reminders an appeal's request does: no answer some days
 * after it went out (the office's «нет ответа на запрос» days), and the answer late the day after its due
 * date — the office head hears of that too. The reminder goes to the request's responsible person.
 */
import type { IsoDate } from '../../shared/domain/calendar';
import { fireRules, type ReminderRule } from '../../shared/domain/reminders';
import {
  dated,
  sourceRows,
  type DueReminder,
  type ReminderRuleDef,
  type ScanInput,
  type Source,
} from './sources';

type OwnRow = {
  id: string;
  number: number;
  sent_on: string;
  due_date: string;
  responsible_id: string | null;
  body_name: string | null;
};

// `status = 'sent'` literally: the partial indexes own_requests_sent and own_requests_due apply.
function sent(date: 'r.sent_on' | 'r.due_date'): Source {
  return {
    select: `SELECT r.id, r.number, r.sent_on, r.due_date, r.responsible_id, b.name AS body_name
      FROM own_requests r LEFT JOIN bodies b ON b.id = r.body_id
      WHERE r.status = 'sent' AND r.deleted_at IS NULL`,
    date,
    id: 'r.id',
    changed: 'own_requests',
  };
}

function reminder(rule: ReminderRule, r: OwnRow, fireDay: IsoDate, date: string): DueReminder {
  return {
    rule,
    entity: 'own_request',
    entityId: r.id,
    fireDay,
    recipientId: r.responsible_id,
    appealId: null,
    requestId: null,
    params: { regNumber: `№ ${r.number}`, date, ...(r.body_name ? { bodyName: r.body_name } : {}) },
  };
}

export const OWN_REQUEST_RULES: readonly ReminderRuleDef[] = [
  {
    id: 'own_request_unanswered',
    escalate: false,
    due: (scan: ScanInput) => {
      const timing = dated<OwnRow>(scan, fireRules(scan.settings).requestUnanswered, (r) => r.sent_on);
      return sourceRows(scan, sent('r.sent_on'), timing).map(({ row, fireDay }) =>
        reminder('own_request_unanswered', row, fireDay, row.sent_on),
      );
    },
  },
  {
    id: 'own_request_late',
    escalate: true,
    due: (scan: ScanInput) => {
      const timing = dated<OwnRow>(scan, fireRules(scan.settings).overdue, (r) => r.due_date);
      return sourceRows(scan, sent('r.due_date'), timing).map(({ row, fireDay }) =>
        reminder('own_request_late', row, fireDay, row.due_date),
      );
    },
  },
];
