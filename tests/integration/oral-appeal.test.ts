import { describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion } from '../../db/connect';
import { LATEST_VERSION, MIGRATIONS } from '../../db/migrations/index';
import { m0022 } from '../../db/migrations/0022-oral-appeal';
import type { RegisterOralAppealInput } from '../../shared/api/oral-answer';
import { appealInput, dumpTables } from './helpers';
import { docxText } from './libreoffice';
import { tempFiles } from './migration-helpers';
import { testOffice, type TestOffice } from './office-fixture';

const tempFile = tempFiles('priemnaya-mig-');

/** 59-FZ Art. 13 p.2: an appeal answered orally at a personal reception, with the applicant's agreement. */
function oralInput(overrides: Partial<RegisterOralAppealInput> = {}): RegisterOralAppealInput {
  return {
    ...appealInput({ channel: 'reception', kind: 'application' }),
    summary: 'Как оформить субсидию на оплату ЖКУ',
    oralAnswer: {
      result: 'explained',
      text: 'Разъяснён порядок: заявление подаётся в МФЦ с документами о доходах за шесть месяцев.',
      consent: true,
    },
    ...overrides,
  };
}

async function receptionDay(o: TestOffice, token: string, date: string): Promise<string> {
  const e = await o.call('events.create', { title: 'День приёма', kind: 'reception_day', date }, token);
  return e.id;
}

describe('the oral appeal at a personal reception (59-FZ Art. 13 p.2)', () => {
  it('is registered, answered and closed in one call, with its answer, result and consent', async () => {
    const o = await testOffice('2026-02-20T09:00:00Z');
    const assistant = await o.addUser('pomoshnik', 'assistant');
    const eventId = await receptionDay(o, assistant.token, '2026-02-20');
    const card = await o.call('appeals.registerOral', oralInput({ eventId }), assistant.token);

    expect(card).toMatchObject({
      channel: 'reception',
      status: 'closed',
      result: 'explained',
      registeredOn: '2026-02-20',
      closedOn: '2026-02-20',
      reviewedLate: false,
      actions: [],
      event: { id: eventId, title: 'День приёма' },
      reply: {
        text: 'Разъяснён порядок: заявление подаётся в МФЦ с документами о доходах за шесть месяцев.',
        form: 'oral',
        sentOn: '2026-02-20',
        consent: true,
      },
    });
    // The history says what happened and who did it: registered, then answered orally by the assistant.
    expect(card.history.map((h) => [h.action, h.userName])).toEqual([
      ['registered', 'Сотрудник pomoshnik'],
      ['answerOrally', 'Сотрудник pomoshnik'],
    ]);
    expect(card.history[1]!.changes).toMatchObject({
      status: { from: 'registered', to: 'closed' },
      result: { from: null, to: 'explained' },
      oral_consent: { from: null, to: 1 },
    });
    const row = o.handle.sqlite
      .prepare('SELECT status, result, reply_form, oral_consent, closed_on FROM appeals WHERE id = ?')
      .get(card.id);
    expect(row).toEqual({
      status: 'closed',
      result: 'explained',
      reply_form: 'oral',
      oral_consent: 1,
      closed_on: '2026-02-20',
    });
    // The review task the registration opened is done by whoever answered; nothing is left open.
    const tasks = o.handle.sqlite
      .prepare('SELECT kind, status, closed_by FROM tasks WHERE appeal_id = ?')
      .all(card.id);
    expect(tasks).toEqual([{ kind: 'review', status: 'done', closed_by: assistant.id }]);

    // The printed card records the oral answer with the applicant's agreement.
    const printed = await o.call('documents.card', { appealId: card.id }, assistant.token);
    const text = docxText(Buffer.from(printed.dataBase64, 'base64'));
    expect(text).toContain('Ответ дан устно на личном приёме (ч. 2 ст. 13 59-ФЗ)');
    expect(text).toContain(
      '20.02.2026, с согласия заявителя: Разъяснён порядок: заявление подаётся в МФЦ с документами о доходах за шесть месяцев.',
    );
    expect(text).toContain('Разъяснено');

    // «Дан ответ» is the other result an oral answer may have.
    const answered = await o.call(
      'appeals.registerOral',
      oralInput({
        eventId,
        oralAnswer: { result: 'answered', text: 'Дан ответ о часах работы МФЦ.', consent: true },
      }),
      assistant.token,
    );
    expect(answered).toMatchObject({ status: 'closed', result: 'answered', reply: { form: 'oral' } });

    // The reception day lists the appeals registered at it.
    const event = await o.call('events.get', { id: eventId }, assistant.token);
    expect(event.appeals.map((a) => [a.id, a.status])).toEqual([
      [card.id, 'closed'],
      [answered.id, 'closed'],
    ]);
  });

  it('is refused, naming the field, without an answer, its consent, at another channel or with another result; nothing is written', async () => {
    const o = await testOffice('2026-02-20T09:00:00Z');
    const assistant = await o.addUser('pomoshnik', 'assistant');
    const good = oralInput();
    const answer = good.oralAnswer;
    const refusals: [unknown, string][] = [
      [{ ...good, oralAnswer: { result: 'explained', consent: true } }, 'oralAnswer.text'],
      [{ ...good, oralAnswer: { ...answer, text: '   ' } }, 'oralAnswer.text'],
      [{ ...good, oralAnswer: { ...answer, result: 'supported' } }, 'oralAnswer.result'],
      [{ ...good, oralAnswer: { ...answer, result: 'forwarded' } }, 'oralAnswer.result'],
      [{ ...good, oralAnswer: { ...answer, consent: false } }, 'oralAnswer.consent'],
      [{ ...good, channel: 'post' }, 'channel'],
      [{ ...good, channel: 'email' }, 'channel'],
      // An answer cannot be given at a reception that has not taken place yet.
      [{ ...good, registeredOn: '2026-02-24' }, 'registeredOn'],
      [{ ...good, oralAnswer: undefined }, 'oralAnswer'],
    ];
    const before = dumpTables(o.handle.sqlite);
    for (const [input, field] of refusals)
      expect(await o.fail('appeals.registerOral', input, assistant.token), field).toMatchObject({
        code: 'validation',
        field,
      });
    expect(dumpTables(o.handle.sqlite)).toBe(before);
    // A citizen who does not agree, or whose question needs a check: the appeal goes on as a written one.
    const written = await o.call('appeals.register', appealInput({ channel: 'reception' }), assistant.token);
    expect(written).toMatchObject({ status: 'registered', result: null, reply: null });
  });

  it('counts in the period report as answered in term', async () => {
    const o = await testOffice('2026-02-27T09:00:00Z');
    const assistant = await o.addUser('pomoshnik', 'assistant');
    const eventId = await receptionDay(o, assistant.token, '2026-02-25');
    await o.call('appeals.registerOral', oralInput({ eventId, registeredOn: '2026-02-25' }), assistant.token);
    await o.call(
      'appeals.registerOral',
      oralInput({
        eventId,
        registeredOn: '2026-02-25',
        oralAnswer: { result: 'answered', text: 'Дан ответ.', consent: true },
      }),
      assistant.token,
    );
    await o.call('appeals.register', appealInput({ registeredOn: '2026-02-26' }), assistant.token);
    const filter = { from: '2026-02-01', to: '2026-02-28' };
    const report = await o.call('reports.period', { filter });
    const sql = o.handle.sqlite;
    const count = (where: string): number =>
      (
        sql
          .prepare(
            `SELECT count(*) AS n FROM appeals WHERE closed_on BETWEEN ? AND ? AND status = 'closed' AND ${where}`,
          )
          .get(filter.from, filter.to) as { n: number }
      ).n;
    expect(report.received).toBe(3);
    expect(report.closed).toBe(count('1'));
    expect(report.closedOnTime).toBe(count('reviewed_late = 0 AND closed_on <= due_date'));
    expect(report.closedOnTime).toBe(2);
    expect(report.closedLate).toBe(0);
    expect(report.byResult).toEqual(
      expect.arrayContaining([
        { key: 'explained', count: count("result = 'explained'") },
        { key: 'answered', count: count("result = 'answered'") },
      ]),
    );
    expect(report.avgDaysToClose).toBe(0);
  });
});

describe('migration: oral appeal', () => {
  it('adds the applicant’s consent to appeals that are already there, empty', () => {
    const file = tempFile();
    const old = openDatabase(file, { migrations: MIGRATIONS.slice(0, MIGRATIONS.indexOf(m0022)) });
    const columns = (db: typeof old) => db.prepare('SELECT name FROM pragma_table_info(?)').all('appeals');
    expect(columns(old)).not.toContainEqual({ name: 'oral_consent' });
    old.close();
    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    expect(columns(db)).toContainEqual({ name: 'oral_consent' });
    db.close();
  });
});
