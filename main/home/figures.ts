/**
 * The home screen's figures, each counted by the query of the list its link opens: an appeal figure is
 * the registry's own count for the link's filter, a queue figure the deputy queue's query, and so on.
 * So a number and the list behind it cannot disagree.
 */
import type { ReadDb } from '../../db/sql';
import type { AppealFilter } from '../../shared/api/appeals';
import type { EventFilter } from '../../shared/api/events';
import type { Figure } from '../../shared/api/home';
import type { RequestFilter } from '../../shared/api/requests';
import type { TaskFilter } from '../../shared/api/tasks';
import type { QueueFilter } from '../../shared/api/workflow';
import { count as countAppeals } from '../appeals/list';
import type { ReadContext } from '../kernel/context';
import { countRequests } from '../requests/queries';
import { openTaskQuery, queueQuery, taskScope } from '../workflow/queue';

export class Figures {
  readonly db: ReadDb;

  constructor(
    readonly ctx: ReadContext,
    readonly officeId: string,
    readonly today: string,
  ) {
    this.db = ctx.store.read;
  }

  appeals(filter: AppealFilter): Figure {
    return { count: countAppeals(this.ctx, { filter }).count, link: { list: 'appeals', filter } };
  }

  queue(filter: QueueFilter): Figure {
    const r = this.db.get(
      queueQuery(this.db, filter, this.today).select((eb) => eb.fn.countAll<number>().as('n')),
    );
    return { count: Number(r?.n ?? 0), link: { list: 'queue', filter } };
  }

  /** The caller's tasks, or (an office head) a person's or everyone's, as the Задачи list reads them. */
  tasks(filter: TaskFilter): Figure {
    const scope = taskScope(this.ctx, filter);
    const r = this.db.get(
      openTaskQuery(this.db, scope, this.today).select((eb) => eb.fn.countAll<number>().as('n')),
    );
    return { count: Number(r?.n ?? 0), link: { list: 'tasks', filter: { everyone: false, ...filter } } };
  }

  requests(filter: RequestFilter): Figure {
    return { count: countRequests(this.db, filter, this.today), link: { list: 'requests', filter } };
  }

  /** Open events (not closed or cancelled) dated in the range, as the board lists them. */
  events(filter: Required<EventFilter>): Figure {
    const r = this.db.get(
      this.db.qb
        .selectFrom('events')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('office_id', '=', this.officeId)
        .where('deleted_at', 'is', null)
        .where('event_date', '>=', filter.from)
        .where('event_date', '<=', filter.to)
        .where('stage', 'not in', ['closed', 'cancelled']),
    );
    return { count: Number(r?.n ?? 0), link: { list: 'events', filter } };
  }
}
