/**
 * Which backups to keep: the newest backup of each of the last 7 days that have one, of the last 4
 * weeks (ISO weeks, Monday first) and of the last 12 months. Each rule picks on its own, so one backup
 * may be kept by several (today's is the day's, the week's and the month's); all others are deleted.
 * Pure: dates are the office's local dates, given with the backups.
 */

export const KEEP = { daily: 7, weekly: 4, monthly: 12 } as const;
export type KeepRule = keyof typeof KEEP;

export interface Dated {
  name: string;
  /** The office's local date of the backup, YYYY-MM-DD. */
  localDate: string;
  /** When it was made (ISO instant): orders backups of one day. */
  createdAt: string;
}

export interface Rotation<T extends Dated> {
  keep: { backup: T; rules: KeepRule[] }[];
  remove: T[];
}

/** The ISO week (year and number) of a date, e.g. 2026-W49: weeks start on Monday. */
export function isoWeek(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const day = (d.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  d.setUTCDate(d.getUTCDate() - day + 3); // the week's Thursday decides its year
  const year = d.getUTCFullYear();
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const days = (d.getTime() - jan4.getTime()) / 86_400_000;
  const week = 1 + Math.round((days - 3 + ((jan4.getUTCDay() + 6) % 7)) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

const bucketOf: Record<KeepRule, (date: string) => string> = {
  daily: (d) => d,
  weekly: isoWeek,
  monthly: (d) => d.slice(0, 7),
};

export function rotate<T extends Dated>(
  backups: readonly T[],
  keep: Record<KeepRule, number> = KEEP,
): Rotation<T> {
  const newestFirst = [...backups].sort((a, b) =>
    a.createdAt === b.createdAt ? b.name.localeCompare(a.name) : b.createdAt.localeCompare(a.createdAt),
  );
  const rules = new Map<T, KeepRule[]>();
  for (const rule of Object.keys(keep) as KeepRule[]) {
    const seen = new Set<string>();
    for (const b of newestFirst) {
      const bucket = bucketOf[rule](b.localDate);
      if (seen.has(bucket)) continue;
      if (seen.size >= keep[rule]) break;
      seen.add(bucket);
      rules.set(b, [...(rules.get(b) ?? []), rule]);
    }
  }
  return {
    keep: newestFirst.filter((b) => rules.has(b)).map((b) => ({ backup: b, rules: rules.get(b)! })),
    remove: newestFirst.filter((b) => !rules.has(b)),
  };
}
