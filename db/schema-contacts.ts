/** The contact base's tables beside `contacts` and `contact_phones` (see schema.ts). */
import type { SyncColumns } from './schema';

export interface ContactLabelTable extends SyncColumns {
  contact_id: string;
  kind: 'status' | 'tag';
  value: string;
}

export interface ContactStatusTable extends SyncColumns {
  code: string;
  name: string;
}

export interface ContactConsentTable extends SyncColumns {
  contact_id: string;
  purpose: string;
  wording_version: string;
  given_at: string;
  given_by: string | null;
  withdrawn_at: string | null;
  withdrawn_by: string | null;
}

export interface ContactNoteTable extends SyncColumns {
  contact_id: string;
  at: string;
  user_id: string | null;
  text: string;
}

export interface ContactMergeTable extends SyncColumns {
  kept_id: string;
  merged_id: string;
  /** JSON: the kept contact's row before the merge. */
  kept_before: string;
  /** JSON: ids of the rows that moved from the merged contact to the kept one, by table. */
  moved: string;
  merged_by: string | null;
  automatic: number;
  undone_at: string | null;
}

export interface ContactSegmentTable extends SyncColumns {
  name: string;
  /** JSON: the segment's filter (shared/api/contacts ContactFilter). */
  filter: string;
}

export interface ContactImportLayoutTable extends SyncColumns {
  /** The file's header row, folded: the same layout gets the same mapping next time. */
  header_key: string;
  mapping: string;
}

/** One of a contact's e-mails (migration «contact-model»); the first is mirrored in `contacts.email`. */
export interface ContactEmailTable extends SyncColumns {
  contact_id: string;
  email: string;
  email_key: string;
  kind: 'personal' | 'work' | 'other';
  position: number;
  /** Set by the sending side when mail to this address bounces. */
  failing_at: string | null;
}

/** A social-network link: a VK id or short name, a Telegram username, an OK profile, normalised. */
export interface ContactSocialTable extends SyncColumns {
  contact_id: string;
  network: 'vk' | 'telegram' | 'ok';
  handle: string;
  position: number;
}

/** A field the office defines for its contacts. */
export interface ContactFieldTable extends SyncColumns {
  position: number;
  name: string;
  type: 'text' | 'number' | 'date' | 'list';
  /** JSON: the list's values. */
  options: string;
  required: number;
}

/** A contact's value of a custom field, in the column of the field's type. */
export interface ContactFieldValueTable extends SyncColumns {
  contact_id: string;
  field_id: string;
  value_text: string | null;
  value_num: number | null;
  value_date: string | null;
}
