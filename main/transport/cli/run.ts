import path from 'node:path';
import { parseArgs } from 'node:util';
import { CLI_HELP, cliText } from '../../../shared/i18n/ru/cli';
import { defaultDbFile } from '../../boot/paths';
import { exportContactsCommand, importContactsCommand } from './contacts';
import { backupCommand, callCommand, demoCommand, initCommand, methodsCommand } from './commands';
import { officeKeyCommand } from './office-key';
import { mailFetchCommand, mailIntakeCommand, mailRegisterCommand } from './mail';
import { mailingRunCommand, mailSendCommand } from './mail-out';
import { restoreCommand } from './backups';
import {
  EXIT_FAILED,
  EXIT_OK,
  EXIT_USAGE,
  OPTIONS,
  UsageError,
  type CliFlag,
  type CliIo,
  type CliValues,
  type CommandArgs,
} from './common';

export type { CliIo } from './common';

interface Command {
  flags: readonly CliFlag[];
  run(a: CommandArgs): Promise<number>;
}

const COMMON: readonly CliFlag[] = ['db', 'user', 'help'];

const COMMANDS: Record<string, Command> = {
  init: {
    flags: [
      'office-name',
      'code',
      'deputy',
      'region',
      'time-zone',
      'admin-login',
      'admin-name',
      'admin-password',
    ],
    run: initCommand,
  },
  call: { flags: [], run: callCommand },
  methods: { flags: [], run: methodsCommand },
  backup: { flags: [], run: backupCommand },
  restore: { flags: [], run: restoreCommand },
  'office-key': { flags: [], run: officeKeyCommand },
  demo: { flags: ['seed', 'appeals'], run: demoCommand },
  'import-contacts': { flags: ['encoding', 'delimiter', 'source', 'dry-run'], run: importContactsCommand },
  'export-contacts': { flags: ['format', 'encoding', 'purpose', 'segment'], run: exportContactsCommand },
  'mail-fetch': { flags: [], run: mailFetchCommand },
  'mail-intake': { flags: ['state'], run: mailIntakeCommand },
  'mail-register': { flags: [], run: mailRegisterCommand },
  'mail-send': { flags: [], run: mailSendCommand },
  'mailing-run': { flags: [], run: mailingRunCommand },
};

function parse(argv: string[]): { values: CliValues; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true });
    return { values, positionals };
  } catch (e) {
    // parseArgs throws TypeErrors with ERR_PARSE_ARGS_* codes for unknown or malformed options.
    if (e instanceof TypeError && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS'))
      throw new UsageError(cliText.badArgs(e.message));
    throw e;
  }
}

/** Runs one command line; resolves to the process exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    const { values, positionals } = parse(argv);
    const [name, ...args] = positionals;
    if (values.help || name === 'help') {
      io.out(CLI_HELP);
      return EXIT_OK;
    }
    if (name === undefined) throw new UsageError(cliText.noCommand);
    const command = COMMANDS[name];
    if (!command) throw new UsageError(cliText.unknownCommand(name));
    for (const flag of Object.keys(values) as CliFlag[])
      if (!COMMON.includes(flag) && !command.flags.includes(flag))
        throw new UsageError(cliText.flagNotFor(flag, name));
    return await command.run({
      args,
      values,
      dbFile: path.resolve(values.db ?? defaultDbFile(io.env)),
      user: values.user ?? null,
      io,
    });
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(cliText.usage(e.message));
      return EXIT_USAGE;
    }
    io.err(cliText.failed(e instanceof Error ? e.message : String(e)));
    if (e instanceof Error && e.stack && io.env.PRIEMNAYA_DEBUG) io.err(e.stack);
    return EXIT_FAILED;
  }
}
