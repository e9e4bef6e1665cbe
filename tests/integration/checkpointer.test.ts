import fs from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { Checkpointer, FALLBACK_AUTOCHECKPOINT } from '../../db/checkpointer';
import { openOffice } from '../../main/boot/open-office';
import { fixedClock } from '../../shared/util/clock';
import { appealInput, NOW, PASSWORD, setUpOffice, tempDir } from './helpers';

/**
 * Background checkpoints (db/checkpointer.ts): a worker thread copies the WAL back into the database,
 * so a writer's commit no longer does it; what it copies is what was committed, nothing more or less.
 */
describe('checkpointing on a worker thread', () => {
  it('copies every committed page back, and the file holds every registration afterwards', async () => {
    const set = await setUpOffice();
    set.handle.close();
    const handle = openOffice(set.file, { clock: fixedClock(NOW), backgroundCheckpoints: true });
    try {
      expect(handle.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(FALLBACK_AUTOCHECKPOINT);
      const s = await handle.api.call('internal', 'auth.signIn', { login: 'admin', password: PASSWORD });
      if (!s.ok) throw new Error(s.error.message);
      const token = (s.value as { token: string }).token;
      const appeals = Array.from({ length: 300 }, () => appealInput());
      const r = await handle.api.call('internal', 'appeals.registerBatch', { appeals }, { token });
      expect(r.ok).toBe(true);
      const done = await handle.checkpointer!.checkpointNow();
      expect(done.busy).toBe(0);
      expect(done.log).toBeGreaterThan(0);
      expect(done.checkpointed).toBe(done.log);
    } finally {
      handle.close();
    }
    // Read back by a fresh connection to the file alone: everything committed is there, intact.
    const db = new Database(set.file, { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.prepare('SELECT count(*) FROM appeals').pluck().get()).toBe(300);
    } finally {
      db.close();
      set.tmp.remove();
    }
  });

  it("is closed before the writer, so the writer's close finishes the WAL and removes it, every time", async () => {
    const set = await setUpOffice();
    set.handle.close();
    try {
      // Closed in the other order, about four in ten of these left -wal and -shm behind.
      for (let i = 0; i < 12; i++) {
        const handle = openOffice(set.file, { clock: fixedClock(NOW), backgroundCheckpoints: true });
        await handle.checkpointer!.checkpointNow();
        handle.close();
        expect(fs.readdirSync(set.tmp.dir).filter((f) => f.endsWith('-wal') || f.endsWith('-shm'))).toEqual(
          [],
        );
      }
    } finally {
      set.tmp.remove();
    }
  });

  it('reports a worker that cannot open the file, so the office can checkpoint for itself again', async () => {
    const tmp = tempDir();
    try {
      const failed = await new Promise<Error>((resolve) => {
        const c = new Checkpointer(tmp.file('missing.sqlite'), { onError: resolve });
        void c;
      });
      expect(failed).toBeInstanceOf(Error);
      expect(failed.message).not.toBe('');
    } finally {
      tmp.remove();
    }
  });

  it('closes at once when its worker failed before the close was asked for', () => {
    const tmp = tempDir();
    try {
      const c = new Checkpointer(tmp.file('missing.sqlite'));
      // close() waits for the worker to end: it must end on failure too, or the quit would hang.
      c.close();
      expect(() => c.close()).not.toThrow();
    } finally {
      tmp.remove();
    }
  }, 4_000);
});
