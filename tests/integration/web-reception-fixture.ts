import { afterEach } from 'vitest';
import type http from 'node:http';
import { Hq } from '../../main/hq/service';
import { openHqStore } from '../../main/hq/store';
import { setRoute } from '../../main/hq/reception/routes';
import type { WebReception } from '../../main/hq/reception/service';
import { startHqServer, type HqServerHandle } from '../../main/transport/http/hq';
import type { TestHq } from './sync-fixture';
import { startSmtpListener, type SmtpListener } from './smtp-listener';
import { smtpReception } from './web-reception-smtp';

/**
 * The public web reception for tests: HQ's server with the reception mounted, its codes sent through
 * a real SMTP listener on loopback, and the client's address taken from a test header, so one test can
 * play several citizens. `secondProcess` opens another `Hq` on the same database and serves it on
 * another port, as a second HQ process behind a load balancer would.
 */

export const TVER = 'Тверская область';
export const KALININ = 'Калининский район';

export interface Front {
  reception: WebReception;
  server: HqServerHandle;
  url: string;
}

export interface ReceptionFixture extends Front {
  smtp: SmtpListener;
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const ipOf = (req: http.IncomingMessage): string => {
  const h = req.headers['x-test-client'];
  return typeof h === 'string' ? h : (req.socket.remoteAddress ?? '');
};

async function front(hq: Hq, smtp: SmtpListener, clock: TestHq['clock']): Promise<Front> {
  const { reception, close } = await smtpReception(hq, smtp, clock);
  const server = await startHqServer({ hq, port: 0, reception: { reception, clientIp: ipOf } });
  cleanups.push(async () => {
    await server.close();
    close();
  });
  return { reception, server, url: server.url };
}

/** The reception on `hq`, routes: Калининский район → office `aCode`, the rest of the region and the default → `bCode`. */
export async function startReception(hq: TestHq, aCode: string, bCode: string): Promise<ReceptionFixture> {
  const now = hq.clock.now();
  await setRoute(hq.hq.db, { region: TVER, district: KALININ, settlement: '' }, aCode, now);
  await setRoute(hq.hq.db, { region: TVER, district: '', settlement: '' }, bCode, now);
  await setRoute(hq.hq.db, { region: '', district: '', settlement: '' }, bCode, now);
  const smtp = await startSmtpListener();
  cleanups.push(() => smtp.close());
  return { ...(await front(hq.hq, smtp, hq.clock)), smtp };
}

/** A second HQ process on the same database, with its own server. */
export async function secondProcess(hq: TestHq, smtp: SmtpListener): Promise<Front> {
  const store = await openHqStore(hq.target);
  cleanups.push(() => store.close());
  return front(await Hq.open(store, { clock: hq.clock }), smtp, hq.clock);
}

export interface Page {
  status: number;
  html: string;
}

export async function getPage(url: string, path: string, client = '10.0.0.1'): Promise<Page> {
  const r = await fetch(`${url}${path}`, { headers: { 'X-Test-Client': client } });
  return { status: r.status, html: await r.text() };
}

export async function postForm(
  url: string,
  path: string,
  fields: Record<string, string>,
  client = '10.0.0.1',
): Promise<Page> {
  const r = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Test-Client': client },
    body: new URLSearchParams(fields),
  });
  return { status: r.status, html: await r.text() };
}

export const hidden = (html: string, name: string): string =>
  new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? '';

/** A filled appeal form: the form's own stamp, the citizen's fields, and whatever a test changes. */
export async function filledAppeal(
  f: Front,
  clock: TestHq['clock'],
  over: Record<string, string> = {},
): Promise<Record<string, string>> {
  const form = await getPage(f.url, '/reception/appeal');
  clock.advance(30_000);
  return {
    started: hidden(form.html, 'started'),
    website: '',
    surname: 'Смирнова',
    first_name: 'Анна',
    patronymic: 'Сергеевна',
    email: 'anna.smirnova@mail.test',
    phone: '+7 916 123-45-67',
    postal_address: '',
    place: `${TVER}|${KALININ}|`,
    text: 'Во дворе дома 12 по улице Лесной третью неделю не вывозят мусор, контейнеры переполнены.',
    consent: 'yes',
    ...over,
  };
}

/** The code and the status link of the n-th message the listener took. */
export async function codeMail(
  smtp: SmtpListener,
  n: number,
): Promise<{ to: string; code: string; link: string }> {
  await smtp.waitFor(n + 1);
  const mail = await smtp.parsed(n);
  const text = mail.text ?? '';
  return {
    to: smtp.messages[n]!.to.join(','),
    code: /Код подтверждения: (\d{6})/.exec(text)?.[1] ?? '',
    link: /(https:\/\/\S+\/status\/\S+)/.exec(text)?.[1] ?? '',
  };
}

export interface FormFile {
  name: string;
  data: Buffer;
  type?: string;
}

/** The appeal form posted as a browser posts it with files (`multipart/form-data`). */
export async function postWithFiles(
  url: string,
  path: string,
  fields: Record<string, string>,
  files: readonly FormFile[],
  client = '10.0.0.1',
): Promise<Page> {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.append(k, v);
  for (const f of files)
    body.append(
      'attachments',
      new Blob([new Uint8Array(f.data)], { type: f.type ?? 'application/octet-stream' }),
      f.name,
    );
  const r = await fetch(`${url}${path}`, { method: 'POST', headers: { 'X-Test-Client': client }, body });
  return { status: r.status, html: await r.text() };
}
