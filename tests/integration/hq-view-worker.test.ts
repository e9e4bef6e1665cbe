import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { currentSeq, openHqStore } from '../../main/hq/store';
import { HqView } from '../../main/hq/view';
import { ViewRunner } from '../../main/hq/view-runner';
import { releaseViewLease, takeViewLease } from '../../main/hq/view-lease';
import { readViewStatus } from '../../main/hq/view-state';
import { startHqServer } from '../../main/transport/http/hq';
import { httpLink } from '../../main/sync/link';
import { appealInput, tempDir } from './helpers';
import { enrolledOffice, startTestHq, type HqKind } from './sync-fixture';
import { stopTestPg } from './sync-pg';

const T0 = '2026-03-02T08:00:00Z';
const closing: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of closing.splice(0).reverse()) await c();
});
afterAll(stopTestPg, 60_000);

for (const kind of ['sqlite', 'postgres'] as HqKind[])
  describe(`the analyst view's catch-up off HQ's request path (${kind})`, () => {
    it('runs on a worker thread: a push returns at once, and the view reads it behind HQ', async () => {
      const hq = await startTestHq(kind, T0);
      const office = await enrolledOffice(hq, 'ТВР', T0);
      const tmp = tempDir('priemnaya-view-');
      closing.push(() => tmp.remove());
      const file = tmp.file('view.sqlite');
      const view = await HqView.open(hq.hq, file, hq.clock, { catchUp: false });
      closing.push(() => view.close());
      const runner = new ViewRunner({ target: hq.target, file, quietMs: 0 });
      closing.push(() => runner.close());
      const server = await startHqServer({ hq: hq.hq, port: 0, afterPush: () => runner.poke() });
      closing.push(() => server.close());
      const appeal = (await office.value('appeals.register', appealInput())).id;
      const link = httpLink(server.url, office.sync.state('token')!);
      expect((await office.sync.syncNow(link)).ok).toBe(true);
      await runner.caughtUp(await currentSeq(hq.hq.db));
      const ids = view.handle.store.read.rawAll<{ id: string }>('SELECT id FROM appeals').map((r) => r.id);
      expect(ids).toEqual([appeal]);
      expect(readViewStatus(file, await currentSeq(hq.hq.db))).toMatchObject({ behind: 0, error: null });
      expect(runner.error).toBeNull();
    });

    it('holds off while pushes come, and catches up once they have come for longer than the wait', async () => {
      const hq = await startTestHq(kind, T0);
      const office = await enrolledOffice(hq, 'ТВР', T0);
      await office.value('appeals.register', appealInput());
      expect((await office.sync.syncNow()).ok).toBe(true);
      const top = await currentSeq(hq.hq.db);
      const tmp = tempDir('priemnaya-view-');
      closing.push(() => tmp.remove());
      const file = tmp.file('view.sqlite');
      (await HqView.open(hq.hq, file, hq.clock, { catchUp: false })).close();

      // A push has just come (the poke precedes the worker's first page): its catch-up on start waits.
      const reports: { cursor: number; top: number }[] = [];
      let reported!: () => void;
      const first = new Promise<void>((r) => (reported = r));
      const held = new ViewRunner({
        target: hq.target,
        file,
        quietMs: 60_000,
        maxWaitMs: 60_000,
        onReport: (r) => (reports.push(r), reported()),
      });
      held.poke();
      await first;
      await held.close();
      expect(reports[0]).toEqual({ cursor: 0, top });
      expect(readViewStatus(file, top)).toMatchObject({ cursor: 0, behind: top, error: null });

      // Pushes have come for longer than `maxWaitMs`: nothing holds the worker any more.
      const streaming = new ViewRunner({ target: hq.target, file, quietMs: 60_000, maxWaitMs: 0 });
      closing.push(() => streaming.close());
      streaming.poke();
      await streaming.caughtUp(top);
      expect(readViewStatus(file, top)).toMatchObject({ cursor: top, behind: 0, error: null });
    });

    it('is applied by one HQ process at a time: the lease is held until it expires or is given up', async () => {
      const hq = await startTestHq(kind, T0);
      const db = hq.hq.db;
      const t = Date.parse(T0);
      expect(await takeViewLease(db, 'v', 'a', t, 30_000)).toBe(true);
      expect(await takeViewLease(db, 'v', 'b', t + 1_000, 30_000)).toBe(false);
      expect(await takeViewLease(db, 'v', 'a', t + 20_000, 30_000)).toBe(true);
      expect(await takeViewLease(db, 'v', 'b', t + 40_000, 30_000)).toBe(false);
      expect(await takeViewLease(db, 'v', 'b', t + 51_000, 30_000)).toBe(true);
      await releaseViewLease(db, 'v', 'b');
      expect(await takeViewLease(db, 'v', 'a', t + 52_000, 30_000)).toBe(true);
      // Another view's lease is another row.
      expect(await takeViewLease(db, 'w', 'b', t + 52_000, 30_000)).toBe(true);
      const other = await openHqStore(hq.target);
      closing.push(() => other.close());
      expect(await takeViewLease(other.db, 'v', 'c', t + 53_000, 30_000)).toBe(false);
    });
  });
