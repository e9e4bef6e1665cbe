/**
 * Поручения as data: their statuses and the moves between them, priorities, the tasks they open in Задачи,
 * and the periods of recurring ones. Pure: "today" is passed in.
 */
import { addCalendarDays, type IsoDate } from './calendar';
import { weekStart } from './periods';

/** new → in_work → reported → accepted; a report returned with a reason is `returned`, then in work again. */
export const ASSIGNMENT_STATUSES = ['new', 'in_work', 'reported', 'accepted', 'returned'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

/** Still the assignees' to do: what the reminders and the «overdue» figures look at. */
export const OPEN_ASSIGNMENT: readonly AssignmentStatus[] = ['new', 'in_work', 'returned'];

export const ASSIGNMENT_PRIORITIES = ['low', 'normal', 'high'] as const;
export type AssignmentPriority = (typeof ASSIGNMENT_PRIORITIES)[number];

/** An assignee's work, and the author's check of a report: the tasks a поручение opens in Задачи. */
export const ASSIGNMENT_TASK_KINDS = ['assignment', 'assignment_review'] as const;
export type AssignmentTaskKind = (typeof ASSIGNMENT_TASK_KINDS)[number];

/** Who may give a поручение. */
export const ASSIGNMENT_AUTHORS = ['deputy', 'office_head', 'assistant'] as const;

export const RECURRENCES = ['weekly', 'monthly'] as const;
export type Recurrence = (typeof RECURRENCES)[number];

/** What a period of a template is called: `2026-W49` (the ISO week of its Monday) or `2026-12`. */
export function periodKey(recurrence: Recurrence, date: IsoDate): string {
  if (recurrence === 'monthly') return date.slice(0, 7);
  const monday = weekStart(date);
  // The ISO week's year is its Thursday's.
  const thursday = addCalendarDays(monday, 3);
  const jan1 = `${thursday.slice(0, 4)}-01-01`;
  const days = Math.round(
    (Date.parse(`${thursday}T00:00:00Z`) - Date.parse(`${jan1}T00:00:00Z`)) / 86_400_000,
  );
  return `${thursday.slice(0, 4)}-W${String(Math.floor(days / 7) + 1).padStart(2, '0')}`;
}

/**
 * The day a period's поручение is given: the template's weekday (1 Monday … 7 Sunday) of the date's week,
 * or its day of the date's month (a day past the month's end is its last day).
 */
export function periodDay(recurrence: Recurrence, day: number, date: IsoDate): IsoDate {
  if (recurrence === 'weekly') return addCalendarDays(weekStart(date), day - 1);
  const [y, m] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${date.slice(0, 7)}-${String(Math.min(day, last)).padStart(2, '0')}`;
}
