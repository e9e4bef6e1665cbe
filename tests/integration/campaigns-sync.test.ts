import { describe, expect, it } from 'vitest';
import { enrolledOffice, joinedNode, startTestHq } from './sync-fixture';

const T0 = '2026-02-13T07:30:00Z';

/**
 * A campaign travels with the office like its other records; a contact two computers take into one
 * campaign apart is one member after they sync, with one taking-in row, and the later move wins.
 */
describe('campaigns travel with the office', () => {
  it('one contact taken in on two computers offline is one member after sync, at the stage moved to last', async () => {
    const hq = await startTestHq('sqlite', T0);
    const desk = await enrolledOffice(hq, 'КМП', T0);
    const c = await desk.value('campaigns.create', { name: 'Подписи за сквер', kind: 'signatures' });
    const person = await desk.value('contacts.create', {
      lastName: 'Сидорова',
      phones: ['+7 916 111 22 33'],
    });
    expect((await desk.sync.syncNow()).ok).toBe(true);
    const laptop = await joinedNode(hq, desk, T0);
    expect(await laptop.value('campaigns.get', { id: c.id })).toEqual(
      await desk.value('campaigns.get', { id: c.id }),
    );

    await laptop.value('campaigns.addContacts', { campaignId: c.id, contactIds: [person.id] });
    desk.clock.advance(60_000);
    await desk.value('campaigns.addContacts', { campaignId: c.id, contactIds: [person.id] });
    const [m] = (await desk.value('campaigns.members', { campaignId: c.id })).rows;
    await desk.value('campaigns.move', { memberId: m!.id, step: 'next' });
    expect((await laptop.sync.syncNow()).ok).toBe(true);
    expect((await desk.sync.syncNow()).ok).toBe(true);
    expect((await laptop.sync.syncNow()).ok).toBe(true);

    for (const node of [desk, laptop]) {
      const { rows, total } = await node.value('campaigns.members', { campaignId: c.id });
      expect(total).toBe(1);
      expect(rows[0]!.stageId).toBe(c.stages[1]!.id);
      const history = await node.value('campaigns.history', { memberId: m!.id });
      expect(history.map((h) => [h.fromStage, h.toStage])).toEqual([
        [null, c.stages[0]!.name],
        [c.stages[0]!.name, c.stages[1]!.name],
      ]);
    }
  });
});
