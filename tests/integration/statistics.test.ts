import { beforeAll, describe, expect, it } from 'vitest';
import type { Statistics } from '../../shared/api/statistics';
import type { Desk } from './workflow-steps';
import { FEB, JAN, OTHER_OFFICE, statisticsOffice, type Sql } from './statistics-fixture';

/**
 * Statistics against direct SQL: each figure over the office of `statistics-fixture.ts` is recounted
 * from the appeals, topics, contacts and requests by SQL written here.
 */

let d: Desk;
let own: string;
let stats: Statistics;
let analystToken: string;

let all: Sql;
const asCounts = (rows: unknown[]) =>
  Object.fromEntries((rows as { key: string; n: number }[]).map((r) => [r.key, r.n]));
const byKey = (c: { key: string; count: number }[]) => Object.fromEntries(c.map((x) => [x.key, x.count]));
const one = (q: string, ...p: unknown[]): number => (all(q, ...p)[0] as { n: number | null }).n ?? 0;

/** The received appeals of a period and office, as a condition on `a`. */
const RECEIVED = `a.deleted_at IS NULL AND a.office_id = ? AND a.registered_on BETWEEN ? AND ?`;
const CLOSED = `a.deleted_at IS NULL AND a.office_id = ? AND a.status = 'closed' AND a.closed_on BETWEEN ? AND ?`;
const args = (p: { from: string; to: string }, office = own) => [office, p.from, p.to];

beforeAll(async () => {
  ({ d, own, stats, analystToken, all } = await statisticsOffice());
});

describe('statistics for a period equal direct SQL over the same appeals', () => {
  it('received, repeated and collective', () => {
    const f = stats.current;
    expect(f.received).toBe(one(`SELECT count(*) n FROM appeals a WHERE ${RECEIVED}`, ...args(FEB)));
    expect(f.received).toBe(6);
    expect(f.repeat).toBe(
      one(`SELECT count(*) n FROM appeals a WHERE ${RECEIVED} AND is_repeat = 1`, ...args(FEB)),
    );
    expect(f.collective).toBe(
      one(`SELECT count(*) n FROM appeals a WHERE ${RECEIVED} AND is_collective = 1`, ...args(FEB)),
    );
    expect([f.repeat, f.collective]).toEqual([2, 2]);
  });

  it('received by day: every day of the period, with its count', () => {
    const f = stats.current;
    expect(f.granularity).toBe('day');
    expect(f.timeline).toHaveLength(28);
    const sql = asCounts(
      all(
        `SELECT registered_on AS key, count(*) n FROM appeals a WHERE ${RECEIVED} GROUP BY 1`,
        ...args(FEB),
      ),
    );
    for (const b of f.timeline) expect(b.count, b.start).toBe(sql[b.start] ?? 0);
  });

  it('received by week over a quarter, each week from its Monday', async () => {
    const q = await d.o.call(
      'statistics.period',
      { period: { from: '2026-01-01', to: '2026-03-31' } },
      d.admin.token,
    );
    expect(q.current.granularity).toBe('week');
    expect(q.current.timeline[0]!.start).toBe('2025-12-29');
    const sql = asCounts(
      all(
        `SELECT date(registered_on, '-' || ((strftime('%w', registered_on) + 6) % 7) || ' days') AS key, count(*) n
         FROM appeals a WHERE ${RECEIVED} GROUP BY 1`,
        ...args({ from: '2026-01-01', to: '2026-03-31' }),
      ),
    );
    for (const b of q.current.timeline) expect(b.count, b.start).toBe(sql[b.start] ?? 0);
    expect(q.current.timeline.reduce((s, b) => s + b.count, 0)).toBe(9);
  });

  it('by channel and by kind', () => {
    const f = stats.current;
    for (const col of ['channel', 'kind'] as const) {
      const sql = asCounts(
        all(`SELECT ${col} AS key, count(*) n FROM appeals a WHERE ${RECEIVED} GROUP BY 1`, ...args(FEB)),
      );
      expect(byKey(col === 'channel' ? f.byChannel : f.byKind)).toEqual(sql);
    }
    expect(byKey(f.byChannel)).toEqual({ post: 2, email: 2, reception: 1, web: 1 });
  });

  it('by classifier section (an appeal once per section) and without a topic', () => {
    const sql = asCounts(
      all(
        `SELECT coalesce(substr(t.code, 1, 4), '') AS key, count(DISTINCT a.id) n
         FROM appeals a LEFT JOIN appeal_topics t ON t.appeal_id = a.id WHERE ${RECEIVED} GROUP BY 1`,
        ...args(FEB),
      ),
    );
    expect(byKey(stats.current.bySection)).toEqual(sql);
    expect(sql).toEqual({ '': 1, '0001': 1, '0002': 2, '0003': 1, '0005': 2 });
  });

  it('top questions, an appeal once per question', () => {
    const sql = all(
      `SELECT substr(t.code, 1, 19) AS key, count(DISTINCT a.id) AS count
       FROM appeals a JOIN appeal_topics t ON t.appeal_id = a.id WHERE ${RECEIVED}
       GROUP BY 1 ORDER BY count DESC, key LIMIT 10`,
      ...args(FEB),
    );
    expect(stats.current.topQuestions).toEqual(sql);
  });

  it('by district, from the applicants’ addresses as they are now', () => {
    const sql = asCounts(
      all(
        `SELECT coalesce(c.district, '') AS key, count(*) n
         FROM appeals a JOIN contacts c ON c.id = a.applicant_id WHERE ${RECEIVED} GROUP BY 1`,
        ...args(FEB),
      ),
    );
    expect(byKey(stats.current.byDistrict)).toEqual(sql);
    expect(sql['Московский']).toBe(2);
  });

  it('closed, on time and late', () => {
    const f = stats.current;
    expect(f.closed).toBe(one(`SELECT count(*) n FROM appeals a WHERE ${CLOSED}`, ...args(FEB)));
    expect(f.closedLate).toBe(
      one(`SELECT count(*) n FROM appeals a WHERE ${CLOSED} AND reviewed_late = 1`, ...args(FEB)),
    );
    expect(f.closedOnTime).toBe(
      one(
        `SELECT count(*) n FROM appeals a WHERE ${CLOSED} AND coalesce(reviewed_late, 0) = 0`,
        ...args(FEB),
      ),
    );
    expect(f.closed).toBe(3);
    const march = { from: '2026-03-01', to: '2026-03-31' };
    return d.o.call('statistics.period', { period: march }, d.admin.token).then((m) => {
      expect(m.current.closedLate).toBe(
        one(`SELECT count(*) n FROM appeals a WHERE ${CLOSED} AND reviewed_late = 1`, ...args(march)),
      );
      expect(m.current.closedLate).toBeGreaterThan(0);
    });
  });

  it('results, in all and by day (the stacked chart)', () => {
    const f = stats.current;
    const sql = asCounts(
      all(
        `SELECT coalesce(result, '') AS key, count(*) n FROM appeals a WHERE ${CLOSED} GROUP BY 1`,
        ...args(FEB),
      ),
    );
    expect(byKey(f.byResult)).toEqual(sql);
    const daily = all(
      `SELECT closed_on AS day, result AS key, count(*) n FROM appeals a WHERE ${CLOSED} GROUP BY 1, 2`,
      ...args(FEB),
    ) as { day: string; key: string; n: number }[];
    const stacked = f.resultsTimeline.flatMap((b) =>
      Object.entries(b.byResult).map(([key, n]) => ({ day: b.start, key, n })),
    );
    expect(stacked.sort((a, b) => (a.day + a.key).localeCompare(b.day + b.key))).toEqual(daily);
  });

  it('average and 90th-percentile days to close', () => {
    const f = stats.current;
    const days = `CAST(julianday(closed_on) - julianday(registered_on) AS INTEGER)`;
    const avg = one(`SELECT avg(${days}) n FROM appeals a WHERE ${CLOSED}`, ...args(FEB));
    expect(f.avgDaysToClose).toBe(Math.round(avg * 10) / 10);
    const n = one(`SELECT count(*) n FROM appeals a WHERE ${CLOSED}`, ...args(FEB));
    const p90 = one(
      `SELECT ${days} n FROM appeals a WHERE ${CLOSED} ORDER BY ${days} LIMIT 1 OFFSET ?`,
      ...args(FEB),
      Math.ceil(0.9 * n) - 1,
    );
    expect(f.p90DaysToClose).toBe(p90);
  });

  it('requests sent, answered and overdue, by body', () => {
    const sql = all(
      `SELECT r.body_id AS bodyId, b.name AS body, count(*) AS sent, count(r.answered_on) AS answered,
              sum(r.status = 'sent' AND r.due_date < ?) AS overdue
       FROM external_requests r LEFT JOIN bodies b ON b.id = r.body_id
       WHERE r.deleted_at IS NULL AND r.office_id = ? AND r.sent_on BETWEEN ? AND ?
       GROUP BY r.body_id ORDER BY sent DESC, body`,
      stats.asOf,
      ...args(FEB),
    );
    expect(stats.current.requests).toEqual(sql);
    expect(stats.current.requests.map((r) => [r.sent, r.answered, r.overdue]).sort()).toEqual([
      [1, 0, 1],
      [1, 1, 0],
    ]);
  });

  it('the previous period is counted by the same rules', () => {
    const p = stats.previous!;
    expect([p.from, p.to]).toEqual([JAN.from, JAN.to]);
    expect(p.received).toBe(one(`SELECT count(*) n FROM appeals a WHERE ${RECEIVED}`, ...args(JAN)));
    expect(p.received).toBe(2);
    expect(byKey(p.bySection)).toEqual({ '': 1, '0005': 1 });
  });

  it('another office: only the HQ analyst sees it, counted apart, its tombstone nowhere', async () => {
    const desk = await d.o.fail(
      'statistics.period',
      { period: FEB, officeIds: [OTHER_OFFICE] },
      d.assistant.token,
    );
    expect(desk.code).toBe('forbidden');
    const hq = await d.o.call('statistics.period', { period: FEB, officeIds: [OTHER_OFFICE] }, analystToken);
    expect(hq.current.received).toBe(
      one(`SELECT count(*) n FROM appeals a WHERE ${RECEIVED}`, ...args(FEB, OTHER_OFFICE)),
    );
    expect(hq.current.received).toBe(3);
    const sql = asCounts(
      all(
        `SELECT coalesce(substr(t.code, 1, 4), '') AS key, count(DISTINCT a.id) n
         FROM appeals a LEFT JOIN appeal_topics t ON t.appeal_id = a.id WHERE ${RECEIVED} GROUP BY 1`,
        ...args(FEB, OTHER_OFFICE),
      ),
    );
    expect(byKey(hq.current.bySection)).toEqual(sql);
    const both = await d.o.call(
      'statistics.period',
      { period: FEB, officeIds: [own, OTHER_OFFICE] },
      analystToken,
    );
    expect(both.current.received).toBe(stats.current.received + hq.current.received);
  });

  it('a hard delete and a re-dated appeal leave the counts equal to the rows', () => {
    const sqlite = d.o.handle.store.sqlite;
    const [victim] = all(`SELECT id FROM appeals WHERE office_id = ? LIMIT 1`, OTHER_OFFICE) as {
      id: string;
    }[];
    sqlite.prepare('DELETE FROM appeal_topics WHERE appeal_id = ?').run(victim!.id);
    sqlite.prepare('DELETE FROM appeals WHERE id = ?').run(victim!.id);
    sqlite
      .prepare("UPDATE appeals SET registered_on = '2026-02-05' WHERE office_id = ? AND id <> ?")
      .run(OTHER_OFFICE, victim!.id);
    // The kept counts, day by day and month by month, are those the rows give now.
    for (const [grain, len] of [
      ['day', 10],
      ['month', 7],
    ] as const) {
      const kept = asCounts(
        all(
          `SELECT measure || '|' || day || '|' || office_id || '|' || key AS key, n FROM appeal_counts
           WHERE n <> 0 AND length(day) = ? AND measure IN ('channel', 'section', 'district')`,
          len,
        ),
      );
      const rows = asCounts(
        all(
          `SELECT 'channel|' || substr(registered_on, 1, @len) || '|' || office_id || '|' || channel AS key, count(*) n
           FROM appeals WHERE deleted_at IS NULL GROUP BY 1
           UNION ALL
           SELECT 'section|' || substr(a.registered_on, 1, @len) || '|' || a.office_id || '|' || s.section, count(*)
           FROM appeals a JOIN (SELECT DISTINCT appeal_id, substr(code, 1, 4) AS section FROM appeal_topics) s
             ON s.appeal_id = a.id WHERE a.deleted_at IS NULL GROUP BY 1
           UNION ALL
           SELECT 'district|' || substr(a.registered_on, 1, @len) || '|' || a.office_id || '|' || coalesce(c.district, ''),
             count(*)
           FROM appeals a JOIN contacts c ON c.id = a.applicant_id WHERE a.deleted_at IS NULL GROUP BY 1`,
          { len },
        ),
      );
      expect(kept, grain).toEqual(rows);
    }
  });
});

describe('statistics export', () => {
  it('is the period report with the statistics’ tables, from the same figures', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const xlsx = await d.o.call('statistics.export', { period: FEB, format: 'xlsx' }, d.admin.token);
    expect(xlsx.name).toBe('Статистика 01.02.2026–28.02.2026.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(xlsx.dataBase64, 'base64') as unknown as ArrayBuffer);
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toEqual(
      expect.arrayContaining(['Основные показатели', 'Поступление по дням', 'Сроки рассмотрения']),
    );
    expect(wb.getWorksheet('Основные показатели')!.getRow(5).values).toEqual([
      undefined,
      'Поступило обращений',
      stats.current.received,
    ]);
    const terms = wb.getWorksheet('Сроки рассмотрения')!;
    expect(terms.getRow(6).values).toEqual([
      undefined,
      expect.stringContaining('90 %'),
      stats.current.p90DaysToClose,
    ]);
    const docx = await d.o.call('statistics.export', { period: FEB }, d.admin.token);
    expect(docx.name.endsWith('.docx')).toBe(true);
  });
});
