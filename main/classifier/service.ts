import type { Output, ParsedInput } from '../../shared/api/index';
import type { ReadContext } from '../kernel/context';
import { classifierNames, searchClassifier } from './queries';

export function search(
  ctx: ReadContext,
  input: ParsedInput<'classifier.search'>,
): Output<'classifier.search'> {
  return { items: searchClassifier(ctx.store.read, ctx.clock.now(), input) };
}

export function names(ctx: ReadContext, input: ParsedInput<'classifier.names'>): Output<'classifier.names'> {
  return { entries: classifierNames(ctx.store.read, input.codes) };
}
