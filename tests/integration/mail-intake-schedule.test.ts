import { describe, expect, it } from 'vitest';
import { MailScheduler } from '../../main/mail/intake/scheduler';
import { compose } from '../fixtures/mail/messages';
import { mailboxFor } from './dovecot';
import { dovecotForFile } from './dovecot-file';
import { testOffice } from './office-fixture';

/** The main process fetches «Входящие» on the office's interval, counted from the last check kept in the database. */

const dovecot = dovecotForFile();

const message = (n: number) =>
  compose({ from: `a${n}@example.ru`, to: 'p@example.ru', subject: `Письмо ${n}`, text: 'т' });

describe('the fetch schedule', () => {
  it('fetches when the interval has passed since the last check, never when it is 0', async () => {
    const u = dovecot.server.addUser('schedule@example.ru', 'pw-schedule');
    await dovecot.server.append(u, [await message(1)]);
    const o = await testOffice();
    await o.call('mail.saveMailbox', mailboxFor(dovecot.server, u));
    await o.call('mail.saveSettings', { intervalMinutes: 10, maxMessageMb: 25 });
    let ticker: (() => void) | null = null;
    const scheduler = new MailScheduler(o.handle.api.systemContext(), {
      timers: { setInterval: (fn) => (ticker = fn), clearInterval: () => (ticker = null) },
    });
    scheduler.start();
    expect(ticker).not.toBeNull();
    const count = () =>
      (o.handle.sqlite.prepare('SELECT count(*) AS n FROM mail_intake').get() as { n: number }).n;

    // Never checked: due at once.
    expect(scheduler.due()).toBe(true);
    await scheduler.tick();
    expect(count()).toBe(1);

    await dovecot.server.append(u, [await message(2)]);
    o.clock.advance(9 * 60_000);
    expect(scheduler.due()).toBe(false);
    await scheduler.tick();
    expect(count()).toBe(1);
    o.clock.advance(60_000);
    expect(scheduler.due()).toBe(true);
    await scheduler.tick();
    expect(count()).toBe(2);

    await o.call('mail.saveSettings', { intervalMinutes: 0, maxMessageMb: 25 });
    o.clock.advance(24 * 60 * 60_000);
    expect(scheduler.due()).toBe(false);
    scheduler.stop();
    expect(ticker).toBeNull();
  }, 60_000);
});
