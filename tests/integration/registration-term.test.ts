import { describe, expect, it } from 'vitest';
import { testOffice } from './office-fixture';

describe('the 3-day registration term (59-FZ Art. 8 p.2)', () => {
  it('says when a registration comes later than three days after receipt, on the production calendar', async () => {
    const o = await testOffice();
    const preview = (registeredOn: string, receivedOn?: string) =>
      o.call('appeals.previewTerm', { registeredOn, ...(receivedOn ? { receivedOn } : {}) });
    // Thursday 12.02.2026 + 3 days is Sunday 15.02: the law's last day moves to Monday 16.02.
    expect(await preview('2026-02-16', '2026-02-12')).toMatchObject({
      registerBy: '2026-02-16',
      registeredLate: false,
    });
    expect(await preview('2026-02-17', '2026-02-12')).toMatchObject({
      registerBy: '2026-02-16',
      registeredLate: true,
    });
    // Received 30.12.2025: the third day falls in the New Year holidays, so the term runs to 12.01.2026.
    expect(await preview('2026-01-12', '2025-12-30')).toMatchObject({
      registerBy: '2026-01-12',
      registeredLate: false,
    });
    expect(await preview('2026-01-13', '2025-12-30')).toMatchObject({ registeredLate: true });
    // Without the receipt date the answer is the review term alone, as before.
    const plain = await preview('2026-02-17');
    expect(plain.registeredLate).toBeUndefined();
    expect(plain.controlDate).toBe('2026-03-19');
    const bad = await o.fail('appeals.previewTerm', { registeredOn: '2026-02-17', receivedOn: '17.02.2026' });
    expect(bad.field).toBe('receivedOn');
  });
});
