import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { ApiErrorBody, Envelope } from '../../../shared/api/define';
import { contract, type Input, type MethodName } from '../../../shared/api/index';
import { cliText } from '../../../shared/i18n/ru/cli';
import { openOffice, type OfficeHandle } from '../../boot/open-office';
import { EXIT_FAILED, EXIT_OK, UsageError, type CliIo, type CommandArgs } from './common';
import { backupOfficeFile } from '../../boot/backup';

function openFor(file: string, io: CliIo): OfficeHandle {
  return openOffice(file, {
    log: (message, error) =>
      io.err(`${message}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
  });
}

async function withOffice<T>(file: string, io: CliIo, fn: (h: OfficeHandle) => Promise<T>): Promise<T> {
  const handle = openFor(file, io);
  try {
    return await fn(handle);
  } finally {
    handle.close();
  }
}

function noMoreArgs(args: string[], expected: number): void {
  if (args.length > expected) throw new UsageError(cliText.extraArgs(args.slice(expected)));
}

const json = (value: unknown): string => JSON.stringify(value, null, 2);

/** Which flag of `init` fills which field of `setup.init`, so a refusal names what the person typed. */
const INIT_FLAGS: Record<string, string> = {
  'office.name': '--office-name',
  'office.code': '--code',
  'office.deputyName': '--deputy',
  'office.region': '--region',
  'office.timeZone': '--time-zone',
  'admin.login': '--admin-login',
  'admin.fullName': '--admin-name',
  'admin.password': '--admin-password / PRIEMNAYA_ADMIN_PASSWORD',
};

/** A refusal for people: the message, then each offending field with the flag that fills it. */
function explain(io: CliIo, error: ApiErrorBody, flags: Record<string, string> = {}): void {
  const issues = error.issues ?? [];
  if (issues.length === 0) {
    const where = error.field ? ` (${cliText.fieldHint(error.field, flags[error.field])})` : '';
    io.err(cliText.failed(`${error.message}${where}`));
    return;
  }
  io.err(cliText.invalidInput);
  for (const issue of issues)
    io.err(`  - ${cliText.fieldHint(issue.field, flags[issue.field])}: ${issue.message}`);
}

export async function initCommand({ args, values, dbFile, user, io }: CommandArgs): Promise<number> {
  noMoreArgs(args, 0);
  // Flags not given stay undefined, so the contract itself reports what is missing.
  const input = {
    office: {
      name: values['office-name'],
      code: values.code,
      deputyName: values.deputy,
      region: values.region,
      timeZone: values['time-zone'],
    },
    admin: {
      login: values['admin-login'],
      fullName: values['admin-name'],
      password: values['admin-password'] ?? io.env.PRIEMNAYA_ADMIN_PASSWORD,
    },
  };
  const result = await withOffice(dbFile, io, (h) => h.api.call('cli', 'setup.init', input, { login: user }));
  if (!result.ok) {
    explain(io, result.error, INIT_FLAGS);
    return EXIT_FAILED;
  }
  const { office, admin } = result.value as {
    office: { name: string; code: string };
    admin: { login: string };
  };
  io.out(cliText.initDone(office.name, office.code, admin.login, dbFile));
  return EXIT_OK;
}

function notJson(e: unknown): Envelope<never> {
  const message = `not JSON (${e instanceof Error ? e.message : String(e)})`;
  const field = '(input)';
  return {
    ok: false,
    error: { code: 'validation', message: `${field}: ${message}`, field, issues: [{ field, message }] },
  };
}

/** `call <method> '<json>'`: the API as is, for scripts. Value on stdout, envelope on stderr. */
export async function callCommand({ args, dbFile, user, io }: CommandArgs): Promise<number> {
  const [method, raw] = args;
  if (method === undefined) throw new UsageError(cliText.missingArg(cliText.methodArg));
  noMoreArgs(args, 2);
  let input: unknown = undefined;
  const text = raw === '-' ? await io.readStdin() : raw;
  if (text !== undefined && text.trim() !== '') {
    try {
      input = JSON.parse(text);
    } catch (e) {
      io.err(json(notJson(e)));
      return EXIT_FAILED;
    }
  }
  let result: Envelope<unknown>;
  try {
    result = await withOffice(dbFile, io, (h) => h.api.call('cli', method, input, { login: user }));
  } catch (e) {
    // The database would not open (not SQLite, a newer schema…): scripts still get an envelope.
    result = { ok: false, error: { code: 'internal', message: e instanceof Error ? e.message : String(e) } };
  }
  if (!result.ok) {
    io.err(json(result));
    return EXIT_FAILED;
  }
  io.out(json(result.value));
  return EXIT_OK;
}

/** The contract as data: what a script (or another program) may call, with JSON Schemas of both sides. */
export function describeMethods(): unknown[] {
  return (Object.keys(contract) as MethodName[]).map((name) => {
    const def = contract[name];
    return {
      name,
      summary: def.summary,
      access: def.access,
      kind: def.kind,
      // Transforms and refinements have no JSON Schema form; `any` keeps the rest of the schema.
      input: z.toJSONSchema(def.input, { io: 'input', unrepresentable: 'any' }),
      output: z.toJSONSchema(def.output, { io: 'output', unrepresentable: 'any' }),
    };
  });
}

export async function methodsCommand({ args, io }: CommandArgs): Promise<number> {
  noMoreArgs(args, 0);
  io.out(json(describeMethods()));
  return EXIT_OK;
}

/** VACUUM INTO from a read-only connection: a consistent copy even while the app has the file open. */
export async function backupCommand({ args, dbFile, io }: CommandArgs): Promise<number> {
  const [target] = args;
  if (target === undefined) throw new UsageError(cliText.missingArg(cliText.fileArg));
  noMoreArgs(args, 1);
  const out = path.resolve(target);
  if (!fs.existsSync(dbFile)) {
    io.err(cliText.noDatabase(dbFile));
    return EXIT_FAILED;
  }
  if (fs.existsSync(out)) {
    io.err(cliText.backupExists(out));
    return EXIT_FAILED;
  }
  backupOfficeFile(dbFile, out);
  io.out(cliText.backupDone(out));
  return EXIT_OK;
}

function count(values: CommandArgs['values'], flag: 'seed' | 'appeals'): number | undefined {
  const v = values[flag];
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v)) throw new UsageError(cliText.notNumber(flag));
  return Number(v);
}

/** A demo office goes only into a database with no office yet: it must never mix with real data. */
export async function demoCommand({ args, values, dbFile, io }: CommandArgs): Promise<number> {
  noMoreArgs(args, 0);
  const seed = count(values, 'seed');
  const appeals = count(values, 'appeals');
  return withOffice(dbFile, io, async (handle) => {
    const status = await handle.api.call('cli', 'setup.status', {} satisfies Input<'setup.status'>);
    if (!status.ok) {
      explain(io, status.error);
      return EXIT_FAILED;
    }
    if ((status.value as { initialized: boolean }).initialized) {
      io.err(cliText.demoRefused(dbFile));
      return EXIT_FAILED;
    }
    const { fillDemoOffice } = await import('../../demo/demo');
    const made = await fillDemoOffice(handle, { seed, appeals });
    io.out(cliText.demoDone(dbFile, made.appeals, made.adminLogin, made.password));
    return EXIT_OK;
  });
}
