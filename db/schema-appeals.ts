/** An appeal and what hangs on it: its requests to bodies, resolutions, files, topics, history and tasks. */
import type { SyncColumns } from './schema';

export interface AppealTable extends SyncColumns {
  reg_number: string;
  reg_year: number;
  reg_seq: number;
  registered_on: string;
  received_on: string;
  channel: string;
  kind: string;
  is_repeat: number;
  is_collective: number;
  signatories: number;
  is_anonymous: number;
  sheets: number;
  attachments_note: string | null;
  applicant_id: string;
  applicant_name: string;
  applicant_phone: string | null;
  summary: string;
  text: string | null;
  topics: string;
  term_date: string;
  due_date: string;
  responsible_id: string | null;
  executor_id: string | null;
  on_control: number;
  status: string;
  result: string | null;
  closed_on: string | null;
  forwarded_from_body: string | null;
  forwarded_from_number: string | null;
  forwarded_from_date: string | null;
  case_file: string | null;
  created_by: string | null;
  resubmission_of: string | null;
  complained_body: string | null;
  art11_ground: string | null;
  art11_linked: string;
  /** Art. 11 part 5.1: the address (URL) of the published answer the notice names. */
  art11_published_url: string | null;
  notice_sent_on: string | null;
  notice_form: string | null;
  notice_number: string | null;
  forward_addressee: string | null;
  forward_number: string | null;
  forward_sent_on: string | null;
  forward_notified_on: string | null;
  extension_days: number | null;
  extension_reason: string | null;
  extended_by: string | null;
  extended_on: string | null;
  extension_notified_on: string | null;
  reply_text: string | null;
  reply_approved_by: string | null;
  reply_approved_on: string | null;
  reply_form: string | null;
  reply_sent_on: string | null;
  reply_number: string | null;
  reply_signatory: string | null;
  /** 1: the applicant agreed to an oral answer at a personal reception (59-FZ Art. 13 p.2). */
  oral_consent: number | null;
  reviewed_late: number | null;
  stage_since: string | null;
  /** The event (a reception day) the appeal was taken at. */
  event_id: string | null;
}

export interface BodyTable extends SyncColumns {
  name: string;
  name_key: string;
  address: string | null;
  email: string | null;
  head: string | null;
  answer_days: number;
}

export interface ExternalRequestTable extends SyncColumns {
  appeal_id: string;
  seq: number;
  body_id: string | null;
  kind: 'deputy_request' | 'documents_request';
  status: string;
  text: string | null;
  approved_by: string | null;
  approved_on: string | null;
  sent_on: string | null;
  outgoing_number: string | null;
  due_date: string | null;
  answered_on: string | null;
  answer_number: string | null;
  answer_summary: string | null;
  answer_attachment_id: string | null;
  next_step: string | null;
  stage_since: string | null;
}

export interface ResolutionTable extends SyncColumns {
  appeal_id: string;
  request_id: string | null;
  author_id: string;
  resolved_on: string;
  text: string;
  decision: string;
}

export interface AttachmentTable extends SyncColumns {
  appeal_id: string;
  request_id: string | null;
  sha256: string;
  name: string;
  mime: string;
  size: number;
}

export interface AppealTopicTable {
  code: string;
  appeal_id: string;
}

export interface AppealHistoryTable extends SyncColumns {
  appeal_id: string;
  at: string;
  user_id: string | null;
  action: string;
  changes: string;
  comment: string | null;
}

export interface TaskTable extends SyncColumns {
  appeal_id: string | null;
  request_id: string | null;
  kind: string;
  title: string;
  assignee_id: string | null;
  due_date: string | null;
  status: 'open' | 'done' | 'cancelled';
  closed_at: string | null;
  closed_by: string | null;
  event_id: string | null;
  event_stage: string | null;
  /** The поручение this task is a part of (migration «assignments»). */
  assignment_id?: string | null;
}
