/**
 * Backups: database and attached files into the office's chosen folder, verified after writing,
 * rotated, caught up after the app was closed, restored over the open office and into a fresh folder.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openOffice } from '../../main/boot/open-office';
import { storedFile } from '../../main/backups/manifest';
import { runCli, type CliIo } from '../../main/transport/cli/run';
import { BackupScheduler } from '../../main/backups/scheduler';
import { backupText } from '../../shared/i18n/ru/backups';
import { fixedClock } from '../../shared/util/clock';
import { appealInput, OFFICE_INPUT, PASSWORD, tempDir } from './helpers';
import { testOffice, type TestOffice } from './office-fixture';

const folders: string[] = [];
afterEach(() => folders.splice(0).forEach((f) => fs.rmSync(f, { recursive: true, force: true })));

const PDF = Buffer.from('%PDF-1.4\n% скан обращения\n%%EOF\n');

async function officeWithData(): Promise<{
  o: TestOffice;
  folder: string;
  appealIds: string[];
  fileId: string;
}> {
  const o = await testOffice('2026-12-07T07:30:00Z');
  // Another disk: outside the office's data folder.
  const folder = path.join(`${o.tmp.dir}-second-disk`, 'Копии');
  folders.push(path.dirname(folder));
  await o.call('backups.setFolder', { folder });
  const a = await o.call('appeals.register', appealInput());
  const b = await o.call('appeals.register', appealInput({ summary: 'Ремонт крыши дома 5' }));
  const file = await o.call('attachments.add', {
    appealId: a.id,
    name: 'Скан.pdf',
    mime: 'application/pdf',
    dataBase64: PDF.toString('base64'),
  });
  await o.call('office.update', { deputyRequestDays: 21 });
  return { o, folder, appealIds: [a.id, b.id], fileId: file.id };
}

function cliIo(): CliIo & { said: string[]; errors: string[] } {
  const said: string[] = [];
  const errors: string[] = [];
  return {
    said,
    errors,
    out: (t) => said.push(t),
    err: (t) => errors.push(t),
    env: {},
    readStdin: async () => '',
  };
}

const appealIds = async (o: { call: TestOffice['call'] }): Promise<string[]> =>
  (await o.call('appeals.list', {})).rows.map((r) => r.id).sort();

describe('backups', () => {
  it('backs up, and a restore over the open office brings back every appeal, file and setting', async () => {
    const { o, folder, appealIds: ids, fileId } = await officeWithData();
    const made = await o.call('backups.run', {});
    expect(made.backup).toMatchObject({ kind: 'manual', files: 1, missingFiles: 0, localDate: '2026-12-07' });
    // After the backup: a third appeal, another setting, the scan's file lost from the data folder.
    o.clock.advance(3_600_000);
    const later = await o.call('appeals.register', appealInput({ summary: 'Позже копии' }));
    await o.call('office.update', { deputyRequestDays: 30 });
    const sha = (await o.call('attachments.get', { id: fileId })).sha256;
    fs.rmSync(storedFile(path.dirname(o.file), sha));

    const r = await o.call('backups.restore', { name: made.backup.name });
    expect(r.restored).toBe(made.backup.name);
    // The same handle reads the restored data: nothing reopened, the admin still signed in.
    expect(await appealIds(o)).toEqual([...ids].sort());
    expect((await o.call('office.get', {})).deputyRequestDays).toBe(21);
    expect(Buffer.from((await o.call('attachments.get', { id: fileId })).dataBase64, 'base64')).toEqual(PDF);
    const list = (await o.call('backups.overview', {})).backups;
    expect(list.map((b) => b.kind).sort()).toEqual(['before_restore', 'manual']);
    expect((await o.call('backups.overview', {})).folder).toBe(folder);

    // The state before the restore was kept, and comes back in its turn.
    await o.call('backups.restore', { name: r.before });
    expect(await appealIds(o)).toEqual([...ids, later.id].sort());
    expect((await o.call('office.get', {})).deputyRequestDays).toBe(30);
  });

  it('restores into a fresh data folder: every appeal, file and setting, and the people can sign in', async () => {
    const { o, folder, appealIds: ids, fileId } = await officeWithData();
    const made = await o.call('backups.run', {});
    const fresh = tempDir();
    try {
      const file = path.join(fresh.dir, 'Новый компьютер', 'priemnaya.sqlite');
      const io = cliIo();
      expect(await runCli(['restore', path.join(folder, made.backup.name), '--db', file], io)).toBe(0);
      expect(io.said.join('')).toContain(made.backup.name);
      const h = openOffice(file, { clock: o.clock, validateOutput: true });
      try {
        const token = await h.api.call('internal', 'auth.signIn', { login: 'admin', password: PASSWORD });
        if (!token.ok) throw new Error(JSON.stringify(token.error));
        const t = (token.value as { token: string }).token;
        const call = async (method: string, input: unknown): Promise<never> => {
          const res = await h.api.call('internal', method, input, { token: t });
          if (!res.ok) throw new Error(JSON.stringify(res.error));
          return res.value as never;
        };
        expect(await appealIds({ call } as never)).toEqual([...ids].sort());
        const got: { dataBase64: string } = await call('attachments.get', { id: fileId });
        expect(Buffer.from(got.dataBase64, 'base64')).toEqual(PDF);
        expect(((await call('office.get', {})) as { deputyRequestDays: number }).deputyRequestDays).toBe(21);
      } finally {
        h.close();
      }
    } finally {
      fresh.remove();
    }
  });

  it('restores under the desktop app’s setup: the background checkpointer and a second connection stay valid', async () => {
    const tmp = tempDir();
    const backupsAt = `${tmp.dir}-copies`;
    folders.push(backupsAt);
    const file = tmp.file('priemnaya.sqlite');
    const h = openOffice(file, { backgroundCheckpoints: true, validateOutput: true });
    const other = openOffice(file, { validateOutput: true }); // another window on the same file
    try {
      const as = async (office: typeof h, method: string, input: unknown): Promise<never> => {
        const r = await office.api.call('internal', method, input, { login: 'admin' });
        if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
        return r.value as never;
      };
      await as(h, 'setup.init', {
        office: OFFICE_INPUT,
        admin: { login: 'admin', fullName: 'Админ', password: PASSWORD },
      });
      await as(h, 'backups.setFolder', { folder: backupsAt });
      const first: { id: string } = await as(h, 'appeals.register', appealInput());
      const made: { backup: { name: string } } = await as(h, 'backups.run', {});
      for (let i = 0; i < 30; i++)
        await as(other, 'appeals.register', appealInput({ summary: `После копии ${i}` }));
      await as(h, 'backups.restore', { name: made.backup.name });
      for (const office of [h, other]) {
        const list: { rows: { id: string }[] } = await as(office, 'appeals.list', {});
        expect(list.rows.map((r) => r.id)).toEqual([first.id]);
      }
      // Both keep writing on the restored file.
      await as(other, 'appeals.register', appealInput({ summary: 'После восстановления' }));
      expect(((await as(h, 'appeals.list', {})) as { rows: unknown[] }).rows).toHaveLength(2);
      expect(h.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      other.close();
      h.close();
      tmp.remove();
    }
  });

  it('refuses a damaged backup, and nothing changes', async () => {
    const { o, folder } = await officeWithData();
    const made = await o.call('backups.run', {});
    const dir = path.join(folder, made.backup.name);
    const before = await appealIds(o);
    await o.call('appeals.register', appealInput({ summary: 'После копии' }));
    const after = await appealIds(o);
    expect(after.length).toBe(before.length + 1);

    // One attached file changed on the second disk.
    const [hash] = fs
      .readdirSync(path.join(dir, 'files'), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.length > 60);
    fs.appendFileSync(path.join(dir, 'files', hash!), 'x');
    const e = await o.fail('backups.restore', { name: made.backup.name });
    expect(e).toMatchObject({ code: 'invalid_state', field: 'name', message: backupText.damaged });
    expect(await appealIds(o)).toEqual(after);
    const io = cliIo();
    expect(await runCli(['restore', dir, '--db', o.file], io)).toBe(1);
    expect(io.errors.join('')).toMatch(/повреждена.*was changed/);
    expect(await appealIds(o)).toEqual(after);
    // Refused before anything was written: no copy of the current state either.
    expect((await o.call('backups.overview', {})).backups.map((b) => b.name)).toEqual([made.backup.name]);

    // The database file damaged in its middle: its hash no longer matches.
    const second = await o.call('backups.run', {});
    const secondDir = path.join(folder, second.backup.name);
    const db = path.join(secondDir, 'priemnaya.sqlite');
    const fd = fs.openSync(db, 'r+');
    fs.writeSync(fd, Buffer.alloc(4096, 0xff), 0, 4096, 8192);
    fs.closeSync(fd);
    expect(await o.fail('backups.restore', { name: second.backup.name })).toMatchObject({
      code: 'invalid_state',
      message: backupText.damaged,
    });
    const byHash = cliIo();
    expect(await runCli(['restore', secondDir, '--db', o.file], byHash)).toBe(1);
    expect(byHash.errors.join('')).toContain('the database file was changed');
    // Damaged before its hash was taken (a bad disk under the copy): SQLite's integrity check refuses it.
    const manifestFile = path.join(secondDir, 'manifest.json');
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as { db: { sha256: string } };
    manifest.db.sha256 = createHash('sha256').update(fs.readFileSync(db)).digest('hex');
    fs.writeFileSync(manifestFile, JSON.stringify(manifest));
    const byCheck = cliIo();
    expect(await runCli(['restore', secondDir, '--db', o.file], byCheck)).toBe(1);
    expect(byCheck.errors.join('')).toMatch(/integrity check|does not open/);
    expect(await o.fail('backups.restore', { name: second.backup.name })).toMatchObject({
      message: backupText.damaged,
    });
    expect(await appealIds(o)).toEqual(after);
  });

  it('refuses a folder it cannot use, naming the field, and keeps the old one', async () => {
    const { o, folder } = await officeWithData();
    expect(await o.fail('backups.setFolder', { folder: 'relative/path' })).toMatchObject({ field: 'folder' });
    expect(await o.fail('backups.setFolder', { folder: path.join(o.tmp.dir, 'files') })).toMatchObject({
      field: 'folder',
    });
    expect(await o.fail('backups.restore', { name: '../../etc' })).toMatchObject({ field: 'name' });
    expect((await o.call('backups.overview', {})).folder).toBe(folder);
    const user = await o.addUser('pomoshnik', 'assistant');
    expect(await o.fail('backups.overview', {}, user.token)).toMatchObject({ code: 'forbidden' });
  });

  it('the scheduler makes one backup a day and catches up a day the app was closed through', async () => {
    const { o, folder } = await officeWithData();
    const clock = fixedClock('2026-12-07T07:30:00Z');
    const ctx = { ...o.handle.api.systemContext(), clock };
    const scheduler = new BackupScheduler(ctx, { timers: { setInterval: () => 1, clearInterval: () => {} } });
    expect((await scheduler.start())?.entry.localDate).toBe('2026-12-07');
    clock.advance(600_000);
    expect(await scheduler.pass()).toBeNull(); // one a day
    scheduler.stop();
    // The app is closed for three days; at the next start (11:00 Moscow) the day's backup is made at once.
    clock.set('2026-12-10T08:00:00Z');
    const next = new BackupScheduler(ctx, { timers: { setInterval: () => 1, clearInterval: () => {} } });
    const made = await next.start();
    expect(made?.entry).toMatchObject({ kind: 'scheduled', localDate: '2026-12-10' });
    // After midnight Moscow time (21:30 UTC) it is the next day's.
    clock.set('2026-12-10T21:30:00Z');
    expect((await next.pass())?.entry.localDate).toBe('2026-12-11');
    const list = (await o.call('backups.overview', {})).backups;
    expect(list.map((b) => b.localDate)).toEqual(['2026-12-11', '2026-12-10', '2026-12-07']);
    expect(fs.readdirSync(folder).filter((n) => n.startsWith('.'))).toEqual([]);
    // The scan is held once on the backup disk: each backup links the file the one before it holds.
    const scans = list.map((b) =>
      fs
        .readdirSync(path.join(folder, b.name, 'files'), { recursive: true, encoding: 'utf8' })
        .filter((f) => f.length > 60)
        .map((f) => fs.statSync(path.join(folder, b.name, 'files', f)).ino),
    );
    expect(new Set(scans.flat()).size).toBe(1);
  });

  it('a pass with the folder unreachable records the failure for the settings screen, and the next one makes the backup', async () => {
    const { o, folder } = await officeWithData();
    await o.call('backups.setFolder', { folder: path.join(path.dirname(folder), 'blocker-dir') });
    fs.rmSync(path.join(path.dirname(folder), 'blocker-dir'), { recursive: true });
    fs.writeFileSync(path.join(path.dirname(folder), 'blocker-dir'), 'a file where the folder was');
    const scheduler = new BackupScheduler(o.handle.api.systemContext());
    expect(await scheduler.pass()).toBeNull();
    expect((await o.call('backups.overview', {})).lastError?.message).toBe(backupText.folderUnavailable);
    fs.rmSync(path.join(path.dirname(folder), 'blocker-dir'));
    expect((await scheduler.pass())?.entry.kind).toBe('scheduled');
    expect((await o.call('backups.overview', {})).lastError).toBeNull();
  });
});
