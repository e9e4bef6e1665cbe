/** Приём граждан: reception days, their bookings and walk-ins, and the notices owed to the citizens. */
import type { SyncColumns } from './schema';

export interface ReceptionDayTable extends SyncColumns {
  day_date: string;
  host_id: string | null;
  place: string;
  start_time: string;
  end_time: string;
  slot_minutes: number;
  /** JSON: [{ from: 'HH:MM', to: 'HH:MM' }]. */
  breaks: string;
  event_id: string | null;
  series_id: string | null;
  status: 'open' | 'cancelled';
  cancel_reason: string | null;
  created_by: string | null;
}

export interface ReceptionBookingTable extends SyncColumns {
  day_id: string;
  /** 'HH:MM'; null for a walk-in. */
  slot: string | null;
  /** 0 holds the slot; 1, 2… are bookings of the same slot met in a sync (a conflict). */
  seat: number;
  /** A walk-in's number in the day's queue. */
  queue_no: number | null;
  contact_id: string;
  question: string;
  status: 'booked' | 'came' | 'no_show' | 'cancelled';
  appeal_id: string | null;
  booked_by: string | null;
}

export interface ReceptionNoticeTable extends SyncColumns {
  booking_id: string;
  day_id: string;
  reason: 'booked' | 'moved' | 'cancelled';
  channel: 'email' | 'call';
  /** The e-mail address, or the phone to call. */
  address: string | null;
  text: string;
  state: 'pending' | 'sent' | 'failed' | 'task';
  task_id: string | null;
}
