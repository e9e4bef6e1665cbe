/**
 * The office's own names for classifier entries: a correction of the published text («Задолженность но
 * налогам»), shown and searched instead of the official name, kept over later editions, and audited. The
 * official name stays in `classifier.name`, so an edition is always compared with the official text.
 */
import type { ReadDb } from '../../db/sql';
import { ApiError } from '../../shared/api/define';
import type { Output, ParsedInput } from '../../shared/api/index';
import { audit } from '../kernel/bookkeeping';
import type { CallContext, ReadContext } from '../kernel/context';
import { beginWrite } from '../kernel/scope';
import { toEdition } from './editions';
import { classifierChanged, classifierNames } from './queries';

function editionsTaken(db: ReadDb): Output<'classifier.editions'>['editions'] {
  return db
    .all(db.qb.selectFrom('classifier_editions').selectAll().orderBy('edition', 'desc'))
    .map(toEdition);
}

export function editions(ctx: ReadContext): Output<'classifier.editions'> {
  const db = ctx.store.read;
  const corrections = db
    .all(
      db.qb
        .selectFrom('classifier_names as n')
        .innerJoin('classifier as c', 'c.code', 'n.code')
        .select(['n.code', 'n.name', 'n.set_at', 'c.name as official', 'c.level', 'c.withdrawn_in'])
        .orderBy('c.ord'),
    )
    .map((r) => ({
      code: r.code,
      level: r.level,
      name: r.name,
      official: r.official,
      setAt: r.set_at,
      withdrawn: r.withdrawn_in,
    }));
  return { editions: editionsTaken(db), corrections };
}

export function rename(
  ctx: CallContext,
  input: ParsedInput<'classifier.rename'>,
): Output<'classifier.rename'> {
  ctx.store.transaction((db) => {
    const { st, office, actor } = beginWrite(db, ctx);
    const entry = db.get(db.qb.selectFrom('classifier').select('name').where('code', '=', input.code));
    if (!entry) throw new ApiError('not_found', 'code: no such classifier entry', { field: 'code' });
    const before = db.get(
      db.qb.selectFrom('classifier_names').select('name').where('code', '=', input.code),
    )?.name;
    // The official text again: no correction is kept for it.
    const name = input.name === null || input.name === entry.name ? null : input.name;
    if ((before ?? null) === name) return;
    if (name === null) db.run(db.qb.deleteFrom('classifier_names').where('code', '=', input.code));
    else
      db.run(
        db.qb
          .insertInto('classifier_names')
          .values({ code: input.code, name, set_at: st.now, set_by: actor?.userId ?? null })
          .onConflict((oc) =>
            oc.column('code').doUpdateSet({ name, set_at: st.now, set_by: actor?.userId ?? null }),
          ),
      );
    audit(db, ctx, office.id, 'classifier.rename', 'classifier', input.code, {
      official: entry.name,
      from: before ?? null,
      to: name,
    });
  });
  classifierChanged(ctx.store.read);
  return classifierNames(ctx.store.read, [input.code])[0]!;
}
