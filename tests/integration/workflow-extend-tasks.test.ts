import { describe, expect, it } from 'vitest';
import { openDesk, openTasks } from './workflow-steps';

/**
 * 59-FZ Art. 12 p.2: an extension moves the control date, and the open tasks held to the old date move
 * with it. Registered Friday 13 February 2026, the control date is Friday 13 March; 20 days more from
 * the legal last day (15 March) is Saturday 4 April → Friday 3 April (shift "previous").
 */
describe('workflow.extend moves the tasks held to the old control date', () => {
  it('a stage task capped at the old date is counted again from its day, capped at the new one', async () => {
    const d = await openDesk('2026-02-13');
    const a = await d.register('2026-02-13');
    expect(a.dueDate).toBe('2026-03-13');
    await d.day('2026-03-12');
    // The deputy's 3 working days from Thursday 12 March would be Tuesday 17th: capped at Friday 13th.
    const sent = await d.o.call('workflow.sendToDeputy', { id: a.id }, d.assistant.token);
    expect(openTasks(sent)).toEqual([['resolution', d.deputy.id, '2026-03-13']]);
    const c = await d.o.call(
      'workflow.extend',
      { id: a.id, days: 20, reason: 'Выезд на место' },
      d.deputy.token,
    );
    expect(c.dueDate).toBe('2026-04-03');
    expect(openTasks(c)).toEqual([
      ['resolution', d.deputy.id, '2026-03-17'],
      // The notice of the extension is owed before the old date runs out.
      ['extension_notice', d.assistant.id, '2026-03-13'],
    ]);
  });

  it('a task due at the term itself moves to the new control date', async () => {
    const d = await openDesk('2026-02-13');
    const a = await d.register('2026-02-13');
    await d.day('2026-03-06');
    // Part 3: the notice has no term of its own and goes out within the review term.
    const c0 = await d.o.call(
      'workflow.applyArt11',
      { id: a.id, ground: 'p3', comment: 'Нецензурные выражения' },
      d.assistant.token,
    );
    expect(openTasks(c0)).toEqual([['art11_notice', d.assistant.id, '2026-03-13']]);
    const c = await d.o.call('workflow.extend', { id: a.id, days: 20, reason: 'Проверка' }, d.deputy.token);
    expect(openTasks(c)).toEqual([
      ['art11_notice', d.assistant.id, '2026-04-03'],
      ['extension_notice', d.assistant.id, '2026-03-13'],
    ]);
  });

  it('leaves a stage limit that falls before the old date where it is', async () => {
    const d = await openDesk('2026-02-13');
    const a = await d.register('2026-02-13');
    const c = await d.o.call('workflow.extend', { id: a.id, days: 20, reason: 'Проверка' }, d.deputy.token);
    expect(openTasks(c)[0]).toEqual(['review', d.assistant.id, '2026-02-17']);
  });
});
