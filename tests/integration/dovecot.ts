import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ImapFlow } from 'imapflow';
import type { MailboxInput } from '../../shared/api/mail-intake';
import { freePort } from './sync-pg';

/**
 * A throwaway Dovecot for the IMAP tests: its own configuration in a temp folder, a maildir per user,
 * a passwd file with plain passwords, listening on loopback on a free port — plain IMAP without TLS,
 * and with `tls: true` also IMAPS on a second port with a self-signed certificate. Run by root (CI),
 * its processes drop to Debian's `dovecot`/`dovenull` users and the mail belongs to `nobody`; run by
 * anyone else, everything runs as that user. Messages are delivered by IMAP APPEND. Nothing here
 * skips: without Dovecot the test fails saying how to fix it.
 */

const DOVECOT = '/usr/sbin/dovecot';
const HOW_TO_FIX = 'Dovecot is needed for the e-mail intake tests: apt-get install dovecot-imapd';

export interface DovecotUser {
  login: string;
  password: string;
}

export interface Dovecot {
  host: string;
  /** Plain IMAP (no TLS). */
  port: number;
  /** IMAPS with the self-signed certificate, when started with `tls`. */
  tlsPort: number | null;
  /** The self-signed certificate (PEM), when started with `tls`. */
  cert: string | null;
  users: DovecotUser[];
  /** Adds a user with an empty INBOX. */
  addUser(login: string, password: string): DovecotUser;
  /**
   * Appends raw messages to a user's folder (INBOX unless named), as having arrived at `arrived` when
   * given (the IMAP internal date); answers their UIDs.
   */
  append(
    user: DovecotUser,
    messages: (string | Buffer)[],
    folder?: string,
    arrived?: Date,
  ): Promise<number[]>;
  /** An IMAP client signed in as the user, on the plain port. */
  client(user: DovecotUser): ImapFlow;
  stop(): Promise<void>;
}

function idOf(name: string, flag: '-u' | '-g'): number {
  return Number(execFileSync('id', [flag, name]).toString().trim());
}

function waitForPort(port: number, log: () => string, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = (): void => {
      const s = net.connect(port, '127.0.0.1');
      s.once('data', () => {
        s.destroy();
        resolve();
      });
      s.once('error', () => {
        s.destroy();
        if (Date.now() > until) reject(new Error(`${HOW_TO_FIX} (Dovecot did not answer: ${log()})`));
        else setTimeout(attempt, 50);
      });
    };
    attempt();
  });
}

function selfSigned(dir: string): { cert: string; key: string } {
  const cert = path.join(dir, 'cert.pem');
  const key = path.join(dir, 'key.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '2',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1,DNS:localhost',
      '-keyout',
      key,
      '-out',
      cert,
    ],
    { stdio: 'pipe' },
  );
  return { cert, key };
}

async function appendAll(
  c: ImapFlow,
  messages: (string | Buffer)[],
  folder: string,
  arrived: Date | undefined,
): Promise<number[]> {
  if (folder !== 'INBOX') await c.mailboxCreate(folder).catch(() => undefined);
  const uids: number[] = [];
  for (const m of messages) {
    const r = await c.append(folder, m, [], arrived);
    if (r && typeof r === 'object' && r.uid) uids.push(r.uid);
  }
  return uids;
}

export async function startDovecot(opts: { tls?: boolean } = {}): Promise<Dovecot> {
  if (!fs.existsSync(DOVECOT)) throw new Error(HOW_TO_FIX);
  const asRoot = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'priemnaya-dovecot-'));
  fs.chmodSync(dir, 0o755);
  const me = os.userInfo().username;
  const mailUid = asRoot ? idOf('nobody', '-u') : process.getuid!();
  const mailGid = asRoot ? idOf('nobody', '-g') : process.getgid!();
  const internal = asRoot ? 'dovecot' : me;
  const login = asRoot ? 'dovenull' : me;
  for (const sub of ['run', 'state', 'mail']) fs.mkdirSync(path.join(dir, sub), { mode: 0o755 });
  fs.chownSync(path.join(dir, 'mail'), mailUid, mailGid);
  // One passwd file per user: Dovecot reads a file it has not seen yet, where a file it has read may
  // not be read again when it changes twice within a second.
  const passwd = path.join(dir, 'passwd.d');
  fs.mkdirSync(passwd, { mode: 0o755 });
  const port = await freePort();
  const tlsPort = opts.tls ? await freePort() : null;
  const tls = opts.tls ? selfSigned(dir) : null;
  const conf = path.join(dir, 'dovecot.conf');
  fs.writeFileSync(
    conf,
    `
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/log
info_log_path = ${dir}/log
instance_name = priemnaya-test-${path.basename(dir)}
protocols = imap
listen = 127.0.0.1
default_internal_user = ${internal}
default_login_user = ${login}
login_trusted_networks = 127.0.0.0/8
first_valid_uid = ${Math.min(mailUid, 500)}
first_valid_gid = ${Math.min(mailGid, 500)}
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
${tls ? `ssl = yes\nssl_cert = <${tls.cert}\nssl_key = <${tls.key}` : 'ssl = no'}
mail_location = maildir:${dir}/mail/%u
mail_fsync = never
imap_max_line_length = 1M
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${passwd}/%u
}
userdb {
  driver = static
  args = uid=${mailUid} gid=${mailGid} home=${dir}/mail/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    address = 127.0.0.1
    port = ${tlsPort ?? 0}
    ${tls ? 'ssl = yes' : ''}
  }
  chroot =
}
service anvil {
  chroot =
}
`,
  );
  const log = (): string => {
    try {
      return fs.readFileSync(path.join(dir, 'log'), 'utf8').slice(-2000);
    } catch {
      return 'no log';
    }
  };
  let child: ChildProcess;
  try {
    child = spawn(DOVECOT, ['-F', '-c', conf], { stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    throw new Error(`${HOW_TO_FIX} (${e instanceof Error ? e.message : String(e)})`, { cause: e });
  }
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const onExit = (): void => void child.kill('SIGKILL');
  process.once('exit', onExit);
  try {
    await waitForPort(port, () => `${stderr} ${log()}`);
  } catch (e) {
    child.kill('SIGKILL');
    throw e;
  }
  const users: DovecotUser[] = [];
  const server: Dovecot = {
    host: '127.0.0.1',
    port,
    tlsPort,
    cert: tls ? fs.readFileSync(tls.cert, 'utf8') : null,
    users,
    addUser(name, password) {
      fs.writeFileSync(path.join(passwd, name), `${name}:{PLAIN}${password}::::::\n`, { mode: 0o644 });
      const u = { login: name, password };
      users.push(u);
      return u;
    },
    client(user) {
      return new ImapFlow({
        host: '127.0.0.1',
        port,
        secure: false,
        doSTARTTLS: false,
        auth: { user: user.login, pass: user.password },
        logger: false,
      });
    },
    async append(user, messages, folder = 'INBOX', arrived) {
      const c = server.client(user);
      try {
        await c.connect();
        return await appendAll(c, messages, folder, arrived);
      } catch (e) {
        const r = e as { responseText?: string; response?: string };
        throw new Error(
          `APPEND to ${folder} as ${user.login} failed: ${r.responseText ?? r.response ?? String(e)} (${log()})`,
          {
            cause: e,
          },
        );
      } finally {
        await c.logout().catch(() => undefined);
      }
    },
    async stop() {
      process.removeListener('exit', onExit);
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  return server;
}

/** The mailbox input of `mail.saveMailbox` for a user of the test server (plain IMAP on loopback). */
export function mailboxFor(
  server: Dovecot,
  user: DovecotUser,
  over: Partial<MailboxInput> = {},
): MailboxInput {
  return {
    name: 'Приёмная',
    host: '127.0.0.1',
    port: server.port,
    security: 'none',
    login: user.login,
    password: user.password,
    ...over,
  };
}
