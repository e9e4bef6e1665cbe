import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { MAX_IMPORT_BYTES } from '../../../shared/api/contacts';
import type { ApiErrorBody, Envelope, ErrorCode } from '../../../shared/api/define';
import type { Api } from '../../api/api';
import { CONTENT_SECURITY_POLICY } from './csp';

export const DEFAULT_PORT = 4780;
export const MAX_BODY_BYTES = 2 * 1024 * 1024;
/** A file upload carries up to 20 MiB as base64 (4/3 of it) in JSON; only that method gets the room. */
export const MAX_UPLOAD_BODY_BYTES = 30 * 1024 * 1024;
/** A contact list for import: up to MAX_IMPORT_BYTES as base64 in JSON (bigger lists go through the CLI). */
export const MAX_IMPORT_BODY_BYTES = Math.ceil(MAX_IMPORT_BYTES / 3) * 4 + 64 * 1024;
/**
 * HQ's answer bundle after a week offline carries every row the office's other computers and HQ changed
 * meanwhile: tens of megabytes of JSON. It is read whole (it is verified as a whole before anything is
 * merged), so the bound is what a desk's memory holds comfortably, not what a form posts.
 */
export const MAX_BUNDLE_BODY_BYTES = 256 * 1024 * 1024;
const BODY_LIMITS: ReadonlyMap<string, number> = new Map([
  ['attachments.add', MAX_UPLOAD_BODY_BYTES],
  ['contacts.upload', MAX_IMPORT_BODY_BYTES],
  ['sync.importBundle', MAX_BUNDLE_BODY_BYTES],
]);

export function bodyLimitFor(method: string): number {
  return BODY_LIMITS.get(method) ?? MAX_BODY_BYTES;
}

export interface HttpServerOptions {
  api: Api;
  /** The built renderer (`dist/renderer`); null serves the API only. */
  staticDir: string | null;
  /** Default 4780; if that port is busy, a free one. 0 asks for a free one at once. */
  port?: number;
  /** The per-launch secret every API call must carry; default 32 random bytes, base64url. */
  token?: string;
  log?: (message: string, error: unknown) => void;
}

export interface HttpServerHandle {
  /** `http://127.0.0.1:PORT`, without the token. */
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const STATUS: Record<ErrorCode, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  unknown_method: 404,
  conflict: 409,
  applicant_match: 409,
  invalid_state: 409,
  locked: 423,
  internal: 500,
};

export function httpStatusFor(code: ErrorCode): number {
  return STATUS[code];
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

/** Hashing first gives equal lengths, so neither the secret nor its length leaks through timing. */
function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

function failure(code: ErrorCode, message: string, field?: string): Envelope<never> {
  const error: ApiErrorBody = field
    ? { code, message: `${field}: ${message}`, field, issues: [{ field, message }] }
    : { code, message };
  return { ok: false, error };
}

/** A string value from this length up is written to the socket as it is, not copied into the JSON text. */
const LONG_VALUE = 64 * 1024;
const PLAIN = /[^A-Za-z0-9+/=]/;

/**
 * The envelope as JSON. A long value that JSON writes as it is (a file's base64) is sent by itself, in its
 * place, instead of being copied into one text with the rest: a 19 MiB attachment is not held as its
 * base64 and again as the answer's text.
 */
function sendJson(res: http.ServerResponse, status: number, envelope: Envelope<unknown>): void {
  const long: string[] = [];
  // A mark JSON writes unchanged, with a nonce no value of the answer can know.
  const nonce = randomBytes(8).toString('hex');
  const text = JSON.stringify(envelope, (_key, value: unknown) => {
    if (typeof value !== 'string' || value.length < LONG_VALUE || PLAIN.test(value)) return value;
    long.push(value);
    return `@long:${nonce}:${long.length - 1}@`;
  });
  const parts = long.length === 0 ? [text] : text.split(new RegExp(`"@long:${nonce}:(\\d+)@"`));
  // Odd parts are the captured indexes: each long value goes out quoted, as three writes, never joined.
  const pieces = parts.flatMap((p, i) => (i % 2 === 1 ? ['"', long[Number(p)]!, '"'] : [p]));
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': pieces.reduce((n, p) => n + Buffer.byteLength(p), 0),
  });
  for (const p of pieces) res.write(p);
  res.end();
}

type Body = { kind: 'ok'; data: Buffer } | { kind: 'too_large' } | { kind: 'aborted' };

/**
 * The body, in one buffer. When the client declares its length (every fetch of a string does), the buffer
 * is taken at that size and filled as chunks arrive: an attachment's 26 MB of base64 is held once, not
 * once in chunks and again in their concatenation.
 */
function readBody(req: http.IncomingMessage, limit: number): Promise<Body> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) return Promise.resolve({ kind: 'too_large' });
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const whole = Number.isSafeInteger(declared) && declared > 0 ? Buffer.allocUnsafe(declared) : null;
    let size = 0;
    const onData = (chunk: Buffer): void => {
      const end = size + chunk.length;
      if (end > limit || (whole && end > whole.length)) {
        req.off('data', onData);
        req.pause();
        resolve({ kind: 'too_large' });
        return;
      }
      if (whole) chunk.copy(whole, size);
      else chunks.push(chunk);
      size = end;
    };
    req.on('data', onData);
    req.on('end', () =>
      resolve({ kind: 'ok', data: whole ? whole.subarray(0, size) : Buffer.concat(chunks) }),
    );
    // A client that hangs up mid-upload is no server failure; there is nobody left to answer.
    req.on('error', (e: NodeJS.ErrnoException) =>
      e.code === 'ECONNRESET' && !req.complete ? resolve({ kind: 'aborted' }) : reject(e),
    );
  });
}

/**
 * The body's JSON. The bytes are let go once they are text, and the text lives only in here: a 19 MiB scan
 * is not held as bytes, text and value at once.
 */
function parseJson(body: { data: Buffer }): { ok: true; input: unknown } | { ok: false; why: string } {
  const text = body.data.toString('utf8');
  body.data = Buffer.alloc(0);
  if (text.trim() === '') return { ok: true, input: undefined };
  try {
    return { ok: true, input: JSON.parse(text) as unknown };
  } catch (e) {
    return { ok: false, why: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * Browser mode: the renderer's files and `POST /api/<method>` on 127.0.0.1. The server adds no logic
 * to the API; it only guards the door (Host check against DNS rebinding, the launch token, a body limit).
 */
export async function startHttpServer(opts: HttpServerOptions): Promise<HttpServerHandle> {
  const token = opts.token ?? randomBytes(32).toString('base64url');
  const log = opts.log ?? ((message, error) => console.error(message, error));
  const serveStatic = staticFiles(opts.staticDir ? fs.realpathSync(path.resolve(opts.staticDir)) : null);
  let port = 0;

  const allowedHosts = (): string[] => [`127.0.0.1:${port}`, `localhost:${port}`];

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, name: string): Promise<void> {
    res.setHeader('Cache-Control', 'no-store');
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      return sendJson(res, 405, failure('validation', 'the API is called with POST'));
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts().some((h) => origin === `http://${h}`))
      return sendJson(res, 403, failure('forbidden', 'calls from another origin are refused'));
    const auth = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
    if (!auth?.[1] || !sameSecret(auth[1], token)) {
      res.setHeader('WWW-Authenticate', 'Bearer');
      return sendJson(res, 401, failure('unauthenticated', 'the launch token is missing or wrong'));
    }
    const limit = bodyLimitFor(name);
    const body = await readBody(req, limit);
    if (body.kind === 'aborted') return;
    if (body.kind === 'too_large') {
      // Stop the upload rather than drain megabytes nobody will read.
      res.setHeader('Connection', 'close');
      res.on('finish', () => req.destroy());
      return sendJson(res, 413, failure('validation', `larger than ${limit} bytes`, '(body)'));
    }
    const parsed = parseJson(body);
    if (!parsed.ok) return sendJson(res, 400, failure('validation', `not JSON (${parsed.why})`, '(body)'));
    const input = parsed.input;
    const session = req.headers['x-session'];
    const envelope = await opts.api.call('http', name, input, {
      token: typeof session === 'string' && session !== '' ? session : null,
    });
    sendJson(res, envelope.ok ? 200 : httpStatusFor(envelope.error.code), envelope);
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    setSecurityHeaders(res);
    const host = (req.headers.host ?? '').toLowerCase();
    // A page on another site whose name was rebound to 127.0.0.1 still sends its own name here.
    if (!allowedHosts().includes(host))
      return sendJson(res, 421, failure('forbidden', 'this server answers only to 127.0.0.1 and localhost'));
    const { pathname } = new URL(req.url ?? '/', `http://${host}`);
    if (pathname === '/api' || pathname.startsWith('/api/'))
      return handleApi(req, res, pathname.slice('/api/'.length));
    return serveStatic(req, res, pathname);
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      log(`HTTP ${req.method} ${req.url} failed`, e);
      if (!res.headersSent) sendJson(res, 500, failure('internal', 'the server failed; see its log'));
      else res.destroy(e instanceof Error ? e : undefined);
    });
  });
  port = await listen(server, opts.port ?? DEFAULT_PORT);
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** What every answer of a server that serves the renderer carries (the HQ server's too). */
export function setSecurityHeaders(res: http.ServerResponse): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}

/**
 * GET and HEAD of the built renderer under `root` (null: nothing is served), its own routes answered by
 * index.html; a path outside `root`, by `..` or a link, is refused. The HQ server serves the same files.
 */
export function staticFiles(
  root: string | null,
): (req: http.IncomingMessage, res: http.ServerResponse, pathname: string) => Promise<void> {
  return async function serveStatic(req, res, pathname) {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return sendText(res, 405, 'Method Not Allowed');
    }
    if (!root) return sendText(res, 404, 'Not Found');
    let rel: string;
    try {
      rel = decodeURIComponent(pathname);
    } catch {
      return sendText(res, 400, 'Bad Request');
    }
    if (rel.includes('\0')) return sendText(res, 400, 'Bad Request');
    const target = path.resolve(root, rel.replace(/^[/\\]+/, ''));
    if (!inside(root, target)) return sendText(res, 403, 'Forbidden');
    let file = await resolveFile(target);
    // The SPA's own routes have no extension; a missing asset stays a 404.
    if (!file && path.extname(rel) === '') file = await resolveFile(path.join(root, 'index.html'));
    if (!file) return sendText(res, 404, 'Not Found');
    if (!inside(root, file)) return sendText(res, 403, 'Forbidden');
    const data = await fs.promises.readFile(file);
    const type = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    res.writeHead(200, { 'Content-Type': type, 'Content-Length': data.length, 'Cache-Control': 'no-cache' });
    res.end(req.method === 'HEAD' ? undefined : data);
  };
}

function sendText(res: http.ServerResponse, status: number, text: string): void {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

function inside(root: string, target: string): boolean {
  return target === root || target.startsWith(root + path.sep);
}

/** The real path of a regular file at `target` (or its index.html for a folder); null if there is none. */
async function resolveFile(target: string): Promise<string | null> {
  try {
    let real = await fs.promises.realpath(target);
    let stat = await fs.promises.stat(real);
    if (stat.isDirectory()) {
      real = await fs.promises.realpath(path.join(real, 'index.html'));
      stat = await fs.promises.stat(real);
    }
    return stat.isFile() ? real : null;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw e;
  }
}

function listenOn(server: http.Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (e: Error): void => {
      server.off('listening', onListening);
      reject(e);
    };
    const onListening = (): void => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, '127.0.0.1');
  });
}

async function listen(server: http.Server, port: number): Promise<number> {
  try {
    return await listenOn(server, port);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE' && port !== 0) return listenOn(server, 0);
    throw e;
  }
}
