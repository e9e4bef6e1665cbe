import { expect } from 'vitest';
import type { HttpServerHandle } from '../../main/transport/http/server';
import { createIpcHandler } from '../../main/transport/ipc';
import type { Envelope } from '../../shared/api/define';
import { runTs, type TestOffice } from './helpers';

/** Who calls: the login for the CLI, the session token for IPC and HTTP. */
export interface Caller {
  login: string;
  token: string;
}

export type Send = (method: string, input: unknown, as: Caller) => Promise<Envelope<unknown>>;

/** The same call through each of the three transports, each returning the envelope it got. */
export function transportCallers(office: () => TestOffice, server: () => HttpServerHandle): [string, Send][] {
  return [
    ['IPC handler', (method, input, as) => createIpcHandler(office().handle.api)(method, input, as.token)],
    [
      'HTTP',
      async (method, input, as) => {
        const res = await fetch(`${server().url}/api/${method}`, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            Authorization: `Bearer ${server().token}`,
            'X-Session': as.token,
          },
          body: JSON.stringify(input),
        });
        const envelope = (await res.json()) as Envelope<unknown>;
        expect(res.ok).toBe(envelope.ok);
        return envelope;
      },
    ],
    [
      'CLI',
      async (method, input, as) => {
        const o = office();
        const args = ['call', '--db', o.file, '--user', as.login, method, JSON.stringify(input)];
        const r = await runTs('main/transport/cli/main.ts', args, { env: { PRIEMNAYA_DATA_DIR: o.tmp.dir } });
        if (r.code === 0) return { ok: true, value: JSON.parse(r.stdout) as unknown };
        expect(r.code, r.stderr).toBe(1);
        return JSON.parse(r.stderr) as Envelope<unknown>;
      },
    ],
  ];
}
