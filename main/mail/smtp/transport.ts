/**
 * The office's SMTP account as a nodemailer transport, and a failure in plain words. The password is
 * opened from its sealed form only here, when a connection is made.
 */
import nodemailer, { type Transporter } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import type { MailSmtpAccountTable } from '../../../db/schema';
import type { ReadDb } from '../../../db/sql';
import { ApiError } from '../../../shared/api/define';
import { mailText } from '../../../shared/i18n/ru/mail-outbox';
import type { ReadContext } from '../../kernel/context';
import { SecretError } from '../../secrets/box';

const E = mailText.errors;

export function smtpAccountRow(db: ReadDb): MailSmtpAccountTable | null {
  return db.rawGet<MailSmtpAccountTable>('SELECT * FROM mail_smtp_account WHERE id = 1') ?? null;
}

/** A failure to send or connect: the plain words shown, and whether trying again later may help. */
export class SendFailure extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = 'SendFailure';
  }
}

interface SmtpErrorLike {
  code?: string;
  responseCode?: number;
  response?: string;
  command?: string;
  message?: string;
}

/** nodemailer's error, said for people; a 5xx answer to a message is permanent, anything else is retried. */
export function plainFailure(e: unknown): SendFailure {
  if (e instanceof SendFailure) return e;
  if (e instanceof SecretError) return new SendFailure(E.secret, true);
  const err = (e ?? {}) as SmtpErrorLike;
  const code = err.code ?? '';
  const text = (err.response ?? err.message ?? String(e)).trim();
  if (code === 'EAUTH' || err.responseCode === 535) return new SendFailure(E.auth, false);
  if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS_CERT/i.test(text) || /CERT/.test(code))
    return new SendFailure(E.certificate, false);
  if (code === 'ETLS' || /TLS|SSL|wrong version number/i.test(text)) return new SendFailure(E.tls, false);
  if (/ENOTFOUND|EAI_AGAIN/.test(text) || code === 'EDNS') return new SendFailure(E.dns, false);
  if (/ECONNREFUSED/.test(text)) return new SendFailure(E.refused, false);
  if (/EHOSTUNREACH|ENETUNREACH|ECONNRESET|EPIPE/.test(text) || code === 'ESOCKET')
    return new SendFailure(E.noRoute, false);
  if (code === 'ETIMEDOUT' || code === 'ECONNECTION' || /timeout/i.test(text))
    return new SendFailure(E.timeout, false);
  if (code === 'EENVELOPE' || err.command === 'RCPT TO') return new SendFailure(E.recipient, true);
  if (err.responseCode !== undefined)
    return new SendFailure(E.rejected(text), err.responseCode >= 500 && err.responseCode < 600);
  return new SendFailure(E.other(text), false);
}

export interface TransportOptions {
  /** Several connections at once (a mailing); one by default. */
  maxConnections?: number;
}

/** The nodemailer options of the account, its password opened by the office's keeper. */
export function transportOptions(
  ctx: ReadContext,
  account: MailSmtpAccountTable,
  opts: TransportOptions = {},
): SMTPPool.Options {
  let pass: string | undefined;
  if (account.password_sealed) {
    if (!ctx.secrets) throw new SendFailure(E.secret, true);
    pass = ctx.secrets.open(account.password_sealed);
  }
  return {
    pool: true,
    maxConnections: opts.maxConnections ?? 1,
    maxMessages: Infinity,
    host: account.host,
    port: account.port,
    secure: account.security === 'tls',
    requireTLS: account.security === 'starttls',
    ignoreTLS: account.security === 'none',
    auth: account.login ? { user: account.login, pass: pass ?? '' } : undefined,
    connectionTimeout: 20_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  };
}

/** A pooled transport of the office's account; the caller closes it. */
export function openTransport(
  ctx: ReadContext,
  opts: TransportOptions = {},
): { transport: Transporter; account: MailSmtpAccountTable } {
  const account = smtpAccountRow(ctx.store.read);
  if (!account) throw new SendFailure(E.noAccount, false);
  try {
    return { transport: nodemailer.createTransport(transportOptions(ctx, account, opts)), account };
  } catch (e) {
    throw plainFailure(e);
  }
}

/** The sender as a message's From: the office's name and address. */
export const fromOf = (a: MailSmtpAccountTable): { name: string; address: string } => ({
  name: a.from_name,
  address: a.from_address,
});

export function requireAccount(db: ReadDb): MailSmtpAccountTable {
  const a = smtpAccountRow(db);
  if (!a) throw new ApiError('invalid_state', E.noAccount);
  return a;
}
