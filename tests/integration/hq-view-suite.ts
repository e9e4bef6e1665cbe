import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { SYNCED_TABLES } from '../../db/schema';
import { startHqServer } from '../../main/transport/http/hq';
import { HqView, LOCKED_PASSWORD } from '../../main/hq/view';
import { READ_ONLY_MESSAGE } from '../../main/api/api';
import { httpLink } from '../../main/sync/engine';
import { contract, type MethodName } from '../../shared/api/index';
import { hqText } from '../../shared/i18n/ru/sync';
import type { DocFile } from '../../shared/api/documents';
import type { Home } from '../../shared/api/home';
import { appealInput, dumpTables, PASSWORD, tempDir } from './helpers';
import { docxText } from './libreoffice';
import { enrolledOffice, startTestHq, type HqKind, type SyncNode, type TestHq } from './sync-fixture';

const T0 = '2026-03-02T08:00:00Z';
/** HQ's administrator, the view's first user. */
const CHIEF = { login: 'chief', fullName: 'Начальник Штабов', password: PASSWORD, role: 'admin' } as const;

const views: HqView[] = [];
afterEach(() => {
  for (const v of views.splice(0)) v.close();
});

async function openView(hq: TestHq): Promise<{ view: HqView; file: string }> {
  const tmp = tempDir('priemnaya-view-');
  const file = tmp.file('view.sqlite');
  const view = await HqView.open(hq.hq, file, hq.clock);
  views.push(view);
  return { view, file };
}

function ids(
  db: { rawAll<T>(sql: string, ...p: unknown[]): T[] },
  table: string,
  officeId?: string,
): string[] {
  const where = officeId ? ' WHERE office_id = ?' : '';
  const params = officeId ? [officeId] : [];
  return db.rawAll<{ id: string }>(`SELECT id FROM ${table}${where} ORDER BY id`, ...params).map((r) => r.id);
}

function officeIdOf(node: SyncNode): string {
  return node.handle.store.read.rawGet<{ id: string }>('SELECT id FROM offices')!.id;
}

/** Two offices with different appeals, both synced to one HQ. */
async function twoOffices(kind: HqKind): Promise<{ hq: TestHq; a: SyncNode; b: SyncNode }> {
  const hq = await startTestHq(kind, T0);
  const a = await enrolledOffice(hq, 'ТВР', T0);
  const b = await enrolledOffice(hq, 'РЖВ', T0);
  for (let i = 0; i < 3; i++) await a.value('appeals.register', appealInput());
  for (let i = 0; i < 2; i++) await b.value('appeals.register', appealInput({ channel: 'email' }));
  expect((await a.sync.syncNow()).ok).toBe(true);
  expect((await b.sync.syncNow()).ok).toBe(true);
  return { hq, a, b };
}

/** The analyst view's tests, with HQ on SQLite or on PostgreSQL (the view is SQLite either way). */
export function hqViewSuite(kind: HqKind): void {
  describe(`the analyst view at HQ (${kind})`, () => {
    it('holds exactly the union of the offices, each office exactly its own rows', async () => {
      const { hq, a, b } = await twoOffices(kind);
      const { view } = await openView(hq);
      const v = view.handle.store.read;
      for (const table of ['appeals', 'contacts', 'appeal_history', 'tasks']) {
        const own = [...ids(a.handle.store.read, table), ...ids(b.handle.store.read, table)].sort();
        expect(ids(v, table)).toEqual(own);
        expect(ids(v, table, officeIdOf(a))).toEqual(ids(a.handle.store.read, table));
        expect(ids(v, table, officeIdOf(b))).toEqual(ids(b.handle.store.read, table));
      }
      expect(ids(v, 'appeals').length).toBe(5);
      // Derived indexes are rebuilt as in an office: the appeals' counters and the full-text index.
      const searchable = v.rawGet<{ n: number }>('SELECT count(*) AS n FROM appeal_fts');
      expect(searchable?.n).toBe(5);
    });

    it('shows a later sync after catching up, and keeps no office password', async () => {
      const { hq, a, b } = await twoOffices(kind);
      const { view } = await openView(hq);
      const later = await b.value('appeals.register', appealInput());
      expect((await b.sync.syncNow()).ok).toBe(true);
      expect(ids(view.handle.store.read, 'appeals')).not.toContain(later.id);
      expect(await view.catchUp()).toBeGreaterThan(0);
      expect(ids(view.handle.store.read, 'appeals')).toContain(later.id);
      expect(await view.catchUp()).toBe(0);

      const users = view.handle.store.read.rawAll<{ office_id: string; password_hash: string }>(
        'SELECT office_id, password_hash FROM users',
      );
      expect(users.map((u) => u.office_id).sort()).toEqual([officeIdOf(a), officeIdOf(b)].sort());
      for (const u of users) expect(u.password_hash).toBe(LOCKED_PASSWORD);
      const states = view.handle.store.read.rawAll<{ data: string }>(
        "SELECT data FROM sync_rows WHERE table_name = 'users'",
      );
      expect(states.length).toBe(2);
      for (const s of states) expect(s.data).not.toContain('scrypt$');
      for (const login of ['admin', `admin@${officeIdOf(a)}`]) {
        const signIn = await view.handle.api.call(
          'internal',
          'auth.signIn',
          { login, password: PASSWORD },
          { token: null },
        );
        // The view's own logins of office users are longer than any login may be: refused as such.
        expect(signIn.ok ? null : signIn.error.code).toBe(
          login === 'admin' ? 'unauthenticated' : 'validation',
        );
      }
    });

    it('catches up by itself after a batch pushed to a server that keeps it', async () => {
      const { hq, b } = await twoOffices(kind);
      const { view } = await openView(hq);
      let caughtUp: Promise<number> = Promise.resolve(0);
      const server = await startHqServer({
        hq: hq.hq,
        port: 0,
        afterPush: () => (caughtUp = view.catchUp()),
      });
      try {
        const later = await b.value('appeals.register', appealInput());
        const link = httpLink(server.url, b.sync.state('token')!);
        expect((await b.sync.syncNow(link)).ok).toBe(true);
        expect(await caughtUp).toBeGreaterThan(0);
        expect(ids(view.handle.store.read, 'appeals')).toContain(later.id);
      } finally {
        await server.close();
      }
    });

    it('rebuilt from hq_rows, holds the same rows as the view kept up to date', async () => {
      const { hq, a, b } = await twoOffices(kind);
      const { view, file } = await openView(hq);
      await a.value('appeals.register', appealInput());
      await b.value('appeals.register', appealInput());
      expect((await a.sync.syncNow()).ok).toBe(true);
      expect((await b.sync.syncNow()).ok).toBe(true);
      await view.catchUp();
      const dump = (db: typeof view.handle.store.read): Record<string, unknown[]> =>
        Object.fromEntries(
          SYNCED_TABLES.map((t) => [t, db.rawAll(`SELECT * FROM ${t} ORDER BY id`) as unknown[]]),
        );
      await HqView.addUser(file, hq.clock, CHIEF);
      const kept = dump(view.handle.store.read);
      const cursor = view.cursor;
      view.close();
      views.splice(views.indexOf(view), 1);
      expect(await HqView.rebuild(hq.hq, file, hq.clock)).toBeGreaterThan(0);
      const rebuilt = await HqView.open(hq.hq, file, hq.clock);
      views.push(rebuilt);
      expect(rebuilt.cursor).toBe(cursor);
      expect(dump(rebuilt.handle.store.read)).toEqual(kept);
      // HQ's users are carried over: the administrator still signs in.
      const signIn = await rebuilt.handle.api.call('http', 'auth.signIn', {
        login: 'chief',
        password: PASSWORD,
      });
      expect(signIn.ok).toBe(true);
    });

    it('signs in HQ users only, reads across offices and refuses every write with nothing changed', async () => {
      const { hq, a, b } = await twoOffices(kind);
      const { view, file } = await openView(hq);
      const analyst = { login: 'analyst', fullName: 'Аналитик Штабов', password: PASSWORD } as const;
      await expect(HqView.addUser(file, hq.clock, { ...analyst, role: 'hq_analyst' })).rejects.toThrow(
        hqText.firstUserAdmin,
      );
      await HqView.addUser(file, hq.clock, CHIEF);
      await HqView.addUser(file, hq.clock, { ...analyst, role: 'hq_analyst' });
      const api = view.handle.api;
      const signIn = await api.call('http', 'auth.signIn', { login: 'analyst', password: PASSWORD }, {});
      if (!signIn.ok) throw new Error(JSON.stringify(signIn.error));
      const token = (signIn.value as { token: string }).token;
      const me = await api.call('http', 'auth.me', {}, { token });
      expect(me.ok && (me.value as { user: { role: string } }).user.role).toBe('hq_analyst');

      const list = await api.call('http', 'appeals.list', {}, { token });
      if (!list.ok) throw new Error(JSON.stringify(list.error));
      const listed = (list.value as { rows: { id: string }[] }).rows.map((i) => i.id).sort();
      expect(listed).toEqual(
        [...ids(a.handle.store.read, 'appeals'), ...ids(b.handle.store.read, 'appeals')].sort(),
      );

      const before = dumpTables(view.handle.sqlite);
      const writes = (Object.keys(contract) as MethodName[]).filter(
        (m) => contract[m].kind === 'write' && m !== 'auth.signIn' && m !== 'auth.signOut',
      );
      expect(writes.length).toBeGreaterThan(20);
      for (const method of writes) {
        const r = await api.call('http', method, {}, { token });
        expect(r.ok ? method : r.error, method).toEqual({
          code: 'forbidden',
          message: READ_ONLY_MESSAGE,
        });
      }
      expect(dumpTables(view.handle.sqlite)).toEqual(before);
    });

    it('is served beside the sync endpoints: HQ users over HTTP, office users refused, writes refused', async () => {
      const { hq, a, b } = await twoOffices(kind);
      const { view, file } = await openView(hq);
      await HqView.addUser(file, hq.clock, CHIEF);
      const dist = tempDir('priemnaya-dist-');
      fs.writeFileSync(dist.file('index.html'), '<!doctype html><title>Приёмная</title>');
      const server = await startHqServer({
        hq: hq.hq,
        port: 0,
        viewApi: view.handle.api,
        staticDir: dist.dir,
      });
      const post = async (method: string, input: unknown, session?: string) => {
        const res = await fetch(`${server.url}/api/${method}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', ...(session ? { 'X-Session': session } : {}) },
          body: JSON.stringify(input),
        });
        return { status: res.status, body: (await res.json()) as { ok: boolean; value?: never } };
      };
      try {
        expect((await post('auth.signIn', { login: 'admin', password: PASSWORD })).status).toBe(401);
        const signIn = await post('auth.signIn', { login: 'chief', password: PASSWORD });
        expect(signIn.status).toBe(200);
        const session = (signIn.body.value as unknown as { token: string }).token;
        const list = await post('appeals.list', {}, session);
        const rows = (list.body.value as unknown as { rows: { id: string }[] }).rows.map((r) => r.id).sort();
        expect(rows).toEqual(
          [...ids(a.handle.store.read, 'appeals'), ...ids(b.handle.store.read, 'appeals')].sort(),
        );
        const write = await post('appeals.register', appealInput(), session);
        expect(write.status).toBe(403);
        expect(ids(view.handle.store.read, 'appeals')).toEqual(rows);
        // The renderer is served too, its own routes by index.html; sync is not a page.
        for (const page of ['/', '/appeals'])
          expect(await (await fetch(`${server.url}${page}`)).text()).toContain('<title>Приёмная</title>');
        expect((await fetch(`${server.url}/sync/v1/pull`)).status).toBe(405);
        // The sync endpoints are where they were.
        expect((await b.sync.syncNow(httpLink(server.url, b.sync.state('token')!))).ok).toBe(true);
      } finally {
        await server.close();
        dist.remove();
      }
    });

    it('gives no enrolment code for the code of its own office in the view', async () => {
      const { hq } = await twoOffices(kind);
      for (const code of ['ШТАБ', ' штаб '])
        await expect(hq.hq.createEnrolmentCode(code)).rejects.toThrow(hqText.reservedCode('ШТАБ'));
      // An ordinary office, enrolled already, still gets a code for another computer.
      expect(await hq.hq.createEnrolmentCode('ТВР')).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);
    });

    it('filters the registry by office and gives statistics per office and across them', async () => {
      const { hq, a, b } = await twoOffices(kind);
      const { view, file } = await openView(hq);
      await HqView.addUser(file, hq.clock, CHIEF);
      await HqView.addUser(file, hq.clock, {
        login: 'ann',
        fullName: 'Аналитик',
        password: PASSWORD,
        role: 'hq_analyst',
      });
      const signIn = await view.handle.api.call('http', 'auth.signIn', { login: 'ann', password: PASSWORD });
      const token = signIn.ok ? (signIn.value as { token: string }).token : '';
      const value = async (method: MethodName, input: unknown): Promise<never> => {
        const r = await view.handle.api.call('http', method, input, { token });
        if (!r.ok) throw new Error(JSON.stringify(r.error));
        return r.value as never;
      };
      // The pickers offer the synced offices, not the view's own office, which holds no appeals.
      const offices: { id: string; code: string }[] = await value('offices.list', {});
      expect(offices.map((o) => o.id).sort()).toEqual([officeIdOf(a), officeIdOf(b)].sort());
      expect(await a.value('offices.list', {})).toEqual([expect.objectContaining({ id: officeIdOf(a) })]);
      // HQ's administrator reads every office's tasks, each row naming its office (the list's first column).
      const chief = await view.handle.api.call('http', 'auth.signIn', {
        login: CHIEF.login,
        password: PASSWORD,
      });
      const chiefToken = chief.ok ? (chief.value as { token: string }).token : '';
      const tasks = await view.handle.api.call(
        'http',
        'tasks.list',
        { everyone: true },
        { token: chiefToken },
      );
      if (!tasks.ok) throw new Error(JSON.stringify(tasks.error));
      const taskOffices = (tasks.value as { rows: { officeId: string }[] }).rows.map((r) => r.officeId);
      expect(new Set(taskOffices)).toEqual(new Set([officeIdOf(a), officeIdOf(b)]));
      expect(taskOffices.filter((o) => o === officeIdOf(a))).toHaveLength(
        (await a.value('tasks.list', { everyone: true, limit: 500 })).total,
      );
      // The analyst's home: each office's open and overdue appeals, each the count of the list it opens.
      const home = (await value('home.get', {})) as Home;
      if (home.view !== 'office') throw new Error(`home for ${home.view}`);
      expect(home.offices?.map((o) => o.code)).toEqual(['РЖВ', 'ТВР']);
      for (const o of home.offices ?? [])
        for (const figure of [o.openAppeals, o.overdueAppeals]) {
          if (figure.link.list !== 'appeals') throw new Error(figure.link.list);
          const n: { count: number } = await value('appeals.count', { filter: figure.link.filter });
          expect(figure.count).toBe(n.count);
        }
      expect(home.offices?.map((o) => o.openAppeals.count)).toEqual([2, 3]);
      // Staff of both offices, each with its office's code.
      expect(home.staff.map((p) => p.officeCode).sort()).toEqual(['РЖВ', 'ТВР']);
      // The screens are told the view takes no writes; an office's are not.
      expect(await value('setup.status', {})).toMatchObject({ initialized: true, readOnly: true });
      expect(await a.value('setup.status', {})).toMatchObject({ initialized: true, readOnly: false });
      const officeHome = await a.value('home.get', {});
      expect(officeHome.view === 'office' && officeHome.offices).toBeNull();
      if (officeHome.view === 'office') expect(officeHome.staff.map((p) => p.officeCode)).toEqual([null]);
      const period = { from: '2026-01-01', to: '2026-03-31' };
      let sum = 0;
      for (const office of [a, b]) {
        const officeIds = [officeIdOf(office)];
        const listed: { rows: { id: string }[] } = await value('appeals.list', { filter: { officeIds } });
        expect(listed.rows.map((r) => r.id).sort()).toEqual(ids(office.handle.store.read, 'appeals'));
        const counted: { count: number } = await value('appeals.count', { filter: { officeIds } });
        expect(counted.count).toBe(listed.rows.length);
        const inView: { current: { received: number } } = await value('statistics.period', {
          period,
          officeIds,
        });
        const own = await office.value('statistics.period', { period });
        expect(inView.current).toEqual(own.current);
        sum += own.current.received;
        const report: { received: number } = await value('reports.period', { filter: period, officeIds });
        expect(report).toEqual(await office.value('reports.period', { filter: period }));
        // The report's files too: the same tables as the office's own, headed by that office.
        const csv: DocFile = await value('documents.report', { filter: period, format: 'csv', officeIds });
        const ownCsv = await office.value('documents.report', { filter: period, format: 'csv' });
        expect(csv.dataBase64).toBe(ownCsv.dataBase64);
        const docx: DocFile = await value('documents.report', { filter: period, officeIds });
        expect(docxText(Buffer.from(docx.dataBase64, 'base64'))).toContain(
          (await office.value('office.get', {})).name,
        );
      }
      const docxAcross: DocFile = await value('documents.report', { filter: period });
      const across = docxText(Buffer.from(docxAcross.dataBase64, 'base64'));
      expect(across).toContain('Штаб: приёмные РЖВ, ТВР');
      const stats: { current: { received: number } } = await value('statistics.period', { period });
      expect(stats.current.received).toBe(sum);
      const reportAcross: { received: number } = await value('reports.period', { filter: period });
      expect(reportAcross.received).toBe(sum);
      expect(sum).toBe(5);

      // An attachment opens in the view once its office has synced: HQ's copy of the file is fetched.
      const pdf = Buffer.from('%PDF-1.4 ответ управы');
      const appealId = (await a.value('appeals.list', {})).rows[0]!.id;
      const att = await a.value('attachments.add', {
        appealId,
        name: 'ответ.pdf',
        mime: 'application/pdf',
        dataBase64: pdf.toString('base64'),
      });
      expect((await a.sync.syncNow()).ok).toBe(true);
      await view.catchUp();
      const opened: { dataBase64: string } = await value('attachments.get', { id: att.id });
      expect(opened.dataBase64).toBe(pdf.toString('base64'));
    });
  });
}
