import { describe, expect, it } from 'vitest';
import { openOffice } from '../../main/boot/open-office';
import { REGISTRY_COLUMNS } from '../../shared/api/prefs';
import { PASSWORD } from './helpers';
import { testOffice } from './office-fixture';

describe('a person’s registry columns', () => {
  it('are kept per person in the office file and survive closing and opening it', async () => {
    const o = await testOffice();
    const a = await o.addUser('kozlova', 'assistant');
    const b = await o.addUser('egorov', 'assistant');
    expect(await o.call('prefs.registryColumns', {}, a.token)).toEqual({ columns: null });

    const mine = [
      { key: 'dueDate' as const, width: 120 },
      { key: 'regNumber' as const },
      { key: 'applicantName' as const, width: 260 },
      { key: 'summary' as const, width: 400 },
    ];
    await o.call('prefs.setRegistryColumns', { columns: mine }, a.token);
    expect(await o.call('prefs.registryColumns', {}, a.token)).toEqual({ columns: mine });
    // Another person's registry is untouched.
    expect(await o.call('prefs.registryColumns', {}, b.token)).toEqual({ columns: null });
    const stored = o.handle.sqlite.prepare('SELECT user_id, key, value FROM user_prefs').all() as {
      user_id: string;
      value: string;
    }[];
    expect(stored).toEqual([{ user_id: a.id, key: 'registry.columns', value: JSON.stringify(mine) }]);

    // A restart: the same file opened again.
    o.handle.close();
    const again = openOffice(o.file, { clock: o.clock, validateOutput: true });
    try {
      const s = await again.api.call('internal', 'auth.signIn', { login: 'kozlova', password: PASSWORD }, {});
      if (!s.ok) throw new Error(s.error.message);
      const token = (s.value as { token: string }).token;
      const r = await again.api.call('internal', 'prefs.registryColumns', {}, { token });
      expect(r).toEqual({ ok: true, value: { columns: mine } });
      // Back to the default set.
      await again.api.call('internal', 'prefs.setRegistryColumns', { columns: null }, { token });
      expect(again.sqlite.prepare('SELECT count(*) AS n FROM user_prefs').get()).toEqual({ n: 0 });
    } finally {
      again.close();
      o.handle.close = () => undefined;
    }
  });

  it('refuses a bad set naming the field, and keeps what was there', async () => {
    const o = await testOffice();
    const a = await o.addUser('kozlova', 'assistant');
    const good = REGISTRY_COLUMNS.map((key) => ({ key }));
    await o.call('prefs.setRegistryColumns', { columns: good }, a.token);
    const before = o.handle.sqlite.prepare('SELECT * FROM user_prefs').all();
    for (const columns of [
      [],
      [{ key: 'regNumber' }, { key: 'regNumber' }],
      [{ key: 'secret' }],
      [{ key: 'summary', width: 5 }],
    ]) {
      const e = await o.fail('prefs.setRegistryColumns', { columns }, a.token);
      expect(e.code).toBe('validation');
      expect(JSON.stringify(e)).toContain('columns');
    }
    expect(o.handle.sqlite.prepare('SELECT * FROM user_prefs').all()).toEqual(before);
    expect((await o.fail('prefs.registryColumns', {}, '')).code).toBe('unauthenticated');
  });
});

describe('a person’s contact-list columns of the office’s own fields', () => {
  it('are kept per person; a bad set is refused naming the field and changes nothing', async () => {
    const o = await testOffice();
    const a = await o.addUser('kozlova', 'assistant');
    const b = await o.addUser('egorov', 'assistant');
    expect(await o.call('prefs.contactFieldColumns', {}, a.token)).toEqual({ fieldIds: [] });
    const ids = [crypto.randomUUID(), crypto.randomUUID()];
    await o.call('prefs.setContactFieldColumns', { fieldIds: ids }, a.token);
    expect(await o.call('prefs.contactFieldColumns', {}, a.token)).toEqual({ fieldIds: ids });
    expect(await o.call('prefs.contactFieldColumns', {}, b.token)).toEqual({ fieldIds: [] });
    const stored = o.handle.sqlite.prepare('SELECT user_id, key, value FROM user_prefs').all();
    expect(stored).toEqual([{ user_id: a.id, key: 'contacts.fieldColumns', value: JSON.stringify(ids) }]);

    for (const fieldIds of [['not-an-id'], [ids[0], ids[0]]]) {
      const e = await o.fail('prefs.setContactFieldColumns', { fieldIds }, a.token);
      expect(e.code).toBe('validation');
      expect(JSON.stringify(e)).toContain('fieldIds');
    }
    expect(o.handle.sqlite.prepare('SELECT user_id, key, value FROM user_prefs').all()).toEqual(stored);
    // None chosen: nothing kept.
    await o.call('prefs.setContactFieldColumns', { fieldIds: [] }, a.token);
    expect(o.handle.sqlite.prepare('SELECT count(*) AS n FROM user_prefs').get()).toEqual({ n: 0 });
  });
});
