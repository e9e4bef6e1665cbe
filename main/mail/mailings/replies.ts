/**
 * What comes back from a mailing, for the intake side to call once it has read the message: an
 * unsubscribe (a reply «отписаться», or a message to the office's address naming the recipient's token)
 * withdraws the contact's consent at once (38-FZ Art. 18), and a bounce marks the contact's address as
 * failing. Both write within the caller's scope, so they commit with the intake's own record.
 */
import { emailKey } from '../../../shared/domain/text';
import { audit, updateSynced } from '../../kernel/bookkeeping';
import type { WriteScope } from '../../kernel/scope';

export interface Withdrawal {
  /** The contacts whose consent was withdrawn (none when the token or address is not known). */
  contactIds: string[];
  /** How many consents were withdrawn. */
  consents: number;
}

/** The token from «unsubscribe <token>» (a subject) or the token itself. */
export function unsubscribeToken(text: string): string | null {
  const m = /\b([0-9a-f]{32})\b/i.exec(text);
  return m ? m[1]!.toLowerCase() : null;
}

/**
 * Withdraws the mailing consent of the person a token (or, failing one, an address) names: the consent
 * the mailing asked for when a token names it, every mailing consent of the contacts with that address
 * otherwise. Their recipients still waiting in any mailing of that purpose are not sent to.
 */
export function withdrawByUnsubscribeReply(s: WriteScope, tokenOrAddress: string): Withdrawal {
  const { db, st } = s;
  // An address has an @; anything else is a token, or a subject «unsubscribe <token>» that holds one.
  const token = tokenOrAddress.includes('@') ? null : unsubscribeToken(tokenOrAddress);
  let targets: { contact_id: string; purpose: string }[];
  if (token)
    targets = db.rawAll(
      `SELECT r.contact_id, m.consent_purpose AS purpose FROM mailing_recipients r
       JOIN mailings m ON m.id = r.mailing_id WHERE r.token = ?`,
      token,
    );
  else {
    const key = emailKey(tokenOrAddress);
    targets = key
      ? db.rawAll(
          "SELECT id AS contact_id, 'mailing' AS purpose FROM contacts WHERE email_key = ? AND deleted_at IS NULL",
          key,
        )
      : [];
  }
  let consents = 0;
  for (const t of targets) {
    const open = db.rawAll<{ id: string }>(
      `SELECT id FROM contact_consents
       WHERE contact_id = ? AND purpose = ? AND withdrawn_at IS NULL AND deleted_at IS NULL`,
      t.contact_id,
      t.purpose,
    );
    for (const k of open) {
      updateSynced(
        db,
        'contact_consents',
        k.id,
        { withdrawn_at: st.now, withdrawn_by: s.actor?.userId ?? null },
        st,
      );
      consents++;
    }
    db.rawRun(
      `UPDATE mailing_recipients SET status = 'withdrawn'
       WHERE contact_id = ? AND status IN ('pending', 'sent')
         AND mailing_id IN (SELECT id FROM mailings WHERE consent_purpose = ?)`,
      t.contact_id,
      t.purpose,
    );
    audit(db, s.ctx, s.office.id, 'mail.unsubscribe', 'contact', t.contact_id, {
      purpose: t.purpose,
      by: token ? 'token' : 'address',
    });
  }
  return { contactIds: [...new Set(targets.map((t) => t.contact_id))], consents };
}

/**
 * A bounce came back for `failedRecipient` (the DSN's Final-Recipient) of the message the office sent
 * as `originalMessageId`: the recipient of that mailing is reported bounced, and the contacts with that
 * address have it marked as failing (they are left out of later mailings). Returns those contacts.
 */
export function markBounced(
  s: WriteScope,
  failedRecipient: string,
  originalMessageId: string | null,
): string[] {
  const { db, st } = s;
  const key = emailKey(failedRecipient);
  if (!key) return [];
  if (originalMessageId) {
    const bare = originalMessageId.trim().replace(/^<|>$/g, '');
    db.rawRun(
      `UPDATE mailing_recipients SET status = 'bounced'
       WHERE message_id IN (?, ?) AND lower(address) = ?`,
      bare,
      `<${bare}>`,
      key,
    );
  }
  const contacts = db
    .rawAll<{ id: string; email_failing_at: string | null }>(
      'SELECT id, email_failing_at FROM contacts WHERE email_key = ? AND deleted_at IS NULL',
      key,
    )
    .filter((c) => c.email_failing_at === null);
  for (const c of contacts) {
    updateSynced(db, 'contacts', c.id, { email_failing_at: st.now }, st);
    audit(db, s.ctx, s.office.id, 'mail.bounce', 'contact', c.id, {
      address: key,
      messageId: originalMessageId,
    });
  }
  return contacts.map((c) => c.id);
}
