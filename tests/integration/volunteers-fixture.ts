/** Volunteers' sign-ups for the tests: the form filled, the code confirmed; counting rows of a computer. */
import { expect } from 'vitest';
import type { SyncNode, TestHq } from './sync-fixture';
import {
  codeMail,
  getPage,
  hidden,
  KALININ,
  postForm,
  TVER,
  type ReceptionFixture,
} from './web-reception-fixture';

export const T0 = '2026-03-02T07:00:00Z';

/** A citizen signs up on «Стать волонтёром / сторонником» (the campaign in the address) and confirms. */
export async function signUp(
  r: ReceptionFixture,
  hq: TestHq,
  n: number,
  over: Record<string, string> = {},
): Promise<string> {
  const form = await getPage(r.url, '/reception/volunteer?source=vk-dec');
  expect(form.status).toBe(200);
  hq.clock.advance(30_000);
  const sent = await postForm(r.url, '/reception/volunteer', {
    started: hidden(form.html, 'started'),
    website: '',
    source: hidden(form.html, 'source') || 'vk-dec',
    surname: 'Волков',
    first_name: 'Игорь',
    patronymic: 'Павлович',
    email: 'igor.volkov@mail.test',
    phone: '+7 916 555-44-33',
    postal_address: '',
    place: `${TVER}|${KALININ}|`,
    text: 'Готов помогать по выходным.',
    consent: 'yes',
    ...over,
  });
  expect(sent.status, sent.html).toBe(200);
  const application = hidden(sent.html, 'application');
  const mail = await codeMail(r.smtp, n);
  const ok = await postForm(r.url, '/reception/confirm', { application, code: mail.code });
  expect(ok.status, ok.html).toBe(200);
  return application;
}

export const count = (n: SyncNode, sql: string, ...p: unknown[]): number =>
  (n.handle.sqlite.prepare(`SELECT count(*) AS n FROM ${sql}`).get(...p) as { n: number }).n;
