import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Figure, Home, HomeLink } from '../../shared/api/home';
import type { Output } from '../../shared/api/index';
import { homeOffice, type HomeOffice } from './home-fixture';
import type { Person } from './workflow-walk';

/**
 * Every figure of the home screens, over an office after eight weeks of work: each equals a count written
 * here by hand in SQL, and the list its link opens, called as the same person, shows exactly that many.
 */

let h: HomeOffice;
let homes: { deputy: Home; asst1: Home; head: Home; admin: Home };

beforeAll(async () => {
  h = await homeOffice();
  homes = {
    deputy: await h.as(h.people.deputy, 'home.get', {}),
    asst1: await h.as(h.people.asst1, 'home.get', {}),
    head: await h.as(h.people.head, 'home.get', {}),
    admin: await h.as(h.people.admin, 'home.get', {}),
  };
}, 120_000);
afterAll(() => h?.close());

const sql = (query: string, ...params: unknown[]): number =>
  (h.o.handle.sqlite.prepare(query).get(...params) as { n: number }).n;

/** How many objects the list behind a link shows, asked as the person who saw the figure. */
async function listed(who: Person, link: HomeLink): Promise<number> {
  switch (link.list) {
    case 'appeals': {
      let n = 0;
      let cursor: string | null = null;
      do {
        const page: Output<'appeals.list'> = await h.as(who, 'appeals.list', {
          filter: link.filter,
          limit: 500,
          cursor,
        });
        n += page.rows.length;
        cursor = page.nextCursor;
      } while (cursor);
      return n;
    }
    case 'queue':
      return (await h.as(who, 'workflow.deputyQueue', link.filter)).length;
    case 'tasks': {
      // Every page read, and the total each page reports must agree with them.
      let n = 0;
      let cursor: string | null = null;
      const totals = new Set<number>();
      do {
        const page: Output<'tasks.list'> = await h.as(who, 'tasks.list', {
          ...link.filter,
          limit: 7,
          cursor,
        });
        n += page.rows.length;
        totals.add(page.total);
        cursor = page.nextCursor;
      } while (cursor);
      expect([...totals]).toEqual([n]);
      return n;
    }
    case 'requests':
      return (await h.as(who, 'requests.list', { ...link.filter, limit: 500 })).total;
    case 'events':
      return (await h.as(who, 'events.list', link.filter)).length;
    default:
      throw new Error(`unknown list ${(link satisfies never as HomeLink).list}`);
  }
}

/** The figure equals the hand-written count, the list behind it shows as many, and the count is not trivial. */
async function holds(who: Person, figure: Figure, expected: number, atLeast = 1): Promise<void> {
  expect(figure.count).toBe(expected);
  expect(await listed(who, figure.link)).toBe(expected);
  expect(expected).toBeGreaterThanOrEqual(atLeast);
}

function view<V extends Home['view']>(home: Home, v: V): Extract<Home, { view: V }> {
  if (home.view !== v) throw new Error(`expected the ${v} view, got ${home.view}`);
  return home as Extract<Home, { view: V }>;
}

const OPEN_TASKS = "FROM tasks WHERE status = 'open' AND deleted_at IS NULL";
const QUEUE = `FROM tasks t JOIN appeals a ON a.id = t.appeal_id WHERE t.status = 'open' AND t.kind IN`;
const OVERDUE_APPEALS = "FROM appeals WHERE deleted_at IS NULL AND status <> 'closed' AND due_date < ?";
const LATE_REQUESTS = `FROM external_requests r JOIN appeals a ON a.id = r.appeal_id
  WHERE r.deleted_at IS NULL AND r.status = 'sent' AND r.due_date < ?`;

describe('the deputy’s home', () => {
  const d = () => view(homes.deputy, 'deputy');

  it('the whole queue: every open task of the deputy’s kinds', async () => {
    const n = sql(
      `SELECT count(*) AS n ${QUEUE} ('resolution','art11_decision','reply_approval','request_approval','answer_resolution')`,
    );
    await holds(h.people.deputy, d().queue, n);
    // The queue's tasks are the deputy's own.
    expect(sql(`SELECT count(*) AS n ${OPEN_TASKS} AND assignee_id = ?`, h.people.deputy.id)).toBe(n);
  });

  it('appeals awaiting his resolution', async () => {
    const n = sql(`SELECT count(*) AS n ${QUEUE} ('resolution','art11_decision','answer_resolution')`);
    await holds(h.people.deputy, d().resolutions, n);
  });

  it('letters awaiting his approval', async () => {
    const n = sql(`SELECT count(*) AS n ${QUEUE} ('reply_approval','request_approval')`);
    await holds(h.people.deputy, d().letters, n);
    expect(d().resolutions.count + d().letters.count).toBe(d().queue.count);
  });

  it('queue items already past the control date', async () => {
    const n = sql(
      `SELECT count(*) AS n ${QUEUE} ('resolution','art11_decision','reply_approval','request_approval','answer_resolution')
       AND a.status <> 'closed' AND a.due_date < ?`,
      h.today,
    );
    await holds(h.people.deputy, d().queueOverdue, n, 0);
  });

  it('overdue appeals of the office', async () => {
    await holds(h.people.deputy, d().overdueAppeals, sql(`SELECT count(*) AS n ${OVERDUE_APPEALS}`, h.today));
  });

  it('requests past their answer date', async () => {
    await holds(h.people.deputy, d().overdueRequests, sql(`SELECT count(*) AS n ${LATE_REQUESTS}`, h.today));
  });

  it('today’s events, the cancelled one left out', async () => {
    const n = sql(
      "SELECT count(*) AS n FROM events WHERE event_date = ? AND stage NOT IN ('closed','cancelled')",
      h.today,
    );
    expect(n).toBe(2);
    await holds(h.people.deputy, d().eventsToday, n);
  });

  it('this week’s events, Monday to Sunday', async () => {
    expect(d().week).toEqual({ from: '2026-03-09', to: '2026-03-15' });
    const n = sql(
      `SELECT count(*) AS n FROM events WHERE event_date BETWEEN '2026-03-09' AND '2026-03-15'
       AND stage NOT IN ('closed','cancelled')`,
    );
    expect(n).toBe(3);
    await holds(h.people.deputy, d().eventsWeek, n);
    expect(d().events.map((e) => e.date)).toEqual([h.today, h.today, '2026-03-12']);
  });
});

describe('an assistant’s home', () => {
  const a = () => view(homes.asst1, 'assistant');
  const me = () => h.people.asst1.id;

  it('my tasks due today', async () => {
    const n = sql(`SELECT count(*) AS n ${OPEN_TASKS} AND assignee_id = ? AND due_date = ?`, me(), h.today);
    await holds(h.people.asst1, a().tasksToday, n, 0);
  });

  it('my overdue tasks', async () => {
    const n = sql(`SELECT count(*) AS n ${OPEN_TASKS} AND assignee_id = ? AND due_date < ?`, me(), h.today);
    await holds(h.people.asst1, a().tasksOverdue, n);
  });

  it('my open appeals', async () => {
    const n = sql(
      "SELECT count(*) AS n FROM appeals WHERE responsible_id = ? AND status <> 'closed' AND deleted_at IS NULL",
      me(),
    );
    await holds(h.people.asst1, a().openAppeals, n);
  });

  it('my overdue appeals', async () => {
    await holds(
      h.people.asst1,
      a().overdueAppeals,
      sql(`SELECT count(*) AS n ${OVERDUE_APPEALS} AND responsible_id = ?`, h.today, me()),
    );
  });

  it('my appeals by stage: each stage’s count, the stages in the workflow’s order, none closed', async () => {
    const byStage = h.o.handle.sqlite
      .prepare(
        `SELECT status, count(*) AS n FROM appeals WHERE responsible_id = ? AND status <> 'closed'
         AND deleted_at IS NULL GROUP BY status`,
      )
      .all(me()) as Array<{ status: string; n: number }>;
    expect(byStage.length).toBeGreaterThanOrEqual(3);
    expect(new Set(a().byStage.map((s) => s.status))).toEqual(new Set(byStage.map((s) => s.status)));
    for (const { status, n } of byStage) {
      const shown = a().byStage.find((s) => s.status === status)!;
      await holds(h.people.asst1, shown.figure, n);
    }
    expect(a().byStage.reduce((sum, s) => sum + s.figure.count, 0)).toBe(a().openAppeals.count);
  });

  it('another assistant cannot follow a link to someone else’s tasks', async () => {
    const r = await h.o.handle.api.call(
      'internal',
      'tasks.list',
      { assigneeId: h.people.asst2.id },
      { login: 'asst1' },
    );
    expect(r.ok).toBe(false);
  });
});

describe('the office head’s home', () => {
  const o = () => view(homes.head, 'office');

  it('open appeals of the office', async () => {
    const n = sql("SELECT count(*) AS n FROM appeals WHERE status <> 'closed' AND deleted_at IS NULL");
    await holds(h.people.head, o().openAppeals, n);
  });

  it('overdue appeals of the office', async () => {
    await holds(h.people.head, o().overdueAppeals, sql(`SELECT count(*) AS n ${OVERDUE_APPEALS}`, h.today));
  });

  it('overdue tasks of everyone', async () => {
    await holds(
      h.people.head,
      o().overdueTasks!,
      sql(`SELECT count(*) AS n ${OPEN_TASKS} AND due_date < ?`, h.today),
    );
  });

  it('requests past their answer date', async () => {
    await holds(h.people.head, o().overdueRequests, sql(`SELECT count(*) AS n ${LATE_REQUESTS}`, h.today));
  });

  it('the deputy’s queue', async () => {
    const n = sql(
      `SELECT count(*) AS n ${QUEUE} ('resolution','art11_decision','reply_approval','request_approval','answer_resolution')`,
    );
    await holds(h.people.head, o().queue!, n);
  });

  it('workload by person: open appeals each is responsible for, and those with nobody', async () => {
    const rows = h.o.handle.sqlite
      .prepare(
        `SELECT responsible_id AS who, count(*) AS n FROM appeals WHERE status <> 'closed' AND deleted_at IS NULL
         GROUP BY responsible_id`,
      )
      .all() as Array<{ who: string | null; n: number }>;
    expect(rows.some((r) => r.who === null)).toBe(true);
    for (const { who, n } of rows) {
      const p = o().staff.find((s) => s.userId === who)!;
      await holds(h.people.head, p.openAppeals, n);
    }
  });

  it('overdue appeals by person', async () => {
    for (const p of o().staff) {
      const n = sql(`SELECT count(*) AS n ${OVERDUE_APPEALS} AND responsible_id IS ?`, h.today, p.userId);
      await holds(h.people.head, p.overdueAppeals, n, 0);
    }
    expect(o().staff.reduce((s, p) => s + p.overdueAppeals.count, 0)).toBe(o().overdueAppeals.count);
  });

  it('open tasks by person', async () => {
    for (const p of o().staff) {
      const n = sql(`SELECT count(*) AS n ${OPEN_TASKS} AND assignee_id IS ?`, p.userId);
      await holds(h.people.head, p.openTasks!, n, 0);
    }
    expect(o().staff.reduce((s, p) => s + p.openTasks!.count, 0)).toBe(
      sql(`SELECT count(*) AS n ${OPEN_TASKS}`),
    );
  });

  it('overdue tasks by person', async () => {
    for (const p of o().staff) {
      const n = sql(
        `SELECT count(*) AS n ${OPEN_TASKS} AND assignee_id IS ? AND due_date < ?`,
        p.userId,
        h.today,
      );
      await holds(h.people.head, p.overdueTasks!, n, 0);
    }
    expect(o().staff.reduce((s, p) => s + p.overdueTasks!.count, 0)).toBe(o().overdueTasks!.count);
  });

  it('the desk is listed even with nothing to do; the deputy is there with his queue', () => {
    const ids = o().staff.map((s) => s.userId);
    for (const p of [h.people.asst1, h.people.asst2, h.people.head, h.people.deputy])
      expect(ids).toContain(p.id);
  });

  it('requests overdue by outside body', async () => {
    const rows = h.o.handle.sqlite
      .prepare(`SELECT r.body_id AS body, count(*) AS n ${LATE_REQUESTS} GROUP BY r.body_id`)
      .all(h.today) as Array<{ body: string; n: number }>;
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(o().requestsByBody).toHaveLength(rows.length);
    for (const { body, n } of rows) {
      const shown = o().requestsByBody.find((b) => b.bodyId === body)!;
      await holds(h.people.head, shown.overdue, n);
    }
  });

  it('the administrator sees the office view too', () => {
    expect(homes.admin).toEqual({ ...homes.head });
  });
});

describe('who sees which home', () => {
  it('an HQ analyst gets the office’s figures but no one’s tasks (that list would refuse him)', async () => {
    await h.as(h.people.admin, 'users.create', {
      login: 'analyst',
      fullName: 'Аналитик штаба',
      role: 'hq_analyst',
      password: 'analyst-pass-1',
    });
    const home = view(await h.as({ ...h.people.head, login: 'analyst' }, 'home.get', {}), 'office');
    expect(home.overdueTasks).toBeNull();
    expect(home.queue).toBeNull();
    expect(home.staff.every((s) => s.openTasks === null && s.overdueTasks === null)).toBe(true);
    expect(home.overdueAppeals.count).toBe(view(homes.head, 'office').overdueAppeals.count);
  });

  it('the home takes no input', async () => {
    const r = await h.o.handle.api.call('internal', 'home.get', { view: 'office' }, { login: 'asst1' });
    expect(r.ok).toBe(false);
  });
});
