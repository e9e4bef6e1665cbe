import type { Migration } from './types';

/**
 * The events' "stuck" reminder reads, per stage, the events that entered it on a few days: an index on
 * (stage, stage_since) makes that one range. (The 3-week move reads (stage, event_date): events_stage.)
 */
export const m0007: Migration = {
  version: 7,
  name: 'event-reminders',
  up: (db) => {
    db.exec(`CREATE INDEX events_stage_since ON events (stage, stage_since);`);
  },
};
