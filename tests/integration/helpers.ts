import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type Database from 'better-sqlite3';
import { openOffice, type OfficeHandle } from '../../main/boot/open-office';
import type { RegisterAppealInput } from '../../shared/api/appeals';
import type { ApiErrorBody, Envelope, Role } from '../../shared/api/define';
import type { Input, MethodName, Output } from '../../shared/api/index';
import { fixedClock } from '../../shared/util/clock';

/**
 * Shared by integration tests and the scripts they spawn, so it imports nothing from vitest: real SQLite
 * files in temp folders, a fixed clock, an office with its admin signed in.
 */

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const NOW = '2025-03-03T09:00:00Z';
export const PASSWORD = 'secret-pass-1';
export const OFFICE_INPUT = {
  name: 'Приёмная депутата Петрова П.П.',
  code: 'ПТР',
  deputyName: 'Петров Пётр Петрович',
  timeZone: 'Europe/Moscow',
} as const;

export interface TempDir {
  dir: string;
  file(name: string): string;
  remove(): void;
}

export function tempDir(prefix = 'priemnaya-test-'): TempDir {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return {
    dir,
    file: (name) => path.join(dir, name),
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

export interface TestOffice {
  tmp: TempDir;
  file: string;
  handle: OfficeHandle;
  clock: ReturnType<typeof fixedClock>;
  /** The admin's session token ('' until set up). */
  token: string;
  /** An envelope, as every transport returns it; the admin's session unless another token is given. */
  call(method: string, input: unknown, token?: string | null): Promise<Envelope<unknown>>;
  /** The value of a call that must succeed. */
  value<M extends MethodName>(method: M, input: Input<M>, token?: string | null): Promise<Output<M>>;
  /** A user with this role, signed in. */
  addUser(login: string, role: Role): Promise<{ id: string; token: string }>;
  /** Closes the database and removes the folder. */
  close(): void;
}

/** An office database in a fresh temp folder, not yet set up (the first-run state). */
export function openTempOffice(now = NOW): TestOffice {
  const tmp = tempDir();
  const file = tmp.file('office.sqlite');
  const clock = fixedClock(now);
  const handle = openOffice(file, { clock, validateOutput: true });
  const office: TestOffice = {
    tmp,
    file,
    handle,
    clock,
    token: '',
    call: (method, input, token) =>
      handle.api.call('internal', method, input, { token: token === undefined ? office.token : token }),
    async value(method, input, token) {
      const r = await office.call(method, input, token);
      if (!r.ok) throw new Error(`${method} failed: ${JSON.stringify(r.error)}`);
      return r.value as never;
    },
    async addUser(login, role) {
      const user = await office.value('users.create', {
        login,
        fullName: `Сотрудник ${login}`,
        role,
        password: PASSWORD,
      });
      const s = await office.value('auth.signIn', { login, password: PASSWORD }, null);
      return { id: user.id, token: s.token };
    },
    close() {
      handle.close();
      tmp.remove();
    },
  };
  return office;
}

/** An office set up with its administrator `admin` (password PASSWORD), signed in. */
export async function setUpOffice(now = NOW): Promise<TestOffice> {
  const office = openTempOffice(now);
  try {
    await office.value('setup.init', {
      office: OFFICE_INPUT,
      admin: { login: 'admin', fullName: 'Администратор Иванова', password: PASSWORD },
    });
    office.token = (await office.value('auth.signIn', { login: 'admin', password: PASSWORD }, null)).token;
    return office;
  } catch (e) {
    office.close();
    throw e;
  }
}

let appealSeq = 0;

/** A valid registration; each call gets an applicant of its own, so none is taken for a known contact. */
export function appealInput(overrides: Partial<RegisterAppealInput> = {}): RegisterAppealInput {
  appealSeq += 1;
  return {
    channel: 'post',
    kind: 'complaint',
    summary: `Протекает крыша, подъезд ${appealSeq}`,
    topics: ['0005.0005.0056.1149'],
    applicant: {
      lastName: `Заявителев-${appealSeq}`,
      firstName: 'Иван',
      address: `г. Тверь, ул. Советская, д. ${appealSeq}`,
    },
    ...overrides,
  };
}

/**
 * Every row of every stored table, each table's rows sorted: equal dumps mean the data did not change.
 * Virtual tables are left out (the full-text index is compared through its shadow tables), and so are
 * the planner's statistics (`sqlite_stat*`), which `PRAGMA optimize` refreshes when any connection closes.
 */
export function dumpTables(sqlite: Database.Database): string {
  const tables = sqlite
    .prepare<[], { name: string; sql: string | null }>(
      "SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name",
    )
    .all()
    .filter((t) => !/^CREATE VIRTUAL TABLE/i.test(t.sql ?? '') && !t.name.startsWith('sqlite_stat'));
  return JSON.stringify(
    tables.map((t) => {
      const rows = sqlite.prepare(`SELECT * FROM "${t.name.replace(/"/g, '""')}"`).all();
      return [t.name, rows.map((r) => JSON.stringify(r)).sort()];
    }),
  );
}

export function expectError(r: Envelope<unknown>): ApiErrorBody {
  if (r.ok) throw new Error(`expected an error, got ${JSON.stringify(r.value).slice(0, 200)}`);
  return r.error;
}

export interface ProcessResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs a TypeScript entry of this repository in a child Node process (through tsx) and waits for it. */
export function runTs(
  script: string,
  args: string[],
  opts: { env?: NodeJS.ProcessEnv; stdin?: string; onChild?: (child: ChildProcess) => void } = {},
): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.resolve(REPO_ROOT, script), ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...opts.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    child.stdin.end(opts.stdin ?? '');
    opts.onChild?.(child);
  });
}
