import { describe, expect, it } from 'vitest';
import { LOCKOUT_MS, MAX_FAILED_SIGN_INS } from '../../main/office/users';
import { PASSWORD } from './helpers';
import { testOffice } from './office-fixture';

describe('first-run setup', () => {
  it('is done once; the status tells the sign-in screen', async () => {
    const o = await testOffice();
    const status = await o.call('setup.status', {});
    expect(status).toEqual({
      initialized: true,
      office: { name: 'Приёмная депутата Петрова П.П.', code: 'ПТР', deputyName: 'Петров Пётр Петрович' },
      readOnly: false,
    });
    const again = await o.fail('setup.init', {
      office: { name: 'Другая', code: 'ДР', deputyName: 'Х' },
      admin: { login: 'root', fullName: 'Root', password: 'password1' },
    });
    expect(again.code).toBe('invalid_state');
    expect(
      await o.fail('setup.init', { office: { name: 'X', code: 'a b', deputyName: 'Y' }, admin: {} }),
    ).toMatchObject({
      code: 'validation',
      field: 'office.code',
    });
  });
});

describe('sign-in', () => {
  it('stores no password, only a salted scrypt hash', async () => {
    const o = await testOffice();
    const row = o.handle.sqlite.prepare("SELECT password_hash FROM users WHERE login = 'admin'").get() as {
      password_hash: string;
    };
    expect(row.password_hash).toMatch(/^scrypt\$65536\$8\$1\$/);
    expect(row.password_hash).not.toContain(PASSWORD);
  });

  it('locks the account after repeated failures and lets it in again when the lock runs out', async () => {
    const o = await testOffice();
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++)
      expect(await o.fail('auth.signIn', { login: 'admin', password: 'wrong password' })).toMatchObject({
        code: 'unauthenticated',
        field: 'password',
      });
    expect(await o.fail('auth.signIn', { login: 'admin', password: PASSWORD })).toMatchObject({
      code: 'locked',
    });
    o.clock.advance(LOCKOUT_MS + 1000);
    const s = await o.call('auth.signIn', { login: 'ADMIN', password: PASSWORD });
    expect(s.user.login).toBe('admin');
    const audit = o.handle.sqlite
      .prepare("SELECT action FROM audit_log WHERE action LIKE 'auth.%' ORDER BY seq")
      .all()
      .map((r) => (r as { action: string }).action);
    expect(audit.filter((a) => a === 'auth.signIn.failed')).toHaveLength(MAX_FAILED_SIGN_INS - 1);
    expect(audit).toContain('auth.locked');
  });

  it('ends sessions on sign-out, on expiry, and when the user is deactivated', async () => {
    const o = await testOffice();
    const helper = await o.addUser('helper', 'assistant');
    expect((await o.call('auth.me', {}, helper.token)).user.role).toBe('assistant');
    await o.call('users.update', { id: helper.id, active: false });
    expect(await o.fail('auth.me', {}, helper.token)).toMatchObject({ code: 'unauthenticated' });
    expect(await o.fail('auth.signIn', { login: 'helper', password: PASSWORD })).toMatchObject({
      code: 'unauthenticated',
    });
    const s = await o.call('auth.signIn', { login: 'admin', password: PASSWORD });
    await o.call('auth.signOut', {}, s.token);
    expect(await o.fail('auth.me', {}, s.token)).toMatchObject({ code: 'unauthenticated' });
    o.clock.advance(13 * 60 * 60 * 1000);
    expect(await o.fail('auth.me', {})).toMatchObject({ code: 'unauthenticated' });
  });

  it('lets only an admin change roles, and never lock themselves out', async () => {
    const o = await testOffice();
    const head = await o.addUser('head', 'office_head');
    const helper = await o.addUser('helper', 'assistant');
    expect(await o.fail('users.update', { id: helper.id, role: 'deputy' }, head.token)).toMatchObject({
      code: 'forbidden',
    });
    const admin = (await o.call('auth.me', {})).user;
    expect(await o.fail('users.update', { id: admin.id, active: false })).toMatchObject({
      code: 'invalid_state',
    });
    expect(
      await o.fail('users.create', {
        login: 'helper',
        fullName: 'Дубль',
        role: 'assistant',
        password: 'password1',
      }),
    ).toMatchObject({
      code: 'conflict',
      field: 'login',
    });
  });
});
