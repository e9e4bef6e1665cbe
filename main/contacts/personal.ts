import type { Output, ParsedInput } from '../../shared/api/index';
import { ApiError } from '../../shared/api/define';
import { contactText } from '../../shared/i18n/ru/contacts';
import type { WriteDb } from '../../db/sql';
import { audit, forgetEarlierVersions, stamp, updateSynced, type Stamp } from '../kernel/bookkeeping';
import type { CallContext } from '../kernel/context';
import { BLANK_CONTACT } from './card';
import { contactRow, readCard } from './card-read';
import { personKeys, redactAudit } from './redact';
import { campaignsOfContact } from '../campaigns/queries';

/**
 * 152-FZ: a person may ask what the office keeps about him, and to have it erased. The appeals stay (59-FZ
 * records are kept by law, with the applicant as he wrote); the contact itself is anonymised in place, so its
 * id — which appeals and event participations point to — stays valid.
 */
export function personalData(
  ctx: CallContext,
  input: ParsedInput<'contacts.personalData'>,
): Output<'contacts.personalData'> {
  return ctx.store.transaction((db) => {
    const card = readCard(db, input.id);
    const appeals = db.all(
      db.qb
        .selectFrom('appeals')
        .select([
          'reg_number',
          'registered_on',
          'received_on',
          'channel',
          'kind',
          'summary',
          'text',
          'status',
          'result',
          'closed_on',
          'applicant_name',
          'applicant_phone',
        ])
        .where('applicant_id', '=', input.id)
        .where('deleted_at', 'is', null)
        .orderBy('registered_on'),
    );
    const notes = db.all(
      db.qb
        .selectFrom('contact_notes')
        .select(['at', 'text'])
        .where('contact_id', '=', input.id)
        .where('deleted_at', 'is', null)
        .orderBy('at'),
    );
    const { timeline: _timeline, ...contact } = card;
    const campaigns = campaignsOfContact(db, input.id);
    const data = { exportedAt: ctx.clock.now().toISOString(), contact, notes, appeals, campaigns };
    audit(db, ctx, contactRow(db, input.id).office_id, 'contacts.personalData', 'contact', input.id);
    return { name: `personal-data-${input.id}.json`, json: JSON.stringify(data, null, 2) };
  });
}

/** What an erasure leaves of each row hanging off a contact. */
const BLANK_ROWS = {
  contact_phones: { phone: '', raw: '' },
  contact_labels: { value: '' },
  contact_notes: { text: '' },
  contact_emails: { email: '', email_key: '' },
  contact_socials: { handle: '' },
  contact_field_values: { value_text: null, value_num: null, value_date: null },
} as const;

/** Blanks one contact row and everything hanging off it, and drops their earlier versions from the change log. */
function anonymise(db: WriteDb, ctx: CallContext, st: Stamp, contactId: string): void {
  updateSynced(
    db,
    'contacts',
    contactId,
    { ...BLANK_CONTACT, full_name: contactText.erasedName, erased_at: st.now },
    st,
  );
  forgetEarlierVersions(db, 'contacts', contactId);
  for (const [table, blank] of Object.entries(BLANK_ROWS) as [keyof typeof BLANK_ROWS, object][]) {
    for (const { id, deleted_at } of db.rawAll<{ id: string; deleted_at: string | null }>(
      `SELECT id, deleted_at FROM ${table} WHERE contact_id = ?`,
      contactId,
    )) {
      updateSynced(db, table as 'contact_notes', id, { ...blank, deleted_at: deleted_at ?? st.now }, st);
      forgetEarlierVersions(db, table, id);
    }
  }
  // Consents stay as the record that they were given and withdrawn; they hold no personal data themselves.
  for (const { id } of db.rawAll<{ id: string }>(
    'SELECT id FROM contact_consents WHERE contact_id = ? AND withdrawn_at IS NULL AND deleted_at IS NULL',
    contactId,
  ))
    updateSynced(
      db,
      'contact_consents',
      id,
      { withdrawn_at: st.now, withdrawn_by: ctx.actor?.userId ?? null },
      st,
    );
}

export function erase(ctx: CallContext, input: ParsedInput<'contacts.erase'>): Output<'contacts.erase'> {
  return ctx.store.transaction((db) => {
    const c = contactRow(db, input.id);
    if (c.erased_at) throw new ApiError('invalid_state', 'the contact was erased');
    const st = stamp(ctx);
    // Duplicates merged into this contact hold the same person's data: they go too, and the merges with them.
    // A merge that was undone made them two people again: the other one keeps his data.
    const merges = db.rawAll<{ id: string; merged_id: string }>(
      'SELECT id, merged_id FROM contact_merges WHERE kept_id = ? AND undone_at IS NULL AND deleted_at IS NULL',
      c.id,
    );
    const ids = [c.id, ...merges.map((m) => m.merged_id)];
    const keys = personKeys(db, ids);
    for (const id of ids) anonymise(db, ctx, st, id);
    for (const m of merges) {
      updateSynced(db, 'contact_merges', m.id, { kept_before: '{}', deleted_at: st.now }, st);
      forgetEarlierVersions(db, 'contact_merges', m.id);
    }
    // The entries stay; what in their details names the person goes (his search, his phone…).
    const redacted = redactAudit(db, keys);
    audit(db, ctx, c.office_id, 'contacts.erase', 'contact', c.id, { redactedEntries: redacted });
    return { ok: true as const };
  });
}
