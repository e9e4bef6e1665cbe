import { describe, expect, it } from 'vitest';
import { appealInput } from './helpers';
import { enrolledOffice, joinedNode, startTestHq, type SyncNode } from './sync-fixture';

const T0 = '2026-03-02T08:00:00Z';

function derived(n: SyncNode): { topics: unknown[]; search: unknown[] } {
  const db = n.handle.store.read;
  return {
    topics: db.rawAll('SELECT appeal_id, code FROM appeal_topics ORDER BY appeal_id, code'),
    search: db.rawAll(
      'SELECT a.id, f.body FROM appeals a JOIN appeal_fts f ON f.rowid = a.rowid ORDER BY a.id',
    ),
  };
}

describe('a computer joining an office', () => {
  it('rebuilds each appeal’s topics and search text as the office has them', async () => {
    const hq = await startTestHq('sqlite', T0);
    const office = await enrolledOffice(hq, 'ТВР', T0);
    for (let i = 0; i < 4; i++)
      await office.value(
        'appeals.register',
        appealInput({ topics: ['0005.0005.0056.1149', '0001.0001.0001.0001'].slice(0, 1 + (i % 2)) }),
      );
    expect((await office.sync.syncNow()).ok).toBe(true);
    const laptop = await joinedNode(hq, office, T0);
    expect(derived(laptop)).toEqual(derived(office));
    expect(derived(laptop).topics.length).toBe(6);
  });
});
