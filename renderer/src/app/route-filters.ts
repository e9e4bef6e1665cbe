/**
 * A list's filter in the route's fragment (`#/appeals?responsibleId=…&overdue=1`), so a link from the home
 * screen, a reload and the back key all show the same rows. The fragment is input like any other: it is
 * read back through the list method's own zod schema, and a filter that does not parse is dropped.
 */
import { z } from 'zod';
import { AppealFilterSchema, type AppealFilter } from '../../../shared/api/appeals';
import { AuditFilterSchema, type AuditFilter } from '../../../shared/api/audit';
import { EventFilterSchema, type EventFilter } from '../../../shared/api/events';
import { RequestFilterSchema, type RequestFilter } from '../../../shared/api/requests';
import { TaskFilterSchema, type TaskFilter } from '../../../shared/api/tasks';
import { QueueFilterSchema, type QueueFilter } from '../../../shared/api/workflow';

/** Settings' open section (`#/settings?section=users`). */
const SettingsRouteSchema = z.object({
  section: z
    .string()
    .regex(/^[a-z-]{1,40}$/)
    .optional(),
});
export type SettingsRoute = z.infer<typeof SettingsRouteSchema>;

export interface ListFilters {
  appeals: AppealFilter;
  queue: QueueFilter;
  tasks: TaskFilter;
  requests: RequestFilter;
  events: EventFilter;
  audit: AuditFilter;
  settings: SettingsRoute;
}
export type FilteredList = keyof ListFilters;

const SCHEMAS: { [L in FilteredList]: z.ZodType<ListFilters[L]> } = {
  appeals: AppealFilterSchema,
  queue: QueueFilterSchema,
  tasks: TaskFilterSchema as z.ZodType<TaskFilter>,
  requests: RequestFilterSchema,
  events: EventFilterSchema,
  audit: AuditFilterSchema,
  settings: SettingsRouteSchema,
};

export const isFilteredList = (view: string): view is FilteredList => view in SCHEMAS;

/** Keys whose value is a list (written comma-separated) and keys that are flags (written 1 / 0). */
const LISTS = new Set(['status', 'channel', 'kind', 'waitingFor', 'officeIds', 'actions']);
const FLAGS = new Set(['open', 'overdue', 'unassigned', 'everyone', 'awaitingAnswer']);
/** A person's filter may name nobody: `assigneeId=none` is the tasks nobody holds. */
const NOBODY = 'none';

export function encodeFilter(filter: object): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    if (value === false && key === 'everyone') continue;
    params.set(
      key,
      Array.isArray(value)
        ? value.join(',')
        : typeof value === 'boolean'
          ? value
            ? '1'
            : '0'
          : value === null
            ? NOBODY
            : String(value),
    );
  }
  // A comma needs no escaping in a fragment; left as it is, the list reads as one.
  return params.toString().replace(/%2C/g, ',');
}

export function decodeFilter<L extends FilteredList>(list: L, query: string): ListFilters[L] | undefined {
  const raw: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(query)) {
    if (LISTS.has(key)) raw[key] = value.split(',').filter(Boolean);
    else if (FLAGS.has(key)) raw[key] = value === '1';
    else raw[key] = value === NOBODY ? null : value;
  }
  const parsed = SCHEMAS[list].safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}
