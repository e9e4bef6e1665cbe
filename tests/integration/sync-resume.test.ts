import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { Hq } from '../../main/hq/service';
import { openHqStore } from '../../main/hq/store';
import { OfficeSync } from '../../main/sync/engine';
import { httpLink, SyncHttpError, type HqLink } from '../../main/sync/link';
import { systemClock } from '../../shared/util/clock';
import { plainSyncError } from '../../shared/i18n/ru/sync';
import type { PushRequest, PushResponse } from '../../shared/sync/protocol';
import { appealInput, openTempOffice, PASSWORD, tempDir, type TestOffice } from './helpers';
import { enrolledOffice, startTestHq, type HqKind } from './sync-fixture';
import { stopTestPg } from './sync-pg';

const T0 = '2026-03-02T08:00:00Z';
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
afterAll(stopTestPg, 60_000);

/** A link that records HQ's answers to pushes, and can do something of its own before one is sent. */
function recording(
  inner: HqLink,
  before?: (n: number, req: PushRequest) => Promise<PushResponse> | null,
): HqLink & { answers: { req: PushRequest; res: PushResponse }[] } {
  const answers: { req: PushRequest; res: PushResponse }[] = [];
  let n = 0;
  return {
    ...inner,
    answers,
    push: async (req) => {
      const res = (await before?.(++n, req)) ?? (await inner.push(req));
      answers.push({ req, res });
      return res;
    },
  };
}

/** The office's rows as `table/id@clock`, and HQ's for the office: equal once they have converged. */
function officeRows(o: TestOffice): string[] {
  return o.handle.store.read
    .rawAll<{ k: string }>("SELECT table_name || '/' || row_id || '@' || hlc AS k FROM sync_rows ORDER BY k")
    .map((r) => r.k);
}
async function hqRows(hq: Hq, officeId: string): Promise<string[]> {
  return (await hq.rowsOf(officeId)).map((r) => `${r.t}/${r.id}@${r.h}`).sort();
}

for (const kind of ['sqlite', 'postgres'] as HqKind[])
  describe(`a push cut off on its way (HQ on ${kind})`, () => {
    it('is sent again under the same id once HQ merged it, and HQ answers it from its record', async () => {
      const hq = await startTestHq(kind, T0);
      const office = await enrolledOffice(hq, 'ТВР', T0);
      for (let i = 0; i < 3; i++) await office.value('appeals.register', appealInput());
      const real = httpLink(hq.url, office.sync.state('token')!);
      // HQ merges the batch, then the connection drops before its answer arrives.
      const cut = recording(real, async (_n, req) => {
        await real.push(req);
        throw new SyncHttpError(0, 'the connection to HQ was cut off (UND_ERR_SOCKET)');
      });
      const failed = await office.sync.syncNow(cut);
      expect(failed.ok).toBe(false);
      expect(plainSyncError(failed.error!)).toMatch(/связь оборвалась посреди синхронизации/);

      const again = recording(real);
      const resumed = await office.sync.syncNow(again);
      expect(resumed.ok).toBe(true);
      const first = again.answers[0]!;
      expect(first.res).toMatchObject({ replayed: true, applied: 0 });
      // Nothing of the batch merged twice: every later answer is for rows HQ had not seen.
      expect(again.answers.slice(1).every((a) => !a.res.replayed)).toBe(true);
      const officeId = office.handle.store.read.rawGet<{ id: string }>('SELECT id FROM offices')!.id;
      expect(await hqRows(hq.hq, officeId)).toEqual(officeRows(office));
      expect((await office.sync.syncNow(real)).sent).toBe(0);
    });
  });

describe('HQ killed in the middle of a push, then restarted', () => {
  const cli = path.resolve(__dirname, '../../main/transport/cli/hq.ts');

  function serve(db: string, view: string): Promise<{ child: ChildProcess; url: string }> {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', cli, 'serve', '--port', '0', '--db', db, '--view', view],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    cleanups.push(() => void child.kill('SIGKILL'));
    return new Promise((resolve, reject) => {
      let out = '';
      child.stdout!.setEncoding('utf8').on('data', (d: string) => {
        out += d;
        const m = /https?:\/\/127\.0\.0\.1:\d+/.exec(out);
        if (m) resolve({ child, url: m[0] });
      });
      child.stderr!.setEncoding('utf8').on('data', (d: string) => (out += d));
      child.once('exit', () => reject(new Error(`HQ stopped: ${out}`)));
    });
  }

  it('the office resumes where HQ’s acknowledgements stopped, and both converge', async () => {
    const tmp = tempDir('priemnaya-hq-');
    cleanups.push(() => tmp.remove());
    const db = tmp.file('hq.sqlite');
    const view = tmp.file('hq-view.sqlite');
    const store = await openHqStore(db);
    // The same clock as the HQ process's, so the code it checks is not yet expired.
    const hq = await Hq.open(store, { clock: systemClock });
    cleanups.push(() => store.close());
    const code = await hq.createEnrolmentCode('ТВР');

    const office = openTempOffice(T0);
    cleanups.push(() => office.close());
    await office.value(
      'setup.init',
      {
        office: {
          name: 'Приёмная',
          code: 'ТВР',
          deputyName: 'Петров Пётр Петрович',
          timeZone: 'Europe/Moscow',
        },
        admin: { login: 'admin', fullName: 'Администратор', password: PASSWORD },
      },
      null,
    );
    office.token = (await office.value('auth.signIn', { login: 'admin', password: PASSWORD }, null)).token;
    // More than two batches of 5,000 rows.
    for (let b = 0; b < 5; b++)
      await office.value('appeals.registerBatch', {
        appeals: Array.from({ length: 500 }, () => appealInput()),
      });
    const sync = new OfficeSync(office.handle.store, office.handle.api.systemContext());

    const first = await serve(db, view);
    await sync.enrol(first.url, code);
    const token = sync.state('token')!;
    // The second batch is sent, and HQ is killed while it (and the first) may be on their way.
    const killing = recording(httpLink(first.url, token), (n, req) => {
      if (n !== 2) return null;
      const sending = httpLink(first.url, token).push(req);
      first.child.kill('SIGKILL');
      return sending;
    });
    const cut = await sync.syncNow(killing);
    expect(cut.ok).toBe(false);
    expect(plainSyncError(cut.error!)).toMatch(/Нет связи с сервером штаба/);
    expect(sync.nextBatch()).not.toBeNull();

    const second = await serve(db, view);
    const resumed = recording(httpLink(second.url, token));
    const done = await sync.syncNow(resumed);
    expect(done.ok).toBe(true);
    // What HQ had acknowledged was not sent again; what it had merged unanswered, it answered from its record.
    const acknowledged = new Set(killing.answers.flatMap((a) => a.req.rows.map((r) => `${r.t}/${r.id}`)));
    for (const { req, res } of resumed.answers)
      if (!res.replayed) for (const r of req.rows) expect(acknowledged.has(`${r.t}/${r.id}`)).toBe(false);
    const officeId = office.handle.store.read.rawGet<{ id: string }>('SELECT id FROM offices')!.id;
    expect(await hqRows(hq, officeId)).toEqual(officeRows(office));
    expect((await sync.syncNow(httpLink(second.url, token))).sent).toBe(0);
  }, 120_000);
});
