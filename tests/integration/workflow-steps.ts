import type { RegisterAppealInput } from '../../shared/api/appeals';
import type { Output } from '../../shared/api/index';
import { appealInput, PASSWORD } from './helpers';
import { testOffice, type TestOffice } from './office-fixture';

/**
 * The people of a test office and the steps the workflow tests share. Days are set by hand: the clock
 * stands at 10:00 Moscow time of the day, and everyone signs in again, since a session lasts 12 hours.
 */

export interface Person {
  id: string;
  login: string;
  token: string;
}

export type Card = Output<'appeals.get'>;

export interface Desk {
  o: TestOffice;
  admin: Person;
  deputy: Person;
  assistant: Person;
  today: string;
  day(date: string): Promise<void>;
  register(registeredOn: string, overrides?: Partial<RegisterAppealInput>): Promise<Card>;
}

const tenInMoscow = (date: string): string => `${date}T07:00:00Z`;

export async function openDesk(
  date: string,
  shift: 'previous' | 'next' = 'previous',
  life: 'test' | 'file' = 'test',
): Promise<Desk> {
  const o = await testOffice(tenInMoscow(date), life);
  const admin: Person = { id: '', login: 'admin', token: o.token };
  const deputy: Person = { login: 'deputy', ...(await o.addUser('deputy', 'deputy')) };
  const assistant: Person = { login: 'assistant', ...(await o.addUser('assistant', 'assistant')) };
  if (shift === 'next') await o.call('office.update', { deadlineShift: 'next' }, admin.token);
  const desk: Desk = {
    o,
    admin,
    deputy,
    assistant,
    today: date,
    async day(next) {
      o.clock.set(tenInMoscow(next));
      desk.today = next;
      for (const p of [admin, deputy, assistant])
        p.token = (await o.call('auth.signIn', { login: p.login, password: PASSWORD }, '')).token;
    },
    register: (registeredOn, overrides = {}) =>
      o.call('appeals.register', appealInput({ registeredOn, ...overrides }), assistant.token),
  };
  return desk;
}

export const openTasks = (c: Card): [string, string | null, string | null][] =>
  c.tasks.filter((t) => t.status === 'open').map((t) => [t.kind, t.assigneeId, t.dueDate]);

/** Direction 1 → 3 with no request: the deputy resolves on a reply and approves it. */
export async function replyApproved(d: Desk, id: string): Promise<Card> {
  const { o, deputy, assistant } = d;
  await o.call('workflow.sendToDeputy', { id }, assistant.token);
  await o.call('workflow.resolve', { id, text: 'Ответить заявителю', requestNeeded: false }, deputy.token);
  await o.call('workflow.saveReply', { id, text: 'Уважаемый заявитель! Разъясняем…' }, assistant.token);
  await o.call('workflow.submitReply', { id }, assistant.token);
  return o.call('workflow.approveReply', { id }, deputy.token);
}

/** …and the reply goes out today: the appeal is answered on the merits. */
export async function answerOnMerits(
  d: Desk,
  id: string,
  result: 'explained' | 'supported' | 'not_supported' = 'explained',
): Promise<Card> {
  const { o, assistant } = d;
  await replyApproved(d, id);
  return o.call(
    'workflow.sendReply',
    { id, form: 'post', sentOn: d.today, outgoingNumber: 'ИСХ-1', signatory: 'Петров П.П.', result },
    assistant.token,
  );
}

/** Direction 1 → 2: the deputy resolves that a request is needed; the request goes out approved. */
export async function sendRequest(
  d: Desk,
  id: string,
  req: { kind: 'deputy_request' | 'documents_request'; answerDays: number; extendDays?: number },
) {
  const { o, deputy, assistant } = d;
  await o.call('workflow.sendToDeputy', { id }, assistant.token);
  const c = await o.call('workflow.resolve', { id, text: 'Запросить', requestNeeded: true }, deputy.token);
  const requestId = c.requests[0]!.id;
  const body = await o.call(
    'bodies.create',
    { name: `Орган ${id.slice(-6)}`, answerDays: req.answerDays },
    assistant.token,
  );
  await o.call(
    'requests.update',
    { id: requestId, bodyId: body.id, kind: req.kind, text: 'Прошу представить документы.' },
    assistant.token,
  );
  await o.call('requests.submit', { id: requestId }, assistant.token);
  await o.call('requests.approve', { id: requestId }, deputy.token);
  return { requestId, send: { id: requestId, sentOn: d.today, outgoingNumber: 'ИСХ-7' } };
}
