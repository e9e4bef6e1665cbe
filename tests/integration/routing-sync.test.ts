import { describe, expect, it } from 'vitest';
import { appealInput } from './helpers';
import { enrolledOffice, joinedNode, startTestHq } from './sync-fixture';

const T0 = '2026-02-13T07:30:00Z';

/**
 * Routing rules are office settings every computer of the office must share (as the checklist templates
 * are): a rule made on one computer routes appeals registered on another after a sync, and its edits and
 * deletion travel the same way.
 */
describe('routing rules travel with the office', () => {
  it('a rule made at the office routes an appeal registered on the laptop; its deletion follows', async () => {
    const hq = await startTestHq('sqlite', T0);
    const desk = await enrolledOffice(hq, 'МРШ', T0);
    const anna = await desk.addUser('anna', 'assistant');
    const [rule] = await desk.value('routing.create', {
      name: 'ЖКХ',
      when: { topic: '0005' },
      responsibleId: anna.id,
    });
    expect((await desk.sync.syncNow()).ok).toBe(true);
    const laptop = await joinedNode(hq, desk, T0);
    expect(await laptop.value('routing.list', {})).toEqual(await desk.value('routing.list', {}));
    const card = await laptop.value('appeals.register', appealInput({ topics: ['0005.0005.0056.1149'] }));
    expect(card.responsibleId).toBe(anna.id);

    await desk.value('routing.delete', { id: rule!.id });
    expect((await desk.sync.syncNow()).ok).toBe(true);
    expect((await laptop.sync.syncNow()).ok).toBe(true);
    expect(await laptop.value('routing.list', {})).toEqual([]);
  });
});
