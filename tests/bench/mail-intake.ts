import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { fetchAllMailboxes } from '../../main/mail/intake/fetch';
import { compose, pdfBytes, pngBytes } from '../fixtures/mail/messages';
import { mailboxFor, startDovecot, type Dovecot } from '../integration/dovecot';
import { setUpOffice } from '../integration/helpers';
import { bytes, thousands } from './stats';

/**
 * `npm run bench:mail -- [--messages 1000] [--check]`
 *
 * A throwaway Dovecot on loopback holds `--messages` messages, each with a text body and a scan (PDF) and
 * every other one a photo (PNG) attached; the intake fetches and parses them into «Входящие» of a new
 * office (download, MIME parsing, the files kept by hash, the items committed a batch at a time). Beside
 * it, in the same run, imapflow alone downloads the same messages whole over the same loopback: the
 * difference is what parsing and storing cost. With `--check` it exits 1 when the fetch misses its target.
 */
const TARGET_S = 20;

const { values: args } = parseArgs({
  options: {
    messages: { type: 'string', default: '1000' },
    check: { type: 'boolean', default: false },
  },
});

async function rawDownload(server: Dovecot, user: { login: string; password: string }): Promise<number> {
  const c = server.client(user);
  await c.connect();
  let size = 0;
  try {
    const lock = await c.getMailboxLock('INBOX', { readOnly: true });
    try {
      for await (const m of c.fetch('1:*', { uid: true, source: true }, { uid: true }))
        size += m.source?.length ?? 0;
    } finally {
      lock.release();
    }
  } finally {
    await c.logout();
  }
  return size;
}

async function bench(): Promise<number> {
  const n = Number(args.messages);
  if (!Number.isInteger(n) || n < 1) throw new Error('--messages: a whole number above 0');
  const server = await startDovecot();
  try {
    const user = server.addUser('bench@example.ru', 'pw-bench');
    const raws: Buffer[] = [];
    for (let i = 0; i < n; i += 1)
      raws.push(
        await compose({
          from: `"Житель ${i} Иванович" <resident${i}@example.ru>`,
          to: 'priem@example.ru',
          subject: `Обращение № ${i}: ремонт дороги`,
          messageId: `<bench-${i}@example.ru>`,
          text: `Прошу отремонтировать дорогу у дома ${i}. ${'Подробности обращения. '.repeat(40)}`,
          attachments: [
            {
              filename: `скан обращения ${i}.pdf`,
              content: Buffer.concat([pdfBytes(String(i)), Buffer.alloc(30_000, i % 251)]),
            },
            ...(i % 2 === 0
              ? [
                  {
                    filename: `фото ${i}.png`,
                    content: Buffer.concat([pngBytes(i), Buffer.alloc(60_000, 7)]),
                  },
                ]
              : []),
          ],
        }),
      );
    await server.append(user, raws);
    const total = raws.reduce((s, r) => s + r.length, 0);

    const t0 = performance.now();
    const size = await rawDownload(server, user);
    const rawS = (performance.now() - t0) / 1000;

    const office = await setUpOffice(new Date().toISOString());
    try {
      await office.value('mail.saveMailbox', mailboxFor(server, user));
      const t1 = performance.now();
      const cpu = process.cpuUsage();
      const report = await fetchAllMailboxes(office.handle.api.systemContext());
      const fetchS = (performance.now() - t1) / 1000;
      const used = process.cpuUsage(cpu);
      const cpuS = (used.user + used.system) / 1e6;
      const stored = office.handle.sqlite.prepare('SELECT count(*) AS n FROM mail_intake').get() as {
        n: number;
      };
      if (report.taken !== n || stored.n !== n)
        throw new Error(`took ${report.taken}, stored ${stored.n}, expected ${n}: ${JSON.stringify(report)}`);
      const ok = fetchS <= TARGET_S;
      console.log(`Messages: ${thousands(n)} (${bytes(total)} on the server, ${bytes(size)} downloaded raw)`);
      console.log(
        `Raw imapflow download:          ${rawS.toFixed(2)} s (${thousands(Math.round(n / rawS))}/s)`,
      );
      console.log(
        `Fetch and parse into «Входящие»: ${fetchS.toFixed(2)} s (${thousands(Math.round(n / fetchS))}/s), ` +
          `${(fetchS / rawS).toFixed(1)}× the raw download — target ≤ ${TARGET_S} s: ${ok ? 'met' : 'MISSED'}`,
      );
      console.log(
        `  of which this process's CPU: ${cpuS.toFixed(2)} s; load average ${os.loadavg()[0]!.toFixed(1)}`,
      );
      return args.check && !ok ? 1 : 0;
    } finally {
      office.close();
      office.tmp.remove();
    }
  } finally {
    await server.stop();
  }
}

try {
  process.exitCode = await bench();
} catch (e) {
  console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exitCode = 1;
}
