import { describe, expect, it } from 'vitest';
import {
  bucketsOf,
  granularityOf,
  monthsAndDays,
  presetPeriod,
  previousPeriod,
  weekStart,
} from '../../shared/domain/periods';

describe('periods of the statistics', () => {
  it('presets run from the period’s first day to today', () => {
    const today = '2026-03-18'; // a Wednesday
    expect(presetPeriod('week', today)).toEqual({ from: '2026-03-16', to: today });
    expect(presetPeriod('month', today)).toEqual({ from: '2026-03-01', to: today });
    expect(presetPeriod('quarter', today)).toEqual({ from: '2026-01-01', to: today });
    expect(presetPeriod('year', today)).toEqual({ from: '2026-01-01', to: today });
    expect(presetPeriod('quarter', '2026-11-25')).toEqual({ from: '2026-10-01', to: '2026-11-25' });
  });

  it('a preset compares with the same stretch of the period before; a whole one with the whole one', () => {
    expect(previousPeriod({ from: '2026-03-01', to: '2026-03-18' }, 'month')).toEqual({
      from: '2026-02-01',
      to: '2026-02-18',
    });
    expect(previousPeriod({ from: '2026-03-01', to: '2026-03-31' }, 'month')).toEqual({
      from: '2026-02-01',
      to: '2026-02-28',
    });
    expect(previousPeriod({ from: '2025-01-01', to: '2025-12-31' }, 'year')).toEqual({
      from: '2024-01-01',
      to: '2024-12-31',
    });
    expect(previousPeriod({ from: '2026-01-01', to: '2026-03-20' }, 'quarter')).toEqual({
      from: '2025-10-01',
      to: '2025-12-20',
    });
    expect(previousPeriod({ from: '2026-03-16', to: '2026-03-18' }, 'week')).toEqual({
      from: '2026-03-09',
      to: '2026-03-11',
    });
  });

  it('a custom range compares with as many days just before it', () => {
    expect(previousPeriod({ from: '2026-03-05', to: '2026-03-14' }, null)).toEqual({
      from: '2026-02-23',
      to: '2026-03-04',
    });
    // A preset's name with a range that does not start its period is a custom range.
    expect(previousPeriod({ from: '2026-03-05', to: '2026-03-14' }, 'month')).toEqual({
      from: '2026-02-23',
      to: '2026-03-04',
    });
  });

  it('a period is cut into whole months and the days of the months it only touches', () => {
    expect(monthsAndDays({ from: '2026-01-05', to: '2026-03-10' })).toEqual({
      months: ['2026-02'],
      days: [
        { from: '2026-01-05', to: '2026-01-31' },
        { from: '2026-03-01', to: '2026-03-10' },
      ],
    });
    expect(monthsAndDays({ from: '2025-01-01', to: '2025-12-31' }).months).toHaveLength(12);
    expect(monthsAndDays({ from: '2026-02-03', to: '2026-02-05' })).toEqual({
      months: [],
      days: [{ from: '2026-02-03', to: '2026-02-05' }],
    });
  });

  it('days up to two months, weeks from Monday up to a year, months beyond; every bucket listed', () => {
    expect(granularityOf({ from: '2026-03-01', to: '2026-03-31' })).toBe('day');
    expect(granularityOf({ from: '2025-01-01', to: '2025-12-31' })).toBe('week');
    expect(granularityOf({ from: '2024-01-01', to: '2025-12-31' })).toBe('month');
    expect(weekStart('2026-03-22')).toBe('2026-03-16');
    expect(bucketsOf({ from: '2026-03-01', to: '2026-03-16' }, 'week')).toEqual([
      '2026-02-23',
      '2026-03-02',
      '2026-03-09',
      '2026-03-16',
    ]);
    expect(bucketsOf({ from: '2025-11-15', to: '2026-02-01' }, 'month')).toEqual([
      '2025-11-01',
      '2025-12-01',
      '2026-01-01',
      '2026-02-01',
    ]);
  });
});
