/** E-mail intake's tables (migration «mail-intake»; see schema.ts). */
import type { SyncColumns } from './schema';

/** An IMAP mailbox this computer fetches; `password` is sealed by the office's secret keeper. */
export interface MailMailboxTable {
  id: string;
  office_id: string;
  name: string;
  host: string;
  port: number;
  security: 'tls' | 'starttls' | 'none';
  login: string;
  password: string;
  folder: string;
  delete_after_take: number;
  active: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** Where the intake stands in a mailbox: the folder's UIDVALIDITY and the last UID taken. */
export interface MailIntakeStateTable {
  mailbox_id: string;
  uid_validity: string | null;
  last_uid: number;
  checked_at: string | null;
  error: string | null;
}

/** A message taken from a mailbox into «Входящие». */
export interface MailIntakeTable extends SyncColumns {
  mailbox_id: string;
  uid_validity: string;
  uid: number;
  message_id: string | null;
  in_reply_to: string | null;
  /** JSON: the References header's Message-IDs, oldest first. */
  refs: string;
  from_name: string | null;
  from_address: string | null;
  subject: string;
  sent_at: string | null;
  received_at: string;
  size: number;
  body: string;
  /** JSON: `[{ name, mime, size, sha256 }]`, each file kept in the data folder by its hash. */
  files: string;
  auto_reply: number;
  /** JSON of a delivery report (DSN): `{ recipient, originalMessageId, action, status }`. */
  bounce: string | null;
  problem: string | null;
  state: 'new' | 'registered' | 'not_appeal' | 'linked';
  reason: string | null;
  appeal_id: string | null;
  /** The office's request to a body this message answers (by its Message-ID). */
  request_id?: string | null;
  decided_by: string | null;
  decided_at: string | null;
}
