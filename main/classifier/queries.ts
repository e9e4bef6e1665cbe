/**
 * The classifier's read side: search for the picker and a filter, and names by code for every screen and
 * document that shows a code. The search index is built in memory once per database (2,108 names
 * stemmed, about 0.1 s at the first search) rather than kept as an FTS5 table: FTS5 would need the stems
 * computed in JavaScript anyway (its tokenizers know no Russian word forms), could not rank a match in
 * the name above one in the path without a second pass, and a keystroke over 2,108 entries in memory
 * takes a fraction of a millisecond (`npm run bench:classifier`).
 */
import type Database from 'better-sqlite3';
import type { ReadDb } from '../../db/sql';
import type { ClassifierHit, ClassifierName } from '../../shared/api/classifier';
import { ApiError } from '../../shared/api/define';
import { WITHDRAWN_MESSAGE, withdrawnName } from '../../shared/i18n/ru/classifier';
import { buildIndex, pathOf, searchIndex, type ClassifierIndex } from './search-index';

/** The office's use of each code is counted again at most this often (a count over every appeal's topic). */
const USES_TTL_MS = 5 * 60_000;

interface Cached {
  index: ClassifierIndex;
  uses: Map<string, number>;
  usesAt: number;
}

const cache = new WeakMap<Database.Database, Cached>();

function cached(db: ReadDb): Cached {
  let c = cache.get(db.sqlite);
  if (!c) {
    // The office's own name stands for the official one everywhere a name is shown or searched.
    const rows = db.all(
      db.qb
        .selectFrom('classifier as c')
        .leftJoin('classifier_names as n', 'n.code', 'c.code')
        .select(['c.code', 'c.parent', 'c.level', 'c.ord', 'c.withdrawn_in'])
        .select((eb) => eb.fn.coalesce('n.name', 'c.name').as('name'))
        .orderBy('c.ord'),
    );
    c = { index: buildIndex(rows), uses: new Map(), usesAt: -Infinity };
    cache.set(db.sqlite, c);
  }
  return c;
}

/** The classifier of this database, indexed for search. */
export function classifierIndex(db: ReadDb): ClassifierIndex {
  return cached(db).index;
}

/** Forget the index after the classifier's rows change (an edition's import, an office's name). */
export function classifierChanged(db: ReadDb): void {
  cache.delete(db.sqlite);
  withdrawnCache.delete(db.sqlite);
}

/** How many of the office's appeals carry each code (kept for a few minutes: it ranks, it does not count). */
export function codeUses(db: ReadDb, now: Date): Map<string, number> {
  const c = cached(db);
  if (now.getTime() - c.usesAt >= USES_TTL_MS || now.getTime() < c.usesAt) {
    const rows = db.all(
      db.qb
        .selectFrom('appeal_topics')
        .select(['code', (eb) => eb.fn.countAll<number>().as('n')])
        .groupBy('code'),
    );
    c.uses = new Map(rows.map((r) => [r.code, Number(r.n)]));
    c.usesAt = now.getTime();
  }
  return c.uses;
}

export interface SearchInput {
  q: string;
  scope: 'question' | 'any';
  limit: number;
}

export function searchClassifier(db: ReadDb, now: Date, input: SearchInput): ClassifierHit[] {
  const { index } = cached(db);
  const uses = codeUses(db, now);
  // A withdrawn entry is never offered for an appeal; a filter still finds it, for the older appeals.
  const accept =
    input.scope === 'question'
      ? (e: { level: number; withdrawn: string | null }) => e.level >= 4 && e.withdrawn === null
      : () => true;
  return searchIndex(index, input.q, accept, uses, input.limit).map(({ entry }) => {
    const e = index.entries[entry]!;
    return {
      code: e.code,
      name: e.name,
      level: e.level,
      path: pathOf(index, entry).map((a) => ({ code: a.code, name: a.name })),
      uses: uses.get(e.code) ?? 0,
      withdrawn: e.withdrawn,
    };
  });
}

/** Names and paths of codes, in the order given; a code not in the classifier has `name: null`. */
export function classifierNames(db: ReadDb, codes: readonly string[]): ClassifierName[] {
  const { index } = cached(db);
  return codes.map((code) => {
    const i = index.byCode.get(code);
    if (i === undefined) return { code, name: null, level: null, path: [], withdrawn: null };
    const e = index.entries[i]!;
    return {
      code,
      name: e.name,
      level: e.level,
      path: pathOf(index, i).map((a) => ({ code: a.code, name: a.name })),
      withdrawn: e.withdrawn,
    };
  });
}

/** A code's name, or null when it is not in the classifier. */
export function nameOf(db: ReadDb, code: string): string | null {
  const { index } = cached(db);
  const i = index.byCode.get(code);
  return i === undefined ? null : index.entries[i]!.name;
}

/**
 * The names of those codes the classifier holds, for documents: `{ code: name }`; a withdrawn entry's name
 * carries the mark every screen shows.
 */
export function codeNames(db: ReadDb, codes: Iterable<string>): Record<string, string> {
  const { index } = cached(db);
  const out: Record<string, string> = {};
  for (const code of codes) {
    const i = index.byCode.get(code);
    if (i === undefined) continue;
    const e = index.entries[i]!;
    out[code] = e.withdrawn === null ? e.name : withdrawnName(e.name);
  }
  return out;
}

/** Withdrawn codes and the edition that withdrew each, per database: a registration looks them up. */
const withdrawnCache = new WeakMap<Database.Database, ReadonlyMap<string, string>>();

function withdrawnCodes(db: ReadDb): ReadonlyMap<string, string> {
  let w = withdrawnCache.get(db.sqlite);
  if (!w) {
    const rows = db.all(
      db.qb.selectFrom('classifier').select(['code', 'withdrawn_in']).where('withdrawn_in', 'is not', null),
    );
    w = new Map(rows.map((r) => [r.code, r.withdrawn_in!]));
    withdrawnCache.set(db.sqlite, w);
  }
  return w;
}

/**
 * Refuses codes the classifier has withdrawn among those a new appeal (or an edit) brings; `kept` are codes
 * the appeal had already, which stay. A code the classifier never held is kept as typed, as before. A set of
 * the withdrawn codes, not the search index, so a registration never waits for the index to be built.
 */
export function refuseWithdrawn(
  db: ReadDb,
  codes: readonly string[],
  field: string,
  kept: readonly string[] = [],
): void {
  const withdrawn = withdrawnCodes(db);
  if (withdrawn.size === 0) return;
  codes.forEach((code, n) => {
    const edition = withdrawn.get(code);
    if (edition === undefined || kept.includes(code)) return;
    throw new ApiError('validation', `${field}.${n}: ${WITHDRAWN_MESSAGE}`, {
      field: `${field}.${n}`,
      details: { code, withdrawn: edition },
    });
  });
}
