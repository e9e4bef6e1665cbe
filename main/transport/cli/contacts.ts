import path from 'node:path';
import type { Input, MethodName } from '../../../shared/api/index';
import { cliText } from '../../../shared/i18n/ru/cli';
import { openOffice } from '../../boot/open-office';
import { EXIT_FAILED, EXIT_OK, UsageError, type CommandArgs } from './common';

const ENCODINGS = ['auto', 'utf-8', 'cp1251'] as const;
const DELIMITERS: Record<string, string> = { auto: 'auto', ';': ';', ',': ',', tab: '\t', '\t': '\t' };

/** The one file argument of a contacts command, as an absolute path. */
function fileArg(args: string[]): string {
  const [file] = args;
  if (file === undefined) throw new UsageError(cliText.missingArg(cliText.fileArg));
  if (args.length > 1) throw new UsageError(cliText.extraArgs(args.slice(1)));
  return path.resolve(file);
}

function choice<T extends string>(flag: string, value: string, choices: readonly T[]): T {
  if (!(choices as readonly string[]).includes(value)) throw new UsageError(cliText.badChoice(flag, choices));
  return value as T;
}

/** Calls the API as the --user given; prints the value as JSON (without its file payload) or the envelope. */
export async function callAndPrint<M extends MethodName>(
  { dbFile, user, io }: CommandArgs,
  method: M,
  input: Input<M>,
  extra: Record<string, unknown> = {},
): Promise<number> {
  const handle = openOffice(dbFile);
  try {
    const result = await handle.api.call('cli', method, input, { login: user });
    if (!result.ok) {
      io.err(JSON.stringify(result, null, 2));
      return EXIT_FAILED;
    }
    const {
      rejectedCsvBase64: _csv,
      dataBase64: _data,
      ...summary
    } = result.value as { rejectedCsvBase64?: unknown; dataBase64?: unknown };
    io.out(JSON.stringify({ ...summary, ...extra }, null, 2));
    return EXIT_OK;
  } finally {
    handle.close();
  }
}

/**
 * `import-contacts <file>`: the wizard's import without the wizard. Goes through the API like every other
 * call (the path source is accepted from the command line only); the summary is printed as JSON.
 */
export async function importContactsCommand(a: CommandArgs): Promise<number> {
  const file = fileArg(a.args);
  const encoding = choice('encoding', a.values.encoding ?? 'auto', ENCODINGS);
  const delimiter = DELIMITERS[a.values.delimiter ?? 'auto'];
  if (!delimiter) throw new UsageError(cliText.badChoice('delimiter', Object.keys(DELIMITERS)));
  return callAndPrint(a, 'contacts.import', {
    source: { path: file },
    dryRun: a.values['dry-run'] ?? false,
    options: { encoding, delimiter: delimiter as ';', source: a.values.source },
  });
}

/**
 * `export-contacts <file>`: the whole base (or a saved segment) to one file of any size, written as it is
 * read. Through the API like the screen's export: the purpose is checked against consents and logged.
 */
export async function exportContactsCommand(a: CommandArgs): Promise<number> {
  const target = fileArg(a.args);
  const format = choice(
    'format',
    a.values.format ?? (target.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'csv'),
    ['csv', 'xlsx'] as const,
  );
  const purpose = choice('purpose', a.values.purpose ?? 'records', ['records', 'outreach'] as const);
  const encoding = choice('encoding', a.values.encoding ?? 'cp1251', ['cp1251', 'utf-8'] as const);
  return callAndPrint(
    a,
    'contacts.export',
    { format, encoding, purpose, segmentId: a.values.segment, toPath: target },
    { path: target },
  );
}
