import { describe, expect, it } from 'vitest';
import { officeKey } from '../../main/sync/sealing';
import { openTempOffice, runTs, setUpOffice } from './helpers';

/** The office's key travels from the office's computer to its others by hand, never through HQ. */

const cli = (args: string[]) => runTs('main/transport/cli/main.ts', args);

describe('npm run cli -- office-key', () => {
  it('shows the key on the office’s computer and takes it on another', async () => {
    const first = await setUpOffice();
    const other = openTempOffice();
    try {
      const shown = await cli(['office-key', '--db', first.file]);
      expect(shown.code).toBe(0);
      const key = shown.stdout.trim();
      expect(key).toBe(first.handle.store.transaction((db) => officeKey(db)));
      const bad = await cli(['office-key', 'not-a-key', '--db', other.file]);
      expect(bad.code).toBe(1);
      expect(bad.stderr).toMatch(/Это не ключ приёмной/);
      const taken = await cli(['office-key', key, '--db', other.file]);
      expect(taken.code).toBe(0);
      expect(taken.stdout).toMatch(/Ключ приёмной принят/);
      expect(other.handle.store.transaction((db) => officeKey(db))).toBe(key);
    } finally {
      first.close();
      other.close();
    }
  }, 60_000);
});
