import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { attachmentPath } from '../../main/attachments/attachments';
import { openOffice } from '../../main/boot/open-office';
import { fixedClock } from '../../shared/util/clock';
import { compose, pdfBytes, sha256 } from '../fixtures/mail/messages';
import { mailboxFor, startDovecot, type Dovecot } from './dovecot';
import { NOW, REPO_ROOT, setUpOffice, type TempDir } from './helpers';

/**
 * Acceptance: a fetch killed with SIGKILL in the middle, then run again, leaves every message of the
 * mailbox in «Входящие» exactly once, its files whole.
 */

const FIXTURE = path.join(REPO_ROOT, 'tests/fixtures/mail/fetch-loop.ts');
const MESSAGES = 200;
const BATCHES_BEFORE_KILL = 8;

let server: Dovecot;
beforeAll(async () => {
  server = await startDovecot();
}, 60_000);
afterAll(async () => server?.stop());

let tmp: TempDir | null = null;
let child: ChildProcess | null = null;
afterEach(() => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  tmp?.remove();
});

/** Runs the fetch in a child and kills it once it has committed enough batches; answers the UIDs it reported. */
function fetchUntilKilled(file: string, batches: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const loop = spawn(process.execPath, ['--import', 'tsx', FIXTURE, file], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = loop;
    const reported: number[] = [];
    let pending = '';
    let stderr = '';
    let killed = false;
    let finished = false;
    loop.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      const lines = (pending + chunk).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (line === 'done') finished = true;
        const uid = Number(line.split(' ')[0]);
        if (Number.isInteger(uid) && uid > 0) reported.push(uid);
      }
      if (!killed && reported.length >= batches) {
        killed = true;
        loop.kill('SIGKILL');
      }
    });
    loop.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    loop.on('error', reject);
    loop.on('close', (code, signal) => {
      if (signal === 'SIGKILL' && killed && !finished) resolve(reported);
      else reject(new Error(`the fetch ended by itself (code ${code}, signal ${signal}): ${stderr}`));
    });
  });
}

it('a fetch killed with SIGKILL midway, then run again, takes none twice and loses none', async () => {
  const user = server.addUser('crash@example.ru', 'pw-crash');
  const scans = new Map<number, Buffer>();
  const raws = await Promise.all(
    Array.from({ length: MESSAGES }, (_, n) => {
      const scan = n % 3 === 0 ? pdfBytes(`скан ${n}`) : null;
      if (scan) scans.set(n, scan);
      return compose({
        from: `Житель ${n} <resident${n}@example.ru>`,
        to: 'priem@example.ru',
        subject: `Обращение ${n}`,
        messageId: `<crash-${n}@example.ru>`,
        text: `Текст обращения ${n}: ${'подробности '.repeat(50)}`,
        attachments: scan ? [{ filename: `скан ${n}.pdf`, content: scan }] : [],
      });
    }),
  );
  await server.append(user, raws);

  const office = await setUpOffice();
  tmp = office.tmp;
  await office.value('mail.saveMailbox', mailboxFor(server, user));
  office.handle.close();

  const reported = await fetchUntilKilled(office.file, BATCHES_BEFORE_KILL);
  const lastReported = reported[reported.length - 1]!;

  const reopened = openOffice(office.file, { clock: fixedClock(NOW) });
  try {
    const db = reopened.sqlite;
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const taken = (db.prepare('SELECT count(*) AS n FROM mail_intake').get() as { n: number }).n;
    const state = db.prepare('SELECT last_uid FROM mail_intake_state').get() as { last_uid: number };
    // Every batch reported was committed, and the place advanced exactly with the items it covers.
    expect(state.last_uid).toBeGreaterThanOrEqual(lastReported);
    expect(state.last_uid).toBeLessThan(MESSAGES);
    expect(taken).toBe(state.last_uid);

    const r = await reopened.api.call('cli', 'mail.fetchNow', {}, { login: 'admin' });
    expect(r.ok && (r.value as { taken: number }).taken).toBe(MESSAGES - taken);

    const rows = db.prepare('SELECT message_id, uid, subject, files FROM mail_intake ORDER BY uid').all() as {
      message_id: string;
      uid: number;
      subject: string;
      files: string;
    }[];
    expect(rows).toHaveLength(MESSAGES);
    expect(rows.map((x) => x.message_id)).toEqual(
      Array.from({ length: MESSAGES }, (_, n) => `<crash-${n}@example.ru>`),
    );
    expect(new Set(rows.map((x) => x.uid)).size).toBe(MESSAGES);
    for (const [n, scan] of scans) {
      const files = JSON.parse(rows[n]!.files) as { name: string; sha256: string }[];
      expect(files.map((f) => [f.name, f.sha256])).toEqual([[`скан ${n}.pdf`, sha256(scan)]]);
      expect(fs.readFileSync(attachmentPath(path.dirname(office.file), sha256(scan))).equals(scan)).toBe(
        true,
      );
    }
  } finally {
    reopened.close();
  }
}, 180_000);
