import { afterEach, describe, expect, it } from 'vitest';
import { runMailing } from '../../main/mail/mailings/sender';
import { MailScheduler } from '../../main/mail/outbox/scheduler';
import { setUpOffice, type TestOffice } from './helpers';
import { expectedAddresses, seedContacts, startedMailing } from './mailings-fixture';
import { accountFor, startSmtpListener, type SmtpListener } from './smtp-listener';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

async function office(count: number): Promise<TestOffice> {
  const o = await setUpOffice('2026-03-02T07:00:00Z');
  cleanup.push(() => o.tmp.remove());
  seedContacts(o.handle.store.read.sqlite, {
    count,
    district: 'Заречный',
    prefix: 'z',
    at: '2026-03-01T07:00:00Z',
  });
  return o;
}

async function listener(opts: Parameters<typeof startSmtpListener>[0] = {}): Promise<SmtpListener> {
  const l = await startSmtpListener(opts);
  cleanup.push(() => l.close());
  return l;
}

const attemptsOf = (o: TestOffice, id: string): number[] =>
  o.handle.store.read.sqlite
    .prepare('SELECT attempts FROM mailing_recipients WHERE mailing_id = ? ORDER BY contact_id')
    .pluck()
    .all(id) as number[];

/** A loopback port with nothing listening on it. */
async function deadPort(): Promise<number> {
  const l = await startSmtpListener();
  await l.close();
  return l.port;
}

describe('a mailing when the server cannot take it', () => {
  it('with the server unreachable nothing is counted against the recipients; they wait, the reason is shown, and go later', async () => {
    const o = await office(40);
    const l = await listener();
    await o.value('mail.account.save', { ...accountFor(l), port: await deadPort() });
    const m = await startedMailing(o, 'Заречный');
    const ctx = o.handle.api.systemContext();
    expect(await runMailing(ctx, m.id)).toBe(0);
    const waiting = await o.value('mailings.status', { id: m.id });
    expect(waiting).toMatchObject({ status: 'running', pending: m.total, sent: 0, failed: 0 });
    expect(waiting.lastError).toMatch(/порт|сервер/i);
    expect(attemptsOf(o, m.id).every((a) => a === 0)).toBe(true);

    await o.value('mail.account.save', accountFor(l));
    expect(await runMailing(ctx, m.id)).toBe(m.total);
    const done = await o.value('mailings.status', { id: m.id });
    expect(done).toMatchObject({ status: 'done', sent: m.total, pending: 0, lastError: null });
    expect(l.messages.map((x) => x.to[0]).sort()).toEqual(
      expectedAddresses(o.handle.store.read.sqlite, 'Заречный'),
    );
  });

  it('a recipient the server refuses for good (5xx) is reported failed at once; the others are sent', async () => {
    const o = await office(20);
    const refused = 'z2@example.ru';
    const l = await listener({
      refuse: (_n, raw) =>
        raw.toString('latin1').includes(`To: ${refused}`) ? { code: 550, text: 'No such user' } : null,
    });
    await o.value('mail.account.save', accountFor(l));
    const m = await startedMailing(o, 'Заречный');
    await runMailing(o.handle.api.systemContext(), m.id);
    const report = await o.value('mailings.status', { id: m.id });
    expect(report).toMatchObject({ status: 'done', failed: 1, sent: m.total - 1, pending: 0 });
    const row = o.handle.store.read.sqlite
      .prepare("SELECT address, attempts, last_error FROM mailing_recipients WHERE status = 'failed'")
      .get() as { address: string; attempts: number; last_error: string };
    expect(row).toMatchObject({ address: refused, attempts: 1 });
    expect(row.last_error).toContain('No such user');
  });
});

describe('a mailing paused while it is sent', () => {
  it('stops before the next message, at the office’s rate too; resumed, it goes on: nobody twice, nobody skipped', async () => {
    const o = await office(30);
    const l = await listener();
    await o.value('mail.account.save', accountFor(l, { ratePerMinute: 60 }));
    const m = await startedMailing(o, 'Заречный');
    const ctx = o.handle.api.systemContext();
    let waits = 0;
    const sent = await runMailing(ctx, m.id, {
      wait: async () => {
        waits += 1;
        if (waits === 3) await o.value('mailings.pause', { id: m.id });
      },
    });
    expect(sent).toBe(3);
    expect(await o.value('mailings.status', { id: m.id })).toMatchObject({
      status: 'paused',
      sent: 3,
      pending: m.total - 3,
    });
    await o.value('mailings.start', { id: m.id });
    expect(await runMailing(ctx, m.id, { wait: async () => {} })).toBe(m.total - 3);
    const received = l.messages.map((x) => x.to[0]!);
    expect(new Set(received).size).toBe(m.total);
    expect(received.sort()).toEqual(expectedAddresses(o.handle.store.read.sqlite, 'Заречный'));
  });
});

describe('the main process’s mail scheduler', () => {
  it('sends a running mailing on its pass; stopped midway, the next start goes on: nobody twice, nobody skipped', async () => {
    const o = await office(600);
    let scheduler: MailScheduler | null = null;
    let stopping: Promise<void> | null = null;
    const l = await listener({
      refuse: (n) => {
        if (n === 100) stopping ??= scheduler!.stop();
        return null;
      },
    });
    await o.value('mail.account.save', accountFor(l));
    const m = await startedMailing(o, 'Заречный');
    const timers = { setInterval: () => 1, clearInterval: () => {} };
    scheduler = new MailScheduler(o.handle.api.systemContext(), { timers });
    await scheduler.start();
    await stopping;
    const midway = await o.value('mailings.status', { id: m.id });
    expect(midway.sent).toBeGreaterThanOrEqual(100);
    expect(midway.sent).toBeLessThan(m.total);
    expect(midway).toMatchObject({ status: 'running', sent: l.messages.length });

    const again = new MailScheduler(o.handle.api.systemContext(), { timers });
    await again.start();
    await again.stop();
    const done = await o.value('mailings.status', { id: m.id });
    expect(done).toMatchObject({ status: 'done', sent: m.total, pending: 0 });
    const received = l.messages.map((x) => x.to[0]);
    expect(new Set(received).size).toBe(received.length);
    expect(received.sort()).toEqual(expectedAddresses(o.handle.store.read.sqlite, 'Заречный'));
  });

  it('a paused mailing is not sent by the pass', async () => {
    const o = await office(10);
    const l = await listener();
    await o.value('mail.account.save', accountFor(l));
    const m = await startedMailing(o, 'Заречный');
    await o.value('mailings.pause', { id: m.id });
    const s = new MailScheduler(o.handle.api.systemContext(), {
      timers: { setInterval: () => 1, clearInterval: () => {} },
    });
    await s.start();
    await s.stop();
    expect(l.messages).toHaveLength(0);
    expect(await o.value('mailings.status', { id: m.id })).toMatchObject({ status: 'paused', sent: 0 });
  });
});
