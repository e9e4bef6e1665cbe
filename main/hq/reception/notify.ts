import nodemailer from 'nodemailer';
import { webReceptionText as T } from '../../../shared/i18n/ru/web-reception';

/**
 * How the one-time code reaches the citizen: by e-mail through HQ's SMTP account (nodemailer), or by
 * SMS through a provider's HTTP API. The reception only asks for a channel to be there.
 */
export interface CodeMessage {
  to: string;
  code: string;
  minutes: number;
  statusLink: string;
}

export interface CodeSender {
  email?: (m: CodeMessage) => Promise<void>;
  sms?: (m: CodeMessage) => Promise<void>;
}

/** E-mail through an SMTP URL (`smtp://user:pass@host:587`, `smtps://…`) from the address given. */
export function smtpCodeSender(
  url: string,
  from: string,
): Required<Pick<CodeSender, 'email'>> & {
  close(): void;
} {
  const transport = nodemailer.createTransport(url);
  return {
    email: async (m) => {
      await transport.sendMail({
        from,
        to: m.to,
        subject: T.email.subject,
        text: T.email.body(m.code, m.minutes, m.statusLink),
      });
    },
    close: () => transport.close(),
  };
}

/**
 * SMS.ru (https://sms.ru/api/send): `POST /sms/send` with `api_id`, `to`, `msg`, `json=1`; the answer's
 * `status` is "OK" for the request and, under `sms`, for each number. `baseUrl` is the provider's
 * address (a test points it at a listener on loopback).
 */
export function smsRuSender(apiId: string, baseUrl = 'https://sms.ru'): (m: CodeMessage) => Promise<void> {
  return async (m) => {
    const to = m.to.replace(/^\+/, '');
    const res = await fetch(new URL('/sms/send', baseUrl), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ api_id: apiId, to, msg: T.sms(m.code), json: '1' }),
      signal: AbortSignal.timeout(15_000),
    });
    const body = (await res.json().catch(() => null)) as {
      status?: string;
      status_text?: string;
      sms?: Record<string, { status?: string; status_text?: string }>;
    } | null;
    const one = body?.sms?.[to];
    if (!res.ok || body?.status !== 'OK' || one?.status !== 'OK')
      throw new Error(`SMS.ru: ${one?.status_text ?? body?.status_text ?? `HTTP ${res.status}`}`);
  };
}
