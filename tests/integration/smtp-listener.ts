import { SMTPServer, type SMTPServerSession } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';

/**
 * A real SMTP server on loopback (`smtp-server`) for the tests: it takes what nodemailer sends, with a
 * login and password, and keeps each message as received (the envelope and the raw bytes) to be parsed
 * back with mailparser. `refuse` makes it answer a message with an error, as a server would.
 */

export interface Received {
  from: string;
  to: string[];
  raw: Buffer;
}

export interface ListenerOptions {
  user?: string;
  pass?: string;
  /** Called for each message before it is taken: a text refuses it with that 5xx/4xx answer. */
  refuse?: (n: number, raw: Buffer) => { code: number; text: string } | null;
}

export interface SmtpListener {
  port: number;
  messages: Received[];
  /** The n-th message taken, parsed by mailparser. */
  parsed(n: number): Promise<ParsedMail>;
  /** Resolves once this many messages have been taken. */
  waitFor(count: number): Promise<void>;
  close(): Promise<void>;
}

export const SMTP_USER = 'office@priemnaya.test';
export const SMTP_PASS = 'smtp-pass-1';

export async function startSmtpListener(opts: ListenerOptions = {}): Promise<SmtpListener> {
  const user = opts.user ?? SMTP_USER;
  const pass = opts.pass ?? SMTP_PASS;
  const messages: Received[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  let seen = 0;
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    authMethods: ['PLAIN', 'LOGIN'],
    logger: false,
    size: 60 * 1024 * 1024,
    onAuth(auth, _session, callback) {
      if (auth.username === user && auth.password === pass) callback(null, { user: auth.username });
      else callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onData(stream, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        seen += 1;
        const refusal = opts.refuse?.(seen, raw);
        if (refusal) {
          callback(Object.assign(new Error(refusal.text), { responseCode: refusal.code }));
          return;
        }
        messages.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
        });
        for (const w of waiters.filter((x) => messages.length >= x.count)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve();
        }
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    messages,
    parsed: (n) => simpleParser(messages[n]!.raw),
    waitFor: (count) =>
      messages.length >= count
        ? Promise.resolve()
        : new Promise((resolve) => waiters.push({ count, resolve })),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The office's SMTP account pointed at a listener. */
export const accountFor = (l: SmtpListener, over: Record<string, unknown> = {}) => ({
  host: '127.0.0.1',
  port: l.port,
  security: 'none' as const,
  login: SMTP_USER,
  password: SMTP_PASS,
  fromName: 'Приёмная депутата Петрова',
  fromAddress: SMTP_USER,
  ratePerMinute: 0,
  ...over,
});
