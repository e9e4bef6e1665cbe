import { describe, expect, it } from 'vitest';
import { formatInstant } from '../../renderer/src/i18n/index';
import { officeDate } from '../../shared/util/clock';
import { appealInput } from './helpers';
import { docxText } from './libreoffice';
import { testOffice } from './office-fixture';

/**
 * Every instant shown or printed as a date is the office's date (DESIGN: dates are the office's, in its
 * time zone). An office registering after its local midnight sees today's date everywhere, never UTC's
 * yesterday: the printed card's «Ход рассмотрения», the contacts export's file name.
 */

const ddmmyyyy = (iso: string): string => iso.split('-').reverse().join('.');

/** The history rows of the printed card: the lines after «Ход рассмотрения» that start with a date. */
function historyDates(text: string): string[] {
  const after = text.slice(text.indexOf('Ход рассмотрения'));
  return [...after.matchAll(/(\d{2}\.\d{2}\.\d{4})/g)].map((m) => m[1]!);
}

describe('the office date of an instant', () => {
  it('reads an instant on the office wall clock and keeps a calendar date as it is', () => {
    expect(officeDate('2026-02-02T21:30:00.000Z', 'Europe/Moscow')).toBe('2026-02-03');
    expect(officeDate('2026-02-02T20:59:59.999Z', 'Europe/Moscow')).toBe('2026-02-02');
    expect(officeDate('2026-02-02T14:00:00.000Z', 'Asia/Vladivostok')).toBe('2026-02-03');
    expect(officeDate('2026-02-02T13:59:00.000Z', 'Asia/Vladivostok')).toBe('2026-02-02');
    expect(officeDate('2026-02-03', 'Asia/Vladivostok')).toBe('2026-02-03');
  });

  it('the screens show an instant on the office clock, 24-hour, whatever the computer’s own zone', () => {
    expect(formatInstant('2026-02-02T21:30:00.000Z', 'Europe/Moscow')).toBe('03.02.2026 00:30');
    expect(formatInstant('2026-02-02T22:40:00.000Z', 'Asia/Vladivostok')).toBe('03.02.2026 08:40');
  });
});

describe.each([
  // 00:30 in Moscow on 3 February is still 2 February in UTC.
  { zone: 'Europe/Moscow', at: '2026-02-02T21:30:00Z', today: '2026-02-03' },
  // 08:40 on a Vladivostok morning: UTC is still on the day before.
  { zone: 'Asia/Vladivostok', at: '2026-02-02T22:40:00Z', today: '2026-02-03' },
])('an office in $zone registering after its midnight', ({ zone, at, today }) => {
  it("prints today's date in the card's history beside today's registration", async () => {
    const o = await testOffice(at);
    await o.call('office.update', { timeZone: zone });
    const a = await o.call('appeals.register', appealInput({ registeredOn: today }));
    await o.call('workflow.sendToDeputy', { id: a.id });
    const f = await o.call('documents.card', { appealId: a.id });
    const text = docxText(Buffer.from(f.dataBase64, 'base64'));
    const dates = historyDates(text);
    expect(dates.length).toBeGreaterThanOrEqual(2);
    // The history's rows and the «printed on» line: all today, none the UTC day before.
    expect(new Set(dates)).toEqual(new Set([ddmmyyyy(today)]));
  });

  it("names the contacts export after the office's today", async () => {
    const o = await testOffice(at);
    await o.call('office.update', { timeZone: zone });
    await o.call('appeals.register', appealInput({ registeredOn: today }));
    const f = await o.call('contacts.export', { purpose: 'records', format: 'csv', encoding: 'utf-8' });
    expect(f.name).toBe(`contacts-${today}.csv`);
  });
});
