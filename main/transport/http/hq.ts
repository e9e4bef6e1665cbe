import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { z } from 'zod';
import {
  EnrolRequestSchema,
  FileGetSchema,
  FilePutSchema,
  PullRequestSchema,
  PushRequestSchema,
} from '../../../shared/sync/protocol';
import { hqText } from '../../../shared/i18n/ru/sync';
import { systemClock, type Clock } from '../../../shared/util/clock';
import { isLoopbackHost } from '../../../shared/util/loopback';
import type { Api } from '../../api/api';
import { HqError, type Hq } from '../../hq/service';
import { receptionHandler, RECEPTION_PREFIX, type ReceptionHandlerOptions } from './reception';
import { bodyLimitFor, httpStatusFor, setSecurityHeaders, staticFiles } from './server';

export const HQ_DEFAULT_PORT = 4790;
/** A batch of 5,000 rows at a few kB each. */
export const HQ_MAX_BODY_BYTES = 64 * 1024 * 1024;

export interface HqServerOptions {
  hq: Hq;
  port?: number;
  /** 127.0.0.1 unless set: HQ listens on the network only when told to. */
  host?: string;
  /** PEM key and certificate: HTTPS instead of HTTP. */
  tls?: { key: string | Buffer; cert: string | Buffer };
  log?: (message: string, error?: unknown) => void;
  /** Called after a batch is merged (the analyst view catches up); not awaited by the office. */
  afterPush?: () => void;
  /**
   * The analyst view's API, served at `POST /api/<method>` beside the sync endpoints (`/sync/v1/…`)
   * on the same port and the same TLS. Calls carry the user's session in `X-Session`, as the
   * desktop's HTTP server takes them; HQ has no launch token, since it is reached over the network.
   */
  viewApi?: Api;
  /** The built renderer (`dist/renderer`) the analysts' browsers load; none, nothing but the APIs. */
  staticDir?: string | null;
  /** Sign-ins one network address may try a minute at HQ's public sign-in (default 10). */
  signInsPerMinute?: number;
  /** The clock of the sign-in limit (tests inject one); the system's by default. */
  clock?: Clock;
  /** The public web reception's pages under `/reception/`; none, no reception. */
  reception?: ReceptionHandlerOptions;
}

export interface HqServerHandle {
  url: string;
  port: number;
  close(): Promise<void>;
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

async function readJson(req: http.IncomingMessage, limit = HQ_MAX_BODY_BYTES): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new HqError(400, `the body is larger than ${limit} bytes`);
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new HqError(400, 'the body is not JSON');
  }
}

function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input);
  if (!r.success) {
    const first = r.error.issues[0];
    throw new HqError(400, `${first?.path.join('.') || '(body)'}: ${first?.message ?? 'invalid'}`);
  }
  return r.data;
}

/** An enrolment request: a code, the office's names and a public key. */
const ENROL_MAX_BODY_BYTES = 16 * 1024;

/** HQ's sign-in is open to the network: each address gets a few tries a minute, whatever the login. */
const PUBLIC_SIGN_IN = new Set(['auth.signIn']);
/** A login of 40 and a password of 200 characters, with room to spare; nothing bigger is read. */
const SIGN_IN_MAX_BODY_BYTES = 16 * 1024;

function perAddressLimit(perMinute: number, clock: Clock): { allow(address: string): boolean } {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    allow(address) {
      const now = clock.now().getTime();
      let w = windows.get(address);
      if (!w || now - w.start >= 60_000) {
        // Forget the addresses whose minute is over, so the table stays as small as the traffic.
        if (windows.size > 10_000)
          for (const [a, x] of windows) if (now - x.start >= 60_000) windows.delete(a);
        w = { start: now, count: 0 };
        windows.set(address, w);
      }
      w.count++;
      return w.count <= perMinute;
    },
  };
}

/**
 * The HQ sync endpoints: `POST /sync/v1/enrol` (code → token), `/push`, `/pull`, `/files/put` and
 * `/files/get` (Bearer token), and the analyst view's API under `/api/`. The server only parses and authenticates; every rule is in `Hq`
 * and in the service layer.
 */
export async function startHqServer(opts: HqServerOptions): Promise<HqServerHandle> {
  const log = opts.log ?? ((m, e) => console.error(m, e ?? ''));
  const host = opts.host ?? '127.0.0.1';
  if (!opts.tls && !isLoopbackHost(host)) throw new Error(hqText.tlsNeeded(host));
  const { hq } = opts;
  const signInLimit = perAddressLimit(opts.signInsPerMinute ?? 10, opts.clock ?? systemClock);
  const receptionPages = opts.reception ? receptionHandler(opts.reception) : null;
  const serveStatic = staticFiles(opts.staticDir ? fs.realpathSync(path.resolve(opts.staticDir)) : null);

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const { pathname, searchParams } = new URL(req.url ?? '/', 'http://hq');
    // Over TLS, browsers are told to come back over TLS only (a year), so no later link downgrades them.
    if (opts.tls) res.setHeader('Strict-Transport-Security', 'max-age=31536000');
    if (receptionPages && (pathname === RECEPTION_PREFIX || pathname.startsWith(`${RECEPTION_PREFIX}/`)))
      return receptionPages(req, res, pathname, searchParams);
    if (!pathname.startsWith('/sync/')) {
      setSecurityHeaders(res);
      if (pathname.startsWith('/api/')) return handleView(req, res, pathname.slice('/api/'.length));
      return serveStatic(req, res, pathname);
    }
    if (req.method !== 'POST') return send(res, 405, { error: 'sync is called with POST' });
    try {
      // The one endpoint open to anyone reads a few kilobytes at most; the others read nothing before
      // the token is checked, so a stranger cannot make HQ hold 64 MB per request.
      if (pathname === '/sync/v1/enrol')
        return send(
          res,
          200,
          await hq.enrol(parse(EnrolRequestSchema, await readJson(req, ENROL_MAX_BODY_BYTES))),
        );
      const auth = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
      if (!auth?.[1]) throw new HqError(401, 'the sync token is missing');
      const node = await hq.authenticate(auth[1]);
      const body = await readJson(req);
      if (pathname === '/sync/v1/push') {
        send(res, 200, await hq.push(node, parse(PushRequestSchema, body)));
        return opts.afterPush?.();
      }
      if (pathname === '/sync/v1/pull')
        return send(res, 200, await hq.pull(node, parse(PullRequestSchema, body)));
      if (pathname === '/sync/v1/files/put') {
        await hq.putFile(node, parse(FilePutSchema, body));
        send(res, 200, {});
        return opts.afterPush?.();
      }
      if (pathname === '/sync/v1/files/get') {
        const file = await hq.fileOf(node.officeId, parse(FileGetSchema, body).sha256);
        return send(res, 200, { dataBase64: file ? file.toString('base64') : null });
      }
      return send(res, 404, { error: `no endpoint ${pathname}` });
    } catch (e) {
      if (e instanceof HqError) return send(res, e.status, { error: e.message });
      log(`HQ ${pathname} failed`, e);
      return send(res, 500, { error: 'HQ failed; see its log' });
    }
  }

  async function handleView(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    name: string,
  ): Promise<void> {
    if (req.method !== 'POST') return send(res, 405, { error: 'the API is called with POST' });
    if (!opts.viewApi) return send(res, 404, { error: 'this HQ serves no analyst view' });
    let input: unknown;
    try {
      input = await readJson(req, PUBLIC_SIGN_IN.has(name) ? SIGN_IN_MAX_BODY_BYTES : bodyLimitFor(name));
    } catch (e) {
      if (!(e instanceof HqError)) throw e;
      return send(res, 400, {
        ok: false,
        error: { code: 'validation', message: e.message, field: '(body)' },
      });
    }
    if (PUBLIC_SIGN_IN.has(name) && !signInLimit.allow(req.socket.remoteAddress ?? '')) {
      res.setHeader('Retry-After', '60');
      return send(res, 429, {
        ok: false,
        error: { code: 'locked', message: 'too many sign-ins from this address; try again in a minute' },
      });
    }
    const session = req.headers['x-session'];
    const envelope = await opts.viewApi.call('http', name, input, {
      token: typeof session === 'string' && session !== '' ? session : null,
    });
    send(res, envelope.ok ? 200 : httpStatusFor(envelope.error.code), envelope);
  }

  const listener = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    handle(req, res).catch((e: unknown) => {
      log(`HQ ${req.url} failed`, e);
      if (!res.headersSent) send(res, 500, { error: 'HQ failed; see its log' });
      else res.destroy();
    });
  };
  const server = opts.tls
    ? https.createServer({ key: opts.tls.key, cert: opts.tls.cert }, listener)
    : http.createServer(listener);
  // An office's computer prepares its next batch between requests, slower on a busy machine: a kept-
  // alive connection closed by HQ after Node's 5 s idle default as the office reuses it cut a push off
  // (EPIPE, «fetch failed»). Idle connections are kept a minute, and say so (`Keep-Alive: timeout=60`).
  server.keepAliveTimeout = 60_000;
  server.headersTimeout = 65_000;
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? HQ_DEFAULT_PORT, host, () => resolve((server.address() as AddressInfo).port));
  });
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `${opts.tls ? 'https' : 'http'}://${shownHost}:${port}`,
    port,
    // Closing twice (a test's own close, then its clean-up) is no error.
    close: () =>
      new Promise<void>((resolve, reject) => {
        if (!server.listening) return resolve();
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
