import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AppealFilter } from '../../shared/api/appeals';
import { appealInput, REPO_ROOT } from './helpers';
import { testOffice, type TestOffice } from './office-fixture';

/**
 * The registry's «registered late» filter (59-FZ Art. 8 p.2): registered more than three days after
 * receipt, the last day moved to the next working day when it is a day off. The test works the last day
 * out on its own, from the shipped calendar file, and compares.
 */

interface CalendarFile {
  nonWorkingDays: string[];
  workingWeekendDays: string[];
}
const year2026 = JSON.parse(
  readFileSync(path.join(REPO_ROOT, 'resources/calendar/2026.json'), 'utf8'),
) as CalendarFile;

const day = (iso: string): Date => new Date(`${iso}T00:00:00Z`);
const iso = (d: Date): string => d.toISOString().slice(0, 10);
const plusDays = (s: string, n: number): string => iso(new Date(day(s).getTime() + n * 86_400_000));

function isWorkingDay(s: string): boolean {
  if (year2026.workingWeekendDays.includes(s)) return true;
  const weekday = day(s).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !year2026.nonWorkingDays.includes(s);
}

/** The third day after receipt, or the first working day after it. */
function registerBy(receivedOn: string): string {
  let last = plusDays(receivedOn, 3);
  while (!isWorkingDay(last)) last = plusDays(last, 1);
  return last;
}

async function ids(o: TestOffice, filter: AppealFilter): Promise<string[]> {
  const page = await o.call('appeals.list', { filter, limit: 500 });
  expect(page.nextCursor).toBeNull();
  return page.rows.map((r) => r.id).sort();
}

describe('the registry’s «registered late» filter', () => {
  it('returns exactly the appeals registered after the 3-day term, on the production calendar', async () => {
    const o = await testOffice('2026-03-20T09:00:00Z');
    // Receipts from 16.02 to 12.03.2026, over the holidays of 23.02 (Monday) and 09.03 (8 March moved
    // from a Sunday), each registered 0 to 6 days later.
    const items: { receivedOn: string; registeredOn: string }[] = [];
    for (let received = '2026-02-16'; received <= '2026-03-12'; received = plusDays(received, 1))
      for (const lag of [0, 2, 3, 4, 5, 6])
        items.push({ receivedOn: received, registeredOn: plusDays(received, lag) });
    const { registered } = await o.call('appeals.registerBatch', {
      appeals: items.map((d) => appealInput(d)),
    });
    const expected = registered
      .filter((_, i) => items[i]!.registeredOn > registerBy(items[i]!.receivedOn))
      .map((r) => r.id)
      .sort();
    const onTime = registered
      .map((r) => r.id)
      .filter((id) => !expected.includes(id))
      .sort();
    // The holiday is in the fixture: received Friday 20.02, the third day is Monday 23.02, a holiday, so
    // registering on Tuesday 24.02 is in term although four days have passed, and Wednesday 25.02 is late.
    expect(registerBy('2026-02-20')).toBe('2026-02-24');
    const at = (receivedOn: string, registeredOn: string): string =>
      registered[items.findIndex((d) => d.receivedOn === receivedOn && d.registeredOn === registeredOn)]!.id;
    expect(onTime).toContain(at('2026-02-20', '2026-02-24'));
    expect(expected).toContain(at('2026-02-20', '2026-02-25'));
    expect(onTime).toContain(at('2026-03-05', '2026-03-10'));
    expect(expected).toContain(at('2026-03-05', '2026-03-11'));
    // A plain count of calendar days would find more: the calendar matters here.
    expect(items.filter((d) => d.registeredOn > plusDays(d.receivedOn, 3)).length).toBeGreaterThan(
      expected.length,
    );

    expect(await ids(o, { registeredLate: true })).toEqual(expected);
    expect(await ids(o, { registeredLate: false })).toEqual(onTime);
    expect(await o.call('appeals.count', { filter: { registeredLate: true } })).toEqual({
      count: expected.length,
    });
    // With another filter beside it, and the period report counting the same appeals.
    const inFebruary = registered
      .filter((_, i) => items[i]!.registeredOn <= '2026-02-28')
      .map((r) => r.id)
      .filter((id) => expected.includes(id));
    expect(await ids(o, { registeredLate: true, receivedTo: '2026-02-28' })).toEqual(
      registered
        .filter((_, i) => items[i]!.receivedOn <= '2026-02-28')
        .map((r) => r.id)
        .filter((id) => expected.includes(id))
        .sort(),
    );
    const report = await o.call('reports.period', { filter: { from: '2026-02-01', to: '2026-02-28' } });
    expect(report.registeredLate).toBe(inFebruary.length);
  });

  it('stays exact when a receipt date lies decades away (a mistyped year)', async () => {
    const o = await testOffice('2026-03-20T09:00:00Z');
    // Thursday 02.03.1995 + 3 is Sunday 05.03: the last day is Monday 06.03. Friday 20.02.2026 + 3 is
    // the holiday of Monday 23.02: the last day is Tuesday 24.02.
    const pairs = [
      ['1995-03-02', '1995-03-06'],
      ['1995-03-02', '1995-03-07'],
      ['2026-02-20', '2026-02-24'],
      ['2026-02-20', '2026-02-25'],
    ] as const;
    const { registered } = await o.call('appeals.registerBatch', {
      appeals: pairs.map(([receivedOn, registeredOn]) => appealInput({ receivedOn, registeredOn })),
    });
    const late = [registered[1]!.id, registered[3]!.id].sort();
    expect(await ids(o, { registeredLate: true })).toEqual(late);
    expect(await ids(o, { registeredLate: false })).toEqual([registered[0]!.id, registered[2]!.id].sort());
  });

  it('is refused when it is not a yes or no, naming the field', async () => {
    const o = await testOffice();
    expect(await o.fail('appeals.list', { filter: { registeredLate: 'да' } })).toMatchObject({
      code: 'validation',
      field: 'filter.registeredLate',
    });
  });
});
