import path from 'node:path';
import { cliText } from '../../shared/i18n/ru/cli';
import { openOffice } from '../core';
import { EXIT_FAILED, EXIT_OK, UsageError, type CommandArgs } from './common';

const ENCODINGS = ['auto', 'utf-8', 'cp1251'] as const;
const DELIMITERS: Record<string, string> = { auto: 'auto', ';': ';', ',': ',', tab: '\t', '\t': '\t' };

/**
 * `import-contacts <file>`: the wizard's import without the wizard. Goes through the API like every other
 * call (the path source is accepted from the command line only); the summary is printed as JSON.
 */
export async function importContactsCommand({
  args,
  values,
  dbFile,
  user,
  io,
}: CommandArgs): Promise<number> {
  const [file] = args;
  if (file === undefined) throw new UsageError(cliText.missingArg(cliText.fileArg));
  if (args.length > 1) throw new UsageError(cliText.extraArgs(args.slice(1)));
  const encoding = values.encoding ?? 'auto';
  if (!(ENCODINGS as readonly string[]).includes(encoding))
    throw new UsageError(cliText.badChoice('encoding', ENCODINGS));
  const delimiter = DELIMITERS[values.delimiter ?? 'auto'];
  if (!delimiter) throw new UsageError(cliText.badChoice('delimiter', Object.keys(DELIMITERS)));
  const handle = openOffice(dbFile);
  try {
    const result = await handle.api.call(
      'cli',
      'contacts.import',
      {
        source: { path: path.resolve(file) },
        dryRun: values['dry-run'] ?? false,
        options: { encoding, delimiter, source: values.source },
      },
      { login: user },
    );
    if (!result.ok) {
      io.err(JSON.stringify(result, null, 2));
      return EXIT_FAILED;
    }
    const { rejectedCsvBase64: _csv, ...summary } = result.value as { rejectedCsvBase64: string | null };
    io.out(JSON.stringify(summary, null, 2));
    return EXIT_OK;
  } finally {
    handle.close();
  }
}
