import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { openOffice, type OfficeHandle } from '../../main/core';
import type { Input, MethodName, Output } from '../../shared/api/index';
import type { ApiErrorBody, Role } from '../../shared/api/define';
import { fixedClock } from '../../shared/util/clock';

/** A fresh office database in a temp folder, with the admin signed in; closed and removed after the test. */
export interface TestOffice {
  handle: OfficeHandle;
  file: string;
  clock: ReturnType<typeof fixedClock>;
  adminToken: string;
  /** Calls a method as the given session and returns its value, or throws the error body. */
  call<M extends MethodName>(method: M, input: Input<M>, token?: string): Promise<Output<M>>;
  /** Calls a method and returns the error body it must fail with. */
  fail<M extends MethodName>(method: M, input: unknown, token?: string): Promise<ApiErrorBody>;
  addUser(login: string, role: Role): Promise<{ id: string; token: string }>;
}

const opened: { handle: OfficeHandle; dir: string }[] = [];

afterEach(() => {
  for (const { handle, dir } of opened.splice(0)) {
    handle.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

export const PASSWORD = 'correct horse';

export async function testOffice(now = '2026-02-13T07:30:00Z'): Promise<TestOffice> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'priemnaya-test-'));
  const file = path.join(dir, 'office.sqlite');
  const clock = fixedClock(now);
  const handle = openOffice(file, { clock, validateOutput: true });
  opened.push({ handle, dir });
  const raw = async (method: string, input: unknown, token?: string) =>
    handle.api.call('internal', method, input, { token: token ?? null });
  const call = async <M extends MethodName>(
    method: M,
    input: Input<M>,
    token?: string,
  ): Promise<Output<M>> => {
    const r = await raw(method, input, token ?? office.adminToken);
    if (!r.ok) throw Object.assign(new Error(`${method}: ${r.error.message}`), { body: r.error });
    return r.value as Output<M>;
  };
  const fail = async (method: string, input: unknown, token?: string): Promise<ApiErrorBody> => {
    const r = await raw(method, input, token ?? office.adminToken);
    if (r.ok) throw new Error(`${method} succeeded but was expected to fail`);
    return r.error;
  };
  const office: TestOffice = {
    handle,
    file,
    clock,
    adminToken: '',
    call,
    fail,
    async addUser(login, role) {
      const u = await call('users.create', {
        login,
        fullName: `Пользователь ${login}`,
        role,
        password: PASSWORD,
      });
      const s = await call('auth.signIn', { login, password: PASSWORD });
      return { id: u.id, token: s.token };
    },
  };
  const init = await raw('setup.init', {
    office: { name: 'Приёмная депутата Петрова П.П.', code: 'ПТР', deputyName: 'Петров Пётр Петрович' },
    admin: { login: 'admin', fullName: 'Администратор', password: PASSWORD },
  });
  if (!init.ok) throw new Error(init.error.message);
  office.adminToken = (await call('auth.signIn', { login: 'admin', password: PASSWORD })).token;
  return office;
}

/** Every row of every table, in a stable order: two equal dumps mean nothing changed. */
export function dumpAll(handle: OfficeHandle): string {
  const tables = handle.sqlite
    .prepare<[], { name: string }>(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .all()
    .map((t) => t.name);
  return JSON.stringify(
    tables.map((t) => [t, handle.sqlite.prepare(`SELECT * FROM "${t}" ORDER BY 1`).all()]),
  );
}
