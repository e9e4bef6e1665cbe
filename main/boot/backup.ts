import { backupTo, closeDatabase, openDatabase } from '../../db/connect';

/** Writes a consistent copy of the office's database file to `out` (`VACUUM INTO`), opened read-only. */
export function backupOfficeFile(dbFile: string, out: string): void {
  const db = openDatabase(dbFile, { readonly: true });
  try {
    backupTo(db, out);
  } finally {
    closeDatabase(db);
  }
}
