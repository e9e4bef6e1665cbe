/**
 * A registration's number is given to the citizen at once: its commit must outlive a power cut (WAL
 * synced at every commit), and what an erasure deletes is zeroed in the file (152-FZ).
 */
import { describe, expect, it } from 'vitest';
import { openOffice } from '../../main/boot/open-office';
import { tempDir } from './helpers';

describe('the office database', () => {
  it('commits durably (synchronous = FULL) and zeroes what it deletes (secure_delete)', () => {
    const tmp = tempDir();
    try {
      for (const backgroundCheckpoints of [false, true]) {
        const office = openOffice(tmp.file('office.sqlite'), { backgroundCheckpoints });
        try {
          expect(office.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
          // 2 is FULL; NORMAL (1) could lose the last commits to a power loss.
          expect(office.sqlite.pragma('synchronous', { simple: true })).toBe(2);
          expect(office.sqlite.pragma('secure_delete', { simple: true })).toBe(1);
        } finally {
          office.close();
        }
      }
    } finally {
      tmp.remove();
    }
  });
});
