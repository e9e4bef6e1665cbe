/**
 * A message left in «Входящие» neither registered nor marked "not an appeal" three days after it came
 * (59-FZ Art. 8 part 2: an appeal is registered within three days of its receipt) raises a reminder for
 * the office head. Auto-replies and delivery reports are not appeals and raise none.
 */
import { addCalendarDays } from '../../../shared/domain/calendar';
import { fireRules } from '../../../shared/domain/reminders';
import { localDate } from '../../../shared/util/clock';
import { sourceRows, type ReminderRuleDef, type Source, type Timing } from '../../reminders/sources';

type Row = {
  id: string;
  received_at: string;
  from_name: string | null;
  from_address: string | null;
  subject: string;
};

// The day it came is the office's local date of `received_at` (UTC): the index range takes a day more on
// each side, and the fire day is told by the local date.
const UNREGISTERED: Source = {
  select: `SELECT id, received_at, from_name, from_address, subject FROM mail_intake
    WHERE state = 'new' AND auto_reply = 0 AND bounce IS NULL AND deleted_at IS NULL`,
  date: 'substr(received_at, 1, 10)',
  id: 'id',
  changed: 'mail_intake',
};

export const MAIL_UNREGISTERED: ReminderRuleDef = {
  id: 'mail_unregistered',
  escalate: false,
  due: (scan) => {
    const fire = fireRules(scan.settings).mailUnregistered;
    const timing: Timing<Row> = {
      fireDay: (r) => scan.days.fireDay(localDate(new Date(r.received_at), scan.timeZone), fire),
      bounds: (window) => {
        const range = scan.days.sourceRange(window, fire);
        return range ? { from: addCalendarDays(range.from, -1), to: addCalendarDays(range.to, 1) } : null;
      },
    };
    return sourceRows(scan, UNREGISTERED, timing).map(({ row: r, fireDay }) => ({
      rule: 'mail_unregistered',
      entity: 'mail',
      entityId: r.id,
      fireDay,
      recipientId: null,
      appealId: null,
      requestId: null,
      params: {
        date: localDate(new Date(r.received_at), scan.timeZone),
        mailFrom: r.from_name ?? r.from_address ?? '—',
        mailSubject: r.subject,
      },
    }));
  },
};
