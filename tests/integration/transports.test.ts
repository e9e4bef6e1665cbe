import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpServer, type HttpServerHandle } from '../../main/transport/http/server';
import { createIpcHandler } from '../../main/transport/ipc';
import { transportCallers, type Caller } from './transport-callers';
import { appealInput, dumpTables, expectError, PASSWORD, setUpOffice, type TestOffice } from './helpers';

/**
 * Acceptance: a bad input through each transport (IPC handler, HTTP, CLI) returns an error naming the
 * field and changes nothing; a role that may not call a method is refused the same way everywhere.
 */

let office: TestOffice;
let server: HttpServerHandle;
let admin: Caller;
let assistant: Caller;

beforeAll(async () => {
  office = await setUpOffice();
  admin = { login: 'admin', token: office.token };
  assistant = { login: 'assistant1', token: (await office.addUser('assistant1', 'assistant')).token };
  // Some data already in place, so "nothing changed" is checked against more than empty tables.
  await office.value('appeals.register', appealInput());
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

const BAD_REGISTRATIONS: [string, unknown, string][] = [
  ['an unknown channel', appealInput({ channel: 'pigeon' as never }), 'channel'],
  ['no summary', { ...appealInput(), summary: undefined }, 'summary'],
  ['a blank summary', appealInput({ summary: '   ' }), 'summary'],
  [
    'a malformed applicant e-mail',
    appealInput({ applicant: { lastName: 'Почтов', email: 'nope' } }),
    'applicant.email',
  ],
  // Refused by the service inside its transaction, after the schema passed: still nothing written.
  [
    'received after registration',
    appealInput({ registeredOn: '2025-03-03', receivedOn: '2025-03-04' }),
    'receivedOn',
  ],
];

describe.each(transports)('%s', (_name, send) => {
  it.each(BAD_REGISTRATIONS)(
    'refuses a registration with %s, naming the field, and changes nothing',
    async (_what, input, field) => {
      const before = dumpTables(office.handle.sqlite);
      const error = expectError(await send('appeals.register', input, admin));
      expect(error.code).toBe('validation');
      expect(error.field).toBe(field);
      expect(error.message).toContain(field);
      expect(dumpTables(office.handle.sqlite)).toBe(before);
    },
  );

  it('refuses an assistant who creates a user, and changes nothing', async () => {
    const before = dumpTables(office.handle.sqlite);
    const input = { login: 'intruder', fullName: 'Посторонний', role: 'admin', password: PASSWORD };
    const error = expectError(await send('users.create', input, assistant));
    expect(error.code).toBe('forbidden');
    expect(dumpTables(office.handle.sqlite)).toBe(before);
  });
});

describe('the same contract behind every transport', () => {
  it('accepts a good registration through each one', async () => {
    for (const [name, send] of transports) {
      const r = await send('appeals.register', appealInput({ summary: `Через ${name}` }), assistant);
      expect(r.ok, name).toBe(true);
    }
    const count = await office.value('appeals.count', { filter: { q: 'Через' } });
    expect(count.count).toBe(transports.length);
  });

  it('has the IPC handler refuse a method name that is not a string, naming the field', async () => {
    const before = dumpTables(office.handle.sqlite);
    const error = expectError(
      await createIpcHandler(office.handle.api)({ toString: () => 'users.create' }, {}, admin.token),
    );
    expect(error).toMatchObject({ code: 'validation', field: 'method' });
    expect(dumpTables(office.handle.sqlite)).toBe(before);
  });
});
