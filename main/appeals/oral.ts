/**
 * The oral appeal at a personal reception (59-FZ Art. 13 p.2): registered and answered in one
 * transaction, so the card never shows it open for an answer already given.
 */
import { ApiError } from '../../shared/api/define';
import type { Output, ParsedInput } from '../../shared/api/index';
import type { CallContext } from '../kernel/context';
import { beginPersonWrite } from '../kernel/scope';
import { answerOrally } from '../workflow/oral';
import { getCard } from './card';
import { appealRow } from './queries';
import { beginRegistration, registerIn } from './register';

export function registerOral(
  ctx: CallContext,
  input: ParsedInput<'appeals.registerOral'>,
): Output<'appeals.registerOral'> {
  if (input.channel !== 'reception')
    throw new ApiError('validation', 'channel: an oral answer is given at a personal reception only', {
      field: 'channel',
    });
  const { oralAnswer, ...appeal } = input;
  const { id, office } = ctx.store.transaction((db) => {
    const run = beginRegistration(db, ctx);
    const registered = registerIn(db, ctx, run, appeal);
    answerOrally(beginPersonWrite(db, ctx), appealRow(db, registered.id), oralAnswer);
    return { id: registered.id, office: run.office };
  });
  return getCard(ctx.store.read, ctx, id, office);
}
