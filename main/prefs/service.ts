import type { z } from 'zod';
import type { Output, ParsedInput } from '../../shared/api/index';
import {
  ContactFieldColumnsSchema,
  RegistryColumnsSchema,
  type RegistryColumns,
} from '../../shared/api/prefs';
import { requireActor, type CallContext, type ReadContext } from '../kernel/context';

const REGISTRY_COLUMNS_KEY = 'registry.columns';
const CONTACT_FIELD_COLUMNS_KEY = 'contacts.fieldColumns';

/** A person's kept value under `key`; a value an older version wrote that no longer parses is dropped. */
function readPref<S extends z.ZodTypeAny>(ctx: ReadContext, key: string, schema: S): z.infer<S> | null {
  const me = requireActor(ctx);
  const row = ctx.store.read.rawGet<{ value: string }>(
    'SELECT value FROM user_prefs WHERE user_id = ? AND key = ?',
    me.userId,
    key,
  );
  const parsed = row ? schema.safeParse(JSON.parse(row.value)) : null;
  return parsed?.success ? (parsed.data as z.infer<S>) : null;
}

/** Keeps a person's value under `key`; null removes it. */
function writePref(ctx: CallContext, key: string, value: unknown): void {
  const me = requireActor(ctx);
  ctx.store.transaction((db) => {
    if (value === null) db.rawRun('DELETE FROM user_prefs WHERE user_id = ? AND key = ?', me.userId, key);
    else
      db.rawRun(
        `INSERT INTO user_prefs (user_id, key, value, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (user_id, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
        me.userId,
        key,
        JSON.stringify(value),
        ctx.clock.now().toISOString(),
      );
  });
}

export function registryColumns(ctx: ReadContext): Output<'prefs.registryColumns'> {
  return { columns: readPref(ctx, REGISTRY_COLUMNS_KEY, RegistryColumnsSchema) };
}

export function setRegistryColumns(
  ctx: CallContext,
  i: ParsedInput<'prefs.setRegistryColumns'>,
): Output<'prefs.setRegistryColumns'> {
  const columns: RegistryColumns | null = i.columns;
  writePref(ctx, REGISTRY_COLUMNS_KEY, columns);
  return { columns };
}

export function contactFieldColumns(ctx: ReadContext): Output<'prefs.contactFieldColumns'> {
  return { fieldIds: readPref(ctx, CONTACT_FIELD_COLUMNS_KEY, ContactFieldColumnsSchema) ?? [] };
}

export function setContactFieldColumns(
  ctx: CallContext,
  i: ParsedInput<'prefs.setContactFieldColumns'>,
): Output<'prefs.setContactFieldColumns'> {
  writePref(ctx, CONTACT_FIELD_COLUMNS_KEY, i.fieldIds.length === 0 ? null : i.fieldIds);
  return { fieldIds: i.fieldIds };
}
