import type { RowState } from './protocol';

/**
 * Per-field last-writer-wins over row states. Each field has a clock (the HLC of its last write; ties
 * cannot happen, as a stamp ends in its node id) and a base: the newest clock of that field its writer
 * had received from other nodes. A write whose base is older than the value it replaces was made
 * without seeing it: that value is lost by LWW and recorded as a conflict. A node's own writes follow
 * each other, so they never conflict; a value its writer had seen is replaced knowingly.
 */

export interface FieldLoss {
  field: string;
  keptValue: unknown;
  keptHlc: string;
  lostValue: unknown;
  lostHlc: string;
}

export interface MergeResult {
  state: RowState;
  /** A value or clock of the local state changed: the row must be written. */
  valuesChanged: boolean;
  /** Something of the state changed (a value, a clock, or only a base): the state must be kept. */
  stateChanged: boolean;
  /** The local state has a newer write of some field than the incoming one: the other side needs it. */
  localAhead: boolean;
  losses: FieldLoss[];
}

/** Fields that change with every write: merged by LWW, never reported as conflicts. */
const QUIET = new Set(['hlc', 'updated_at', 'created_at']);
const FIXED = new Set(['id', 'office_id']);

export function nodeOf(hlc: string): string {
  return hlc.slice(-16);
}

export function clockOf(s: RowState, field: string): string {
  return s.c?.[field] ?? s.h;
}

export function baseOf(s: RowState, field: string): string {
  return s.b?.[field] ?? '';
}

/** Builds the compact state from per-field clocks and bases: `h` the newest clock, exceptions listed. */
export function packState(
  t: string,
  id: string,
  o: string,
  d: Record<string, unknown>,
  clocks: Record<string, string>,
  bases: Record<string, string>,
): RowState {
  let h = '';
  for (const f of Object.keys(clocks)) if (clocks[f]! > h) h = clocks[f]!;
  const c: Record<string, string> = {};
  const b: Record<string, string> = {};
  let hasC = false;
  let hasB = false;
  for (const f of Object.keys(clocks)) {
    if (clocks[f] !== h) {
      c[f] = clocks[f]!;
      hasC = true;
    }
    if (bases[f]) {
      b[f] = bases[f];
      hasB = true;
    }
  }
  const state: RowState = { t, id, o, h, d: { ...d, hlc: h } as RowState['d'] };
  if (hasC) state.c = c;
  if (hasB) state.b = b;
  return state;
}

function same(a: unknown, b: unknown): boolean {
  return a === b || (a === undefined && b === null) || (a === null && b === undefined);
}

/**
 * Merges `incoming` into `local` (absent: a row new here). Commutative and idempotent over the values:
 * every node ends with the same values whatever order states arrive in and however often.
 */
export function mergeRow(local: RowState | undefined, incoming: RowState): MergeResult {
  if (!local)
    return { state: incoming, valuesChanged: true, stateChanged: true, localAhead: false, losses: [] };
  const clocks: Record<string, string> = {};
  const bases: Record<string, string> = {};
  const d: Record<string, unknown> = {};
  const losses: FieldLoss[] = [];
  let valuesChanged = false;
  let baseChanged = false;
  let localAhead = false;
  const fields = new Set([...Object.keys(local.d), ...Object.keys(incoming.d)]);
  fields.delete('hlc');
  for (const f of fields) {
    const inLocal = f in local.d;
    const inIncoming = f in incoming.d;
    const lc = inLocal ? clockOf(local, f) : '';
    const ic = inIncoming ? clockOf(incoming, f) : '';
    const lv = local.d[f];
    const iv = incoming.d[f];
    if (FIXED.has(f) || ic <= lc) {
      // The local value stays; the incoming one is older (or the same write).
      d[f] = inLocal ? lv : iv;
      clocks[f] = inLocal ? lc : ic;
      let base = baseOf(local, f);
      if (ic < lc) {
        localAhead = true;
        if (
          inIncoming &&
          !QUIET.has(f) &&
          !FIXED.has(f) &&
          !same(lv, iv) &&
          nodeOf(lc) !== nodeOf(ic) &&
          base < ic
        ) {
          losses.push({ field: f, keptValue: lv, keptHlc: lc, lostValue: iv, lostHlc: ic });
          base = ic;
        }
      }
      if (base) bases[f] = base;
      if (base !== baseOf(local, f)) baseChanged = true;
    } else {
      d[f] = iv;
      clocks[f] = ic;
      let base = baseOf(incoming, f);
      if (!same(lv, iv) || lc !== ic) valuesChanged = true;
      if (inLocal && !QUIET.has(f) && !same(lv, iv) && nodeOf(lc) !== nodeOf(ic) && base < lc) {
        losses.push({ field: f, keptValue: iv, keptHlc: ic, lostValue: lv, lostHlc: lc });
        base = lc;
      }
      if (base) bases[f] = base;
    }
  }
  const state = packState(local.t, local.id, local.o, d, clocks, bases);
  return { state, valuesChanged, stateChanged: valuesChanged || baseChanged, localAhead, losses };
}

/**
 * A local write's new state: the fields whose values changed take the write's clock, and as base what
 * this node had received of them from elsewhere (its own earlier writes are not news to anyone).
 */
export function localWrite(
  prev: RowState | undefined,
  t: string,
  row: Record<string, unknown>,
  hlc: string,
  ownNode: string,
): RowState | null {
  if (!prev) {
    const clocks: Record<string, string> = {};
    for (const f of Object.keys(row)) clocks[f] = hlc;
    return packState(t, String(row.id), String(row.office_id), row, clocks, {});
  }
  const clocks: Record<string, string> = {};
  const bases: Record<string, string> = {};
  let changed = false;
  const fields = new Set([...Object.keys(prev.d), ...Object.keys(row)]);
  fields.delete('hlc');
  for (const f of fields) {
    const before = clockOf(prev, f);
    const base = baseOf(prev, f);
    if (f in row && !same(row[f], prev.d[f]) && !QUIET.has(f)) {
      changed = true;
      clocks[f] = hlc;
      const seen = nodeOf(before) !== ownNode && before > base ? before : base;
      if (seen) bases[f] = seen;
    } else {
      clocks[f] = before;
      if (base) bases[f] = base;
    }
  }
  if (!changed) return null;
  clocks.updated_at = hlc;
  return packState(t, prev.id, prev.o, { ...prev.d, ...row }, clocks, bases);
}
