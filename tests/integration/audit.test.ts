import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Input, Output } from '../../shared/api/index';
import { auditPage, auditWhere, pageSql } from '../../main/audit/queries';
import { appealInput, PASSWORD } from './helpers';
import { testOffice, type TestOffice } from './office-fixture';

/**
 * The Журнал доступа (`audit.list`, `audit.export`) over a real office file: each filter and the pages
 * against the same rows selected by SQL of its own, the period in the office's time zone (Moscow), the
 * office head's and admin's alone, and every reading of the audit itself audited.
 */

let o: TestOffice;
const people = {} as Record<'head' | 'asst' | 'asst2', { id: string; token: string }>;
const appeals: Output<'appeals.register'>[] = [];
let admin = '';

beforeAll(async () => {
  o = await testOffice('2026-02-13T07:30:00Z', 'file');
  people.head = await o.addUser('head', 'office_head');
  people.asst = await o.addUser('asst', 'assistant');
  people.asst2 = await o.addUser('asst2', 'assistant');
  for (let k = 0; k < 4; k++)
    appeals.push(await o.call('appeals.register', appealInput(), people.asst.token));
  // Cards opened through the day, the last at 00:30 Moscow time of the 14th (21:30 UTC of the 13th).
  const [a0, a1, a2] = appeals as [
    Output<'appeals.register'>,
    Output<'appeals.register'>,
    Output<'appeals.register'>,
  ];
  const steps: [string, 'appeals.get' | 'contacts.get', string, 'asst' | 'asst2'][] = [
    ['2026-02-13T08:00:00Z', 'contacts.get', a0.applicant.id, 'asst'],
    ['2026-02-13T09:00:00Z', 'appeals.get', a0.id, 'asst2'],
    ['2026-02-13T10:00:00Z', 'appeals.get', a1.id, 'asst'],
    ['2026-02-13T10:00:00Z', 'contacts.get', a1.applicant.id, 'asst2'],
    ['2026-02-13T20:59:00Z', 'contacts.get', a0.applicant.id, 'asst2'],
    ['2026-02-13T21:30:00Z', 'appeals.get', a0.id, 'asst'],
    ['2026-02-13T21:30:00Z', 'contacts.get', a2.applicant.id, 'asst'],
  ];
  for (const [at, method, id, who] of steps) {
    o.clock.set(at);
    await o.call(method, { id }, await signIn(who));
  }
  // The next morning: sessions last 12 hours.
  o.clock.set('2026-02-14T06:00:00Z');
  people.head.token = await signIn('head');
  people.asst.token = await signIn('asst');
  admin = await signIn('admin');
}, 60_000);

async function signIn(login: string): Promise<string> {
  return (await o.call('auth.signIn', { login, password: PASSWORD }, '')).token;
}

/** The audit as SQL selects it: newest first, by instant then sequence. */
function expected(where = '1', ...params: unknown[]): number[] {
  return o.handle.sqlite
    .prepare(`SELECT seq FROM audit_log WHERE ${where} ORDER BY at DESC, seq DESC`)
    .pluck()
    .all(...params) as number[];
}

/** Every page, from the first, as the office head reads them. */
async function allSeqs(input: Input<'audit.list'>): Promise<number[]> {
  const seqs: number[] = [];
  let cursor: string | null = null;
  do {
    const page: Output<'audit.list'> = await o.call('audit.list', { ...input, cursor }, people.head.token);
    seqs.push(...page.rows.map((r) => r.seq));
    cursor = page.nextCursor;
  } while (cursor);
  return seqs;
}

/** The office head's searches leave entries of their own: SQL is read before the search it checks. */
async function matches(input: Input<'audit.list'>, where: string, ...params: unknown[]): Promise<void> {
  const want = expected(where, ...params);
  expect(want.length).toBeGreaterThan(0);
  expect(await allSeqs({ ...input, limit: 2 })).toEqual(want);
}

describe('the Журнал доступа', () => {
  it('pages the whole log newest first, each entry once, with the total', async () => {
    const want = expected();
    const first = await o.call('audit.list', { limit: 5 }, people.head.token);
    expect(first.rows.map((r) => r.seq)).toEqual(want.slice(0, 5));
    expect(first.total).toBe(want.length);
    const seqs = [...first.rows.map((r) => r.seq)];
    let cursor = first.nextCursor;
    while (cursor) {
      const page = await o.call('audit.list', { limit: 5, cursor }, people.head.token);
      seqs.push(...page.rows.map((r) => r.seq));
      cursor = page.nextCursor;
    }
    expect(seqs).toEqual(want);
  });

  it('filters by the person acting, by action, and both', async () => {
    await matches({ userId: people.asst2.id }, 'user_id = ?', people.asst2.id);
    await matches({ actions: ['contacts.get'] }, "action = 'contacts.get'");
    await matches(
      { userId: people.asst.id, actions: ['appeals.get', 'contacts.get'] },
      "user_id = ? AND action IN ('appeals.get', 'contacts.get')",
      people.asst.id,
    );
  });

  it('filters by appeal, and by contact with the appeals the person made', async () => {
    const [a0] = appeals;
    await matches({ appealId: a0!.id }, "entity = 'appeal' AND entity_id = ?", a0!.id);
    const contactId = a0!.applicant.id;
    await matches(
      { contactId },
      "(entity = 'contact' AND entity_id = ?) OR (entity = 'appeal' AND entity_id IN (SELECT id FROM appeals WHERE applicant_id = ?))",
      contactId,
      contactId,
    );
    const page = await o.call('audit.list', { contactId, actions: ['contacts.get'] }, people.head.token);
    expect(page.rows.map((r) => [r.who, r.subject])).toEqual([
      ['Сотрудник asst2', { kind: 'contact', id: contactId, label: a0!.applicant.fullName }],
      ['Сотрудник asst', { kind: 'contact', id: contactId, label: a0!.applicant.fullName }],
    ]);
    const opened = await o.call(
      'audit.list',
      { appealId: a0!.id, actions: ['appeals.get'] },
      people.head.token,
    );
    expect(opened.rows[0]!.subject).toEqual({ kind: 'appeal', id: a0!.id, label: a0!.regNumber });
  });

  it('reads a period as the office’s days: 00:30 in Moscow on the 14th is the 14th', async () => {
    await matches(
      { from: '2026-02-14', to: '2026-02-14' },
      "at >= '2026-02-13T21:00:00.000Z' AND at < '2026-02-14T21:00:00.000Z'",
    );
    await matches(
      { to: '2026-02-13', actions: ['appeals.get', 'contacts.get'] },
      "at < '2026-02-13T21:00:00.000Z' AND action IN ('appeals.get', 'contacts.get')",
    );
    const late = await o.call(
      'audit.list',
      { from: '2026-02-14', actions: ['contacts.get'] },
      people.head.token,
    );
    expect(late.rows.map((r) => r.at)).toEqual(['2026-02-13T21:30:00.000Z']);
  });

  it('is the office head’s and the admin’s alone', async () => {
    expect((await o.fail('audit.list', {}, people.asst.token)).code).toBe('forbidden');
    expect((await o.fail('audit.export', {}, people.asst.token)).code).toBe('forbidden');
    expect((await o.call('audit.list', { limit: 1 }, admin)).rows).toHaveLength(1);
  });

  it('refuses a bad filter naming the field, and writes nothing', async () => {
    const before = expected().length;
    const bad = await o.fail('audit.list', { from: '2026-02-14', to: '2026-02-13' }, people.head.token);
    expect(bad.field).toBe('to');
    const action = await o.fail('audit.list', { actions: ['contacts.steal'] }, people.head.token);
    expect(action.field).toBe('actions.0');
    const cursor = await o.fail('audit.list', { cursor: 'bm90IGEgY3Vyc29y' }, people.head.token);
    expect(cursor.field).toBe('cursor');
    expect(expected().length).toBe(before);
  });

  it('audits the reading itself: who searched whose entries, and each export', async () => {
    const contactId = appeals[1]!.applicant.id;
    const first = await o.call('audit.list', { contactId, limit: 1 }, people.head.token);
    const last = o.handle.sqlite
      .prepare('SELECT user_id, action, entity, entity_id, details FROM audit_log ORDER BY seq DESC LIMIT 1')
      .get() as Record<string, string>;
    expect(last).toMatchObject({
      user_id: people.head.id,
      action: 'audit.list',
      entity: 'contact',
      entity_id: contactId,
    });
    expect(JSON.parse(last.details!)).toMatchObject({ contactId });
    // A further page continues the same search: no second entry.
    const n = expected().length;
    await o.call('audit.list', { contactId, limit: 1, cursor: first.nextCursor }, people.head.token);
    expect(expected().length).toBe(n);
    await o.call('audit.export', { contactId, format: 'csv' }, people.head.token);
    expect(
      expected("action = 'audit.export' AND entity = 'contact' AND entity_id = ?", contactId),
    ).toHaveLength(1);
  });

  it('exports what the filter finds, in Russian, times in Moscow, as CSV (cp1251 and UTF-8 with BOM) and XLSX', async () => {
    const contactId = appeals[0]!.applicant.id;
    const filter = { contactId, actions: ['contacts.get' as const] };
    const utf = await o.call(
      'audit.export',
      { ...filter, format: 'csv', encoding: 'utf-8' },
      people.head.token,
    );
    const bytes = Buffer.from(utf.dataBase64, 'base64');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trim().split('\r\n');
    expect(lines[0]).toBe('Время;Кто;Логин;Действие;О чём;Объект;Идентификатор;Откуда');
    expect(lines.slice(1).map((l) => l.split(';').slice(0, 4))).toEqual([
      ['13.02.2026 23:59:00', 'Сотрудник asst2', 'asst2', 'Открыта карточка контакта'],
      ['13.02.2026 11:00:00', 'Сотрудник asst', 'asst', 'Открыта карточка контакта'],
    ]);
    expect(utf.count).toBe(2);
    const win = await o.call(
      'audit.export',
      { ...filter, format: 'csv', encoding: 'cp1251' },
      people.head.token,
    );
    expect(iconv.decode(Buffer.from(win.dataBase64, 'base64'), 'cp1251')).toBe(
      bytes.subarray(3).toString('utf8'),
    );
    const xlsx = await o.call('audit.export', { ...filter, format: 'xlsx' }, people.head.token);
    expect(Buffer.from(xlsx.dataBase64, 'base64').subarray(0, 2).toString()).toBe('PK');
    expect(xlsx.count).toBe(2);
  });

  it('reads each filter’s page by its index, in the log’s order (no sort)', () => {
    const db = o.handle.store.read;
    const plan = (f: Parameters<typeof auditWhere>[0]): string => {
      const q = pageSql(auditWhere(f, 'Europe/Moscow'), { at: '2026-02-14T00:00:00Z', seq: 1e9 }, 100);
      return (o.handle.sqlite.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...q.params) as { detail: string }[])
        .map((r) => r.detail)
        .join('\n');
    };
    const walks: [Parameters<typeof auditWhere>[0], string][] = [
      [{}, 'audit_log_at'],
      [{ from: '2026-02-01', to: '2026-02-13' }, 'audit_log_at'],
      [{ userId: people.asst.id }, 'audit_log_user_at'],
      [{ actions: ['contacts.export'] }, 'audit_log_action_at'],
    ];
    for (const [f, index] of walks) {
      const p = plan(f);
      expect(p, JSON.stringify(f)).toContain(`USING INDEX ${index}`);
      expect(p, JSON.stringify(f)).not.toContain('TEMP B-TREE');
    }
    // An appeal's and a contact's entries are gathered from ranges of the same index (the card's, its
    // appeals', their requests'), a few dozen rows, and sorted.
    expect(plan({ appealId: appeals[0]!.id })).toMatch(/MULTI-INDEX OR[^]*USING INDEX audit_log_entity_at/);
    expect(plan({ contactId: appeals[0]!.applicant.id })).toMatch(
      /MULTI-INDEX OR[^]*USING INDEX audit_log_entity_at/,
    );
    expect(auditPage(db, auditWhere({}, 'Europe/Moscow'), null, 3)).toHaveLength(3);
  });
});
