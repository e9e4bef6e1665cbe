/**
 * The home screen per role: the deputy sees what waits for his decision and what is late, an assistant
 * his day's tasks and his appeals by stage, the office head the whole office by person and by outside body.
 * Every figure carries the filter of the list it opens (see figures.ts).
 */
import type { AppealFilter } from '../../shared/api/appeals';
import type { Figure, Home } from '../../shared/api/home';
import { mayCall, type Output } from '../../shared/api/index';
import { addCalendarDays } from '../../shared/domain/calendar';
import { APPEAL_STATES, type AppealState } from '../../shared/domain/workflow/appeal';
import type { Role } from '../../shared/api/define';
import { listEvents } from '../events/card';
import { requireActor, type ReadContext } from '../kernel/context';
import { listOffices } from '../office/office';
import { analystView, officeRow, officeToday } from '../office/queries';
import { filterRequests } from '../requests/queries';
import { Figures } from './figures';

/** What the deputy decides on (a resolution), and what he signs (a letter). */
const DECISIONS = ['resolution', 'art11_decision', 'answer_resolution'] as const;
const LETTERS = ['reply_approval', 'request_approval'] as const;
/** How many of the week's events the deputy's screen names; the figure counts them all. */
const WEEK_EVENTS_SHOWN = 8;

export function viewOf(role: Role): Home['view'] {
  switch (role) {
    case 'deputy':
      return 'deputy';
    case 'assistant':
      return 'assistant';
    case 'office_head':
    case 'admin':
    case 'hq_analyst':
      return 'office';
    default:
      throw new Error(`no home screen for ${role satisfies never}`);
  }
}

/** Monday to Sunday of the week a date falls in. */
export function weekOf(date: string): { from: string; to: string } {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  const from = addCalendarDays(date, -((weekday + 6) % 7));
  return { from, to: addCalendarDays(from, 6) };
}

export function getHome(ctx: ReadContext): Output<'home.get'> {
  const actor = requireActor(ctx);
  const office = officeRow(ctx.store.read);
  const f = new Figures(ctx, office.id, officeToday(ctx, office));
  const view = viewOf(actor.role);
  switch (view) {
    case 'deputy':
      return deputyHome(ctx, f);
    case 'assistant':
      return assistantHome(f, actor.userId);
    case 'office':
      return officeHome(f, actor.role);
    default:
      throw new Error(`no home screen ${view satisfies never}`);
  }
}

function deputyHome(ctx: ReadContext, f: Figures): Output<'home.get'> {
  const today = f.today;
  const week = weekOf(today);
  const events = listEvents(ctx, { ...week, includeFinished: false, limit: WEEK_EVENTS_SHOWN });
  return {
    view: 'deputy',
    today,
    queue: f.queue({}),
    resolutions: f.queue({ waitingFor: [...DECISIONS] }),
    letters: f.queue({ waitingFor: [...LETTERS] }),
    queueOverdue: f.queue({ overdue: true }),
    overdueAppeals: f.appeals({ overdue: true }),
    overdueRequests: f.requests({ overdue: true }),
    week,
    eventsToday: f.events({ from: today, to: today }),
    eventsWeek: f.events(week),
    events: events.map((e) => ({
      id: e.id,
      title: e.title,
      date: e.date,
      startTime: e.startTime,
      place: e.place,
      stage: e.stage,
    })),
  };
}

function assistantHome(f: Figures, me: string): Output<'home.get'> {
  // One walk of the open appeals' index for this person, grouped by stage; the tests hold each stage's
  // count to the registry's own count for the stage's link.
  const stages = new Map(
    f.db
      .rawAll<{ status: AppealState; n: number }>(
        `SELECT status, count(*) AS n FROM appeals
         WHERE responsible_id = ? AND status <> 'closed' AND deleted_at IS NULL GROUP BY status`,
        me,
      )
      .map((r) => [r.status, r.n]),
  );
  return {
    view: 'assistant',
    today: f.today,
    tasksToday: f.tasks({ due: 'today' }),
    tasksOverdue: f.tasks({ due: 'overdue' }),
    openAppeals: f.appeals({ responsibleId: me, open: true }),
    overdueAppeals: f.appeals({ responsibleId: me, overdue: true }),
    byStage: APPEAL_STATES.filter((s) => stages.has(s)).map((status) => ({
      status,
      figure: appealFigure(stages.get(status)!, { responsibleId: me, status: [status] }),
    })),
  };
}

interface Load {
  open: number;
  overdue: number;
}

/** Open and overdue rows per person, in one grouped pass over the open rows. */
function loadBy(f: Figures, sql: string): Map<string | null, Load> {
  return new Map(
    f.db
      .rawAll<Load & { who: string | null }>(sql, f.today)
      .map((r) => [r.who, { open: r.open, overdue: r.overdue ?? 0 }]),
  );
}

function officeHome(f: Figures, role: Role): Output<'home.get'> {
  // The open appeals and the open tasks are each read once, grouped by person; the figures of a person
  // are these groups, and the tests hold each to the registry's and the task list's own count.
  const appeals = loadBy(
    f,
    `SELECT responsible_id AS who, count(*) AS open, sum(due_date < ?) AS overdue FROM appeals
     WHERE status <> 'closed' AND deleted_at IS NULL GROUP BY responsible_id`,
  );
  const tasks = loadBy(
    f,
    `SELECT assignee_id AS who, count(*) AS open, sum(due_date < ?) AS overdue FROM tasks
     WHERE status = 'open' AND deleted_at IS NULL GROUP BY assignee_id`,
  );
  const view = analystView(f.ctx);
  const users = f.db.all(
    f.db.qb
      .selectFrom('users')
      .innerJoin('offices', 'offices.id', 'users.office_id')
      .select(['users.id', 'users.full_name', 'users.role', 'users.active', 'offices.code'])
      .orderBy('users.full_name')
      .orderBy('offices.code'),
  );
  // Everyone who has work, and every active member of the desk even with none.
  const shown = users.filter(
    (u) =>
      appeals.has(u.id) ||
      tasks.has(u.id) ||
      (u.active === 1 && (u.role === 'assistant' || u.role === 'office_head')),
  );
  // In HQ's view the staff of every office: each says whose office the person is from.
  const people: Array<{ id: string | null; name: string | null; officeCode: string | null }> = shown.map(
    (u) => ({ id: u.id, name: u.full_name, officeCode: view ? u.code : null }),
  );
  if (appeals.has(null) || tasks.has(null)) people.push({ id: null, name: null, officeCode: null });
  const zero: Load = { open: 0, overdue: 0 };
  const manager = mayCall(role, 'tasks.reassign');
  const staff = people.map(({ id, name, officeCode }) => {
    const a = appeals.get(id) ?? zero;
    const t = tasks.get(id) ?? zero;
    const who = id === null ? { unassigned: true } : { responsibleId: id };
    return {
      userId: id,
      name,
      officeCode,
      openAppeals: appealFigure(a.open, { ...who, open: true }),
      overdueAppeals: appealFigure(a.overdue, { ...who, overdue: true }),
      openTasks: manager ? taskFigure(t.open, { assigneeId: id }) : null,
      overdueTasks: manager ? taskFigure(t.overdue, { assigneeId: id, due: 'overdue' }) : null,
    };
  });
  const late = f.db.all(
    filterRequests(f.db, { overdue: true }, f.today)
      .clearSelect()
      .select((eb) => ['r.body_id', 'b.name', eb.fn.countAll<number>().as('n')])
      .groupBy('r.body_id')
      .orderBy('n', 'desc')
      .orderBy('b.name'),
  );
  return {
    view: 'office',
    today: f.today,
    offices: view ? officeLoads(f) : null,
    openAppeals: f.appeals({ open: true }),
    overdueAppeals: f.appeals({ overdue: true }),
    overdueTasks: manager ? f.tasks({ everyone: true, due: 'overdue' }) : null,
    overdueRequests: f.requests({ overdue: true }),
    queue: mayCall(role, 'workflow.deputyQueue') ? f.queue({}) : null,
    staff,
    // A request is sent only with its addressee chosen, so every overdue one has a body.
    requestsByBody: late.flatMap((r) =>
      r.body_id
        ? [
            {
              bodyId: r.body_id,
              body: r.name,
              overdue: {
                count: Number(r.n),
                link: { list: 'requests' as const, filter: { overdue: true, bodyId: r.body_id } },
              },
            },
          ]
        : [],
    ),
  };
}

/** HQ's analyst view: each office's open and overdue appeals, in one grouped pass over the open rows. */
function officeLoads(f: Figures): NonNullable<Extract<Home, { view: 'office' }>['offices']> {
  const loads = new Map(
    f.db
      .rawAll<Load & { office_id: string }>(
        `SELECT office_id, count(*) AS open, sum(due_date < ?) AS overdue FROM appeals
         WHERE status <> 'closed' AND deleted_at IS NULL GROUP BY office_id`,
        f.today,
      )
      .map((r) => [r.office_id, { open: r.open, overdue: r.overdue ?? 0 }]),
  );
  return listOffices(f.ctx).map((o) => {
    const load = loads.get(o.id) ?? { open: 0, overdue: 0 };
    const officeIds = [o.id];
    return {
      officeId: o.id,
      code: o.code,
      name: o.name,
      openAppeals: appealFigure(load.open, { officeIds, open: true }),
      overdueAppeals: appealFigure(load.overdue, { officeIds, overdue: true }),
    };
  });
}

function appealFigure(count: number, filter: AppealFilter): Figure {
  return { count, link: { list: 'appeals', filter } };
}

function taskFigure(count: number, filter: { assigneeId: string | null; due?: 'overdue' }): Figure {
  return { count, link: { list: 'tasks', filter: { everyone: false, ...filter } } };
}
