import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Input, Output } from '../../shared/api/index';
import { appealInput } from './helpers';
import { homeOffice, type HomeOffice } from './home-fixture';
import type { Person } from './workflow-walk';

/**
 * The Задачи list a page at a time (`tasks.list`), over an office after eight weeks of work: the pages
 * together hold every open task exactly once, in the list's order, with the total the filter finds.
 * The order and the counts are written here in SQL of their own.
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

async function allPages(who: Person, input: Input<'tasks.list'>) {
  const pages: Output<'tasks.list'>[] = [];
  let cursor = input.cursor ?? null;
  do {
    const page: Output<'tasks.list'> = await h.as(who, 'tasks.list', { ...input, cursor });
    pages.push(page);
    cursor = page.nextCursor;
  } while (cursor);
  return pages;
}

describe('the task list, a page at a time', () => {
  it('gives everyone’s open tasks exactly once, overdue first, in pages of the size asked', async () => {
    const want = expected();
    expect(want.length).toBeGreaterThan(20);
    const pages = await allPages(h.people.head, { everyone: true, limit: 6 });
    expect(pages.map((p) => p.rows.map((r) => r.id)).flat()).toEqual(want);
    expect(pages.slice(0, -1).every((p) => p.rows.length === 6)).toBe(true);
    expect(new Set(pages.map((p) => p.total))).toEqual(new Set([want.length]));
    // Overdue rows come first, and none after a row that is not overdue.
    const flags = pages.flatMap((p) => p.rows.map((r) => r.overdue));
    expect(flags.indexOf(false)).toBeGreaterThan(0);
    expect(flags.lastIndexOf(true)).toBeLessThan(flags.indexOf(false));
  });

  it('gives one person’s, nobody’s, and the overdue ones the same way', async () => {
    const { asst1, head } = h.people;
    const mine = await allPages(asst1, { limit: 4 });
    expect(mine.flatMap((p) => p.rows.map((r) => r.id))).toEqual(expected('AND assignee_id = ?', asst1.id));
    const nobody = await allPages(head, { assigneeId: null, limit: 4 });
    expect(nobody.flatMap((p) => p.rows.map((r) => r.id))).toEqual(expected('AND assignee_id IS NULL'));
    const late = await allPages(head, { everyone: true, due: 'overdue', limit: 4 });
    const lateIds = expected('AND due_date < ?', h.today);
    expect(lateIds.length).toBeGreaterThan(0);
    expect(late.flatMap((p) => p.rows.map((r) => r.id))).toEqual(lateIds);
    expect(late[0]!.total).toBe(lateIds.length);
  });

  it('goes on where the last page ended when a task is added meanwhile', async () => {
    const { head, asst1 } = h.people;
    const first = await h.as(head, 'tasks.list', { everyone: true, limit: 5 });
    await h.as(asst1, 'appeals.register', appealInput({ receivedOn: h.today }));
    const rest = await allPages(head, { everyone: true, limit: 5, cursor: first.nextCursor });
    const seen = [...first.rows, ...rest.flatMap((p) => p.rows)].map((r) => r.id);
    // The new appeal's task is due weeks ahead: it is after the cursor, so it shows, and nothing twice.
    expect(seen).toEqual(expected());
    expect(rest[0]!.total).toBe(first.total + 1);
  });

  it('refuses a cursor it did not issue, naming the field', async () => {
    const forged = Buffer.from(JSON.stringify(['2026-01-01', 'x'])).toString('base64url');
    for (const cursor of ['not a cursor', forged]) {
      const r = await h.o.handle.api.call(
        'internal',
        'tasks.list',
        { everyone: true, cursor },
        { login: h.people.head.login },
      );
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatchObject({ code: 'validation', field: 'cursor' });
    }
  });
});
