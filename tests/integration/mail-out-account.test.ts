import { afterEach, describe, expect, it } from 'vitest';
import { dumpTables } from './helpers';
import { testOffice } from './office-fixture';
import { accountFor, SMTP_PASS, startSmtpListener, type SmtpListener } from './smtp-listener';

const listeners: SmtpListener[] = [];
afterEach(async () => {
  await Promise.all(listeners.splice(0).map((l) => l.close()));
});

describe('the SMTP account (Settings → Отправка почты)', () => {
  it('keeps the password sealed, never returns it, and keeps it when it is not typed again', async () => {
    const l = await startSmtpListener();
    listeners.push(l);
    const o = await testOffice();
    expect(await o.call('mail.account.get', {})).toBeNull();
    const saved = await o.call('mail.account.save', accountFor(l, { ratePerMinute: 120 }));
    expect(saved).toMatchObject({ host: '127.0.0.1', hasPassword: true, ratePerMinute: 120 });
    expect(JSON.stringify(saved)).not.toContain(SMTP_PASS);
    const db = o.handle.store.read.sqlite;
    const sealed = db.prepare('SELECT password_sealed FROM mail_smtp_account').pluck().get() as string;
    expect(sealed.startsWith('v1:keyfile:')).toBe(true);
    expect(dumpTables(db)).not.toContain(SMTP_PASS);
    // Saved again without a password: the stored one stays, and the check still signs in with it.
    const { password: _omit, ...rest } = accountFor(l);
    await o.call('mail.account.save', { ...rest, fromName: 'Приёмная' });
    expect(await o.call('mail.account.check', {})).toEqual({
      ok: true,
      message: 'Соединение установлено, сервер принимает вход.',
    });
  });

  it('the check says in plain words what is wrong: the password, the port', async () => {
    const l = await startSmtpListener();
    listeners.push(l);
    const o = await testOffice();
    await o.call('mail.account.save', accountFor(l, { password: 'wrong' }));
    expect(await o.call('mail.account.check', {})).toEqual({
      ok: false,
      message: 'Сервер отклонил логин или пароль. Проверьте их в настройках отправки почты.',
    });
    await l.close();
    listeners.pop();
    const closed = await o.call('mail.account.check', {});
    expect(closed.ok).toBe(false);
    expect(closed.message).toMatch(/^Сервер не принимает подключения на этом порту/);
  });

  it('refuses bad input naming the field and changing nothing; only the office head or admin sets it', async () => {
    const o = await testOffice();
    const assistant = await o.addUser('assistant', 'assistant');
    const before = dumpTables(o.handle.store.read.sqlite);
    const good = {
      host: 'smtp.example.ru',
      port: 587,
      security: 'starttls',
      fromName: 'Приёмная',
      fromAddress: 'a@example.ru',
    };
    expect((await o.fail('mail.account.save', { ...good, port: 0 })).field).toBe('port');
    expect((await o.fail('mail.account.save', { ...good, fromAddress: 'nobody' })).field).toBe('fromAddress');
    expect((await o.fail('mail.account.save', { ...good, security: 'ssl3' })).field).toBe('security');
    expect((await o.fail('mail.account.save', { ...good, ratePerMinute: -1 })).field).toBe('ratePerMinute');
    expect((await o.fail('mail.account.save', good, assistant.token)).code).toBe('forbidden');
    expect(dumpTables(o.handle.store.read.sqlite)).toBe(before);
  });
});
