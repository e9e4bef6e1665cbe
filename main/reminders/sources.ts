/**
 * What every reminder rule shares: the reminder it asks for, what a pass hands it, and how it reads its
 * objects — by an index range of source dates for the pass's window, or by id for what was written since.
 */
import type { OfficeTable } from '../../db/schema';
import type { ReadDb, WriteDb } from '../../db/sql';
import type { ReminderParams } from '../../shared/api/reminders';
import type { IsoDate } from '../../shared/domain/calendar';
import type {
  DateRange,
  FireRule,
  ReminderDays,
  ReminderEntity,
  ReminderRule,
  ReminderSettings,
} from '../../shared/domain/reminders';
import type { CallContext } from '../kernel/context';

/** One reminder a rule wants raised: its key is (rule, entityId, fire instant, each recipient). */
export interface DueReminder {
  rule: ReminderRule;
  entity: ReminderEntity;
  entityId: string;
  /** The working day it is raised on; at the office's working-day start unless `time` says otherwise. */
  fireDay: IsoDate;
  time?: string;
  /** Whom it is for; null (nobody responsible) goes to the office head. */
  recipientId: string | null;
  appealId: string | null;
  requestId: string | null;
  params: ReminderParams;
}

/** Ids of rows written since the last pass, by table: looked at whatever their dates (see `sourceRows`). */
export type ChangedIds = ReadonlyMap<string, readonly string[]>;

export interface ScanInput {
  db: ReadDb;
  /**
   * With this, the pass is about these objects only, and `window` reaches back over the whole catch-up
   * period: an object entered with old dates (a request sent a month ago, a notice task whose legal term
   * has passed) gets the reminders whose days the regular passes had already covered.
   */
  changed?: ChangedIds;
  /** Fire days to look at, inclusive: from the last scan's day to today. */
  window: DateRange;
  /** The earliest fire day any pass looks at (a first pass, or one after a long break, starts here). */
  catchUpFrom: IsoDate;
  today: IsoDate;
  timeZone: string;
  office: OfficeTable;
  /** Whether the daily time of `settings.digestTime` has come today. */
  digestDue: boolean;
  days: ReminderDays;
  settings: ReminderSettings;
}

export interface ReminderRuleDef {
  id: ReminderRule;
  /** Overdue: the office head hears of it too (when the office's setting says so). */
  escalate: boolean;
  /** Looked at on every pass, also when no new day has come (its set empties itself, or it is daily). */
  everyPass?: boolean;
  due(scan: ScanInput): DueReminder[];
  /** A change the rule makes the first time it fires, in the same transaction, as the "system" user. */
  effect?(db: WriteDb, ctx: CallContext, reminder: DueReminder): void;
}

export interface Source {
  /** SELECT … WHERE (the open objects); the date range or the id list is appended. */
  select: string;
  date: string;
  id: string;
  /** The table whose change-log entries name the rows (`id` is its key). */
  changed: string;
}

/**
 * When a rule speaks of a row: its fire day, and the bounds on the source's date column (inclusive) that
 * hold exactly the rows whose fire day falls in a window (null: none can).
 */
export interface Timing<R> {
  fireDay(row: R): IsoDate | null;
  bounds(window: DateRange): { from: string; to: string } | null;
}

/** A rule whose day is its object's date moved by a number of calendar days (`FireRule`). */
export function dated<R>(scan: ScanInput, fire: FireRule, dateOf: (r: R) => string | null): Timing<R> {
  return {
    fireDay: (r) => {
      const date = dateOf(r);
      return date ? scan.days.fireDay(date, fire) : null;
    },
    bounds: (window) => scan.days.sourceRange(window, fire),
  };
}

/**
 * The rows a rule looks at, with their fire days: by the range of source dates whose fire day falls in
 * the window (an index range, nothing read only to be dropped), or, for objects changed since the last
 * pass, by id, keeping those whose fire day is in the window.
 */
export function sourceRows<R>(
  scan: ScanInput,
  src: Source,
  timing: Timing<R>,
): { row: R; fireDay: IsoDate }[] {
  const inWindow = (row: R): { row: R; fireDay: IsoDate }[] => {
    const day = timing.fireDay(row);
    return day && day >= scan.window.from && day <= scan.window.to ? [{ row, fireDay: day }] : [];
  };
  if (scan.changed) {
    const ids = scan.changed.get(src.changed);
    if (!ids || ids.length === 0) return [];
    return scan.db
      .rawAll<R>(`${src.select} AND ${src.id} IN (SELECT value FROM json_each(?))`, JSON.stringify(ids))
      .flatMap(inWindow);
  }
  const range = timing.bounds(scan.window);
  if (!range) return [];
  // The bounds are exact, so every row is in the window; the check costs nothing and keeps one path.
  return scan.db
    .rawAll<R>(`${src.select} AND ${src.date} BETWEEN ? AND ?`, range.from, range.to)
    .flatMap(inWindow);
}
