/**
 * A mailing's throughput to a loopback SMTP server (`smtp-server`, the tests' listener), the rate limit
 * off: `runMailing` (claiming recipients a batch at a time in the office file, each message made from the
 * template with the contact's fields, an unsubscribe line and `List-Unsubscribe`, each outcome written as
 * the server answers), beside raw nodemailer sending the same messages through the same pooled transport
 * settings, with no database at all — the floor the SMTP exchange itself sets — in the same run.
 *
 * `npm run bench:mailings -- [--recipients 5000] [--connections 4] [--passes 3]`. The target is ≥ 100
 * messages a second.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import nodemailer from 'nodemailer';
import { runMailing } from '../../main/mail/mailings/sender';
import { setUpOffice } from '../integration/helpers';
import { seedContacts } from '../integration/mailings-fixture';
import { accountFor, startSmtpListener } from '../integration/smtp-listener';

export const TARGET_MAILING_PER_S = 100;

const SUBJECT = '{{имя}}, приглашаем на встречу';
const BODY = 'Здравствуйте, {{имя}}! Встреча жителей района {{район}} в субботу в 12:00.\n';

async function mailingPass(recipients: number, connections: number): Promise<{ sent: number; s: number }> {
  const o = await setUpOffice('2026-03-02T07:00:00Z');
  const l = await startSmtpListener();
  try {
    seedContacts(o.handle.store.read.sqlite, {
      // Seven in ten of the seeded contacts consent with an address: seed enough for `recipients`.
      count: Math.ceil(recipients / 0.69),
      district: 'Заречный',
      prefix: 'z',
      at: '2026-03-01T07:00:00Z',
    });
    await o.value('mail.account.save', accountFor(l));
    const segment = await o.value('segments.save', { name: 'Заречный', filter: { district: 'Заречный' } });
    const m = await o.value('mailings.create', {
      name: 'Встреча',
      segmentId: segment.id,
      subject: SUBJECT,
      body: BODY,
    });
    await o.value('mailings.start', { id: m.id });
    const t = performance.now();
    const sent = await runMailing(o.handle.api.systemContext(), m.id, { connections });
    return { sent, s: (performance.now() - t) / 1000 };
  } finally {
    await l.close();
    o.close();
  }
}

async function rawPass(count: number, connections: number): Promise<{ sent: number; s: number }> {
  const l = await startSmtpListener();
  const a = accountFor(l);
  const transport = nodemailer.createTransport({
    pool: true,
    maxConnections: connections,
    maxMessages: Infinity,
    host: a.host,
    port: a.port,
    secure: false,
    ignoreTLS: true,
    auth: { user: a.login, pass: a.password },
  });
  try {
    const t = performance.now();
    const all: Promise<unknown>[] = [];
    for (let i = 0; i < count; i++)
      all.push(
        transport.sendMail({
          from: { name: a.fromName, address: a.fromAddress },
          to: `z${i}@example.ru`,
          subject: `Имя${i}, приглашаем на встречу`,
          text: `Здравствуйте, Имя${i}! Встреча жителей района Заречный в субботу в 12:00.\n\n—\nЧтобы отписаться…`,
          messageId: `<mailing.${i.toString(16).padStart(32, '0')}@priemnaya.test>`,
          headers: { 'List-Unsubscribe': `<mailto:${a.fromAddress}?subject=unsubscribe%20${i}>` },
        }),
      );
    await Promise.all(all);
    return { sent: count, s: (performance.now() - t) / 1000 };
  } finally {
    transport.close();
    await l.close();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      recipients: { type: 'string', default: '5000' },
      connections: { type: 'string', default: '4' },
      passes: { type: 'string', default: '3' },
    },
  });
  const recipients = Number(values.recipients);
  const connections = Number(values.connections);
  const passes = Number(values.passes);
  const rates: { mailing: number[]; raw: number[] } = { mailing: [], raw: [] };
  for (let p = 0; p < passes; p++) {
    // In turns, so the machine's load falls on both alike.
    const m = await mailingPass(recipients, connections);
    const r = await rawPass(m.sent, connections);
    rates.mailing.push(m.sent / m.s);
    rates.raw.push(r.sent / r.s);
    console.log(
      `pass ${p + 1}: mailing ${m.sent} messages in ${m.s.toFixed(2)} s (${(m.sent / m.s).toFixed(0)}/s); ` +
        `raw nodemailer ${r.sent} in ${r.s.toFixed(2)} s (${(r.sent / r.s).toFixed(0)}/s)`,
    );
  }
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const mailing = median(rates.mailing);
  const raw = median(rates.raw);
  console.log(
    `median: mailing ${mailing.toFixed(0)} messages/s, raw nodemailer ${raw.toFixed(0)}/s ` +
      `(${((mailing / raw) * 100).toFixed(0)}% of raw); target ≥ ${TARGET_MAILING_PER_S}/s: ` +
      (mailing >= TARGET_MAILING_PER_S ? 'met' : 'NOT met'),
  );
  if (mailing < TARGET_MAILING_PER_S) process.exitCode = 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
