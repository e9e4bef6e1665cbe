/**
 * The IMAP client the intake uses (imapflow), and what a failed connection means in the office's words:
 * a wrong password, a certificate not trusted, no route to the server, a timeout. Timeouts are options,
 * so a test can make a silent server time out at once.
 */
import { ImapFlow } from 'imapflow';
import type { MailFailure } from '../../../shared/api/mail-intake';

export interface ImapTarget {
  host: string;
  port: number;
  security: 'tls' | 'starttls' | 'none';
  login: string;
  password: string;
}

export interface ImapTimeouts {
  connectionMs?: number;
  greetingMs?: number;
  socketMs?: number;
}

export const DEFAULT_TIMEOUTS: Required<ImapTimeouts> = {
  connectionMs: 20_000,
  greetingMs: 15_000,
  socketMs: 120_000,
};

export function imapClient(t: ImapTarget, timeouts: ImapTimeouts = {}): ImapFlow {
  const to = { ...DEFAULT_TIMEOUTS, ...timeouts };
  return new ImapFlow({
    host: t.host,
    port: t.port,
    secure: t.security === 'tls',
    doSTARTTLS: t.security === 'starttls' ? true : t.security === 'none' ? false : undefined,
    auth: { user: t.login, pass: t.password },
    logger: false,
    connectionTimeout: to.connectionMs,
    greetingTimeout: to.greetingMs,
    socketTimeout: to.socketMs,
    // The office's server name is what the certificate must carry; no exceptions are made for it.
    tls: { rejectUnauthorized: true, servername: /^[\d.:]+$/.test(t.host) ? undefined : t.host },
    disableAutoIdle: true,
  });
}

const CERTIFICATE_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'HOSTNAME_MISMATCH',
]);

/** What went wrong, from an error imapflow (or the socket under it) gave. */
export function failureOf(e: unknown): MailFailure {
  const err = e as {
    code?: string;
    authenticationFailed?: boolean;
    serverResponseCode?: string;
    message?: string;
  };
  const code = err.code ?? '';
  const message = err.message ?? '';
  if (err.authenticationFailed || code === 'AUTHENTICATIONFAILED' || /AUTHENTICATIONFAILED/i.test(message))
    return 'auth';
  if (CERTIFICATE_CODES.has(code) || /certificate|self[- ]signed/i.test(message)) return 'certificate';
  if (/TIMEOUT/i.test(code) || /timeout|timed out|in required time/i.test(message)) return 'timeout';
  if (code.startsWith('ERR_SSL') || /\bSSL\b|\bTLS\b/.test(message)) return 'tls';
  if (['ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL'].includes(code))
    return 'no_route';
  if (code === 'ECONNREFUSED') return 'refused';
  if (err.serverResponseCode === 'NONEXISTENT' || /NONEXISTENT|doesn't exist|not exist/i.test(message))
    return 'folder';
  return 'protocol';
}
