/**
 * Where an import's columns go: the caller's mapping (checked against the office's own fields), the one
 * remembered for a file with the same columns, or one guessed from the headers.
 */
import type { z } from 'zod';
import type { ReadDb, WriteDb } from '../../db/sql';
import type { ContactFieldDef, ImportColumn, ImportOptionsSchema } from '../../shared/api/contacts';
import { ApiError } from '../../shared/api/define';
import { insertSynced, newSyncColumns, updateSynced, type Stamp } from '../kernel/bookkeeping';
import { fieldDefsById } from './fields';
import { guessMapping, headerKey, liveMapping } from './normalize';

type Options = z.output<typeof ImportOptionsSchema>;

function rememberedMapping(
  db: ReadDb,
  headers: readonly string[],
  fields: ReadonlyMap<string, ContactFieldDef>,
): ImportColumn[] | null {
  const r = db.rawGet<{ mapping: string }>(
    'SELECT mapping FROM contact_import_layouts WHERE header_key = ? AND deleted_at IS NULL',
    headerKey(headers),
  );
  return r ? liveMapping(JSON.parse(r.mapping) as ImportColumn[], fields) : null;
}

/**
 * The office's fields, with the mapping the caller gave checked against them: a column sent to a field
 * the office does not have is refused naming its place, before anything is read or written.
 */
export function importFields(db: ReadDb, options: Options): Map<string, ContactFieldDef> {
  const defs = fieldDefsById(db);
  options.mapping?.forEach((t, i) => {
    if (liveMapping([t], defs)[0] !== t)
      throw new ApiError('validation', `options.mapping.${i}: no such contact field`, {
        field: `options.mapping.${i}`,
      });
  });
  return defs;
}

/** The mapping of a file: the caller's, else the one remembered for its columns, else guessed. */
export function mappingOf(
  db: ReadDb,
  options: Options,
  headers: readonly string[],
  fields: ReadonlyMap<string, ContactFieldDef>,
): { mapping: ImportColumn[]; remembered: boolean } {
  if (options.mapping) return { mapping: options.mapping, remembered: false };
  const remembered = rememberedMapping(db, headers, fields);
  return { mapping: remembered ?? guessMapping(headers, fields.values()), remembered: remembered !== null };
}

export function rememberMapping(
  db: WriteDb,
  officeId: string,
  headers: readonly string[],
  mapping: readonly ImportColumn[],
  st: Stamp,
): void {
  const key = headerKey(headers);
  const json = JSON.stringify(mapping);
  const r = db.rawGet<{ id: string; mapping: string }>(
    'SELECT id, mapping FROM contact_import_layouts WHERE header_key = ?',
    key,
  );
  if (!r)
    insertSynced(db, 'contact_import_layouts', {
      ...newSyncColumns(st, officeId),
      header_key: key,
      mapping: json,
    });
  else if (r.mapping !== json)
    updateSynced(db, 'contact_import_layouts', r.id, { mapping: json, deleted_at: null }, st);
}
