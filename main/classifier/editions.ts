/**
 * Editions of the classifier: an administrator previews a newer official edition against the one in
 * force (entries added, renamed, withdrawn) and takes it. A withdrawn entry stays in the table with the
 * edition that withdrew it: older appeals keep its code and show it marked, and the picker no longer offers
 * it. The office's own names (`names.ts`) stay over a new edition's; the preview lists where the edition
 * changes the official text of a name the office corrected. Local reference data: nothing is synced.
 */
import { createHash } from 'node:crypto';
import type { ReadDb, WriteDb } from '../../db/sql';
import type { ClassifierEditionTable } from '../../db/schema';
import type { ClassifierEdition, EditionPreview } from '../../shared/api/classifier';
import { ApiError } from '../../shared/api/define';
import type { Output, ParsedInput } from '../../shared/api/index';
import { audit } from '../kernel/bookkeeping';
import type { CallContext, ReadContext } from '../kernel/context';
import { beginWrite } from '../kernel/scope';
import { readEditionFile, type EditionFile } from './edition-file';
import { classifierChanged } from './queries';

interface Current {
  code: string;
  name: string;
  level: number;
  withdrawn_in: string | null;
  office_name: string | null;
}

function currentEntries(db: ReadDb): Current[] {
  return db.all(
    db.qb
      .selectFrom('classifier as c')
      .leftJoin('classifier_names as n', 'n.code', 'c.code')
      .select(['c.code', 'c.name', 'c.level', 'c.withdrawn_in', 'n.name as office_name'])
      .orderBy('c.ord'),
  );
}

/** The office's appeals carrying each of these codes. */
function appealsWith(db: ReadDb, codes: readonly string[]): Map<string, number> {
  if (codes.length === 0) return new Map();
  const rows = db.all(
    db.qb
      .selectFrom('appeal_topics')
      .select(['code', (eb) => eb.fn.count<number>('appeal_id').distinct().as('n')])
      .where('code', 'in', codes)
      .groupBy('code'),
  );
  return new Map(rows.map((r) => [r.code, Number(r.n)]));
}

function compare(db: ReadDb, file: EditionFile, bytes: Buffer): EditionPreview {
  const current = new Map(currentEntries(db).map((c) => [c.code, c]));
  const inFile = new Set(file.entries.map((e) => e.code));
  const added: EditionPreview['added'] = [];
  const renamed: EditionPreview['renamed'] = [];
  const clashes: EditionPreview['clashes'] = [];
  let unchanged = 0;
  for (const e of file.entries) {
    const c = current.get(e.code);
    if (!c || c.withdrawn_in !== null) added.push({ code: e.code, name: e.name, level: e.level });
    else if (c.name !== e.name) {
      renamed.push({ code: e.code, level: e.level, from: c.name, to: e.name, officeName: c.office_name });
      if (c.office_name !== null && c.office_name !== e.name)
        clashes.push({ code: e.code, official: e.name, officeName: c.office_name });
    } else unchanged++;
  }
  const gone = [...current.values()].filter((c) => c.withdrawn_in === null && !inFile.has(c.code));
  const uses = appealsWith(
    db,
    gone.map((c) => c.code),
  );
  const withdrawn = gone.map((c) => ({
    code: c.code,
    name: c.office_name ?? c.name,
    level: c.level,
    appeals: uses.get(c.code) ?? 0,
  }));
  const preview = {
    format: file.format,
    encoding: file.encoding,
    entries: file.entries.length,
    unchanged,
    added,
    renamed,
    withdrawn,
    clashes,
  };
  // What the edition changes, not how many appeals carry a withdrawn code: an appeal registered meanwhile
  // does not make the administrator preview again.
  const digest = createHash('sha256')
    .update(createHash('sha256').update(bytes).digest('hex'))
    .update(JSON.stringify({ ...preview, withdrawn: withdrawn.map((w) => w.code) }))
    .digest('hex');
  return { ...preview, digest };
}

export async function previewEdition(
  ctx: ReadContext,
  input: ParsedInput<'classifier.previewEdition'>,
): Promise<Output<'classifier.previewEdition'>> {
  const bytes = Buffer.from(input.file.dataBase64, 'base64');
  const file = await readEditionFile(bytes);
  return compare(ctx.store.read, file, bytes);
}

function latestEdition(db: ReadDb): string {
  const row = db.get(
    db.qb.selectFrom('classifier_editions').select((eb) => eb.fn.max('edition').as('edition')),
  );
  return row?.edition ?? '';
}

function writeEdition(db: WriteDb, file: EditionFile, edition: string): void {
  file.entries.forEach((e, i) =>
    db.rawRun(
      `INSERT INTO classifier (code, name, parent, level, ord, edition, withdrawn_in)
       VALUES (?, ?, ?, ?, ?, ?, NULL)
       ON CONFLICT (code) DO UPDATE SET name = excluded.name, parent = excluded.parent,
         level = excluded.level, ord = excluded.ord, edition = excluded.edition, withdrawn_in = NULL`,
      e.code,
      e.name,
      e.parent,
      e.level,
      i + 1,
      edition,
    ),
  );
  // What the edition does not hold goes after it, in its former order, marked withdrawn (once: an entry
  // withdrawn earlier keeps the edition that withdrew it).
  const inFile = new Set(file.entries.map((e) => e.code));
  const rest = db
    .all(db.qb.selectFrom('classifier').select(['code', 'withdrawn_in']).orderBy('ord'))
    .filter((r) => !inFile.has(r.code));
  rest.forEach((r, i) =>
    db.rawRun(
      'UPDATE classifier SET ord = ?, withdrawn_in = ? WHERE code = ?',
      file.entries.length + i + 1,
      r.withdrawn_in ?? edition,
      r.code,
    ),
  );
  // A correction the edition itself now makes is no longer the office's own.
  db.rawRun(
    `DELETE FROM classifier_names
      WHERE name = (SELECT c.name FROM classifier c WHERE c.code = classifier_names.code)`,
  );
}

/** An edition's row as the contract gives it. */
export function toEdition(r: ClassifierEditionTable): ClassifierEdition {
  return {
    edition: r.edition,
    source: r.source,
    importedAt: r.imported_at,
    entries: r.entries,
    added: r.added,
    renamed: r.renamed,
    withdrawn: r.withdrawn,
  };
}

export async function applyEdition(
  ctx: CallContext,
  input: ParsedInput<'classifier.applyEdition'>,
): Promise<Output<'classifier.applyEdition'>> {
  const bytes = Buffer.from(input.file.dataBase64, 'base64');
  const file = await readEditionFile(bytes);
  const taken = ctx.store.transaction((db) => {
    const { st, office, actor } = beginWrite(db, ctx);
    const latest = latestEdition(db);
    if (input.edition <= latest)
      throw new ApiError('validation', 'edition: the edition must be later than the one in force', {
        field: 'edition',
        details: { latest },
      });
    const preview = compare(db, file, bytes);
    if (preview.digest !== input.digest)
      throw new ApiError('conflict', 'the classifier changed since the preview; preview the file again', {
        field: 'digest',
      });
    writeEdition(db, file, input.edition);
    const row = {
      edition: input.edition,
      source: input.file.name,
      imported_at: st.now,
      imported_by: actor?.userId ?? null,
      entries: preview.entries,
      added: preview.added.length,
      renamed: preview.renamed.length,
      withdrawn: preview.withdrawn.length,
    };
    db.insert('classifier_editions', row);
    audit(db, ctx, office.id, 'classifier.applyEdition', 'classifier', input.edition, {
      source: row.source,
      added: row.added,
      renamed: row.renamed,
      withdrawn: preview.withdrawn.map((w) => w.code),
    });
    return row;
  });
  classifierChanged(ctx.store.read);
  return toEdition(taken);
}
