import { describe, expect, it } from 'vitest';
import { pendingCount } from '../../main/sync/office-store';
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

/** The statistics' and the contact filters' counts, each row where something is counted. */
function counts(n: SyncNode): { appeals: unknown[]; facets: unknown[]; pending: number } {
  const db = n.handle.store.read;
  return {
    appeals: db.rawAll(
      'SELECT measure, day, office_id, key, n FROM appeal_counts WHERE n <> 0 ORDER BY measure, day, office_id, key',
    ),
    facets: db.rawAll('SELECT sig, n FROM contact_facet_counts WHERE n <> 0 ORDER BY sig'),
    pending: pendingCount(db),
  };
}

describe('a computer joining an office, then syncing again', () => {
  it('counts the statistics and the contact filters as the office does, and sends nothing back', async () => {
    const hq = await startTestHq('sqlite', T0);
    const office = await enrolledOffice(hq, 'ТВР', T0);
    const ids: string[] = [];
    for (let i = 0; i < 6; i++)
      ids.push(
        (
          await office.value(
            'appeals.register',
            appealInput({
              channel: (['post', 'email', 'web'] as const)[i % 3],
              kind: i % 2 ? 'proposal' : 'complaint',
              isCollective: i === 4,
              topics: ['0005.0005.0056.1149', '0001.0001.0001.0001'].slice(0, 1 + (i % 2)),
              applicant: {
                lastName: `Заявителев-${i}`,
                firstName: 'Иван',
                address: `г. Тверь, ул. Советская, д. ${i}`,
                ...(i % 2 ? { phone: `+7915000000${i}`, socialCategory: 'пенсионер' } : {}),
              },
            }),
          )
        ).id,
      );
    expect((await office.sync.syncNow()).ok).toBe(true);
    const laptop = await joinedNode(hq, office, T0);
    const joined = counts(laptop);
    expect(joined).toEqual(counts(office));
    expect(joined.appeals.length).toBeGreaterThan(0);
    expect(joined.facets.length).toBeGreaterThan(1);
    expect(joined.pending).toBe(0);

    // A page that changes an appeal the laptop holds and brings a new one: counted as the office counts.
    const card = await office.value('appeals.get', { id: ids[0]! });
    await office.value('appeals.update', {
      id: card.id,
      version: card.version,
      patch: { channel: 'phone', topics: ['0001.0001.0001.0001'] },
    });
    await office.value('appeals.register', appealInput({ channel: 'hand' }));
    expect((await office.sync.syncNow()).ok).toBe(true);
    expect((await laptop.sync.syncNow()).ok).toBe(true);
    expect(counts(laptop)).toEqual(counts(office));
    expect(counts(laptop).appeals).not.toEqual(joined.appeals);
  });
});
