import tls from 'node:tls';
import { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDovecot, type Dovecot } from './dovecot';

/** The throwaway Dovecot the intake tests run against: it starts (as root too), takes APPENDs, checks passwords. */

let server: Dovecot;
beforeAll(async () => {
  server = await startDovecot({ tls: true });
}, 60_000);
afterAll(async () => server?.stop());

describe('the test Dovecot', () => {
  it('keeps appended messages in order with rising UIDs, per user', async () => {
    const a = server.addUser('priem@example.ru', 'пароль-1');
    const b = server.addUser('other@example.ru', 'pass-2');
    const uids = await server.append(a, [
      'From: x@y.ru\r\nSubject: 1\r\n\r\nодин\r\n',
      'Subject: 2\r\n\r\n2\r\n',
    ]);
    expect(uids).toEqual([1, 2]);
    const c = server.client(a);
    await c.connect();
    const box = await c.mailboxOpen('INBOX');
    expect(box.exists).toBe(2);
    expect(typeof box.uidValidity).toBe('bigint');
    await c.logout();
    const other = server.client(b);
    await other.connect();
    expect((await other.mailboxOpen('INBOX')).exists).toBe(0);
    await other.logout();
  });

  it('refuses a wrong password', async () => {
    const a = server.addUser('wrong@example.ru', 'right');
    const c = server.client({ ...a, password: 'wrong' });
    await expect(c.connect()).rejects.toMatchObject({ authenticationFailed: true });
  });

  it('speaks IMAPS with its self-signed certificate, which a client trusting it accepts', async () => {
    const a = server.addUser('tls@example.ru', 'secret');
    const c = new ImapFlow({
      host: '127.0.0.1',
      port: server.tlsPort!,
      secure: true,
      auth: { user: a.login, pass: a.password },
      tls: { ca: [server.cert!], servername: 'localhost' } as tls.ConnectionOptions,
      logger: false,
    });
    await c.connect();
    expect((await c.mailboxOpen('INBOX')).exists).toBe(0);
    await c.logout();
    const untrusting = new ImapFlow({
      host: '127.0.0.1',
      port: server.tlsPort!,
      secure: true,
      auth: { user: a.login, pass: a.password },
      logger: false,
    });
    await expect(untrusting.connect()).rejects.toThrow(/self[- ]signed|certificate/i);
  });
});
