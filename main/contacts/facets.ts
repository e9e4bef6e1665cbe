import type { ReadDb, WriteDb } from '../../db/sql';
import type { ContactFilter } from '../../shared/api/contacts';

/**
 * Segment counts from `contact_facet_counts` (migration contacts-speed): how many live contacts share each
 * combination of the fields a segment filters on, kept by triggers in every writing transaction. A count
 * sums the combinations a filter accepts, so it costs the number of distinct combinations (hundreds to a
 * few thousand), not the number of contacts. Conditions no combination records (a name or phone search,
 * activity in appeals) are left to SQL.
 */

/** One combination, as the `contact_facet_sig` view writes it. */
type Facets = [
  district: string | null,
  region: string | null,
  settlement: string | null,
  source: string | null,
  socialCategory: string | null,
  /** `status:<code>` and `tag:<value>`, sorted. */
  labels: string[],
  /** Purposes with a consent in force. */
  consents: string[],
  hasPhone: 0 | 1,
];

const FIELDS = [
  ['district', 0],
  ['region', 1],
  ['settlement', 2],
  ['source', 3],
  ['socialCategory', 4],
] as const;

/** The filter as a test of one combination, or null when the filter needs more than combinations hold. */
function facetTest(f: ContactFilter): ((s: Facets) => boolean) | null {
  if (f.q?.trim() || f.appealed || (f.fields && f.fields.length > 0)) return null;
  const tests: ((s: Facets) => boolean)[] = [];
  for (const [key, at] of FIELDS) {
    const v = f[key];
    if (v) tests.push((s) => s[at] === v);
  }
  for (const [key, kind] of [
    ['statuses', 'status'],
    ['tags', 'tag'],
  ] as const) {
    const values = f[key];
    if (values && values.length > 0) {
      const wanted = new Set(values.map((v) => `${kind}:${v}`));
      tests.push((s) => s[5].some((l) => wanted.has(l)));
    }
  }
  if (f.hasPhone !== undefined) tests.push((s) => (s[7] === 1) === f.hasPhone);
  if (f.consent) {
    const { purpose, given } = f.consent;
    tests.push((s) => s[6].includes(purpose) === given);
  }
  return (s) => tests.every((t) => t(s));
}

/** How many live contacts the filter selects, or null when it must be counted by SQL. */
export function countByFacets(db: ReadDb, f: ContactFilter): number | null {
  const test = facetTest(f);
  if (!test) return null;
  let n = 0;
  for (const r of db.rawAll<{ sig: string; n: number }>(
    "SELECT sig, n FROM contact_facet_counts WHERE n > 0 AND sig <> ''",
  ))
    if (test(JSON.parse(r.sig) as Facets)) n += r.n;
  return n;
}

/** Bulk writing: the triggers stand aside for the rest of the transaction. */
export const DEFER_FACETS = 'UPDATE contact_facet_state SET deferred = 1';
/** These contacts (a JSON array of ids) join the counts of their combinations; the triggers resume. */
export const COUNT_DEFERRED = `INSERT INTO contact_facet_counts (sig, n)
  SELECT sig, count(*) FROM contact_facet_sig WHERE contact_id IN (SELECT value FROM json_each(?)) GROUP BY sig
  ON CONFLICT (sig) DO UPDATE SET n = n + excluded.n`;
export const RESUME_FACETS = 'UPDATE contact_facet_state SET deferred = 0';

/**
 * The counts of one bulk write (an import batch), inside its transaction. The triggers would recount a
 * contact after each row written for it (the contact, each phone, each label); here an existing contact
 * leaves its count before its first change, and every contact touched joins its count once, at the end.
 */
export class FacetBatch {
  private readonly touched = new Set<string>();

  constructor(private readonly db: WriteDb) {
    db.rawRun(DEFER_FACETS);
  }

  /** Call before the first change to a contact that was in the base before this batch. */
  changing(id: string): void {
    if (this.touched.has(id)) return;
    this.touched.add(id);
    this.db.rawRun(
      'UPDATE contact_facet_counts SET n = n - 1 WHERE sig = (SELECT sig FROM contact_facet_sig WHERE contact_id = ?)',
      id,
    );
  }

  created(id: string): void {
    this.touched.add(id);
  }

  finish(): void {
    this.db.rawRun(COUNT_DEFERRED, JSON.stringify([...this.touched]));
    this.db.rawRun(RESUME_FACETS);
  }
}
