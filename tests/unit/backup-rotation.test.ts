import { describe, expect, it } from 'vitest';
import { isoWeek, KEEP, rotate, type Dated } from '../../main/backups/rotation';

const day = (start: string, n: number): string =>
  new Date(Date.parse(`${start}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

const backupOn = (date: string): Dated => ({
  name: `${date}_030000`,
  localDate: date,
  createdAt: `${date}T00:00:00.000Z`,
});

describe('backup rotation', () => {
  it('numbers ISO weeks from Monday, the week of the year’s first Thursday being the first', () => {
    expect(isoWeek('2026-12-07')).toBe('2026-W50'); // a Monday
    expect(isoWeek('2026-12-06')).toBe('2026-W49'); // the Sunday before
    expect(isoWeek('2027-01-01')).toBe('2026-W53');
    expect(isoWeek('2025-12-29')).toBe('2026-W01');
  });

  it('keeps exactly 7 daily, 4 weekly and 12 monthly backups over a year of daily runs', () => {
    let kept: Dated[] = [];
    const start = '2026-01-01';
    for (let n = 0; n < 400; n++) {
      const today = day(start, n);
      const r = rotate([...kept, backupOn(today)]);
      kept = r.keep.map((k) => k.backup);
      const counts = { daily: 0, weekly: 0, monthly: 0 };
      for (const k of r.keep) for (const rule of k.rules) counts[rule]++;
      // Each rule keeps its number as soon as there are that many days, weeks, months behind it.
      expect(counts.daily).toBe(Math.min(KEEP.daily, n + 1));
      const days = Array.from({ length: n + 1 }, (_, i) => day(start, i));
      expect(counts.weekly).toBe(Math.min(KEEP.weekly, new Set(days.map(isoWeek)).size));
      expect(counts.monthly).toBe(Math.min(KEEP.monthly, new Set(days.map((d) => d.slice(0, 7))).size));
      expect(kept.length).toBeLessThanOrEqual(KEEP.daily + KEEP.weekly + KEEP.monthly);
      // Today's backup is never the one deleted.
      expect(kept[0]!.localDate).toBe(today);
    }
    const last = day(start, 399); // 2027-02-04
    const r = rotate(kept);
    const by = (rule: 'daily' | 'weekly' | 'monthly') =>
      r.keep.filter((k) => k.rules.includes(rule)).map((k) => k.backup.localDate);
    expect(by('daily')).toEqual([0, 1, 2, 3, 4, 5, 6].map((i) => day(last, -i)));
    // The newest of this week and of each of the three before it (Sundays).
    expect(by('weekly')).toEqual([last, '2027-01-31', '2027-01-24', '2027-01-17']);
    // The newest of this month and of each of the eleven before it (their last days).
    expect(by('monthly')).toEqual([
      last,
      '2027-01-31',
      '2026-12-31',
      '2026-11-30',
      '2026-10-31',
      '2026-09-30',
      '2026-08-31',
      '2026-07-31',
      '2026-06-30',
      '2026-05-31',
      '2026-04-30',
      '2026-03-31',
    ]);
    expect(new Set(r.keep.map((k) => k.backup.localDate)).size).toBe(r.keep.length);
    expect(r.remove).toEqual([]);
  });

  it('keeps the newest of several backups on one day, and deletes the rest', () => {
    const morning = { ...backupOn('2026-12-07'), name: 'a', createdAt: '2026-12-07T05:00:00.000Z' };
    const evening = { ...backupOn('2026-12-07'), name: 'b', createdAt: '2026-12-07T17:00:00.000Z' };
    const r = rotate([morning, evening]);
    expect(r.keep.map((k) => k.backup.name)).toEqual(['b']);
    expect(r.remove.map((b) => b.name)).toEqual(['a']);
  });
});
