import type { Migration } from './types';

/**
 * E-mail out (Settings → Отправка почты, the card's «Отправить по e-mail», mailings to a segment).
 *
 * - `mail_smtp_account`: the office's one SMTP account on this computer; its password sealed by the
 *   computer's keeper (`main/secrets/box.ts`), so the row is local: a sealed value opens only where it
 *   was sealed.
 * - `mail_templates`: the office's own subject and body of each kind of e-mail (the shipped text when
 *   there is no row).
 * - `mail_outbox`: the queue this computer sends from: a message to one address with its attachments
 *   (by hash, as attachments are kept), its attempts, the next attempt, the last error, and, once the
 *   server took it, the Message-ID and the time. The facts that matter to the office (the card's
 *   timeline, the step's sent date) are written to the synced tables when the server takes a message.
 * - `mailings` and `mailing_recipients`: a mailing to a segment and the state of each recipient, so a
 *   mailing stopped halfway (the app closed) goes on where it stopped: nobody twice, nobody skipped.
 * - `contacts.email_failing_at`: a bounce came back for the contact's address.
 */
export const m0027: Migration = {
  version: 27,
  name: 'mail-outbox',
  up: (db) => {
    db.exec(`
CREATE TABLE mail_smtp_account (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  host TEXT NOT NULL,
  port INTEGER NOT NULL,
  security TEXT NOT NULL CHECK (security IN ('tls', 'starttls', 'none')),
  login TEXT,
  password_sealed TEXT,
  from_name TEXT NOT NULL,
  from_address TEXT NOT NULL,
  rate_per_minute INTEGER NOT NULL DEFAULT 0,
  updated_at TEXT NOT NULL,
  updated_by TEXT
) STRICT;

CREATE TABLE mail_templates (
  kind TEXT PRIMARY KEY,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT
) STRICT;

CREATE TABLE mail_outbox (
  id TEXT PRIMARY KEY,
  office_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT,
  kind TEXT NOT NULL,
  appeal_id TEXT,
  request_id TEXT,
  step_input TEXT,
  to_address TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  attachments TEXT NOT NULL DEFAULT '[]',
  status TEXT NOT NULL CHECK (status IN ('queued', 'sent', 'cancelled')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT,
  last_error TEXT,
  message_id TEXT,
  sent_at TEXT,
  step_error TEXT
) STRICT;
CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at) WHERE status = 'queued';
CREATE INDEX mail_outbox_message ON mail_outbox (message_id) WHERE message_id IS NOT NULL;
CREATE INDEX mail_outbox_appeal ON mail_outbox (appeal_id, created_at) WHERE appeal_id IS NOT NULL;

CREATE TABLE mailings (
  id TEXT PRIMARY KEY,
  office_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT,
  name TEXT NOT NULL,
  segment_id TEXT NOT NULL,
  consent_purpose TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('draft', 'running', 'paused', 'done')),
  started_at TEXT,
  finished_at TEXT
) STRICT;

CREATE TABLE mailing_recipients (
  mailing_id TEXT NOT NULL,
  contact_id TEXT NOT NULL,
  address TEXT NOT NULL,
  token TEXT NOT NULL UNIQUE,
  status TEXT NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'withdrawn', 'bounced')),
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  message_id TEXT,
  sent_at TEXT,
  PRIMARY KEY (mailing_id, contact_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX mailing_recipients_todo ON mailing_recipients (mailing_id, status);
CREATE INDEX mailing_recipients_message ON mailing_recipients (message_id) WHERE message_id IS NOT NULL;

ALTER TABLE contacts ADD COLUMN email_failing_at TEXT;
`);
  },
};
