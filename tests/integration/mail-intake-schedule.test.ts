import { describe, expect, it } from 'vitest';
import { MailScheduler } from '../../main/mail/intake/scheduler';
import { ReminderScheduler } from '../../main/reminders/scheduler';
import { reminderText } from '../../shared/i18n/ru/reminders';
import { compose, eml } from '../fixtures/mail/messages';
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

describe('the reminder of an unregistered message', () => {
  it('is raised three days after a message came unless it was registered or dismissed; never for auto-replies', async () => {
    const u = dovecot.server.addUser('remind@example.ru', 'pw-remind');
    const tuesday = new Date('2026-02-10T07:00:00Z');
    const thursday = new Date('2026-02-12T07:00:00Z');
    await dovecot.server.append(
      u,
      [await message(10), await message(11), eml('auto-reply.eml')],
      'INBOX',
      tuesday,
    );
    await dovecot.server.append(u, [await message(12)], 'INBOX', thursday);
    const o = await testOffice('2026-02-13T07:30:00Z');
    await o.call('mail.saveMailbox', mailboxFor(dovecot.server, u));
    await o.call('mail.fetchNow', {});
    const rows = (await o.call('mail.intake', {})).rows;
    const id = (subject: string) => rows.find((r) => r.subject === subject)!.id;
    await o.call('mail.dismissIntake', { id: id('Письмо 11'), reason: 'spam' });
    const scheduler = new ReminderScheduler({ store: o.handle.store, clock: o.clock, hlc: o.handle.hlc });
    const raised = () =>
      o.handle.sqlite
        .prepare(
          "SELECT entity_id, substr(due_at, 1, 10) AS day, params FROM reminders WHERE rule = 'mail_unregistered' ORDER BY due_at",
        )
        .all() as { entity_id: string; day: string; params: string }[];

    scheduler.tick();
    expect(raised().map((r) => [r.entity_id, r.day])).toEqual([[id('Письмо 10'), '2026-02-13']]);
    expect(JSON.parse(raised()[0]!.params)).toMatchObject({ mailSubject: 'Письмо 10', date: '2026-02-10' });
    const [shown] = (await o.call('reminders.inbox', {})).items;
    expect(shown).toMatchObject({ rule: 'mail_unregistered', entity: 'mail', entityId: id('Письмо 10') });
    expect(reminderText(shown!.rule, shown!.params)).toEqual({
      title: 'Письмо во «Входящих» не зарегистрировано',
      body: 'a10@example.ru: «Письмо 10» получено 10.02.2026 — зарегистрируйте или отметьте «не обращение»',
    });

    // Thursday's message: three days fall on Sunday, so the reminder comes on Monday.
    o.clock.set('2026-02-15T07:30:00Z');
    scheduler.tick();
    expect(raised()).toHaveLength(1);
    o.clock.set('2026-02-16T07:30:00Z');
    scheduler.tick();
    expect(raised().map((r) => [r.entity_id, r.day])).toEqual([
      [id('Письмо 10'), '2026-02-13'],
      [id('Письмо 12'), '2026-02-16'],
    ]);
  }, 60_000);
});
