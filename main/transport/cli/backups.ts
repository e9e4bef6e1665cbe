import fs from 'node:fs';
import path from 'node:path';
import { backupText } from '../../../shared/i18n/ru/backups';
import { cliText } from '../../../shared/i18n/ru/cli';
import { openOffice } from '../../boot/open-office';
import { restoreFresh, RestoreRefused } from '../../backups/restore';
import { restoreFromFolder } from '../../backups/service';
import { BackupDamaged } from '../../backups/verify';
import { EXIT_FAILED, EXIT_OK, UsageError, type CommandArgs } from './common';

/**
 * `restore <backup folder>`: into a data folder with no database yet (a new computer), the backup becomes
 * its database and files; over an existing office, the current state is backed up first (into the
 * office's backup folder, or beside the backup). Refuses a damaged backup and changes nothing then.
 */
export async function restoreCommand({ args, dbFile, io }: CommandArgs): Promise<number> {
  const [source] = args;
  if (source === undefined) throw new UsageError(cliText.missingArg(backupText.cliFolderArg));
  if (args.length > 1) throw new UsageError(cliText.extraArgs(args.slice(1)));
  const dir = path.resolve(source);
  const name = path.basename(dir);
  try {
    if (!fs.existsSync(dbFile)) {
      await restoreFresh(dir, dbFile);
      io.out(backupText.cliRestored(name, null));
      return EXIT_OK;
    }
    const office = openOffice(dbFile, {
      log: (message, error) =>
        io.err(`${message}: ${error instanceof Error ? error.message : String(error)}`),
    });
    try {
      const { before } = await restoreFromFolder(office.api.systemContext(), dir);
      io.out(backupText.cliRestored(name, before || null));
    } finally {
      office.close();
    }
    return EXIT_OK;
  } catch (e) {
    if (e instanceof BackupDamaged) io.err(backupText.cliDamaged(e.reason));
    else if (e instanceof RestoreRefused) io.err(backupText.refused[e.reason]);
    else throw e;
    return EXIT_FAILED;
  }
}
