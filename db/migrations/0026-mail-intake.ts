import type { Migration } from './types';

/**
 * E-mail intake («Входящие»). `mail_mailboxes` are the IMAP mailboxes this computer fetches (their
 * passwords sealed by the office's secret keeper, which is this computer's: so they stay here, unsynced,
 * and no two computers fetch one mailbox); `mail_intake_state` is each mailbox's place in it — the
 * folder's UIDVALIDITY and the last UID taken — advanced in the transaction that adds the items it covers.
 * `mail_intake` holds the messages taken, one row each (unique by mailbox, UIDVALIDITY and UID, and by
 * Message-ID), synced like the appeals they become: what the message said, its files by hash (kept as
 * attachments are), the facts the sending side needs (an auto-reply; a delivery report's failed recipient
 * and original Message-ID), what was wrong with it, and what the office decided.
 */
export const m0026: Migration = {
  version: 26,
  name: 'mail-intake',
  up: (db) => {
    db.exec(`
CREATE TABLE mail_mailboxes (
  id TEXT PRIMARY KEY,
  office_id TEXT NOT NULL,
  name TEXT NOT NULL,
  host TEXT NOT NULL,
  port INTEGER NOT NULL,
  security TEXT NOT NULL CHECK (security IN ('tls', 'starttls', 'none')),
  login TEXT NOT NULL,
  password TEXT NOT NULL,
  folder TEXT NOT NULL DEFAULT 'INBOX',
  delete_after_take INTEGER NOT NULL DEFAULT 0,
  active INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
) STRICT;

CREATE TABLE mail_intake_state (
  mailbox_id TEXT PRIMARY KEY REFERENCES mail_mailboxes (id),
  uid_validity TEXT,
  last_uid INTEGER NOT NULL DEFAULT 0,
  checked_at TEXT,
  error TEXT
) STRICT;

CREATE TABLE mail_intake (
  id TEXT PRIMARY KEY,
  mailbox_id TEXT NOT NULL,
  uid_validity TEXT NOT NULL,
  uid INTEGER NOT NULL,
  message_id TEXT,
  in_reply_to TEXT,
  refs TEXT NOT NULL DEFAULT '[]',
  from_name TEXT,
  from_address TEXT,
  subject TEXT NOT NULL DEFAULT '',
  sent_at TEXT,
  received_at TEXT NOT NULL,
  size INTEGER NOT NULL,
  body TEXT NOT NULL DEFAULT '',
  files TEXT NOT NULL DEFAULT '[]',
  auto_reply INTEGER NOT NULL DEFAULT 0,
  bounce TEXT,
  problem TEXT,
  state TEXT NOT NULL DEFAULT 'new' CHECK (state IN ('new', 'registered', 'not_appeal', 'linked')),
  reason TEXT,
  appeal_id TEXT,
  decided_by TEXT,
  decided_at TEXT,
  office_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  hlc TEXT NOT NULL,
  deleted_at TEXT
) STRICT;
CREATE UNIQUE INDEX mail_intake_uid ON mail_intake (mailbox_id, uid_validity, uid);
CREATE UNIQUE INDEX mail_intake_message_id ON mail_intake (office_id, message_id) WHERE message_id IS NOT NULL;
CREATE INDEX mail_intake_list ON mail_intake (office_id, received_at DESC, id) WHERE deleted_at IS NULL;
CREATE INDEX mail_intake_appeal ON mail_intake (appeal_id) WHERE appeal_id IS NOT NULL;
`);
  },
};
