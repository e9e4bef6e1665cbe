import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openOffice, type OfficeHandle } from '../../main/boot/open-office';
import { DEMO_PASSWORD, fillDemoOffice } from '../../main/demo/demo';
import { ReminderScheduler } from '../../main/reminders/scheduler';
import type { AppealRow } from '../../shared/api/appeals';
import { fixedClock } from '../../shared/util/clock';

const NOW = '2026-03-16T07:00:00Z';
const dirs: string[] = [];
const handles: OfficeHandle[] = [];

function open(): OfficeHandle {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'priemnaya-demo-'));
  dirs.push(dir);
  const h = openOffice(path.join(dir, 'office.db'), { clock: fixedClock(NOW), validateOutput: true });
  handles.push(h);
  return h;
}

afterEach(() => {
  for (const h of handles.splice(0)) h.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

async function signIn(h: OfficeHandle, login: string): Promise<string> {
  const r = await h.api.call('internal', 'auth.signIn', { login, password: DEMO_PASSWORD });
  if (!r.ok) throw new Error(r.error.message);
  return (r.value as { token: string }).token;
}

/** The whole registry through the API, page by page. */
async function registry(h: OfficeHandle, token: string, filter: object = {}): Promise<AppealRow[]> {
  const rows: AppealRow[] = [];
  let cursor: string | null = null;
  do {
    const r = await h.api.call(
      'internal',
      'appeals.list',
      { filter, sort: { field: 'regNumber', dir: 'asc' }, limit: 100, cursor },
      { token },
    );
    if (!r.ok) throw new Error(r.error.message);
    const page = r.value as { rows: AppealRow[]; nextCursor: string | null };
    rows.push(...page.rows);
    cursor = page.nextCursor;
  } while (cursor);
  return rows;
}

describe('fillDemoOffice', () => {
  it('fills an office through the API: users of every role, appeals that are open, overdue, repeated', async () => {
    const h = open();
    const result = await fillDemoOffice(h, { seed: 3, appeals: 120 });
    expect(result).toEqual({ adminLogin: 'admin', password: DEMO_PASSWORD, appeals: 120, events: 6 });

    const token = await signIn(h, 'assistant1');
    const users = await h.api.call('internal', 'users.list', {}, { token });
    if (!users.ok) throw new Error(users.error.message);
    const roles = (users.value as { role: string }[]).map((u) => u.role).sort();
    expect(roles).toEqual(['admin', 'assistant', 'assistant', 'deputy', 'office_head']);

    const all = await registry(h, token);
    expect(all).toHaveLength(120);
    expect(new Set(all.map((a) => a.regNumber)).size).toBe(120);
    expect(all.every((a) => a.registeredOn <= '2026-03-16')).toBe(true);
    // The office has been at work: appeals closed, at the deputy, in requests and replies, in review.
    const states = new Set(all.map((a) => a.status));
    for (const s of ['registered', 'awaiting_resolution', 'in_request', 'closed'] as const)
      expect(states, s).toContain(s);
    const queue = await h.api.call('internal', 'workflow.deputyQueue', {}, { login: 'deputy' });
    if (!queue.ok) throw new Error(queue.error.message);
    expect((queue.value as unknown[]).length).toBeGreaterThan(0);
    expect(all.some((a) => a.registeredOn < '2025-12-01')).toBe(true);

    // The board is not empty: events at several stages, one past and closed, each open one with a task.
    const events = await h.api.call('internal', 'events.list', { includeFinished: true }, { token });
    if (!events.ok) throw new Error(events.error.message);
    const stages = (events.value as { stage: string }[]).map((e) => e.stage);
    expect(stages).toContain('closed');
    expect(new Set(stages).size).toBeGreaterThanOrEqual(4);
    const eventsWithoutTask = h.sqlite
      .prepare(
        `SELECT count(*) AS n FROM events e WHERE e.stage NOT IN ('closed', 'cancelled')
           AND NOT EXISTS (SELECT 1 FROM tasks t WHERE t.event_id = e.id AND t.status = 'open')`,
      )
      .get() as { n: number };
    expect(eventsWithoutTask.n).toBe(0);

    const withoutOpenTask = h.sqlite
      .prepare(
        `SELECT count(*) AS n FROM appeals a WHERE a.status <> 'closed' AND NOT EXISTS
           (SELECT 1 FROM tasks t WHERE t.appeal_id = a.id AND t.status = 'open')`,
      )
      .get() as { n: number };
    expect(withoutOpenTask.n).toBe(0);

    const overdue = await registry(h, token, { overdue: true });
    expect(overdue.length).toBeGreaterThan(10);
    expect(overdue.length).toBeLessThan(120);
    expect(overdue.every((a) => a.overdue && a.dueDate < '2026-03-16')).toBe(true);
    // The inbox has something to show from the first start: overdue reminders, for the office head too.
    const raised = new ReminderScheduler({ store: h.store, clock: h.clock, hlc: h.hlc }).tick();
    const head = (users.value as { id: string; role: string }[]).find((u) => u.role === 'office_head')!;
    const overdueIds = new Set(overdue.map((a) => a.id));
    const toHead = raised.filter((r) => r.rule === 'appeal_overdue' && r.recipientId === head.id);
    expect(toHead.length).toBeGreaterThan(0);
    expect(toHead.every((r) => overdueIds.has(r.appealId!))).toBe(true);

    const flags = h.sqlite
      .prepare(
        `SELECT sum(is_collective) AS collective, sum(is_anonymous) AS anonymous, sum(is_repeat) AS repeated,
                count(DISTINCT created_by) AS registrars, count(DISTINCT channel) AS channels,
                count(DISTINCT kind) AS kinds
         FROM appeals`,
      )
      .get() as Record<string, number>;
    expect(flags.collective).toBeGreaterThan(0);
    expect(flags.anonymous).toBeGreaterThan(0);
    expect(flags.repeated).toBeGreaterThan(0);
    expect(flags.registrars).toBeGreaterThanOrEqual(2);
    expect(flags.channels).toBeGreaterThanOrEqual(4);
    expect(flags.kinds).toBeGreaterThanOrEqual(3);

    const returning = h.sqlite
      .prepare('SELECT applicant_id, count(*) AS n FROM appeals GROUP BY applicant_id HAVING n > 1')
      .all();
    expect(returning.length).toBeGreaterThanOrEqual(3);
  });

  it('is deterministic for the same seed and clock', async () => {
    const shape = async (seed: number) => {
      const h = open();
      await fillDemoOffice(h, { seed, appeals: 40 });
      const rows = await registry(h, await signIn(h, 'assistant1'));
      // Ids and stamps are fresh UUIDs; everything a person reads must repeat.
      return rows.map(({ id: _id, officeId: _o, responsibleId: _r, ...rest }) => rest);
    };
    const a = await shape(11);
    expect(await shape(11)).toEqual(a);
    expect(await shape(12)).not.toEqual(a);
  });

  it('refuses a database that already has an office', async () => {
    const h = open();
    await fillDemoOffice(h, { seed: 1, appeals: 5 });
    await expect(fillDemoOffice(h, { seed: 1, appeals: 5 })).rejects.toThrow(/already has an office/);
  });
});
