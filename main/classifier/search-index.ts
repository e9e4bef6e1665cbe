/**
 * The classifier's search, in memory: 2,108 entries make a vocabulary of a few thousand stems, so a
 * keystroke's search is a walk of that vocabulary and of the posting lists it hits — well under a
 * millisecond — with no SQL at all. Built once per database from the `classifier` table (`queries.ts`).
 */
import { stemWord } from '../../shared/domain/stems';
import { SYNONYMS, stemsOf, words } from './words';

export interface IndexedEntry {
  code: string;
  name: string;
  level: number;
  parent: number | null;
  ord: number;
  /** The edition that withdrew it; a withdrawn entry is named on older appeals, never offered for new ones. */
  withdrawn: string | null;
}

export interface Hit {
  entry: number;
  score: number;
}

/** Among equal matches, a name the query says more of ranks first (`Перебои в теплоснабжении` before a long list). */
function density(index: ClassifierIndex, i: number): number {
  return 1 / Math.max(1, index.words[i]!);
}

export interface ClassifierIndex {
  entries: readonly IndexedEntry[];
  byCode: ReadonlyMap<string, number>;
  /** Stem → the entries whose own name has it, and those whose path (ancestors) has it. */
  vocab: ReadonlyMap<string, { own: number[]; path: number[] }>;
  /** How many words each entry's own name has. */
  words: readonly number[];
}

export interface Row {
  code: string;
  name: string;
  parent: string | null;
  level: number;
  ord: number;
  /** The edition that withdrew it; absent or null while in force. */
  withdrawn_in?: string | null;
}

/** Rows in the classifier's order (a parent before its children). */
export function buildIndex(rows: readonly Row[]): ClassifierIndex {
  const byCode = new Map<string, number>();
  const entries: IndexedEntry[] = [];
  const own: Set<string>[] = [];
  for (const r of rows) {
    const parent = r.parent === null ? null : (byCode.get(r.parent) ?? null);
    byCode.set(r.code, entries.length);
    entries.push({
      code: r.code,
      name: r.name,
      level: r.level,
      parent,
      ord: r.ord,
      withdrawn: r.withdrawn_in ?? null,
    });
    own.push(new Set(stemsOf(r.name)));
  }
  const vocab = new Map<string, { own: number[]; path: number[] }>();
  const postings = (s: string) => {
    let p = vocab.get(s);
    if (!p) vocab.set(s, (p = { own: [], path: [] }));
    return p;
  };
  entries.forEach((e, i) => {
    for (const s of own[i]!) postings(s).own.push(i);
    const seen = new Set(own[i]);
    for (let a = e.parent; a !== null; a = entries[a]!.parent) {
      for (const s of own[a]!) {
        if (seen.has(s)) continue;
        seen.add(s);
        postings(s).path.push(i);
      }
    }
  });
  return { entries, byCode, vocab, words: own.map((o) => o.size) };
}

/** The entry's ancestors, section first. */
export function pathOf(index: ClassifierIndex, i: number): IndexedEntry[] {
  const out: IndexedEntry[] = [];
  for (let a = index.entries[i]!.parent; a !== null; a = index.entries[a]!.parent)
    out.push(index.entries[a]!);
  return out.reverse();
}

// How well one typed word matches an entry: in its own name, then through its path; the whole stem, then
// as the start of one (the word being typed); the word itself, then a synonym.
const OWN_EXACT = 8;
const OWN_PREFIX = 6;
const SYN_OWN = 5;
const PATH_EXACT = 3;
const PATH_PREFIX = 2;
const SYN_PATH = 1;

function addPostings(
  scores: Float64Array,
  p: { own: number[]; path: number[] },
  ownWeight: number,
  pathWeight: number,
): void {
  for (const i of p.own) if (scores[i]! < ownWeight) scores[i] = ownWeight;
  for (const i of p.path) if (scores[i]! < pathWeight) scores[i] = pathWeight;
}

function wordScores(index: ClassifierIndex, word: string): Float64Array {
  const scores = new Float64Array(index.entries.length);
  const stem = stemWord(word);
  const exact = index.vocab.get(stem);
  if (exact) addPostings(scores, exact, OWN_EXACT, PATH_EXACT);
  // A word being typed: «отоп» is the start of «отоплен». Short starts match too much to be worth it.
  const prefixes = stem.length >= 3 ? [stem] : [];
  if (word.length >= 3 && word !== stem) prefixes.push(word);
  if (prefixes.length > 0) {
    for (const [s, p] of index.vocab) {
      if (s !== stem && prefixes.some((x) => s.startsWith(x)))
        addPostings(scores, p, OWN_PREFIX, PATH_PREFIX);
    }
  }
  for (const syn of SYNONYMS.get(stem) ?? []) {
    const p = index.vocab.get(syn);
    if (p) addPostings(scores, p, SYN_OWN, SYN_PATH);
  }
  return scores;
}

const CODE_QUERY = /^[\d.\s]+$/;

/**
 * Entries matching a query, best first: every word must match (in the entry's name or its path), a code
 * or its start matches by code, a question's own number (`1160`) matches too. `accept` says which entries
 * may be offered; `uses` ranks equal matches, the office's most used first, then the broader entry, then the shorter name, then the
 * classifier's order.
 */
export function searchIndex(
  index: ClassifierIndex,
  query: string,
  accept: (e: IndexedEntry) => boolean,
  uses: ReadonlyMap<string, number>,
  limit: number,
): Hit[] {
  const q = query.trim();
  const hits: Hit[] = [];
  if (q === '') {
    index.entries.forEach((e, i) => {
      const n = uses.get(e.code) ?? 0;
      if (n > 0 && accept(e)) hits.push({ entry: i, score: 0 });
    });
  } else if (CODE_QUERY.test(q)) {
    const code = q.replace(/\s+/g, '');
    index.entries.forEach((e, i) => {
      if (!accept(e)) return;
      if (e.code === code) hits.push({ entry: i, score: 3 });
      else if (e.code.startsWith(code)) hits.push({ entry: i, score: 2 });
      else if (!code.includes('.') && e.code.split('.').slice(3).includes(code))
        hits.push({ entry: i, score: 1 });
    });
  } else {
    const ws = words(q);
    if (ws.length === 0) return [];
    const total = new Float64Array(index.entries.length);
    const matched = new Uint8Array(index.entries.length);
    for (const w of ws) {
      const s = /^\d+$/.test(w) ? codePartScores(index, w) : wordScores(index, w);
      for (let i = 0; i < s.length; i++) {
        if (s[i]! > 0) {
          total[i]! += s[i]!;
          matched[i]!++;
        }
      }
    }
    for (let i = 0; i < total.length; i++) {
      if (matched[i] === ws.length && accept(index.entries[i]!)) hits.push({ entry: i, score: total[i]! });
    }
  }
  hits.sort(
    (a, b) =>
      b.score - a.score ||
      (uses.get(index.entries[b.entry]!.code) ?? 0) - (uses.get(index.entries[a.entry]!.code) ?? 0) ||
      index.entries[a.entry]!.level - index.entries[b.entry]!.level ||
      density(index, b.entry) - density(index, a.entry) ||
      index.entries[a.entry]!.ord - index.entries[b.entry]!.ord,
  );
  return hits.slice(0, limit);
}

/** A number among words: a part of the code (`мусор 1160`). */
function codePartScores(index: ClassifierIndex, part: string): Float64Array {
  const scores = new Float64Array(index.entries.length);
  index.entries.forEach((e, i) => {
    if (e.code.split('.').some((p) => p.startsWith(part))) scores[i] = OWN_EXACT;
  });
  return scores;
}
