/**
 * 152-FZ erasure down to the bytes: once a person is erased, his surname, phone and address are nowhere in
 * the database file (not in its free pages, not in the audit's details), while the audit entries stay.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contactText } from '../../shared/i18n/ru/contacts';
import { testOffice } from './office-fixture';

/** Every spelling of the person the file could hold: as typed, folded, the phone's digits. */
const TRACES = [
  'Зюзюкин',
  'зюзюкин',
  'ЗЮЗЮКИН',
  'Шишкина',
  'шишкина',
  '9123456789',
  '912) 345',
  'zyuzyukina@',
];

function tracesIn(file: string): string[] {
  const bytes = Buffer.concat(
    [file, `${file}-wal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f)),
  );
  return TRACES.filter((t) => bytes.includes(Buffer.from(t, 'utf8')));
}

describe('erasing a person', () => {
  it('leaves his data neither in free pages nor in audit details; the audit entries stay', async () => {
    const o = await testOffice();
    const card = await o.call('contacts.create', {
      lastName: 'Зюзюкина',
      firstName: 'Агриппина',
      phones: ['+7 (912) 345-67-89'],
      email: 'zyuzyukina@example.ru',
      address: 'г. Екатеринбург, ул. Шишкина, д. 17',
      tags: ['соседка'],
    });
    // Changed once, so the old versions were rewritten in place before the erasure.
    await o.call('contacts.update', {
      id: card.id,
      fields: { address: 'ул. Шишкина, д. 19', comment: 'Зюзюкина' },
    });
    await o.call('contacts.addNote', { id: card.id, text: 'Звонила Зюзюкина, 8 912 345-67-89' });
    for (const q of ['Зюзюкина', '89123456789'])
      await o.call('contacts.export', { filter: { q }, purpose: 'records' });
    // Someone else's entries are not touched.
    await o.call('contacts.create', { lastName: 'Петров', phones: ['+7 900 000-00-01'] });
    await o.call('contacts.export', { filter: { q: 'Петров' }, purpose: 'records' });
    expect(tracesIn(o.file)).not.toEqual([]);
    const before = o.handle.sqlite.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number };

    await o.call('contacts.erase', { id: card.id });

    const exports = o.handle.sqlite
      .prepare("SELECT details FROM audit_log WHERE action = 'contacts.export' ORDER BY seq")
      .all() as { details: string }[];
    expect(exports.map((e) => (JSON.parse(e.details) as { filter: { q: string } }).filter.q)).toEqual([
      contactText.redacted,
      contactText.redacted,
      'Петров',
    ]);
    const after = o.handle.sqlite.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number };
    expect(after.n).toBe(before.n + 1);
    o.handle.close();
    expect(tracesIn(o.file)).toEqual([]);
  });
});
