/** The deputy's own work (migration «mandates»): наказы избирателей and requests on his own initiative. */
import type { SyncColumns } from './schema';

export interface MandateTable extends SyncColumns {
  /** The register's number, in the office. */
  number: number;
  text: string;
  /** A collective of voters, as text («жители дома № 5 по ул. Ленина»). */
  givers: string | null;
  district: string | null;
  settlement: string | null;
  address: string | null;
  /** A classifier code. */
  topic: string | null;
  body_id: string | null;
  plan_year: number | null;
  budget_line: string | null;
  status: string;
  status_reason: string | null;
  /** The office's date the status was set on. */
  status_on: string;
  /** The date the наказ was given. */
  given_on: string;
  responsible_id: string | null;
}

/** What a наказ is tied to: `kind` names the table of `target_id`. */
export interface MandateLinkTable extends SyncColumns {
  mandate_id: string;
  kind: string;
  target_id: string;
}

/** A наказ's document (migration «mandate-files-search»), kept by hash as a поручение's. */
export interface MandateFileTable extends SyncColumns {
  mandate_id: string;
  sha256: string;
  name: string;
  mime: string;
  size: number;
}

export interface MandateHistoryTable extends SyncColumns {
  mandate_id: string;
  at: string;
  user_id: string | null;
  action: string;
  changes: string;
  comment: string | null;
}

export interface OwnRequestTable extends SyncColumns {
  number: number;
  body_id: string | null;
  text: string | null;
  legal_basis: string | null;
  status: string;
  responsible_id: string | null;
  approved_by: string | null;
  approved_on: string | null;
  sent_on: string | null;
  outgoing_number: string | null;
  term_days: number | null;
  due_date: string | null;
  answered_on: string | null;
  answer_number: string | null;
  answer_summary: string | null;
  stage_since: string;
}

export interface OwnRequestHistoryTable extends SyncColumns {
  request_id: string;
  at: string;
  user_id: string | null;
  action: string;
  changes: string;
  comment: string | null;
}
