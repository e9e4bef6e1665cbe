/**
 * Main process. Serves dist/renderer under app://priemnaya/. Plain Node (global fetch types), so the
 * path rules are tested without Electron; main.ts passes the handler to `protocol.handle`.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../transport/http/csp';
import { APP_HOST, APP_SCHEME } from './window';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

export function mimeType(file: string): string {
  return MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file under `rootDir` an app:// URL names, or null when the URL is not ours or tries to leave
 * the folder (`..`, encoded slashes or backslashes, NUL). `/` is the index page.
 */
export function resolveAppFile(rootDir: string, url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.hostname !== APP_HOST || u.port || u.username || u.password)
    return null;
  let rel: string;
  try {
    rel = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  // A decoded backslash or NUL never names one of our files; on Windows the first would be a separator.
  if (rel.includes('\0') || rel.includes('\\')) return null;
  const segments = rel.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.includes('..')) return null;
  if (segments.length === 0) segments.push('index.html');
  const root = path.resolve(rootDir);
  const file = path.resolve(root, ...segments);
  const inside = path.relative(root, file);
  if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) return null;
  return file;
}

type ReadFile = (file: string) => Promise<Uint8Array>;

const baseHeaders = (file: string) => ({
  'Content-Type': mimeType(file),
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-cache',
});

/**
 * The protocol handler. A path without an extension that names no file gets the index page, so a
 * client-side route survives a reload.
 */
export function createAppProtocolHandler(rootDir: string, readFile: ReadFile = (f) => fs.readFile(f)) {
  return async (request: Request): Promise<Response> => {
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return new Response(null, { status: 405, headers: { Allow: 'GET, HEAD' } });
    const file = resolveAppFile(rootDir, request.url);
    if (!file) return new Response(null, { status: 404 });
    for (const candidate of path.extname(file) ? [file] : [file, path.join(rootDir, 'index.html')]) {
      try {
        const body = await readFile(candidate);
        return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
          status: 200,
          headers: baseHeaders(candidate),
        });
      } catch (e) {
        if (!isMissing(e)) throw e;
      }
    }
    return new Response(null, { status: 404 });
  };
}

function isMissing(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  return code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR';
}
