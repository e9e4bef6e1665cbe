/**
 * A contact's e-mails and social-network links. `contacts.email` is the first e-mail, kept so the
 * appeal's card, letters and the duplicates search read it as before; every write that changes the
 * e-mails writes both.
 */
import type { ReadDb, WriteDb } from '../../db/sql';
import type { ContactEmailTable, ContactSocialTable } from '../../db/schema';
import { socialUrl, type SocialNetwork } from '../../shared/domain/socials';
import { emailKey } from '../../shared/domain/text';
import { insertSynced, newSyncColumns, updateSynced, type Stamp } from '../kernel/bookkeeping';

export type EmailKind = ContactEmailTable['kind'];
export interface EmailInput {
  email: string;
  kind: EmailKind;
}

export function emailRowsOf(db: ReadDb, contactId: string): ContactEmailTable[] {
  return db.rawAll<ContactEmailTable>(
    'SELECT * FROM contact_emails WHERE contact_id = ? AND deleted_at IS NULL ORDER BY position, id',
    contactId,
  );
}

export function emailsOf(
  db: ReadDb,
  contactId: string,
): { email: string; kind: EmailKind; failing: boolean }[] {
  return emailRowsOf(db, contactId).map((r) => ({
    email: r.email,
    kind: r.kind,
    failing: r.failing_at !== null,
  }));
}

/**
 * Makes the contact's e-mails exactly these, in this order (one address once); returns the first, which
 * the caller writes to `contacts.email`.
 */
export function setEmails(
  db: WriteDb,
  officeId: string,
  contactId: string,
  emails: readonly EmailInput[],
  st: Stamp,
): string | null {
  const wanted = new Map<string, EmailInput>();
  for (const e of emails) {
    const key = emailKey(e.email);
    if (key && !wanted.has(key)) wanted.set(key, e);
  }
  const current = new Map(emailRowsOf(db, contactId).map((r) => [r.email_key, r]));
  for (const [key, r] of current)
    if (!wanted.has(key)) updateSynced(db, 'contact_emails', r.id, { deleted_at: st.now }, st);
  [...wanted].forEach(([key, e], position) => {
    const r = current.get(key);
    if (!r)
      insertSynced(db, 'contact_emails', {
        ...newSyncColumns(st, officeId),
        contact_id: contactId,
        email: e.email,
        email_key: key,
        kind: e.kind,
        position,
        failing_at: null,
      });
    else if (r.position !== position || r.kind !== e.kind || r.email !== e.email)
      updateSynced(db, 'contact_emails', r.id, { position, kind: e.kind, email: e.email }, st);
  });
  return [...wanted.values()][0]?.email ?? null;
}

/** An address given as the contact's e-mail (registration, an import, the card's one field) becomes the first. */
export function putFirstEmail(
  db: WriteDb,
  officeId: string,
  contactId: string,
  email: string | null,
  st: Stamp,
): void {
  const rest = emailRowsOf(db, contactId);
  const key = emailKey(email);
  if (!email || !key) {
    setEmails(db, officeId, contactId, rest.slice(1), st);
    return;
  }
  const kind = rest.find((r) => r.email_key === key)?.kind ?? 'personal';
  setEmails(db, officeId, contactId, [{ email, kind }, ...rest.filter((r) => r.email_key !== key)], st);
}

export function socialRowsOf(db: ReadDb, contactId: string): ContactSocialTable[] {
  return db.rawAll<ContactSocialTable>(
    'SELECT * FROM contact_socials WHERE contact_id = ? AND deleted_at IS NULL ORDER BY position, id',
    contactId,
  );
}

export function socialsOf(
  db: ReadDb,
  contactId: string,
): { network: SocialNetwork; handle: string; url: string }[] {
  return socialRowsOf(db, contactId).map((r) => ({
    network: r.network,
    handle: r.handle,
    url: socialUrl(r.network, r.handle),
  }));
}

/** Makes the contact's links exactly these (already normalised by the contract), in this order. */
export function setSocials(
  db: WriteDb,
  officeId: string,
  contactId: string,
  socials: readonly { network: SocialNetwork; handle: string }[],
  st: Stamp,
): void {
  const keyOf = (s: { network: string; handle: string }): string => `${s.network}:${s.handle}`;
  const wanted = new Map(socials.map((s) => [keyOf(s), s]));
  const current = new Map(socialRowsOf(db, contactId).map((r) => [keyOf(r), r]));
  for (const [key, r] of current)
    if (!wanted.has(key)) updateSynced(db, 'contact_socials', r.id, { deleted_at: st.now }, st);
  [...wanted].forEach(([key, s], position) => {
    const r = current.get(key);
    if (!r)
      insertSynced(db, 'contact_socials', {
        ...newSyncColumns(st, officeId),
        contact_id: contactId,
        network: s.network,
        handle: s.handle,
        position,
      });
    else if (r.position !== position) updateSynced(db, 'contact_socials', r.id, { position }, st);
  });
}
