/** The desk's reference tables beside the appeals: the thematic classifier and the routing rules (see schema.ts). */
import type { SyncColumns } from './schema';

/** The thematic classifier (migration «classifier»): local reference data, one row per entry. */
export interface ClassifierTable {
  code: string;
  name: string;
  parent: string | null;
  level: number;
  ord: number;
  edition: string;
  /** The edition that no longer holds the entry (migration «classifier-editions»); null while in force. */
  withdrawn_in: string | null;
}

/** An edition of the classifier the office has taken, the shipped one first. */
export interface ClassifierEditionTable {
  edition: string;
  source: string;
  imported_at: string | null;
  imported_by: string | null;
  entries: number;
  added: number;
  renamed: number;
  withdrawn: number;
}

/** The office's own name for a classifier entry, shown instead of the official one. */
export interface ClassifierNameTable {
  code: string;
  name: string;
  set_at: string;
  set_by: string | null;
}

export interface RoutingRuleTable extends SyncColumns {
  position: number;
  name: string;
  topic: string | null;
  channel: string | null;
  kind: string | null;
  district: string | null;
  settlement: string | null;
  responsible_id: string | null;
  to_deputy: number;
}

/** What the citizen wrote on the web reception's form: HQ keeps it so and the office's row carries it. */
export interface WebApplicationFields {
  surname: string;
  first_name: string;
  patronymic: string | null;
  email: string | null;
  phone: string | null;
  postal_address: string | null;
  region: string | null;
  district: string | null;
  settlement: string | null;
  text: string;
  /** The campaign or page the form was opened from (`?source=` in its address). */
  source: string | null;
}

/**
 * An application from the public web reception at HQ (migration «web-applications»): written by HQ as
 * the office's row, handled in «Входящие», its outcome synced back for the citizen's status page.
 */
export interface WebApplicationTable extends SyncColumns, WebApplicationFields {
  kind: 'appeal' | 'volunteer';
  consent_version: string;
  consent_text: string;
  submitted_at: string;
  confirmed_at: string;
  confirmed_by: 'email' | 'sms';
  /** An earlier application of the same person with a similar text, within the office's window. */
  repeat_of: string | null;
  state: 'new' | 'registered' | 'rejected';
  appeal_id: string | null;
  contact_id: string | null;
  rejected_reason: string | null;
  handled_by: string | null;
  handled_at: string | null;
  /** The files attached on the form, as JSON `[{ name, mime, size, sha256 }]`; the bytes come by file sync. */
  attachments: string;
}
