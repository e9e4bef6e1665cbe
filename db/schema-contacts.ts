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
