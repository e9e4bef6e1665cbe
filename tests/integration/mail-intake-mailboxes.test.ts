import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkTimeouts } from '../../main/mail/intake/mailboxes';
import type { MailboxInput } from '../../shared/api/mail-intake';
import { mailFailureText } from '../../shared/i18n/ru/mail-intake';
import { startDovecot, type Dovecot } from './dovecot';
import { dumpTables } from './helpers';
import { testOffice } from './office-fixture';
import { freePort } from './sync-pg';

/** Settings → Почтовые ящики: mailboxes kept with sealed passwords, and a check that says what is wrong. */

let server: Dovecot;
beforeAll(async () => {
  server = await startDovecot({ tls: true });
}, 60_000);
afterAll(async () => server?.stop());

function mailbox(login: string, password: string, over: Partial<MailboxInput> = {}): MailboxInput {
  return {
    name: 'Приёмная',
    host: '127.0.0.1',
    port: server.port,
    security: 'none',
    login,
    password,
    ...over,
  };
}

describe('mailboxes', () => {
  it('keeps the password sealed, never answers it, and keeps it when an edit leaves it empty', async () => {
    const o = await testOffice();
    const saved = await o.call('mail.saveMailbox', mailbox('priem@example.ru', 'Секрет-пароль-42'));
    expect(saved).toMatchObject({ name: 'Приёмная', deleteAfterTake: false, active: true, folder: 'INBOX' });
    expect(JSON.stringify(saved)).not.toContain('Секрет');
    const stored = o.handle.sqlite.prepare('SELECT password FROM mail_mailboxes').get() as {
      password: string;
    };
    expect(stored.password).toMatch(/^v1:keyfile:/);
    expect(dumpTables(o.handle.sqlite)).not.toContain('Секрет-пароль-42');
    await o.call('mail.saveMailbox', { ...mailbox('priem@example.ru', ''), id: saved.id, name: 'Основной' });
    const after = o.handle.sqlite.prepare('SELECT name, password FROM mail_mailboxes').get() as {
      name: string;
      password: string;
    };
    expect(after).toEqual({ name: 'Основной', password: stored.password });
    const listed = await o.call('mail.mailboxes', {});
    expect(listed.mailboxes.map((m) => m.name)).toEqual(['Основной']);
    expect(listed.settings).toEqual({ intervalMinutes: 5, maxMessageMb: 25 });
  });

  it('refuses bad input naming the field and changes nothing; an assistant may not keep mailboxes', async () => {
    const o = await testOffice();
    const before = dumpTables(o.handle.sqlite);
    expect((await o.fail('mail.saveMailbox', { ...mailbox('a@b.ru', 'x'), port: 0 })).field).toBe('port');
    expect((await o.fail('mail.saveMailbox', { ...mailbox('a@b.ru', 'x'), host: 'bad host/' })).field).toBe(
      'host',
    );
    expect((await o.fail('mail.saveMailbox', mailbox('a@b.ru', ''))).field).toBe('password');
    expect((await o.fail('mail.saveSettings', { intervalMinutes: -1, maxMessageMb: 25 })).field).toBe(
      'intervalMinutes',
    );
    const assistant = await o.addUser('anna', 'assistant');
    const afterUser = dumpTables(o.handle.sqlite);
    expect((await o.fail('mail.saveMailbox', mailbox('a@b.ru', 'x'), assistant.token)).code).toBe(
      'forbidden',
    );
    expect(dumpTables(o.handle.sqlite)).toBe(afterUser);
    expect(before).not.toBe(afterUser);
  });

  it('a removed mailbox is no longer listed or fetched, and its password is gone', async () => {
    const o = await testOffice();
    const saved = await o.call('mail.saveMailbox', mailbox('gone@example.ru', 'pw'));
    await o.call('mail.removeMailbox', { id: saved.id });
    expect((await o.call('mail.mailboxes', {})).mailboxes).toEqual([]);
    expect(o.handle.sqlite.prepare('SELECT password FROM mail_mailboxes').get()).toEqual({ password: '' });
    expect((await o.call('mail.fetchNow', {})).mailboxes).toEqual([]);
  });
});

describe('the connection check', () => {
  it('says how many messages the folder holds when everything is right (typed or saved password)', async () => {
    const o = await testOffice();
    const u = server.addUser('check@example.ru', 'right');
    await server.append(u, ['From: a@b.ru\r\nSubject: 1\r\n\r\n1\r\n']);
    const typed = await o.call('mail.checkMailbox', mailbox(u.login, 'right'));
    expect(typed).toMatchObject({ ok: true, failure: null, messages: 1 });
    const saved = await o.call('mail.saveMailbox', mailbox(u.login, 'right'));
    const again = await o.call('mail.checkMailbox', { ...mailbox(u.login, ''), id: saved.id });
    expect(again).toMatchObject({ ok: true, messages: 1 });
  });

  it('names a wrong password, a missing folder, a closed port, an untrusted certificate, a silent server', async () => {
    const o = await testOffice();
    const u = server.addUser('fail@example.ru', 'right');
    const wrong = await o.call('mail.checkMailbox', mailbox(u.login, 'wrong'));
    expect(wrong).toEqual({ ok: false, failure: 'auth', message: mailFailureText.auth, messages: null });
    const folder = await o.call('mail.checkMailbox', mailbox(u.login, 'right', { folder: 'Нет такой' }));
    expect(folder.failure).toBe('folder');
    const closed = await o.call('mail.checkMailbox', mailbox(u.login, 'right', { port: await freePort() }));
    expect(closed).toMatchObject({ failure: 'refused', message: mailFailureText.refused });
    const cert = await o.call(
      'mail.checkMailbox',
      mailbox(u.login, 'right', { port: server.tlsPort!, security: 'tls' }),
    );
    expect(cert).toMatchObject({ failure: 'certificate', message: mailFailureText.certificate });
    // A server that takes the connection and never greets.
    const silent = net.createServer(() => undefined);
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    checkTimeouts.greetingMs = 300;
    checkTimeouts.connectionMs = 300;
    try {
      const port = (silent.address() as net.AddressInfo).port;
      const timeout = await o.call('mail.checkMailbox', mailbox(u.login, 'right', { port }));
      expect(timeout).toMatchObject({ failure: 'timeout', message: mailFailureText.timeout });
    } finally {
      delete checkTimeouts.greetingMs;
      delete checkTimeouts.connectionMs;
      silent.close();
    }
  });
});
