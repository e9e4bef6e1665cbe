import { describe, expect, it } from 'vitest';
import { dumpTables } from './helpers';
import { testOffice } from './office-fixture';

/** An event's press steps are dated no later than today, and the press answers after the release. */
describe('the dates of an event’s press steps', () => {
  it('refuses a release sent tomorrow and an answer before the release, naming the field', async () => {
    const o = await testOffice('2026-02-13T07:30:00Z');
    const base = { title: 'Встреча с жителями', kind: 'visit', date: '2026-03-20' };
    expect(await o.fail('events.create', { ...base, pressReleaseSentOn: '2026-02-14' })).toMatchObject({
      code: 'validation',
      field: 'pressReleaseSentOn',
    });
    const e = await o.call('events.create', { ...base, pressReleaseSentOn: '2026-02-12' });
    const before = dumpTables(o.handle.sqlite);
    for (const [patch, field] of [
      [{ pressAnswerOn: '2026-02-11' }, 'pressAnswerOn'],
      [{ pressAnswerOn: '2026-02-16' }, 'pressAnswerOn'],
    ] as const)
      expect(await o.fail('events.update', { id: e.id, version: e.version, patch })).toMatchObject({
        code: 'validation',
        field,
      });
    expect(dumpTables(o.handle.sqlite)).toBe(before);
    const after = await o.call('events.update', {
      id: e.id,
      version: e.version,
      patch: { pressAnswerOn: '2026-02-13' },
    });
    expect(after.pressAnswerOn).toBe('2026-02-13');
  });
});
