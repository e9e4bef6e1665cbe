import { describe, expect, it } from 'vitest';
import type { Input, Output } from '../../shared/api/index';
import { SORT_FIELDS } from '../../shared/api/appeals';
import { testOffice, type TestOffice } from './office-fixture';

const SURNAMES = ['Иванов', 'Петрова', 'Сидоров', 'Ёжиков', 'Кузнецова', 'Попов', 'Васильева', 'Соколов'];
const CHANNELS = ['post', 'email', 'reception', 'web'] as const;
const KINDS = ['complaint', 'application', 'proposal'] as const;
const TOPICS = ['0005.0005.0056.1149', '0002.0007.0071.0374', '0001.0002.0027.0124'];

/** 24 appeals over two months, registered on different days by a stepping clock. */
async function seed(o: TestOffice, helperId: string) {
  const ids: string[] = [];
  for (let i = 0; i < 24; i++) {
    // No later than today, 2026-02-20: a registration date ahead is refused.
    const day = String(1 + (i % 20)).padStart(2, '0');
    const a = await o.call('appeals.register', {
      registeredOn: `2026-0${1 + (i % 2)}-${day}`,
      channel: CHANNELS[i % 4]!,
      kind: KINDS[i % 3]!,
      summary: `Обращение ${i}: ${i % 2 ? 'ремонт подъезда' : 'уличное освещение'}`,
      topics: [TOPICS[i % 3]!],
      responsibleId: i % 3 === 0 ? helperId : undefined,
      applicant: {
        lastName: SURNAMES[i % 8]!,
        firstName: 'Анна',
        phone: `+7 900 000-00-${String(i).padStart(2, '0')}`,
        forceNew: true,
      },
    });
    ids.push(a.id);
  }
  return ids;
}

async function walk(o: TestOffice, input: Input<'appeals.list'>): Promise<Output<'appeals.list'>['rows']> {
  const rows: Output<'appeals.list'>['rows'] = [];
  let cursor: string | null = null;
  do {
    const page: Output<'appeals.list'> = await o.call('appeals.list', { ...input, limit: 5, cursor });
    rows.push(...page.rows);
    cursor = page.nextCursor;
  } while (cursor);
  return rows;
}

describe('the registry', () => {
  it('pages through every row exactly once in the requested order, for every sort column and direction', async () => {
    const o = await testOffice('2026-02-20T08:00:00Z');
    const helper = await o.addUser('helper', 'assistant');
    const ids = await seed(o, helper.id);
    for (const field of SORT_FIELDS) {
      for (const dir of ['asc', 'desc'] as const) {
        const rows = await walk(o, { sort: { field, dir } });
        expect(new Set(rows.map((r) => r.id)).size).toBe(ids.length);
        const key = (r: (typeof rows)[number]) => String(r[field] ?? '');
        const sorted = [...rows].sort((a, b) => {
          const c = key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.id < b.id ? -1 : 1;
          return dir === 'asc' ? c : -c;
        });
        expect(rows.map((r) => r.id)).toEqual(sorted.map((r) => r.id));
      }
    }
  });

  it('filters by status, responsible, channel, kind, topic prefix, dates, and overdue; count agrees with the list', async () => {
    const o = await testOffice('2026-02-20T08:00:00Z');
    const helper = await o.addUser('helper', 'assistant');
    await seed(o, helper.id);
    const check = async (
      filter: Input<'appeals.list'>['filter'],
      expected: number,
      each: (r: Output<'appeals.list'>['rows'][number]) => boolean,
    ) => {
      const rows = await walk(o, { filter });
      expect(rows).toHaveLength(expected);
      expect(rows.every(each)).toBe(true);
      expect((await o.call('appeals.count', { filter })).count).toBe(expected);
    };
    await check({ responsibleId: helper.id }, 8, (r) => r.responsibleId === helper.id);
    await check({ channel: ['email', 'web'] }, 12, (r) => r.channel === 'email' || r.channel === 'web');
    await check({ kind: ['proposal'] }, 8, (r) => r.kind === 'proposal');
    await check({ topic: '0005' }, 8, (r) => r.topics[0] === TOPICS[0]);
    await check({ topic: '0002.0007' }, 8, (r) => r.topics[0] === TOPICS[1]);
    await check(
      { receivedFrom: '2026-02-01', receivedTo: '2026-02-10' },
      (
        o.handle.sqlite
          .prepare(
            "SELECT count(*) AS n FROM appeals WHERE received_on BETWEEN '2026-02-01' AND '2026-02-10'",
          )
          .get() as { n: number }
      ).n,
      (r) => r.receivedOn >= '2026-02-01' && r.receivedOn <= '2026-02-10',
    );
    await check({ status: ['registered'] }, 24, (r) => r.status === 'registered');
    await check({ status: ['closed'] }, 0, () => true);
    // Today is 2026-02-20 in Moscow: appeals registered before 2026-01-21 are past their control date.
    const overdue = await walk(o, { filter: { overdue: true } });
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdue.every((r) => r.overdue && r.dueDate < '2026-02-20')).toBe(true);
    const notOverdue = await walk(o, { filter: { overdue: false } });
    expect(overdue.length + notOverdue.length).toBe(24);
    await check(
      { dueFrom: '2026-03-01', dueTo: '2026-03-31' },
      notOverdue.filter((r) => r.dueDate >= '2026-03-01').length,
      (r) => r.dueDate.startsWith('2026-03'),
    );
  });

  it('finds by words in any case with ё and й folded, by prefix, and by a phone written any way', async () => {
    const o = await testOffice('2026-02-20T08:00:00Z');
    const helper = await o.addUser('helper', 'assistant');
    await seed(o, helper.id);
    const q = async (text: string) => (await walk(o, { filter: { q: text } })).length;
    expect(await q('ПОДЪЕЗДА')).toBe(12);
    expect(await q('подъезд')).toBe(12);
    expect(await q('ежиков')).toBe(3);
    expect(await q('ЁЖИК')).toBe(3);
    expect(await q('8 (900) 000-00-07')).toBe(1);
    expect(await q('+79000000007')).toBe(1);
    expect(await q('ремонт освещение')).toBe(0);
    expect(await q('ремонт подъезда')).toBe(12);
    expect(await q('ПТР-2026-00003')).toBe(1);
    const narrowed = await walk(o, { filter: { q: 'подъезда', channel: ['email'] } });
    expect(narrowed.every((r) => r.channel === 'email')).toBe(true);
    expect(await o.fail('appeals.list', { filter: { q: '"*' } })).toMatchObject({
      code: 'validation',
      field: 'filter.q',
    });
    expect(await o.fail('appeals.list', { cursor: 'garbage' })).toMatchObject({
      code: 'validation',
      field: 'cursor',
    });
  });
});
