import { afterEach, describe, expect, it } from 'vitest';
import { openOffice, type OfficeHandle } from '../../main/boot/open-office';
import { runMailing } from '../../main/mail/mailings/sender';
import { markBounced, withdrawByUnsubscribeReply } from '../../main/mail/mailings/replies';
import { beginWrite } from '../../main/kernel/scope';
import { setUpOffice, type TestOffice } from './helpers';
import { expectedAddresses, seedContacts, unsubscribeTokenOf } from './mailings-fixture';
import { accountFor, startSmtpListener, type SmtpListener } from './smtp-listener';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

async function office(): Promise<TestOffice> {
  const o = await setUpOffice('2026-03-02T07:00:00Z');
  cleanup.push(() => o.tmp.remove());
  return o;
}

async function listener(opts: Parameters<typeof startSmtpListener>[0] = {}): Promise<SmtpListener> {
  const l = await startSmtpListener(opts);
  cleanup.push(() => l.close());
  return l;
}

async function mailingTo(
  o: TestOffice,
  district: string,
  body = 'Здравствуйте, {{имя}}! Встреча жителей района {{район}}.',
) {
  const segment = await o.value('segments.save', { name: `Жители ${district}`, filter: { district } });
  return o.value('mailings.create', {
    name: 'Встреча жителей',
    segmentId: segment.id,
    subject: '{{имя}}, приглашаем на встречу',
    body,
  });
}

describe('a mailing to a segment', () => {
  it('10,000 contacts: only the consenting receive it; stopped midway and started again after a restart, nobody twice, nobody skipped', async () => {
    const o = await setUpOffice('2026-03-02T07:00:00Z');
    const db = o.handle.store.read.sqlite;
    seedContacts(db, { count: 10_000, district: 'Заречный', prefix: 'z', at: '2026-03-01T07:00:00Z' });
    seedContacts(db, { count: 200, district: 'Нагорный', prefix: 'n', at: '2026-03-01T07:00:00Z' });
    const expected = expectedAddresses(db, 'Заречный');
    expect(expected.length).toBeGreaterThan(6000);

    const stopAt = 3000;
    const controller = new AbortController();
    const l = await listener();
    const origin = l.waitFor(stopAt).then(() => controller.abort());
    void origin;
    await o.value('mail.account.save', accountFor(l));
    const m = await mailingTo(o, 'Заречный');
    const started = await o.value('mailings.start', { id: m.id });
    expect(started.total).toBe(expected.length);

    const first = await runMailing(o.handle.api.systemContext(), m.id, { signal: controller.signal });
    const midway = await o.value('mailings.status', { id: m.id });
    expect(first).toBeGreaterThanOrEqual(stopAt);
    expect(first).toBeLessThan(expected.length);
    expect(midway).toMatchObject({ status: 'running', sent: first, pending: expected.length - first });
    expect(l.messages).toHaveLength(first);

    // The app closes and opens again: the next run goes on from the file alone.
    o.handle.close();
    let again: OfficeHandle | null = openOffice(o.file, { clock: o.clock });
    cleanup.push(() => again?.close());
    const second = await runMailing(again.api.systemContext(), m.id);
    expect(first + second).toBe(expected.length);

    const received = l.messages.map((x) => x.to.join(',')).sort();
    expect(received).toEqual(expected);
    expect(new Set(received).size).toBe(received.length);
    const tokens = l.messages.map((x) => unsubscribeTokenOf(x.raw));
    expect(tokens.every((t) => t !== null)).toBe(true);
    expect(new Set(tokens).size).toBe(tokens.length);
    const sample = await l.parsed(0);
    const to = sample.to && !Array.isArray(sample.to) ? sample.to.text : '';
    const i = Number(/^z(\d+)@/.exec(to)![1]);
    expect(sample.subject).toBe(`Имя${i}, приглашаем на встречу`);
    expect(sample.text).toContain(`Здравствуйте, Имя${i}! Встреча жителей района Заречный.`);
    expect(sample.text).toContain('Чтобы отписаться от рассылки');
    // mailparser reads List-* headers into one `list` entry.
    const list = sample.headers.get('list') as { unsubscribe?: { mail?: string; url?: string } };
    expect(list.unsubscribe?.mail).toBe(
      'office@priemnaya.test?subject=unsubscribe%20' + unsubscribeTokenOf(l.messages[0]!.raw),
    );
    const report = (await again.api.call(
      'internal',
      'mailings.status',
      { id: m.id },
      { token: o.token },
    )) as {
      ok: true;
      value: { status: string; sent: number; pending: number; total: number };
    };
    expect(report.value).toMatchObject({
      status: 'done',
      sent: expected.length,
      pending: 0,
      total: expected.length,
    });
    again.close();
    again = null;
  }, 300_000);

  it('an unsubscribe withdraws the consent at once; a bounce marks the address failing; neither gets the next mailing', async () => {
    const o = await office();
    const db = o.handle.store.read.sqlite;
    seedContacts(db, { count: 30, district: 'Заречный', prefix: 'z', at: '2026-03-01T07:00:00Z' });
    const l = await listener();
    await o.value('mail.account.save', accountFor(l));
    const m = await mailingTo(o, 'Заречный');
    await o.value('mailings.start', { id: m.id });
    const ctx = o.handle.api.systemContext();
    await runMailing(ctx, m.id);
    const [one, two] = l.messages;
    const token = unsubscribeTokenOf(one!.raw)!;
    const out = ctx.store.transaction((w) =>
      withdrawByUnsubscribeReply(beginWrite(w, ctx), `unsubscribe ${token}`),
    );
    expect(out.consents).toBe(1);
    const withdrawn = db
      .prepare(
        "SELECT count(*) FROM contact_consents WHERE contact_id = ? AND purpose = 'mailing' AND withdrawn_at IS NOT NULL",
      )
      .pluck()
      .get(out.contactIds[0]);
    expect(withdrawn).toBe(1);
    const bouncedId = (await l.parsed(1)).messageId!;
    const bounced = ctx.store.transaction((w) => markBounced(beginWrite(w, ctx), two!.to[0]!, bouncedId));
    expect(bounced).toHaveLength(1);
    expect(
      db.prepare('SELECT email_failing_at FROM contacts WHERE id = ?').pluck().get(bounced[0]),
    ).not.toBeNull();
    const report = await o.value('mailings.status', { id: m.id });
    expect(report).toMatchObject({ withdrawn: 1, bounced: 1, sent: l.messages.length - 2 });
    // An unknown token withdraws nothing.
    expect(
      ctx.store.transaction((w) => withdrawByUnsubscribeReply(beginWrite(w, ctx), '0'.repeat(32))),
    ).toEqual({
      contactIds: [],
      consents: 0,
    });

    const next = await mailingTo(o, 'Заречный');
    const started = await o.value('mailings.start', { id: next.id });
    expect(started.total).toBe(l.messages.length - 2);
    const before = l.messages.length;
    await runMailing(ctx, next.id);
    const nextTo = l.messages.slice(before).map((x) => x.to[0]);
    expect(nextTo).not.toContain(one!.to[0]);
    expect(nextTo).not.toContain(two!.to[0]);
  });

  it('goes at the office’s rate: a wait between messages (time injected)', async () => {
    const o = await office();
    seedContacts(o.handle.store.read.sqlite, {
      count: 8,
      district: 'Заречный',
      prefix: 'z',
      at: '2026-03-01T07:00:00Z',
    });
    const l = await listener();
    await o.value('mail.account.save', accountFor(l, { ratePerMinute: 600 }));
    const m = await mailingTo(o, 'Заречный');
    const { total } = await o.value('mailings.start', { id: m.id });
    const waits: number[] = [];
    await runMailing(o.handle.api.systemContext(), m.id, { wait: async (ms) => void waits.push(ms) });
    expect(l.messages).toHaveLength(total);
    expect(waits).toEqual(Array<number>(total - 1).fill(100));
  });

  it('refuses bad input naming the field and changing nothing', async () => {
    const o = await office();
    const before = o.handle.store.read.sqlite.prepare('SELECT count(*) FROM mailings').pluck().get();
    const e = await o.call('mailings.create', {
      name: 'x',
      segmentId: '0190a0a0-0000-7000-8000-000000000000',
      subject: 's',
      body: 'b',
    });
    expect(e.ok).toBe(false);
    expect(!e.ok && e.error.field).toBe('segmentId');
    const e2 = await o.call('mailings.create', { name: '', segmentId: 'nope', subject: 's', body: 'b' });
    expect(!e2.ok && e2.error.issues?.map((i) => i.field).sort()).toEqual(['name', 'segmentId']);
    expect(o.handle.store.read.sqlite.prepare('SELECT count(*) FROM mailings').pluck().get()).toBe(before);
  });
});
