/**
 * One pass of the scheduler: every rule's reminders due between the last pass and now, raised once.
 * "Once" is the database's: the unique key (rule, object, due instant, recipient) and INSERT … ON CONFLICT
 * DO NOTHING inside the write transaction, so two windows on one file, or a restart, never raise twice.
 */
import type { ReadDb, Store, WriteDb } from '../../db/sql';
import type { OfficeTable, ReminderTable } from '../../db/schema';
import { addCalendarDays, type IsoDate } from '../../shared/domain/calendar';
import {
  minutesOf,
  ReminderDays,
  reminderSettings,
  type DateRange,
  type ReminderSettings,
} from '../../shared/domain/reminders';
import { localDate, localMinutes, zonedInstant, type Clock } from '../../shared/util/clock';
import type { Hlc } from '../../shared/util/hlc';
import { newId } from '../../shared/util/ids';
import { capabilitiesOf, type CallContext } from '../kernel/context';
import { localOfficeId, officeCalendar } from '../office/queries';
import { systemActor } from '../office/system-user';
import { RULES, type ChangedIds, type DueReminder, type ReminderRuleDef } from './rules';

/** Where the last pass got to: the last fire day it covered (local_state, this file only). */
export const SCANNED_THROUGH_KEY = 'reminders.scanned_through';
/** The last change-log entry a pass has looked at: what was written after it is looked at by id. */
export const CHANGES_SEEN_KEY = 'reminders.changes_seen';
/** A first pass (or one after a very long break) looks back this far; older news is in the digest. */
export const CATCH_UP_DAYS = 31;

export interface RaisedReminder {
  id: string;
  rule: DueReminder['rule'];
  entity: DueReminder['entity'];
  entityId: string;
  recipientId: string;
  appealId: string | null;
  dueAt: string;
  params: DueReminder['params'];
}

export interface ScanEnv {
  store: Store;
  clock: Clock;
  hlc: Hlc;
  rules?: readonly ReminderRuleDef[];
}

export interface ScanPlan {
  office: OfficeTable;
  settings: ReminderSettings;
  today: IsoDate;
  window: DateRange | null;
  /** The change log's last entry now; stored with the pass. */
  changesSeen: number;
  due: DueReminder[];
}

const stateValue = (db: ReadDb, key: string): string | undefined =>
  db.rawGet<{ value: string }>('SELECT value FROM local_state WHERE key = ?', key)?.value;

/** Rows written since the last pass, by table, from the change log (read by its key). */
function changedSince(db: ReadDb, seen: string | undefined, upTo: number): ChangedIds | null {
  if (seen === undefined || upTo <= Number(seen)) return null;
  const out = new Map<string, string[]>();
  const rows = db.rawAll<{ table_name: string; row_id: string }>(
    'SELECT DISTINCT table_name, row_id FROM change_log WHERE seq > ? AND seq <= ?',
    Number(seen),
    upTo,
  );
  for (const r of rows) {
    const ids = out.get(r.table_name);
    if (ids) ids.push(r.row_id);
    else out.set(r.table_name, [r.row_id]);
  }
  return out;
}

/** What is due now, read only. */
export function planScan(env: ScanEnv): ScanPlan | null {
  const db = env.store.read;
  const officeId = localOfficeId(db);
  const office = officeId
    ? db.get(db.qb.selectFrom('offices').selectAll().where('id', '=', officeId))
    : undefined;
  if (!office) return null;
  const settings = reminderSettings(office.reminder_settings);
  const now = env.clock.now();
  const tz = office.time_zone;
  const today = localDate(now, tz);
  const minutes = localMinutes(now, tz);
  // Today's reminders are raised once the working day has begun; before that the window ends yesterday.
  const lastDay = minutes >= minutesOf(settings.workdayStart) ? today : addCalendarDays(today, -1);
  const earliest = addCalendarDays(today, -CATCH_UP_DAYS);
  const through = stateValue(db, SCANNED_THROUGH_KEY);
  // A day once covered is not read again: what falls due on it later comes from a write, which the
  // change-log pass below looks at by id.
  const from = through && through >= earliest ? addCalendarDays(through, 1) : earliest;
  const window = from <= lastDay ? { from, to: lastDay } : null;
  const ctx = { store: env.store, clock: env.clock } as CallContext;
  const days = new ReminderDays(officeCalendar(ctx, office), office.deadline_shift);
  const digestDue = minutes >= minutesOf(settings.digestTime);
  const rules = env.rules ?? RULES;
  const base = { db, catchUpFrom: earliest, today, timeZone: tz, office, digestDue, days, settings };
  const due: DueReminder[] = [];
  for (const rule of rules) {
    if (settings.enabled[rule.id] === false) continue;
    if (!window && !rule.everyPass) continue;
    // No new day: an every-pass rule gets an empty window that ends on the last day covered.
    const scanWindow = window ?? { from: addCalendarDays(lastDay, 1), to: lastDay };
    due.push(...rule.due({ ...base, window: scanWindow }));
  }
  // What was written since the last pass may fall on days it already covered: look at those objects by id
  // over the whole catch-up period. A first pass covers that period anyway.
  const changesSeen = db.rawGet<{ s: number | null }>('SELECT max(seq) AS s FROM change_log')?.s ?? 0;
  const changed = changedSince(db, stateValue(db, CHANGES_SEEN_KEY), changesSeen);
  if (changed && earliest <= lastDay)
    for (const rule of rules) {
      if (settings.enabled[rule.id] === false) continue;
      due.push(...rule.due({ ...base, window: { from: earliest, to: lastDay }, changed }));
    }
  return { office, settings, today, window, changesSeen, due };
}

type Row = Omit<ReminderTable, 'id' | 'office_id' | 'created_at' | 'read_at' | 'notified_at'>;

const keyOf = (r: { rule: string; entity_id: string; due_at: string; recipient_id: string }): string =>
  `${r.rule}\u0000${r.entity_id}\u0000${r.due_at}\u0000${r.recipient_id}`;

/** Raises what is due: returns the reminders this pass recorded (none that another pass had). */
export function scanReminders(env: ScanEnv): RaisedReminder[] {
  const plan = planScan(env);
  if (!plan) return [];
  const { office, settings } = plan;
  const db = env.store.read;
  const staff = (role: string): string[] =>
    db
      .rawAll<{ id: string }>(
        'SELECT id FROM users WHERE role = ? AND active = 1 AND deleted_at IS NULL ORDER BY id',
        role,
      )
      .map((u) => u.id);
  const heads = staff('office_head');
  // What is nobody's goes to the office head, or with no head to the administrators: it is never dropped,
  // and a rule's effect (which runs with the first recorded reminder) always runs.
  const unowned = heads.length > 0 ? heads : staff('admin');
  const byRule = new Map((env.rules ?? RULES).map((r) => [r.id, r]));
  const instants = new Map<string, string>();
  const instant = (day: IsoDate, time: string): string => {
    const k = `${day} ${time}`;
    let v = instants.get(k);
    if (!v) instants.set(k, (v = zonedInstant(day, time, office.time_zone).toISOString()));
    return v;
  };
  const nowIso = env.clock.now().toISOString();

  const rows: { row: Row; due: DueReminder }[] = [];
  for (const d of plan.due) {
    const dueAt = instant(d.fireDay, d.time ?? settings.workdayStart);
    if (dueAt > nowIso) continue;
    const rule = byRule.get(d.rule);
    const recipients = new Set<string>();
    if (d.recipientId) recipients.add(d.recipientId);
    else unowned.forEach((u) => recipients.add(u));
    if (rule?.escalate && settings.escalateToHead) heads.forEach((h) => recipients.add(h));
    for (const to of recipients)
      rows.push({
        due: d,
        row: {
          rule: d.rule,
          entity: d.entity,
          // A digest is about its reader's own list.
          entity_id: d.entity === 'user' ? to : d.entityId,
          due_at: dueAt,
          recipient_id: to,
          appeal_id: d.appealId,
          request_id: d.requestId,
          params: JSON.stringify(d.params),
        },
      });
  }

  // Most passes find only what earlier passes raised: read those keys first and skip the write entirely.
  const since = rows.reduce((m, r) => (r.row.due_at < m ? r.row.due_at : m), nowIso);
  const known = new Set(
    db
      .rawAll<Row>(
        'SELECT rule, entity_id, due_at, recipient_id FROM reminders WHERE due_at >= ? AND due_at <= ?',
        since,
        nowIso,
      )
      .map(keyOf),
  );
  const fresh = rows.filter((r) => !known.has(keyOf(r.row)));
  const through = plan.window?.to;
  const stored = stateValue(db, SCANNED_THROUGH_KEY);
  const advance = through !== undefined && (!stored || through > stored);
  const seen = stateValue(db, CHANGES_SEEN_KEY);
  const advanceSeen = seen === undefined || plan.changesSeen > Number(seen);
  if (fresh.length === 0 && !advance && !advanceSeen) return [];

  return env.store.transaction((wdb) => {
    const raised: RaisedReminder[] = [];
    let system: CallContext | null = null;
    const effected = new Set<DueReminder>();
    for (const { row, due } of fresh) {
      const id = newId(env.clock.now().getTime());
      const inserted = wdb.rawGet<{ id: string }>(
        `INSERT INTO reminders (id, office_id, rule, entity, entity_id, due_at, recipient_id, appeal_id,
             request_id, params, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (rule, entity_id, due_at, recipient_id) DO NOTHING RETURNING id`,
        id,
        office.id,
        row.rule,
        row.entity,
        row.entity_id,
        row.due_at,
        row.recipient_id,
        row.appeal_id,
        row.request_id,
        row.params,
        nowIso,
      );
      if (!inserted) continue;
      raised.push({
        id,
        rule: due.rule,
        entity: due.entity,
        entityId: row.entity_id,
        recipientId: row.recipient_id,
        appealId: row.appeal_id,
        dueAt: row.due_at,
        params: due.params,
      });
      const effect = byRule.get(due.rule)?.effect;
      // An effect runs once per object, with the first of its recipients' rows to be recorded.
      if (effect && !effected.has(due)) {
        effected.add(due);
        system ??= systemContext(wdb, env, office.id);
        effect(wdb, system, due);
      }
    }
    if (advance)
      wdb.rawRun(
        `INSERT INTO local_state (key, value) VALUES (?, ?)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value WHERE excluded.value > local_state.value`,
        SCANNED_THROUGH_KEY,
        through,
      );
    if (advanceSeen)
      wdb.rawRun(
        `INSERT INTO local_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value
         WHERE CAST(excluded.value AS INTEGER) > CAST(local_state.value AS INTEGER)`,
        CHANGES_SEEN_KEY,
        String(plan.changesSeen),
      );
    return raised;
  });
}

export function systemContext(db: WriteDb, env: ScanEnv, officeId: string): CallContext {
  return {
    store: env.store,
    clock: env.clock,
    hlc: env.hlc,
    transport: 'internal',
    may: capabilitiesOf('internal'),
    actor: systemActor(db, env, officeId),
    sessionToken: null,
    dataDir: null,
  };
}
