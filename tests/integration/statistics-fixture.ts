import type { Statistics } from '../../shared/api/statistics';
import { PASSWORD } from './helpers';
import { answerOnMerits, openDesk, sendRequest, type Desk } from './workflow-steps';

/**
 * The office the statistics tests count over. One office is made through the API over two months —
 * appeals of every channel and kind, repeated and collective, with one, two or no topics, applicants in
 * districts; closed on time and late, with results; requests sent and answered; a topic edited, a
 * district corrected, an appeal re-dated — and a second office's appeals copied in by hand, as an HQ's
 * file holds them.
 */

export const FEB = { from: '2026-02-01', to: '2026-02-28' };
export const JAN = { from: '2026-01-01', to: '2026-01-31' };
export const OTHER_OFFICE = '01900000-0000-7000-8000-000000000001';

export type Sql = (q: string, ...p: unknown[]) => unknown[];

export interface StatisticsOffice {
  d: Desk;
  /** The office's own id. */
  own: string;
  /** February's statistics compared with January's, as the administrator reads them. */
  stats: Statistics;
  analystToken: string;
  all: Sql;
}

export async function statisticsOffice(): Promise<StatisticsOffice> {
  const d = await openDesk('2026-01-12', 'previous', 'file');
  const sqlite = d.o.handle.store.sqlite;
  const all: Sql = (q, ...p) => sqlite.prepare(q).all(...p);
  const own = (sqlite.prepare('SELECT id FROM offices').get() as { id: string }).id;
  await d.o.addUser('analyst', 'hq_analyst');
  const ids: string[] = [];
  const plan = [
    ['2026-01-12', 'post', 'complaint', ['0005.0005.0056.1149'], false, false, 'Ленинский'],
    ['2026-01-20', 'email', 'proposal', [], false, false, null],
    [
      '2026-02-02',
      'post',
      'complaint',
      ['0005.0005.0056.1149', '0005.0005.0057.0001'],
      true,
      false,
      'Ленинский',
    ],
    [
      '2026-02-02',
      'email',
      'application',
      ['0002.0007.0000.0000', '0005.0005.0056.1149'],
      false,
      true,
      'Заволжский',
    ],
    ['2026-02-03', 'reception', 'complaint', ['0001.0002.0027.0124'], false, false, null],
    ['2026-02-09', 'email', 'proposal', [], true, true, 'Московский'],
    ['2026-02-16', 'web', 'application', ['0005.0005.0056.1149'], false, false, 'Ленинский'],
    ['2026-02-27', 'post', 'other', ['0003.0009.0000.0000'], false, false, 'Заволжский'],
    ['2026-03-02', 'post', 'complaint', ['0005.0005.0056.1149'], false, false, 'Ленинский'],
  ] as const;
  for (const [day, channel, kind, topics, isRepeat, isCollective, district] of plan) {
    if (d.today !== day) await d.day(day);
    const card = await d.register(day, { channel, kind, topics: [...topics], isRepeat, isCollective });
    ids.push(card.id);
    if (district)
      await d.o.call('contacts.update', { id: card.applicant.id, fields: { district } }, d.assistant.token);
  }
  // Closed in February: two on time with different results; one late in March.
  await d.day('2026-02-10');
  await answerOnMerits(d, ids[0]!, 'supported');
  await d.day('2026-02-20');
  await answerOnMerits(d, ids[2]!, 'explained');
  await answerOnMerits(d, ids[3]!, 'explained');
  // Requests: one sent and answered, one sent and left to run past its term.
  await d.day('2026-02-12');
  const r1 = await sendRequest(d, ids[4]!, { kind: 'deputy_request', answerDays: 10 });
  await d.o.call('requests.send', r1.send, d.assistant.token);
  const r2 = await sendRequest(d, ids[5]!, { kind: 'deputy_request', answerDays: 10 });
  await d.o.call('requests.send', r2.send, d.assistant.token);
  await d.day('2026-02-18');
  await d.o.call(
    'requests.recordAnswer',
    { id: r1.requestId, answeredOn: '2026-02-18', incomingNumber: 'ВХ-1', summary: 'Ответ получен' },
    d.assistant.token,
  );
  // Edits that move counts: a topic changed, a district corrected, an appeal's section added.
  const edited = await d.o.call('appeals.get', { id: ids[6]! }, d.assistant.token);
  await d.o.call(
    'appeals.update',
    { id: edited.id, version: edited.version, patch: { topics: ['0002.0007.0000.0000'] } },
    d.assistant.token,
  );
  const moved = await d.o.call('appeals.get', { id: ids[3]! }, d.assistant.token);
  await d.o.call(
    'contacts.update',
    { id: moved.applicant.id, fields: { district: 'Московский' } },
    d.assistant.token,
  );
  await d.day('2026-03-25');
  await answerOnMerits(d, ids[8]!, 'not_supported');
  await answerOnMerits(d, ids[7]!, 'supported');
  await answerOnMerits(d, ids[1]!, 'explained'); // due in February: late

  // Another office's appeals in the same file: copies of ours under its id, as sync brings them to an HQ.
  for (const id of ids.slice(2, 6)) {
    const copy = `${id.slice(0, -4)}ffff`;
    sqlite
      .prepare(
        `INSERT INTO appeals SELECT ${(
          sqlite.prepare('PRAGMA table_info(appeals)').all() as { name: string }[]
        )
          .map((c) =>
            c.name === 'id'
              ? '@copy'
              : c.name === 'office_id'
                ? '@office'
                : c.name === 'reg_number'
                  ? "'ДР-' || reg_number"
                  : c.name,
          )
          .join(', ')} FROM appeals WHERE id = @id`,
      )
      .run({ copy, office: OTHER_OFFICE, id });
    sqlite
      .prepare('INSERT INTO appeal_topics SELECT code, ? FROM appeal_topics WHERE appeal_id = ?')
      .run(copy, id);
  }
  // …and one of them deleted there: a tombstone counts nowhere.
  sqlite
    .prepare(
      "UPDATE appeals SET deleted_at = '2026-03-25T07:00:00Z' WHERE office_id = ? AND channel = 'reception'",
    )
    .run(OTHER_OFFICE);

  const stats = await d.o.call('statistics.period', { period: FEB, compareWith: JAN }, d.admin.token);
  const analystToken = (await d.o.call('auth.signIn', { login: 'analyst', password: PASSWORD }, '')).token;
  return { d, own, stats, analystToken, all };
}
