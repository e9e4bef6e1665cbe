import { randomBytes, scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { HASH_REMOVED_AT_HQ, HQ_MIGRATIONS } from '../../main/hq/store';
import { setOfficeKey, UNSEALABLE } from '../../main/sync/sealing';
import { appealInput, NOW, PASSWORD } from './helpers';
import { enrolledComputer, enrolledOffice, joinedNode, startTestHq, type TestHq } from './sync-fixture';

/**
 * HQ relays an office's users to its other computers but cannot read their password hashes: a copy of
 * HQ's database gives nothing to guess passwords against offline.
 */

async function everythingAtHq(hq: TestHq): Promise<string> {
  const rows = await hq.hq.db.selectFrom('hq_rows').select(['data']).execute();
  const conflicts = await hq.hq.db.selectFrom('hq_conflicts').selectAll().execute();
  return JSON.stringify([rows, conflicts]);
}

describe('users’ password hashes at HQ', () => {
  it('reach HQ sealed; a computer of the office opens them and its users sign in', async () => {
    const hq = await startTestHq('sqlite', NOW);
    const a = await enrolledOffice(hq, 'ПЧТ', NOW);
    await a.addUser('helper', 'assistant');
    await a.value('appeals.register', appealInput());
    expect((await a.sync.syncNow()).ok).toBe(true);
    const atHq = await everythingAtHq(hq);
    expect(atHq).not.toContain('scrypt$');
    const users = await hq.hq.db
      .selectFrom('hq_rows')
      .select('data')
      .where('table_name', '=', 'users')
      .execute();
    const hashes = users.map((u) => (JSON.parse(u.data) as { password_hash: string }).password_hash);
    expect(hashes.filter((h) => h.startsWith('sealed1$'))).toHaveLength(2);
    // The second computer signs in with the same passwords, and its own changes come back intact.
    const b = await joinedNode(hq, a, NOW);
    expect((await b.value('auth.me', {})).user.login).toBe('admin');
    await b.value('auth.signIn', { login: 'helper', password: PASSWORD }, null);
    expect((await b.sync.syncNow()).ok).toBe(true);
    expect((await a.sync.syncNow()).ok).toBe(true);
    await a.value('auth.signIn', { login: 'helper', password: PASSWORD }, null);
    expect(await everythingAtHq(hq)).not.toContain('scrypt$');
  });

  it('a computer without the office’s key gets the users, but no hash anyone can sign in with', async () => {
    const hq = await startTestHq('sqlite', NOW);
    const a = await enrolledOffice(hq, 'ПЧТ', NOW);
    expect((await a.sync.syncNow()).ok).toBe(true);
    const b = await enrolledComputer(hq, a, NOW, false);
    expect((await b.sync.syncNow()).ok).toBe(true);
    const row = b.handle.sqlite.prepare("SELECT password_hash FROM users WHERE login = 'admin'").get() as {
      password_hash: string;
    };
    expect(row.password_hash).toBe(UNSEALABLE);
    const r = await b.call('auth.signIn', { login: 'admin', password: PASSWORD }, null);
    expect(r.ok ? null : r.error.code).toBe('unauthenticated');
  });

  it('a hash of the old cost, renewed at sign-in, reaches the other computers sealed', async () => {
    const hq = await startTestHq('sqlite', NOW);
    const a = await enrolledOffice(hq, 'ПЧТ', NOW);
    expect((await a.sync.syncNow()).ok).toBe(true);
    const b = await joinedNode(hq, a, NOW);
    const salt = randomBytes(16);
    const old = `scrypt$16384$8$1$${salt.toString('base64')}$${scryptSync(PASSWORD, salt, 32, { N: 16384, r: 8, p: 1 }).toString('base64')}`;
    a.handle.sqlite.prepare("UPDATE users SET password_hash = ? WHERE login = 'admin'").run(old);
    await a.value('auth.signIn', { login: 'admin', password: PASSWORD }, null);
    const renewed = (
      a.handle.sqlite.prepare("SELECT password_hash FROM users WHERE login = 'admin'").get() as {
        password_hash: string;
      }
    ).password_hash;
    expect(renewed).toMatch(/^scrypt\$65536\$/);
    expect((await a.sync.syncNow()).ok).toBe(true);
    expect((await b.sync.syncNow()).ok).toBe(true);
    const atB = b.handle.sqlite.prepare("SELECT password_hash FROM users WHERE login = 'admin'").get() as {
      password_hash: string;
    };
    expect(atB.password_hash).toBe(renewed);
    expect(await everythingAtHq(hq)).not.toContain('scrypt$');
  });

  it('HQ drops the hashes it held in clear before; a user’s next sign-in sends a sealed one', async () => {
    const hq = await startTestHq('sqlite', NOW);
    const a = await enrolledOffice(hq, 'ПЧТ', NOW);
    expect((await a.sync.syncNow()).ok).toBe(true);
    // HQ as it was: the hash in clear, as an office sent it before sealing.
    const { password_hash: clear, id } = a.handle.sqlite
      .prepare("SELECT id, password_hash FROM users WHERE login = 'admin'")
      .get() as { id: string; password_hash: string };
    const row = await hq.hq.db
      .selectFrom('hq_rows')
      .select('data')
      .where('row_id', '=', id)
      .executeTakeFirstOrThrow();
    const data = { ...(JSON.parse(row.data) as object), password_hash: clear };
    await hq.hq.db
      .updateTable('hq_rows')
      .set({ data: JSON.stringify(data) })
      .where('row_id', '=', id)
      .execute();
    expect(await everythingAtHq(hq)).toContain('scrypt$');
    await HQ_MIGRATIONS['003-sealed-passwords']!.up(hq.hq.db as never);
    expect(await everythingAtHq(hq)).not.toContain('scrypt$');
    expect(await everythingAtHq(hq)).toContain(HASH_REMOVED_AT_HQ);

    const salt = randomBytes(16);
    const key = scryptSync(PASSWORD, salt, 32, { N: 16384, r: 8, p: 1 });
    const old = `scrypt$16384$8$1$${salt.toString('base64')}$${key.toString('base64')}`;
    a.handle.sqlite.prepare('UPDATE users SET password_hash = ? WHERE id = ?').run(old, id);
    await a.value('auth.signIn', { login: 'admin', password: PASSWORD }, null);
    expect((await a.sync.syncNow()).ok).toBe(true);
    const now = await hq.hq.db
      .selectFrom('hq_rows')
      .select('data')
      .where('row_id', '=', id)
      .executeTakeFirstOrThrow();
    expect((JSON.parse(now.data) as { password_hash: string }).password_hash).toMatch(/^sealed1\$/);
  });

  it('a computer holding another key keeps the hash it has, so its users still sign in there', async () => {
    const hq = await startTestHq('sqlite', NOW);
    const a = await enrolledOffice(hq, 'ПЧТ', NOW);
    expect((await a.sync.syncNow()).ok).toBe(true);
    const b = await joinedNode(hq, a, NOW);
    const hashAt = (n: typeof a): string =>
      (
        n.handle.sqlite.prepare("SELECT password_hash FROM users WHERE login = 'admin'").get() as {
          password_hash: string;
        }
      ).password_hash;
    const held = hashAt(b);
    // As a computer that joined before hashes were sealed: it made a key of its own.
    b.handle.store.transaction((db) => setOfficeKey(db, randomBytes(32).toString('base64')));
    const salt = randomBytes(16);
    const key = scryptSync(PASSWORD, salt, 32, { N: 16384, r: 8, p: 1 });
    a.handle.sqlite
      .prepare("UPDATE users SET password_hash = ? WHERE login = 'admin'")
      .run(`scrypt$16384$8$1$${salt.toString('base64')}$${key.toString('base64')}`);
    await a.value('auth.signIn', { login: 'admin', password: PASSWORD }, null);
    expect((await a.sync.syncNow()).ok).toBe(true);
    expect((await b.sync.syncNow()).ok).toBe(true);
    expect(hashAt(b)).toBe(held);
    await b.value('auth.signIn', { login: 'admin', password: PASSWORD }, null);
  });
});
