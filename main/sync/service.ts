import type { ParsedInput, Output } from '../../shared/api/index';
import { ApiError } from '../../shared/api/define';
import type { SyncConflictView, SyncStatus } from '../../shared/api/sync';
import { plainSyncError, syncUi } from '../../shared/i18n/ru/sync';
import type { Conflict } from '../../shared/sync/protocol';
import { isLoopbackHost } from '../../shared/util/loopback';
import { isSyncedTable } from './office-store';
import { audit, stamp, updateSynced } from '../kernel/bookkeeping';
import type { CallContext, ReadContext } from '../kernel/context';
import { DEFAULT_DRIFT_LIMIT_MS, DEFAULT_INTERVAL_MIN, OfficeSync } from './engine';
import { getConflict, listConflicts, markResolved } from './conflicts';
import { deskCount, heldDesk } from './desks';
import { filesWaiting } from './files';
import { localOfficeId } from '../office/queries';
import { getState, pendingCount, setState, unfoldedCount } from './office-store';

/** The sync methods of the contract: the office's side, over the same engine the scheduler runs. */

function engine(ctx: CallContext): OfficeSync {
  return new OfficeSync(ctx.store, ctx);
}

export function status(ctx: ReadContext): SyncStatus {
  const db = ctx.store.read;
  const state = (key: string) => getState(db, key);
  const driftLimitMs = Number(state('drift_limit_ms') ?? DEFAULT_DRIFT_LIMIT_MS);
  const drift = state('drift_ms');
  const driftMs = drift === null ? null : Number(drift);
  const error = state('last_error');
  const files = filesWaiting(ctx.store, ctx.dataDir);
  const open = db.rawGet<{ n: number }>(
    'SELECT count(*) AS n FROM sync_conflicts WHERE resolved_at IS NULL',
  )!.n;
  return {
    enrolled: state('token') !== null,
    hqUrl: state('url'),
    lastSyncAt: state('last_sync_at'),
    lastAttemptAt: state('last_attempt_at'),
    lastError: error ? plainSyncError(error) : null,
    pending: pendingCount(db) + unfoldedCount(db),
    filesToSend: files.toSend,
    filesToFetch: files.toFetch,
    driftMs,
    driftWarning:
      driftMs !== null && Math.abs(driftMs) > driftLimitMs
        ? syncUi.drift(Math.round(Math.abs(driftMs) / 60_000))
        : null,
    intervalMinutes: Number(state('interval_min') ?? DEFAULT_INTERVAL_MIN),
    driftLimitMinutes: driftLimitMs / 60_000,
    openConflicts: open,
    desk: heldDesk(db),
    desks: deskCount(db, localOfficeId(db) ?? ''),
  };
}

export const HTTPS_NEEDED = 'HQ is reached over https:// unless it runs on this computer';

export async function enrol(
  ctx: CallContext,
  input: ParsedInput<'sync.enrol'>,
): Promise<Output<'sync.enrol'>> {
  // A sync carries citizens' personal data and the sync token: plain HTTP only within this computer.
  const url = new URL(input.url);
  if (url.protocol !== 'https:' && !isLoopbackHost(url.hostname))
    throw new ApiError('validation', `url: ${HTTPS_NEEDED}`, { field: 'url' });
  try {
    await engine(ctx).enrol(input.url, input.code);
  } catch (e) {
    throw new ApiError('invalid_state', plainSyncError(e instanceof Error ? e.message : String(e)));
  }
  ctx.store.transaction((db) => audit(db, ctx, null, 'sync.enrol', 'sync', null, { url: input.url }));
  return status(ctx);
}

export async function syncNow(ctx: CallContext): Promise<Output<'sync.now'>> {
  const s = engine(ctx);
  if (!s.enrolled()) throw new ApiError('invalid_state', syncUi.notEnrolled);
  const r = await s.syncNow();
  return {
    ok: r.ok,
    sent: r.sent,
    received: r.received,
    conflicts: r.conflicts,
    error: r.error ? plainSyncError(r.error) : null,
  };
}

export function settings(ctx: CallContext, input: ParsedInput<'sync.settings'>): Output<'sync.settings'> {
  ctx.store.transaction((db) => {
    setState(db, 'interval_min', String(input.intervalMinutes));
    setState(db, 'drift_limit_ms', String(input.driftLimitMinutes * 60_000));
    audit(db, ctx, null, 'sync.settings', 'sync', null, input);
  });
  return status(ctx);
}

function toView(c: Conflict): SyncConflictView {
  return {
    id: c.id,
    table: c.t,
    rowId: c.r,
    field: c.f,
    keptValue: c.keptValue,
    lostValue: c.lostValue,
    detectedAt: c.detectedAt,
    resolvedAt: c.resolvedAt,
    resolution: c.resolution,
  };
}

export function conflicts(ctx: ReadContext, input: ParsedInput<'sync.conflicts'>): Output<'sync.conflicts'> {
  return listConflicts(ctx.store.read, input.limit).map(toView);
}

const NOT_RESTORABLE = new Set(['id', 'office_id', 'hlc', 'created_at', 'updated_at']);

/**
 * Settles a conflict. Putting the replaced value back is a new local edit (with its history through the
 * change log, and its own clock, so it wins knowingly everywhere once synced).
 */
export function resolve(ctx: CallContext, input: ParsedInput<'sync.resolve'>): Output<'sync.resolve'> {
  ctx.store.transaction((db) => {
    const c = getConflict(db, input.id);
    if (!c) throw new ApiError('not_found', 'no such conflict');
    if (c.resolvedAt) throw new ApiError('invalid_state', 'the conflict is already resolved');
    const st = stamp(ctx);
    if (input.choice === 'restored') {
      if (!isSyncedTable(c.t) || NOT_RESTORABLE.has(c.f))
        throw new ApiError('invalid_state', 'this value cannot be put back');
      const columns = db.rawAll<{ name: string }>(`PRAGMA table_info(${c.t})`).map((x) => x.name);
      if (!columns.includes(c.f)) throw new ApiError('invalid_state', 'this value cannot be put back');
      if (!db.rawGet(`SELECT 1 FROM ${c.t} WHERE id = ?`, c.r))
        throw new ApiError('not_found', 'the record is gone');
      updateSynced(db, c.t, c.r, { [c.f]: c.lostValue } as never, st);
    }
    markResolved(db, c.id, input.choice, st.now);
    audit(db, ctx, c.o, 'sync.resolve', c.t, c.r, { field: c.f, choice: input.choice });
  });
  return toView(getConflict(ctx.store.read, input.id)!);
}

export function exportBundle(ctx: CallContext): Output<'sync.exportBundle'> {
  const s = engine(ctx);
  if (!s.enrolled()) throw new ApiError('invalid_state', syncUi.notEnrolled);
  return { bundle: s.exportBundle() };
}

export function importBundle(
  ctx: CallContext,
  input: ParsedInput<'sync.importBundle'>,
): Output<'sync.importBundle'> {
  const s = engine(ctx);
  if (!s.enrolled()) throw new ApiError('invalid_state', syncUi.notEnrolled);
  try {
    const r = s.importBundle(input.bundle);
    return { ok: true, sent: 0, received: r.rows, conflicts: r.conflicts, error: null };
  } catch (e) {
    throw new ApiError('validation', plainSyncError(e instanceof Error ? e.message : String(e)), {
      field: 'bundle',
    });
  }
}
