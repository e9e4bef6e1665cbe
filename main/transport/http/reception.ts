import type http from 'node:http';
import { webReceptionText as T } from '../../../shared/i18n/ru/web-reception';
import type { ApplicationKind } from '../../hq/reception/form';
import {
  codePage,
  confirmedPage,
  formPage,
  messagePage,
  RECEPTION_CSS,
  statusPage,
} from '../../hq/reception/pages';
import { maskContact, type WebReception } from '../../hq/reception/service';
import { receptionConfig } from '../../hq/reception/config';
import { NO_UPLOADS } from '../../hq/reception/uploads';
import { BadBody, readMultipart, readUrlEncoded, TooBig, type PostedForm } from './reception-body';

/**
 * The public web reception's pages under `/reception/` on HQ's port: plain HTML forms posted
 * url-encoded, no script, its own strict Content Security Policy. Nothing here reaches the sync
 * endpoints or the analyst view; every rule lives in `WebReception`.
 */

export const RECEPTION_PREFIX = '/reception';

const RECEPTION_CSP = [
  "default-src 'none'",
  "style-src 'self'",
  "img-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

function reply(res: http.ServerResponse, status: number, html: string, type = 'text/html'): void {
  res.writeHead(status, {
    'Content-Type': `${type}; charset=utf-8`,
    'Content-Length': Buffer.byteLength(html),
    'Content-Security-Policy': RECEPTION_CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cache-Control': 'no-store',
  });
  res.end(html);
}

/** Past this much beyond what a post may carry it is cut off; below it, an oversize post is read to its end and dropped. */
const DRAIN_BYTES = 16 * 1024 * 1024;

const readForm = (req: http.IncomingMessage, limit: number): Promise<Record<string, string>> =>
  readUrlEncoded(req, limit, DRAIN_BYTES);

export interface ReceptionHandlerOptions {
  reception: WebReception;
  /** The client's address; behind a proxy HQ trusts, from its header. The socket's by default. */
  clientIp?: (req: http.IncomingMessage) => string;
}

/** Answers a request whose path starts with `/reception`. */
export function receptionHandler(
  opts: ReceptionHandlerOptions,
): (
  req: http.IncomingMessage,
  res: http.ServerResponse,
  pathname: string,
  search: URLSearchParams,
) => Promise<void> {
  const { reception } = opts;
  const ipOf = opts.clientIp ?? ((req) => req.socket.remoteAddress ?? '');
  const P = RECEPTION_PREFIX;

  async function showForm(
    res: http.ServerResponse,
    kind: ApplicationKind,
    source: string | null,
  ): Promise<void> {
    const ctx = await reception.formContext();
    reply(res, 200, formPage(kind, ctx, P, source ? { source: source.slice(0, 100) } : {}));
  }

  async function submit(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    kind: ApplicationKind,
    multipart: boolean,
  ): Promise<void> {
    const { settings } = await receptionConfig(reception.hq.db);
    const posted: PostedForm = multipart
      ? await readMultipart(req, {
          fileField: 'attachments',
          maxFiles: settings.maxFiles,
          maxFileBytes: settings.maxFileBytes,
          maxTotalBytes: settings.maxTotalBytes,
          // The text of the largest size in UTF-8 (2 bytes a Cyrillic letter, 3 at most), with its line ends.
          fieldBytes: settings.maxTextChars * 4,
          maxFields: 40,
          drainBytes: settings.maxTotalBytes + settings.maxFileBytes + DRAIN_BYTES,
        })
      : {
          // A text of the largest size, every letter percent-encoded (6 bytes a Cyrillic letter), and room for the rest.
          fields: await readForm(req, settings.maxTextChars * 6 + 16_384),
          uploads: NO_UPLOADS,
        };
    const form = posted.fields;
    const out = await reception.submit(kind, form, ipOf(req), posted.uploads);
    if (out.kind === 'invalid') {
      const ctx = await reception.formContext();
      return reply(res, 400, formPage(kind, ctx, P, form, out.errors));
    }
    if (out.kind === 'refused')
      return reply(res, out.refusal.status, messagePage(P, out.refusal.message, `${P}/${kind}`));
    const sent = out.channel === 'email' ? T.codeSentEmail(out.to) : T.codeSentSms(out.to);
    reply(res, 200, codePage(P, out.applicationId, sent, settings.codeMinutes));
  }

  async function confirm(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const form = await readForm(req, 4096);
    const id = form.application ?? '';
    const out = await reception.confirm(id, form.code ?? '', ipOf(req));
    if (out.kind === 'confirmed')
      return reply(res, 200, confirmedPage(P, out.applicationKind, out.statusLink));
    if (out.triesLeft && out.triesLeft > 0) {
      const { settings } = await receptionConfig(reception.hq.db);
      const app = await reception.hq.db
        .selectFrom('hq_web_applications')
        .select(['code_channel', 'email', 'phone'])
        .where('id', '=', id)
        .executeTakeFirst();
      if (app) {
        const to = maskContact(
          app.code_channel,
          (app.code_channel === 'email' ? app.email : app.phone) ?? '',
        );
        const sent = app.code_channel === 'email' ? T.codeSentEmail(to) : T.codeSentSms(to);
        return reply(
          res,
          out.refusal.status,
          codePage(P, id, sent, settings.codeMinutes, out.refusal.message),
        );
      }
    }
    reply(res, out.refusal.status, messagePage(P, out.refusal.message, `${P}/appeal`));
  }

  return async function handle(req, res, pathname, search) {
    const rest = pathname.slice(P.length).replace(/\/+$/, '');
    try {
      if (req.method === 'GET' || req.method === 'HEAD') {
        if (rest === '/style.css') return reply(res, 200, RECEPTION_CSS, 'text/css');
        if (rest === '' || rest === '/appeal') return await showForm(res, 'appeal', search.get('source'));
        if (rest === '/volunteer') return await showForm(res, 'volunteer', search.get('source'));
        const status = /^\/status\/([^/]{1,100})$/.exec(rest);
        if (status) {
          const s = await reception.status(status[1]!, ipOf(req));
          const code = s.kind === 'unknown' ? 404 : s.kind === 'throttled' ? 429 : 200;
          return reply(res, code, statusPage(P, s));
        }
        return reply(res, 404, messagePage(P, T.status.unknown, `${P}/appeal`));
      }
      if (req.method !== 'POST') {
        res.setHeader('Allow', 'GET, HEAD, POST');
        return reply(res, 405, messagePage(P, T.errors.method));
      }
      const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      const multipart = type === 'multipart/form-data';
      if (type !== 'application/x-www-form-urlencoded' && !(multipart && rest !== '/confirm'))
        return reply(res, 415, messagePage(P, T.errors.formType));
      if (rest === '/appeal' || rest === '') return await submit(req, res, 'appeal', multipart);
      if (rest === '/volunteer') return await submit(req, res, 'volunteer', multipart);
      if (rest === '/confirm') return await confirm(req, res);
      return reply(res, 404, messagePage(P, T.status.unknown));
    } catch (e) {
      if (e instanceof BadBody) return reply(res, 400, messagePage(P, T.errors.formType, `${P}/appeal`));
      if (e instanceof TooBig) {
        res.setHeader('Connection', 'close');
        return reply(res, 413, messagePage(P, T.errors.tooBig, `${P}/appeal`));
      }
      throw e;
    }
  };
}
