import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectError, setUpOffice, tempDir, type TestOffice } from './helpers';
import { firstPagePng, pdfText, toPdf } from './libreoffice';
import { booking, citizen, DAY } from './reception-fixture';

/** Приём граждан: the day itself — marks, walk-ins, the appeal from a slot, and the day's list as DOCX. */

let office: TestOffice;
beforeEach(async () => {
  office = await setUpOffice();
});
afterEach(() => office.close());

describe('the day', () => {
  it('marks who came, queues walk-ins in order and registers an oral appeal from the slot in one step', async () => {
    const day = await office.value('reception.createDay', DAY);
    const b = await office.value(
      'reception.book',
      booking(day.id, '10:00', citizen('Пришедший', { phone: '+7 900 000-00-01' }), 'Свет в подъезде'),
    );
    const noShow = await office.value('reception.book', booking(day.id, '10:20', citizen('Непришедший')));
    expect((await office.value('reception.mark', { id: b.id, status: 'came' })).status).toBe('came');
    expect((await office.value('reception.mark', { id: noShow.id, status: 'no_show' })).status).toBe(
      'no_show',
    );
    const w1 = await office.value('reception.addWalkIn', {
      dayId: day.id,
      applicant: citizen('Очередной'),
      question: 'Вопрос',
    });
    const w2 = await office.value('reception.addWalkIn', {
      dayId: day.id,
      applicant: citizen('Следующий'),
      question: 'Вопрос',
    });
    expect([w1.queueNo, w2.queueNo]).toEqual([1, 2]);

    const r = await office.value('reception.registerAppeal', {
      bookingId: b.id,
      appeal: { channel: 'reception', kind: 'application', summary: b.question, topics: [] },
      oralAnswer: { result: 'explained', text: 'Разъяснён порядок обращения в УК', consent: true },
    });
    expect(r.booking).toMatchObject({ status: 'came', appealId: r.appealId, regNumber: r.regNumber });
    const card = await office.value('appeals.get', { id: r.appealId });
    expect(card.applicant.id).toBe(b.contactId);
    expect(card.status).toBe('closed');
    expect(card.summary).toBe('Свет в подъезде');
    const again = expectError(
      await office.call('reception.registerAppeal', {
        bookingId: b.id,
        appeal: { channel: 'reception', kind: 'application', summary: 'x' },
      }),
    );
    expect(again.field).toBe('bookingId');
    // A walk-in is registered the same way (a written appeal this time).
    const w = await office.value('reception.registerAppeal', {
      bookingId: w1.id,
      appeal: {
        channel: 'reception',
        kind: 'complaint',
        summary: 'Яма во дворе',
        text: 'Яма у третьего подъезда, глубиной с колесо.',
        topics: ['0005.0005.0056.1161'],
      },
    });
    expect(await office.value('appeals.get', { id: w.appealId })).toMatchObject({
      text: 'Яма у третьего подъезда, глубиной с колесо.',
      topics: ['0005.0005.0056.1161'],
    });
    expect((await office.value('appeals.get', { id: w.appealId })).status).not.toBe('closed');
    const bad = expectError(
      await office.call('reception.registerAppeal', {
        bookingId: w2.id,
        appeal: { channel: 'reception', kind: 'complaint', summary: 'x', receivedOn: '2025-03-09' },
      }),
    );
    expect(bad.field).toBe('appeal.receivedOn');
  });

  it('prints the day’s list as DOCX that LibreOffice opens and reads right', async () => {
    const day = await office.value('reception.createDay', DAY);
    await office.value('reception.book', {
      dayId: day.id,
      slot: '10:20',
      applicant: {
        lastName: 'Смирнова',
        firstName: 'Анна',
        middleName: 'Петровна',
        phone: '+7 912 000-11-22',
      },
      question: 'Ремонт подъезда',
    });
    await office.value('reception.book', booking(day.id, '11:40', citizen('Кузнецов'), 'Парковка у школы'));
    await office.value('reception.addWalkIn', {
      dayId: day.id,
      applicant: citizen('Без Записи'),
      question: 'Вывоз мусора',
    });
    const f = await office.value('reception.dayList', { dayId: day.id });
    expect(f.name).toBe('Приём 2025-03-05.docx');
    const tmp = tempDir();
    try {
      const pdf = toPdf(Buffer.from(f.dataBase64, 'base64'), tmp.dir, 'day-list');
      const text = pdfText(pdf).replace(/\s+/g, ' ');
      expect(text).toContain('Список граждан, записанных на приём');
      expect(text).toContain('5 марта 2025 г., 10:00–12:00');
      expect(text).toMatch(/10:20 Смирнова Анна (Петровна )?\+7 912 000-11-22/);
      expect(text).toContain('Ремонт подъезда');
      expect(text).toContain('Парковка у школы');
      expect(text).toContain('Без записи (очередь)');
      expect(text).toContain('Принимает: депутат Петров Пётр Петрович');
      expect(text.indexOf('10:20')).toBeLessThan(text.indexOf('11:40'));
      const keep = process.env.DOCUMENTS_PNG_DIR;
      if (keep) {
        fs.mkdirSync(keep, { recursive: true });
        fs.copyFileSync(firstPagePng(pdf, 80), path.join(keep, 'reception-day-list.png'));
      }
    } finally {
      tmp.remove();
    }
  });
});
