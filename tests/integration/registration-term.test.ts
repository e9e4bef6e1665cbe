import { describe, expect, it } from 'vitest';
import type { DocFile } from '../../shared/api/documents';
import { docxText } from './libreoffice';
import { testOffice } from './office-fixture';

const bytes = (f: DocFile): Buffer => Buffer.from(f.dataBase64, 'base64');

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

  it('the period report counts the appeals registered late', async () => {
    const o = await testOffice();
    // Friday 06.02.2026 + 3 days is Monday 09.02; Monday 09.02 + 3 is Thursday 12.02.
    const dates: [string, string][] = [
      ['2026-02-06', '2026-02-10'], // late
      ['2026-02-06', '2026-02-09'],
      ['2026-02-09', '2026-02-12'],
      ['2026-02-11', '2026-02-11'],
    ];
    for (const [i, [receivedOn, registeredOn]] of dates.entries())
      await o.call('appeals.register', {
        receivedOn,
        registeredOn,
        channel: 'post',
        kind: 'application',
        summary: `Обращение ${i}`,
        applicant: { lastName: 'Орлова', firstName: 'Ирина', phone: `+7 900 222-33-4${i}`, forceNew: true },
      });
    const filter = { from: '2026-02-01', to: '2026-02-28' };
    const report = await o.call('reports.period', { filter });
    expect(report.received).toBe(4);
    expect(report.registeredLate).toBe(1);
    const text = docxText(bytes(await o.call('documents.report', { filter, format: 'docx' })));
    expect(text).toMatch(/Зарегистрировано позже трёх дней с поступления \(ч\. 2 ст\. 8 59-ФЗ\)\s*1\n/);
  });
});
