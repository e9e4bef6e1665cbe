import { campaignsUi } from '../../../../shared/i18n/ru/campaigns';
import { isCallError } from '../../api/client';
import { errorText, serverMessage } from '../../i18n';

export const t = campaignsUi;

/** A refusal as one line: the campaigns' own messages in the office's words, the rest as everywhere. */
export function campaignError(e: unknown): string {
  if (isCallError(e)) {
    const own = t.serverMessages[serverMessage(e.message, e.field)];
    if (own) return own;
    if (e.field === 'stages' && e.code === 'invalid_state') return t.stageHasContacts;
  }
  return errorText(e);
}
