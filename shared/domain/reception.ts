/**
 * A reception day's slots: its hours cut into slots of the office's length, less its breaks. Times are
 * 'HH:MM' on the office's clock, 24-hour. A slot that would run into a break or past the end is not
 * offered. Pure: the services and the screen cut a day alike.
 */

/** The task a booked citizen without an e-mail gives the assistant: «позвонить». */
export const RECEPTION_TASK_KINDS = ['reception_call'] as const;

export interface Break {
  from: string;
  to: string;
}

export const TIME_RE = /^([01]\d|2[0-3]):[0-5]\d$/;

export function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

export function timeOf(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** The slots' start times, in order. */
export function daySlots(
  start: string,
  end: string,
  slotMinutes: number,
  breaks: readonly Break[],
): string[] {
  const out: string[] = [];
  const stop = minutesOf(end);
  const cuts = breaks.map((b) => [minutesOf(b.from), minutesOf(b.to)] as const);
  let t = minutesOf(start);
  while (t + slotMinutes <= stop) {
    const slotEnd = t + slotMinutes;
    const inBreak = cuts.find(([from, to]) => t < to && slotEnd > from);
    if (inBreak) {
      // The next slot starts where the break ends.
      t = Math.max(inBreak[1], t + 1);
      continue;
    }
    out.push(timeOf(t));
    t = slotEnd;
  }
  return out;
}

/** The dates of a repeating rule: the weekdays given (1 Monday … 7 Sunday), every `everyWeeks` weeks. */
export function seriesDates(
  from: string,
  to: string,
  weekdays: readonly number[],
  everyWeeks: number,
): string[] {
  const out: string[] = [];
  const start = Date.parse(`${from}T00:00:00Z`);
  const stop = Date.parse(`${to}T00:00:00Z`);
  const day = 86_400_000;
  // Weeks are counted from the Monday of the first date's week.
  const firstWeekday = ((new Date(start).getUTCDay() + 6) % 7) + 1;
  const weekStart = start - (firstWeekday - 1) * day;
  for (let t = start; t <= stop; t += day) {
    const weekday = ((new Date(t).getUTCDay() + 6) % 7) + 1;
    const week = Math.floor((t - weekStart) / (7 * day));
    if (weekdays.includes(weekday) && week % everyWeeks === 0)
      out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

/** The date `n` days after `iso` (before, when negative). */
export function addDays(iso: string, n: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** The Monday of the week of `iso`. */
export function mondayOf(iso: string): string {
  const weekday = (new Date(`${iso}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(iso, -weekday);
}
