import type { AppealCard } from '../../../../shared/api/appeals';
import { call } from '../../api/client';
import { toRegisterInput } from './input';
import type { Draft } from './slice';

/** The section applies to an appeal taken at a personal reception only. */
export const oralGiven = (d: Draft): boolean => d.channel === 'reception' && d.oral.given;

/**
 * Registers the form's appeal: with the oral answer, registered and closed in one call, when one was
 * given at the reception; otherwise as a written appeal.
 */
export function registerDraft(
  d: Draft,
  choice: { contactId?: string; forceNew?: boolean } = {},
): Promise<AppealCard> {
  const input = toRegisterInput(d, choice);
  if (d.intake)
    return call('mail.registerFromIntake', { id: d.intake.id, appeal: input }).then((r) =>
      call('appeals.get', { id: r.appealId }),
    );
  if (d.web)
    return call('web.register', { id: d.web.id, appeal: input }).then((r) =>
      call('appeals.get', { id: r.appealId }),
    );
  if (!oralGiven(d)) return call('appeals.register', input);
  return call('appeals.registerOral', {
    ...input,
    oralAnswer: {
      result: d.oral.result,
      text: d.oral.text,
      // Sent as ticked: without the agreement the server refuses, naming the field.
      consent: d.oral.consent as true,
      answeredBy: d.oral.answeredBy,
    },
  });
}
