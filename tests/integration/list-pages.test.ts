import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Input, Output } from '../../shared/api/index';
import { appealInput } from './helpers';
import { homeOffice, type HomeOffice } from './home-fixture';
import type { Person } from './workflow-walk';

/**
 * The Задачи and Запросы lists a page at a time (`tasks.list`, `requests.list`), over an office after
 * eight weeks of work: the pages together hold every row exactly once, in the list's order, with the
 * total the filter finds. The orders and the counts are written here in SQL of their own.
 */

let h: HomeOffice;

beforeAll(async () => {
  h = await homeOffice(31_337);
}, 120_000);
afterAll(() => h?.close());

/** Open tasks as SQL orders them: overdue and dated first by date, undated last, then by creation. */
function expected(where = '', ...params: unknown[]): string[] {
  return h.o.handle.sqlite
    .prepare(
      `SELECT id FROM tasks WHERE status = 'open' AND deleted_at IS NULL ${where}
       ORDER BY due_date IS NULL, due_date, created_at, id`,
    )
    .pluck()
    .all(...params) as string[];
}

type Paged = 'tasks.list' | 'requests.list';

/** Every page of a list from the input's cursor on, as `who` reads them. */
async function allPages<M extends Paged>(who: Person, method: M, input: Input<M>): Promise<Output<M>[]> {
  const pages: Output<M>[] = [];
  let cursor = input.cursor ?? null;
  do {
    const page: Output<M> = await h.as(who, method, { ...input, cursor });
    pages.push(page);
    cursor = page.nextCursor;
  } while (cursor);
  return pages;
}

const idsOf = (pages: { rows: { id: string }[] }[]): string[] =>
  pages.flatMap((p) => p.rows.map((r) => r.id));

/** Requests as SQL orders them: those with no due date (drafts) first, then by due date. */
function expectedRequests(where = '', ...params: unknown[]): string[] {
  return h.o.handle.sqlite
    .prepare(
      `SELECT id FROM external_requests WHERE deleted_at IS NULL ${where}
       ORDER BY due_date IS NOT NULL, due_date, id`,
    )
    .pluck()
    .all(...params) as string[];
}

describe('the task and request lists, a page at a time', () => {
  it('gives everyone’s open tasks exactly once, overdue first, in pages of the size asked', async () => {
    const want = expected();
    expect(want.length).toBeGreaterThan(20);
    const pages = await allPages(h.people.head, 'tasks.list', { everyone: true, limit: 6 });
    expect(idsOf(pages)).toEqual(want);
    expect(pages.slice(0, -1).every((p) => p.rows.length === 6)).toBe(true);
    expect(new Set(pages.map((p) => p.total))).toEqual(new Set([want.length]));
    // Overdue rows come first, and none after a row that is not overdue.
    const flags = pages.flatMap((p) => p.rows.map((r) => r.overdue));
    expect(flags.indexOf(false)).toBeGreaterThan(0);
    expect(flags.lastIndexOf(true)).toBeLessThan(flags.indexOf(false));
  });

  it('gives one person’s, nobody’s, and the overdue ones the same way', async () => {
    const { asst1, head } = h.people;
    const mine = await allPages(asst1, 'tasks.list', { limit: 4 });
    expect(idsOf(mine)).toEqual(expected('AND assignee_id = ?', asst1.id));
    const nobody = await allPages(head, 'tasks.list', { assigneeId: null, limit: 4 });
    expect(idsOf(nobody)).toEqual(expected('AND assignee_id IS NULL'));
    const late = await allPages(head, 'tasks.list', { everyone: true, due: 'overdue', limit: 4 });
    const lateIds = expected('AND due_date < ?', h.today);
    expect(lateIds.length).toBeGreaterThan(0);
    expect(idsOf(late)).toEqual(lateIds);
    expect(late[0]!.total).toBe(lateIds.length);
  });

  it('goes on where the last page ended when a task is added meanwhile', async () => {
    const { head, asst1 } = h.people;
    const first = await h.as(head, 'tasks.list', { everyone: true, limit: 5 });
    await h.as(asst1, 'appeals.register', appealInput({ receivedOn: h.today }));
    const rest = await allPages(head, 'tasks.list', { everyone: true, limit: 5, cursor: first.nextCursor });
    const seen = [...first.rows, ...rest.flatMap((p) => p.rows)].map((r) => r.id);
    // The new appeal's task is due weeks ahead: it is after the cursor, so it shows, and nothing twice.
    expect(seen).toEqual(expected());
    expect(rest[0]!.total).toBe(first.total + 1);
  });

  it('gives every request exactly once, drafts first, then by due date; filtered ones the same', async () => {
    const { deputy } = h.people;
    const all = await allPages(deputy, 'requests.list', { limit: 7 });
    const want = expectedRequests();
    expect(want.length).toBeGreaterThan(14);
    expect(idsOf(all)).toEqual(want);
    expect(new Set(all.map((p) => p.total))).toEqual(new Set([want.length]));
    const late = await allPages(deputy, 'requests.list', { overdue: true, limit: 3 });
    const lateIds = expectedRequests("AND status = 'sent' AND due_date < ?", h.today);
    expect(lateIds.length).toBeGreaterThan(0);
    expect(idsOf(late)).toEqual(lateIds);
    expect(late[0]!.total).toBe(lateIds.length);
    const bodyId = all[0]!.rows.find((r) => r.bodyId)?.bodyId ?? all.at(-1)!.rows.at(-1)!.bodyId!;
    const atBody = await allPages(deputy, 'requests.list', { bodyId, limit: 3 });
    expect(idsOf(atBody)).toEqual(expectedRequests('AND body_id = ?', bodyId));
  });

  it('refuses a cursor it did not issue, naming the field', async () => {
    const forged = Buffer.from(JSON.stringify(['2026-01-01', 7])).toString('base64url');
    for (const [method, input] of [
      ['tasks.list', { everyone: true }],
      ['requests.list', {}],
    ] as const)
      for (const cursor of ['not a cursor', forged]) {
        const r = await h.o.handle.api.call(
          'internal',
          method,
          { ...input, cursor },
          { login: h.people.head.login },
        );
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.error).toMatchObject({ code: 'validation', field: 'cursor' });
      }
  });
});
