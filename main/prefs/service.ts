import type { Output, ParsedInput } from '../../shared/api/index';
import { RegistryColumnsSchema, type RegistryColumns } from '../../shared/api/prefs';
import { requireActor, type CallContext, type ReadContext } from '../kernel/context';

const REGISTRY_COLUMNS_KEY = 'registry.columns';

/** A person's kept registry columns; a value an older version wrote that no longer parses is dropped. */
export function registryColumns(ctx: ReadContext): Output<'prefs.registryColumns'> {
  const me = requireActor(ctx);
  const row = ctx.store.read.rawGet<{ value: string }>(
    'SELECT value FROM user_prefs WHERE user_id = ? AND key = ?',
    me.userId,
    REGISTRY_COLUMNS_KEY,
  );
  const parsed = row ? RegistryColumnsSchema.safeParse(JSON.parse(row.value)) : null;
  return { columns: parsed?.success ? parsed.data : null };
}

export function setRegistryColumns(
  ctx: CallContext,
  i: ParsedInput<'prefs.setRegistryColumns'>,
): Output<'prefs.setRegistryColumns'> {
  const me = requireActor(ctx);
  const columns: RegistryColumns | null = i.columns;
  ctx.store.transaction((db) => {
    if (columns === null)
      db.rawRun('DELETE FROM user_prefs WHERE user_id = ? AND key = ?', me.userId, REGISTRY_COLUMNS_KEY);
    else
      db.rawRun(
        `INSERT INTO user_prefs (user_id, key, value, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (user_id, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
        me.userId,
        REGISTRY_COLUMNS_KEY,
        JSON.stringify(columns),
        ctx.clock.now().toISOString(),
      );
  });
  return { columns };
}
