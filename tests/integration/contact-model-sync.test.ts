import { describe, expect, it } from 'vitest';
import { enrolledOffice, joinedNode, startTestHq } from './sync-fixture';

const T0 = '2026-02-13T07:30:00Z';

/**
 * The office's fields, a contact's e-mails, links and field values travel between the office's computers;
 * a value set on both offline ends as one value, not two.
 */
describe('the contact model travels with the office', () => {
  it('fields, e-mails and links reach the laptop; one field set on both computers offline stays one value', async () => {
    const hq = await startTestHq('sqlite', T0);
    const desk = await enrolledOffice(hq, 'КНТ', T0);
    const [plot] = await desk.value('contactFields.save', {
      name: 'Участок',
      type: 'list',
      options: ['№ 1', '№ 2'],
    });
    const c = await desk.value('contacts.create', {
      lastName: 'Орлова',
      emails: [
        { email: 'orlova@example.ru', kind: 'personal' },
        { email: 'orlova@school.example.ru', kind: 'work' },
      ],
      socials: [{ network: 'vk', handle: 'vk.com/orlova' }],
    });
    expect((await desk.sync.syncNow()).ok).toBe(true);
    const laptop = await joinedNode(hq, desk, T0);
    expect(await laptop.value('contactFields.list', {})).toEqual(await desk.value('contactFields.list', {}));
    const there = await laptop.value('contacts.get', { id: c.id });
    expect([there.emails, there.socials]).toEqual([c.emails, c.socials]);

    // Offline, each computer sets her plot; after the syncs both hold one value, the later one.
    await desk.value('contacts.update', { id: c.id, fields: { fieldValues: { [plot!.id]: '№ 1' } } });
    await laptop.value('contacts.update', { id: c.id, fields: { fieldValues: { [plot!.id]: '№ 2' } } });
    for (const node of [desk, laptop, desk]) expect((await node.sync.syncNow()).ok).toBe(true);
    for (const node of [desk, laptop]) {
      expect((await node.value('contacts.get', { id: c.id })).fieldValues.map((v) => v.value)).toEqual([
        '№ 2',
      ]);
      const rows = node.handle.sqlite
        .prepare('SELECT count(*) AS n FROM contact_field_values WHERE contact_id = ?')
        .get(c.id) as { n: number };
      expect(rows.n).toBe(1);
    }
  });
});
