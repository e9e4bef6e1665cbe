/** E-mail out's tables (migration «mail-outbox»): local to the computer that sends (see schema.ts). */

export interface MailSmtpAccountTable {
  id: number;
  host: string;
  port: number;
  security: 'tls' | 'starttls' | 'none';
  login: string | null;
  /** Sealed by `ctx.secrets`; never the plain password. */
  password_sealed: string | null;
  from_name: string;
  from_address: string;
  /** Messages a minute; 0: no limit. */
  rate_per_minute: number;
  updated_at: string;
  updated_by: string | null;
}

export interface MailTemplateTable {
  kind: string;
  subject: string;
  body: string;
  updated_at: string;
  updated_by: string | null;
}

export interface MailOutboxTable {
  id: string;
  office_id: string;
  created_at: string;
  created_by: string | null;
  /** What is sent: `reply`, `art11_notice`, `extension_notice`, `request`, or `other`. */
  kind: string;
  appeal_id: string | null;
  request_id: string | null;
  /** JSON: the workflow step's fields recorded once the server takes the message; null for none. */
  step_input: string | null;
  to_address: string;
  subject: string;
  body: string;
  /** JSON: `[{ name, mime, hash }]`, the files kept by hash in the data folder. */
  attachments: string;
  status: 'queued' | 'sent' | 'cancelled';
  attempts: number;
  next_attempt_at: string | null;
  last_error: string | null;
  message_id: string | null;
  sent_at: string | null;
  /** Why the step's sent fact could not be recorded after the message went (someone recorded it first). */
  step_error: string | null;
}

export interface MailingTable {
  id: string;
  office_id: string;
  created_at: string;
  created_by: string | null;
  name: string;
  segment_id: string;
  consent_purpose: string;
  subject: string;
  body: string;
  status: 'draft' | 'running' | 'paused' | 'done';
  started_at: string | null;
  finished_at: string | null;
}

export type RecipientStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'withdrawn' | 'bounced';

export interface MailingRecipientTable {
  mailing_id: string;
  contact_id: string;
  address: string;
  token: string;
  status: RecipientStatus;
  attempts: number;
  last_error: string | null;
  message_id: string | null;
  sent_at: string | null;
}
