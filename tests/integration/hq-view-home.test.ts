import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HqView } from '../../main/hq/view';
import { hqStatus } from '../../main/hq/status';
import { defaultViewFile } from '../../main/hq/view-state';
import { hqText } from '../../shared/i18n/ru/sync';
import { appealInput } from './helpers';
import { enrolledOffice, startTestHq, type TestHq } from './sync-fixture';

const T0 = '2026-03-02T08:00:00Z';

const views: HqView[] = [];
afterEach(() => {
  for (const v of views.splice(0)) v.close();
});

async function open(hq: TestHq, file: string): Promise<HqView> {
  const view = await HqView.open(hq.hq, file, hq.clock);
  views.push(view);
  return view;
}

function appealIds(view: HqView): string[] {
  return view.handle.store.read.rawAll<{ id: string }>('SELECT id FROM appeals ORDER BY id').map((r) => r.id);
}

async function hqWithOffice(code: string): Promise<{ hq: TestHq; appeal: string }> {
  const hq = await startTestHq('sqlite', T0);
  const office = await enrolledOffice(hq, code, T0);
  const appeal = (await office.value('appeals.register', appealInput())).id;
  expect((await office.sync.syncNow()).ok).toBe(true);
  return { hq, appeal };
}

describe("the analyst view's file", () => {
  it('lives beside each HQ’s own database, never in the working directory', async () => {
    const a = await hqWithOffice('ТВР');
    const b = await hqWithOffice('РЖВ');
    const fileA = defaultViewFile(a.hq.target, a.hq.hq.officeId);
    const fileB = defaultViewFile(b.hq.target, b.hq.hq.officeId);
    expect(path.dirname(fileA)).toBe(path.dirname(a.hq.target));
    expect(path.basename(fileA)).toBe('hq-view.sqlite');
    expect(fileB).not.toBe(fileA);
    expect(path.dirname(fileA)).not.toBe(process.cwd());
    expect(appealIds(await open(a.hq, fileA))).toEqual([a.appeal]);
    expect(appealIds(await open(b.hq, fileB))).toEqual([b.appeal]);
    expect(defaultViewFile('postgres://h/db', 'X')).not.toContain(process.cwd());
  });

  it('built for another HQ, is refused with what to do, and rebuilt on request', async () => {
    const a = await hqWithOffice('ТВР');
    const b = await hqWithOffice('ТВР');
    const file = defaultViewFile(a.hq.target, a.hq.hq.officeId);
    (await open(a.hq, file)).close();
    views.splice(0);
    await expect(HqView.open(b.hq.hq, file, b.hq.clock)).rejects.toThrow(
      hqText.viewOfAnotherHq(file, a.hq.hq.officeId),
    );
    expect((await hqStatus(b.hq.hq, file)).viewOfAnotherHq).toBe(true);
    await HqView.rebuild(b.hq.hq, file, b.hq.clock);
    expect(appealIds(await open(b.hq, file))).toEqual([b.appeal]);
  });

  it('that fails to catch up says so on HQ’s status and the analysts’ screen, and clears when it recovers', async () => {
    const hq = await startTestHq('sqlite', T0);
    const office = await enrolledOffice(hq, 'ТВР', T0);
    const file = defaultViewFile(hq.target, hq.hq.officeId);
    const view = await open(hq, file);
    // Another office under the same code already in the view: the merge of the real one fails.
    view.handle.sqlite
      .prepare(
        "INSERT INTO offices (id, office_id, name, code, deputy_name, time_zone, created_at, updated_at, hlc) VALUES ('x', 'x', 'Чужая', 'ТВР', 'Д', 'Europe/Moscow', ?, ?, '0')",
      )
      .run(T0, T0);
    await office.value('appeals.register', appealInput());
    expect((await office.sync.syncNow()).ok).toBe(true);
    await expect(view.catchUp()).rejects.toThrow(/UNIQUE/);
    const failed = await hqStatus(hq.hq, file);
    expect(failed.view.error).toMatch(/UNIQUE/);
    expect(failed.view.behind).toBeGreaterThan(0);
    const screen = await view.handle.api.call('internal', 'setup.status', {}, { token: null });
    expect(screen.ok && (screen.value as { view?: { error: string | null } }).view?.error).toMatch(/UNIQUE/);

    view.handle.sqlite.prepare("DELETE FROM offices WHERE id = 'x'").run();
    expect(await view.catchUp()).toBeGreaterThan(0);
    const fine = await hqStatus(hq.hq, file);
    expect(fine.view).toMatchObject({ error: null, behind: 0 });
    expect(fs.existsSync(file)).toBe(true);
  });
});
