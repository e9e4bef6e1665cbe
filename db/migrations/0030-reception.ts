import type { Migration } from './types';

/**
 * Приём граждан: reception days (the deputy's or an assistant's), their bookings and walk-ins, and the
 * notices the booked citizens are owed. A day's slots are not rows: they follow from its hours, slot
 * length and breaks. A booking holds its slot through the unique index on (day, slot, seat): one live
 * booking has seat 0, so a second booking of the slot on this computer is refused by the database
 * itself. Two computers of one office may each book a slot offline; when their rows meet in a sync the
 * later booking takes seat 1 (and so on) on every computer alike, and the slot shows the conflict until
 * one is moved. Synced, with the usual sync columns.
 */
export const m0030: Migration = {
  version: 30,
  name: 'reception',
  up: (db) => {
    db.exec(`
CREATE TABLE reception_days (
  id TEXT PRIMARY KEY,
  day_date TEXT NOT NULL,
  host_id TEXT,
  place TEXT NOT NULL,
  start_time TEXT NOT NULL,
  end_time TEXT NOT NULL,
  slot_minutes INTEGER NOT NULL,
  breaks TEXT NOT NULL DEFAULT '[]',
  event_id TEXT,
  series_id TEXT,
  status TEXT NOT NULL DEFAULT 'open',
  cancel_reason TEXT,
  created_by TEXT,
  office_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  hlc TEXT NOT NULL,
  deleted_at TEXT
) STRICT;
CREATE INDEX reception_days_date ON reception_days (office_id, day_date) WHERE deleted_at IS NULL;

CREATE TABLE reception_bookings (
  id TEXT PRIMARY KEY,
  day_id TEXT NOT NULL,
  slot TEXT,
  seat INTEGER NOT NULL DEFAULT 0,
  queue_no INTEGER,
  contact_id TEXT NOT NULL,
  question TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'booked',
  appeal_id TEXT,
  booked_by TEXT,
  office_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  hlc TEXT NOT NULL,
  deleted_at TEXT
) STRICT;
CREATE UNIQUE INDEX reception_bookings_slot ON reception_bookings (day_id, slot, seat)
  WHERE slot IS NOT NULL AND deleted_at IS NULL AND status <> 'cancelled';
CREATE INDEX reception_bookings_day ON reception_bookings (day_id, slot);

CREATE TABLE reception_notices (
  id TEXT PRIMARY KEY,
  booking_id TEXT NOT NULL,
  day_id TEXT NOT NULL,
  reason TEXT NOT NULL,
  channel TEXT NOT NULL,
  address TEXT,
  text TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'pending',
  task_id TEXT,
  office_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  hlc TEXT NOT NULL,
  deleted_at TEXT
) STRICT;
CREATE INDEX reception_notices_booking ON reception_notices (booking_id);
CREATE INDEX reception_notices_day ON reception_notices (day_id);
`);
  },
};
