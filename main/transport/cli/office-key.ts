import fs from 'node:fs';
import { cliText } from '../../../shared/i18n/ru/cli';
import { openOffice } from '../../boot/open-office';
import { officeKey, setOfficeKey } from '../../sync/sealing';
import { EXIT_FAILED, EXIT_OK, UsageError, type CommandArgs } from './common';

/**
 * The office's key, which seals its users' password hashes on their way through HQ: shown on the
 * office's computer and given to each other computer of the office by hand, never through HQ. Whoever
 * runs the command holds the database file already.
 */
export async function officeKeyCommand({ args, dbFile, io }: CommandArgs): Promise<number> {
  if (args.length > 1) throw new UsageError(cliText.extraArgs(args.slice(1)));
  if (!fs.existsSync(dbFile)) {
    io.err(cliText.noDatabase(dbFile));
    return EXIT_FAILED;
  }
  const [given] = args;
  if (given !== undefined && !/^[A-Za-z0-9+/]{43}=$/.test(given)) {
    io.err(cliText.badOfficeKey);
    return EXIT_FAILED;
  }
  const handle = openOffice(dbFile);
  try {
    if (given === undefined) {
      io.out(handle.store.transaction((db) => officeKey(db)));
      return EXIT_OK;
    }
    handle.store.transaction((db) => setOfficeKey(db, given));
    io.out(cliText.officeKeySet);
    return EXIT_OK;
  } finally {
    handle.close();
  }
}
