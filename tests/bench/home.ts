import type Database from 'better-sqlite3';
import type { OfficeHandle } from '../../main/boot/open-office';
import { weekOf } from '../../main/home/home';
import { localDate } from '../../shared/util/clock';
import type { Row } from './stats';

/**
 * The home screen of each role through the API (`home.get`: parse, authorise, every figure, output
 * validation) beside the same figures counted by hand-written SQL in the same run. The data set's file
 * holds every office's appeals (the headquarters' size), and the figures count over all of them: the
 * heaviest case an office's screen could meet.
 */
export async function homeBench(
  handle: OfficeHandle,
  logins: { deputy: string; assistant: string; head: string },
  password: string,
  iterations: number,
  warmup: number,
  log: (s: string) => void,
): Promise<Row[]> {
  const db = handle.sqlite;
  const office = db
    .prepare(
      "SELECT time_zone FROM offices WHERE id = (SELECT value FROM local_state WHERE key = 'office_id')",
    )
    .get() as { time_zone: string } | undefined;
  const today = localDate(handle.clock.now(), office?.time_zone ?? 'Europe/Moscow');
  const raw = rawFigures(db, today);
  const rows: Row[] = [];
  for (const [role, login] of Object.entries(logins) as [keyof typeof raw, string][]) {
    const s = await handle.api.call('internal', 'auth.signIn', { login, password });
    if (!s.ok) throw new Error(`bench: sign-in failed for ${login}: ${s.error.message}`);
    const token = (s.value as { token: string; user: { id: string } }).token;
    const userId = (s.value as { user: { id: string } }).user.id;
    log(`measuring the ${role}'s home screen …`);
    const row: Row = { name: `home screen: ${ROLE_NAMES[role]}`, api: [], raw: [] };
    for (let i = -warmup; i < iterations; i++) {
      let t = performance.now();
      const r = await handle.api.call('internal', 'home.get', {}, { token });
      const apiMs = performance.now() - t;
      if (!r.ok) throw new Error(`bench: home.get failed: ${r.error.message}`);
      t = performance.now();
      raw[role](userId);
      const rawMs = performance.now() - t;
      if (i < 0) continue;
      row.api.push(apiMs);
      row.raw.push(rawMs);
    }
    rows.push(row);
  }
  return rows;
}

const ROLE_NAMES = { deputy: 'deputy', assistant: 'assistant', head: 'office head' } as const;

const QUEUE_KINDS = "('resolution','art11_decision','reply_approval','request_approval','answer_resolution')";

/** The same figures as plain SQL: what the screen costs at the least. */
function rawFigures(db: Database.Database, today: string) {
  const week = weekOf(today);
  const q = (sql: string) => db.prepare(sql);
  const queue = q(
    `SELECT t.kind, count(*) AS n, sum(a.status <> 'closed' AND a.due_date < ?) AS late FROM tasks t
     JOIN appeals a ON a.id = t.appeal_id WHERE t.status = 'open' AND t.kind IN ${QUEUE_KINDS} GROUP BY t.kind`,
  );
  const overdueAppeals = q(
    "SELECT count(*) AS n FROM appeals WHERE status <> 'closed' AND due_date < ? AND deleted_at IS NULL",
  );
  const lateRequests = q(
    `SELECT count(*) AS n FROM external_requests r JOIN appeals a ON a.id = r.appeal_id
     WHERE r.deleted_at IS NULL AND r.status = 'sent' AND r.due_date < ?`,
  );
  const events = q(
    `SELECT count(*) AS n FROM events WHERE deleted_at IS NULL AND event_date BETWEEN ? AND ?
     AND stage NOT IN ('closed','cancelled')`,
  );
  const weekEvents = q(
    `SELECT id, title, event_date, start_time, place, stage FROM events WHERE deleted_at IS NULL
     AND event_date BETWEEN ? AND ? AND stage NOT IN ('closed','cancelled') ORDER BY event_date LIMIT 8`,
  );
  const myTasks = q(
    `SELECT sum(due_date = ?) AS today, sum(due_date < ?) AS late FROM tasks
     WHERE assignee_id = ? AND status = 'open' AND deleted_at IS NULL`,
  );
  const myAppeals = q(
    `SELECT status, count(*) AS n, sum(due_date < ?) AS late FROM appeals
     WHERE responsible_id = ? AND status <> 'closed' AND deleted_at IS NULL GROUP BY status`,
  );
  const byPerson = q(
    `SELECT responsible_id, count(*) AS n, sum(due_date < ?) AS late FROM appeals
     WHERE status <> 'closed' AND deleted_at IS NULL GROUP BY responsible_id`,
  );
  const tasksByPerson = q(
    `SELECT assignee_id, count(*) AS n, sum(due_date < ?) AS late FROM tasks
     WHERE status = 'open' AND deleted_at IS NULL GROUP BY assignee_id`,
  );
  const byBody = q(
    `SELECT r.body_id, b.name, count(*) AS n FROM external_requests r JOIN appeals a ON a.id = r.appeal_id
     LEFT JOIN bodies b ON b.id = r.body_id
     WHERE r.deleted_at IS NULL AND r.status = 'sent' AND r.due_date < ? GROUP BY r.body_id`,
  );
  const users = q('SELECT id, full_name, role, active FROM users');
  return {
    deputy: () => [
      queue.all(today),
      overdueAppeals.get(today),
      lateRequests.get(today),
      events.get(today, today),
      events.get(week.from, week.to),
      weekEvents.all(week.from, week.to),
    ],
    assistant: (me: string) => [myTasks.get(today, today, me), myAppeals.all(today, me)],
    head: () => [
      byPerson.all(today),
      tasksByPerson.all(today),
      byBody.all(today),
      users.all(),
      queue.all(today),
      lateRequests.get(today),
    ],
  };
}
