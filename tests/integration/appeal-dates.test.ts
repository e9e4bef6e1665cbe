import { describe, expect, it } from 'vitest';
import { appealInput, dumpTables } from './helpers';
import { testOffice } from './office-fixture';

/**
 * An appeal is received no later than it is registered, and registered no later than the office's
 * today: a date ahead is refused naming its field, and nothing is written. The office's today is its
 * own time zone's: at 23:30 UTC on 12 February it is already the 13th in Moscow.
 */
describe('an appeal’s dates', () => {
  it('refuses a registration or receipt date after today, naming the field, and writes nothing', async () => {
    const o = await testOffice('2026-02-12T23:30:00Z');
    const before = dumpTables(o.handle.sqlite);
    const ahead = [
      [{ registeredOn: '2026-02-14' }, 'registeredOn'],
      [{ registeredOn: '2026-02-14', receivedOn: '2026-02-13' }, 'registeredOn'],
      [{ receivedOn: '2026-02-14' }, 'receivedOn'],
      [{ registeredOn: '2027-01-01', receivedOn: '2027-01-01' }, 'registeredOn'],
    ] as const;
    for (const [dates, field] of ahead) {
      const e = await o.fail('appeals.register', appealInput(dates));
      expect(e, JSON.stringify(dates)).toMatchObject({ code: 'validation', field });
    }
    const batch = await o.fail('appeals.registerBatch', {
      appeals: [appealInput(), appealInput({ registeredOn: '2026-02-14' })],
    });
    expect(batch).toMatchObject({ code: 'validation' });
    expect(batch.field).toMatch(/registeredOn$/);
    expect(dumpTables(o.handle.sqlite)).toBe(before);

    // Today itself, and a backlog received earlier, are accepted.
    const today = await o.value('appeals.register', appealInput({ registeredOn: '2026-02-13' }));
    expect(today.registeredOn).toBe('2026-02-13');
    const backlog = await o.value(
      'appeals.register',
      appealInput({ registeredOn: '2026-02-10', receivedOn: '2026-02-09' }),
    );
    expect([backlog.receivedOn, backlog.registeredOn]).toEqual(['2026-02-09', '2026-02-10']);
  });

  it('refuses moving the receipt date of a registered appeal ahead of today, and changes nothing', async () => {
    const o = await testOffice('2026-02-13T07:30:00Z');
    const a = await o.value('appeals.register', appealInput({ registeredOn: '2026-02-13' }));
    const before = dumpTables(o.handle.sqlite);
    const e = await o.fail('appeals.update', {
      id: a.id,
      version: a.version,
      patch: { receivedOn: '2026-02-16' },
    });
    expect(e).toMatchObject({ code: 'validation', field: 'receivedOn' });
    expect(dumpTables(o.handle.sqlite)).toBe(before);
  });
});
