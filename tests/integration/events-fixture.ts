/** The staff of an event and its checklists, for the events tests. */
import type { EventCard } from '../../shared/api/events';
import type { TestOffice } from './office-fixture';

export async function staff(o: TestOffice) {
  const assistant = await o.addUser('assistant', 'assistant');
  const escort = await o.addUser('escort', 'assistant');
  const head = await o.addUser('head', 'office_head');
  return { assistant, escort, head };
}

export const openTasks = (c: EventCard) => c.tasks.filter((t) => t.status === 'open');

export async function tickAll(o: TestOffice, c: EventCard, token: string): Promise<EventCard> {
  let card = c;
  for (const t of openTasks(c))
    for (const i of t.items) card = await o.call('events.checkItem', { id: i.id, done: true }, token);
  return card;
}
