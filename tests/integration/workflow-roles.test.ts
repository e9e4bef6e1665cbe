import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpServer, type HttpServerHandle } from '../../main/transport/http/server';
import { transportCallers, type Caller } from './transport-callers';
import type { Input, MethodName, Output } from '../../shared/api/index';
import { appealInput, dumpTables, expectError, setUpOffice, type TestOffice } from './helpers';

/**
 * Who may move an appeal on, through every transport: the deputy's decisions are refused to an assistant
 * (forbidden), and a step out of turn is refused to anyone (invalid_state); either way nothing changes.
 */

let office: TestOffice;
let server: HttpServerHandle;
let deputy: Caller;
let assistant: Caller;
/** Appeals and requests standing where each step is (or is not) possible. */
const at = {
  awaitingResolution: '',
  requestInApproval: '',
  replyApproval: '',
  registered: '',
  requestDraft: '',
  requestSent: '',
  closed: '',
};

const as = <M extends MethodName>(who: Caller, method: M, input: Input<M>): Promise<Output<M>> =>
  office.value(method, input, who.token);

beforeAll(async () => {
  office = await setUpOffice('2026-02-13T07:00:00Z');
  deputy = { login: 'deputy', token: (await office.addUser('deputy', 'deputy')).token };
  assistant = { login: 'assistant', token: (await office.addUser('assistant', 'assistant')).token };
  const register = async () => (await as(assistant, 'appeals.register', appealInput())).id;
  const toDeputy = async () => {
    const id = await register();
    await as(assistant, 'workflow.sendToDeputy', { id });
    return id;
  };
  const inRequest = async () => {
    const id = await toDeputy();
    const c = await as(deputy, 'workflow.resolve', { id, text: 'Запрос', requestNeeded: true });
    return c.requests[0]!.id;
  };
  const body = await as(assistant, 'bodies.create', { name: 'ООО «УК Центр»', answerDays: 30 });
  const ready = async () => {
    const req = await inRequest();
    await as(assistant, 'requests.update', { id: req, bodyId: body.id, text: 'Прошу сообщить' });
    await as(assistant, 'requests.submit', { id: req });
    return req;
  };
  const replyToApprove = async () => {
    const id = await toDeputy();
    await as(deputy, 'workflow.resolve', { id, text: 'Ответить', requestNeeded: false });
    await as(assistant, 'workflow.saveReply', { id, text: 'Ответ по существу' });
    await as(assistant, 'workflow.submitReply', { id });
    return id;
  };
  at.awaitingResolution = await toDeputy();
  at.requestInApproval = await ready();
  at.replyApproval = await replyToApprove();
  at.registered = await register();
  at.requestDraft = await inRequest();
  at.requestSent = await ready();
  await as(deputy, 'requests.approve', { id: at.requestSent });
  await as(assistant, 'requests.send', { id: at.requestSent, sentOn: '2026-02-13', outgoingNumber: 'И-1' });
  at.closed = await replyToApprove();
  await as(deputy, 'workflow.approveReply', { id: at.closed });
  const sent = { sentOn: '2026-02-13', form: 'post', signatory: 'Петров П.П.', result: 'explained' } as const;
  await as(assistant, 'workflow.sendReply', { id: at.closed, ...sent });
  server = await startHttpServer({ api: office.handle.api, staticDir: null, port: 0 });
});

afterAll(async () => {
  await server.close();
  office.close();
});

const transports = transportCallers(
  () => office,
  () => server,
);

/** The deputy's decisions, each asked for by an assistant at the moment it is due. */
const DEPUTY_STEPS: [string, () => unknown][] = [
  ['workflow.resolve', () => ({ id: at.awaitingResolution, text: 'Запрос', requestNeeded: true })],
  ['requests.approve', () => ({ id: at.requestInApproval })],
  ['workflow.approveReply', () => ({ id: at.replyApproval })],
];

/** Steps out of turn, and who tries them: the message names the step and the state. */
const OUT_OF_TURN: [string, 'assistant' | 'deputy', () => unknown, string][] = [
  [
    'workflow.sendReply',
    'assistant',
    () => ({ id: at.registered, sentOn: '2026-02-13', form: 'post', signatory: 'П.П.', result: 'explained' }),
    'sendReply is not possible in state registered',
  ],
  [
    'requests.approve',
    'deputy',
    () => ({ id: at.requestDraft }),
    'request approve is not possible in state draft',
  ],
];

describe.each(transports)('%s', (_name, send) => {
  it.each(DEPUTY_STEPS)('refuses an assistant %s (forbidden), and changes nothing', async (method, input) => {
    const before = dumpTables(office.handle.sqlite);
    const error = expectError(await send(method, input(), assistant));
    expect(error).toMatchObject({ code: 'forbidden', message: 'the role assistant may not do this' });
    expect(dumpTables(office.handle.sqlite)).toBe(before);
  });

  it.each(OUT_OF_TURN)(
    'refuses %s out of turn (invalid_state), and changes nothing',
    async (method, who, input, message) => {
      const before = dumpTables(office.handle.sqlite);
      const error = expectError(await send(method, input(), who === 'deputy' ? deputy : assistant));
      expect(error).toMatchObject({ code: 'invalid_state', message, field: 'id' });
      expect(dumpTables(office.handle.sqlite)).toBe(before);
    },
  );
});

describe('steps out of turn, in the service', () => {
  const cases: [MethodName, 'assistant' | 'deputy', () => unknown, string][] = [
    ['workflow.resolve', 'deputy', () => ({ id: at.registered, text: 'Т', requestNeeded: false }), 'resolve'],
    ['workflow.submitReply', 'assistant', () => ({ id: at.awaitingResolution }), 'submitReply'],
    ['workflow.approveReply', 'deputy', () => ({ id: at.closed }), 'approveReply'],
    [
      'workflow.sendArt11Notice',
      'assistant',
      () => ({ id: at.registered, sentOn: '2026-02-13', form: 'post' }),
      'sendArt11Notice',
    ],
    [
      'workflow.completeForward',
      'assistant',
      () => ({
        id: at.registered,
        outgoingNumber: '1',
        sentOn: '2026-02-13',
        applicantNotifiedOn: '2026-02-13',
      }),
      'completeForward',
    ],
    [
      'workflow.decideArt11',
      'deputy',
      () => ({ id: at.registered, approve: true, text: 'Т' }),
      'decideArt11',
    ],
    ['workflow.forward', 'assistant', () => ({ id: at.closed, addressee: 'Прокуратура' }), 'forward'],
    [
      'workflow.applyArt11',
      'assistant',
      () => ({ id: at.awaitingResolution, ground: 'p2', comment: 'Суд' }),
      'applyArt11',
    ],
    ['workflow.saveReply', 'assistant', () => ({ id: at.closed, text: 'Новый текст' }), 'reply'],
    ['workflow.extend', 'deputy', () => ({ id: at.closed, days: 10, reason: 'Т' }), 'closed'],
    [
      'workflow.notifyExtension',
      'assistant',
      () => ({ id: at.registered, notifiedOn: '2026-02-13' }),
      'notice',
    ],
    ['requests.create', 'assistant', () => ({ appealId: at.registered }), 'request'],
    ['requests.submit', 'assistant', () => ({ id: at.requestSent }), 'submit'],
    [
      'requests.send',
      'assistant',
      () => ({ id: at.requestDraft, sentOn: '2026-02-13', outgoingNumber: '2' }),
      'send',
    ],
    [
      'requests.recordAnswer',
      'assistant',
      () => ({ id: at.requestInApproval, answeredOn: '2026-02-13', incomingNumber: '3', summary: 'С' }),
      'recordAnswer',
    ],
    [
      'requests.resolveAnswer',
      'deputy',
      () => ({ id: at.requestSent, text: 'Т', next: 'reply' }),
      'resolveAnswer',
    ],
    ['requests.cancel', 'assistant', () => ({ id: at.requestSent, comment: 'Отозвать' }), 'cancel'],
  ];
  it.each(cases)(
    'refuses %s (%s) with invalid_state, and changes nothing',
    async (method, who, input, word) => {
      const before = dumpTables(office.handle.sqlite);
      const r = await office.call(method, input(), (who === 'deputy' ? deputy : assistant).token);
      const error = expectError(r);
      expect(error.code).toBe('invalid_state');
      expect(error.message).toContain(word);
      expect(dumpTables(office.handle.sqlite)).toBe(before);
    },
  );
});
