import { describe, expect, it } from 'vitest';
import type { ReminderRule } from '../../shared/domain/reminders';
import { newId } from '../../shared/util/ids';
import { testOffice, type TestOffice } from './office-fixture';

/**
 * The grouped inbox on a real office file (Moscow time): reminders by kind and office day, the list
 * behind a group, a group marked read, and the daily digest standing for its day's «срок нарушен».
 */

interface Seeded {
  o: TestOffice;
  me: { id: string; token: string };
  other: { id: string; token: string };
}

/** A month of an assistant's reminders, like the flood the inbox had: mostly overdue, a digest most days. */
async function seed(): Promise<Seeded> {
  const o = await testOffice('2026-05-29T12:00:00Z');
  const me = await o.addUser('assistant', 'assistant');
  const other = await o.addUser('head', 'office_head');
  const officeId = (o.handle.sqlite.prepare('SELECT id FROM offices LIMIT 1').get() as { id: string }).id;
  const insert = o.handle.sqlite.prepare(
    `INSERT INTO reminders (id, office_id, rule, entity, entity_id, due_at, recipient_id, params, created_at, read_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const add = (rule: ReminderRule, dueAt: string, to: string, read = false) =>
    insert.run(
      newId(),
      officeId,
      rule,
      rule === 'overdue_digest' ? 'user' : 'appeal',
      newId(),
      dueAt,
      to,
      JSON.stringify(rule === 'overdue_digest' ? { count: 3 } : { regNumber: 'ПТР-1', date: '2026-05-01' }),
      dueAt,
      read ? dueAt : null,
    );
  for (let d = 4; d <= 28; d++) {
    const day = `2026-05-${String(d).padStart(2, '0')}`;
    // 09:00 Moscow is 06:00Z; the digest at 09:30.
    for (let n = 0; n < (d % 4) + 2; n++)
      add('appeal_overdue', `${day}T06:00:0${n}.000Z`, me.id, n === 0 && d < 10);
    if (d % 3 !== 0) add('overdue_digest', `${day}T06:30:00.000Z`, me.id, d < 8);
    if (d % 5 === 0) add('appeal_due_soon', `${day}T06:00:00.000Z`, me.id);
    // 01:30 Moscow of the next day: the office's day, not UTC's, decides.
    if (d % 7 === 0) add('request_unanswered', `${day}T22:30:00.000Z`, me.id);
    add('appeal_overdue', `${day}T06:00:00.000Z`, other.id);
  }
  return { o, me, other };
}

/** The groups as SQL says they are, written independently of the service's query. */
function expectedGroups(s: Seeded, unreadOnly = false) {
  return s.o.handle.sqlite
    .prepare(
      `SELECT r.kind AS rule, r.day, count(*) AS count, sum(r.read_at IS NULL) AS unread FROM (
         SELECT x.read_at, x.due_at, date(x.due_at, '+3 hours') AS day,
           CASE WHEN x.rule = 'appeal_overdue' AND EXISTS (
             SELECT 1 FROM reminders d WHERE d.recipient_id = x.recipient_id AND d.rule = 'overdue_digest'
               AND date(d.due_at, '+3 hours') = date(x.due_at, '+3 hours'))
           THEN 'overdue_digest' ELSE x.rule END AS kind
         FROM reminders x WHERE x.recipient_id = ? ${unreadOnly ? 'AND x.read_at IS NULL' : ''}
       ) r GROUP BY r.kind, r.day ORDER BY r.day DESC, max(r.due_at) DESC, r.kind`,
    )
    .all(s.me.id);
}

const unreadSql = (s: Seeded, id: string) =>
  (
    s.o.handle.sqlite
      .prepare('SELECT count(*) AS n FROM reminders WHERE recipient_id = ? AND read_at IS NULL')
      .get(id) as { n: number }
  ).n;

describe('the grouped inbox', () => {
  it('counts by kind and office day equal SQL, the digest standing for its day', async () => {
    const s = await seed();
    const all = await s.o.call('reminders.groups', { limit: 500 }, s.me.token);
    expect(all.groups).toEqual(expectedGroups(s));
    expect(all.unread).toBe(unreadSql(s, s.me.id));
    // A day with a digest has no group of single overdue reminders; a day without one keeps them.
    const overdueDays = all.groups.filter((g) => g.rule === 'appeal_overdue').map((g) => g.day);
    expect(overdueDays).toEqual(
      [27, 24, 21, 18, 15, 12, 9, 6].map((d) => `2026-05-${String(d).padStart(2, '0')}`),
    );
    // 22:30Z on the 7th is 01:30 on the 8th in Moscow.
    const lateDays = all.groups.filter((g) => g.rule === 'request_unanswered').map((g) => g.day);
    expect(lateDays).toEqual(['2026-05-29', '2026-05-22', '2026-05-15', '2026-05-08']);
    // The kinds' totals are the groups' sums; the groups of the kinds add up to all my reminders.
    for (const k of all.kinds) {
      const of = all.groups.filter((g) => g.rule === k.rule);
      expect(k.count).toBe(of.reduce((n, g) => n + g.count, 0));
      expect(k.unread).toBe(of.reduce((n, g) => n + g.unread, 0));
    }
    const mine = s.o.handle.sqlite.prepare('SELECT count(*) AS n FROM reminders WHERE recipient_id = ?');
    expect(all.kinds.reduce((n, k) => n + k.count, 0)).toBe((mine.get(s.me.id) as { n: number }).n);

    const unread = await s.o.call('reminders.groups', { unreadOnly: true, limit: 500 }, s.me.token);
    expect(unread.groups).toEqual(expectedGroups(s, true));
    const digests = await s.o.call('reminders.groups', { rule: 'overdue_digest', limit: 500 }, s.me.token);
    expect(digests.groups).toEqual(
      expectedGroups(s).filter((g) => (g as { rule: string }).rule === 'overdue_digest'),
    );
    expect((await s.o.call('reminders.groups', { limit: 3 }, s.me.token)).groups).toHaveLength(3);
  });

  it('opens the list behind a group: the digest first, then the singles it stands for', async () => {
    const s = await seed();
    const day = '2026-05-26';
    const { items } = await s.o.call('reminders.group', { rule: 'overdue_digest', day }, s.me.token);
    const ids = s.o.handle.sqlite
      .prepare(
        `SELECT id FROM reminders WHERE recipient_id = ? AND rule IN ('overdue_digest', 'appeal_overdue')
         AND date(due_at, '+3 hours') = ? ORDER BY rule = 'overdue_digest' DESC, due_at DESC, id DESC`,
      )
      .all(s.me.id, day)
      .map((r) => (r as { id: string }).id);
    expect(items.map((i) => i.id)).toEqual(ids);
    expect(items[0]?.rule).toBe('overdue_digest');
    const late = await s.o.call(
      'reminders.group',
      { rule: 'request_unanswered', day: '2026-05-08' },
      s.me.token,
    );
    expect(late.items).toHaveLength(1);
    expect(
      (await s.o.call('reminders.group', { rule: 'request_unanswered', day: '2026-05-07' }, s.me.token))
        .items,
    ).toEqual([]);
  });

  it('marks one group read and nothing else; a bad group names its field and changes nothing', async () => {
    const s = await seed();
    const before = s.o.handle.sqlite.prepare('SELECT id, read_at FROM reminders ORDER BY id').all();
    const bad = await s.o.fail(
      'reminders.markRead',
      { group: { rule: 'overdue_digest', day: '2026-05-32' } },
      s.me.token,
    );
    expect(JSON.stringify(bad)).toContain('group');
    const wrongKind = await s.o.fail(
      'reminders.markRead',
      { group: { rule: 'late', day: '2026-05-26' } },
      s.me.token,
    );
    expect(JSON.stringify(wrongKind)).toContain('rule');
    expect(s.o.handle.sqlite.prepare('SELECT id, read_at FROM reminders ORDER BY id').all()).toEqual(before);

    const day = '2026-05-26';
    const behind = (await s.o.call('reminders.group', { rule: 'overdue_digest', day }, s.me.token)).items;
    const othersUnread = unreadSql(s, s.other.id);
    const r = await s.o.call('reminders.markRead', { group: { rule: 'overdue_digest', day } }, s.me.token);
    expect(r.unread).toBe(unreadSql(s, s.me.id));
    const read = s.o.handle.sqlite
      .prepare('SELECT id FROM reminders WHERE read_at = ? ORDER BY id')
      .all(s.o.clock.now().toISOString())
      .map((x) => (x as { id: string }).id);
    expect(read).toEqual(
      behind
        .filter((i) => !i.read)
        .map((i) => i.id)
        .sort(),
    );
    expect(unreadSql(s, s.other.id)).toBe(othersUnread);
    const after = await s.o.call('reminders.groups', { unreadOnly: true, limit: 500 }, s.me.token);
    expect(after.groups.some((g) => g.day === day && g.rule === 'overdue_digest')).toBe(false);
    expect(after.groups).toEqual(expectedGroups(s, true));
  });
});
