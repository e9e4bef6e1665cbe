/** Kysely table types: the database as it is (snake_case); repositories map rows to the contract's shapes. */

import type {
  ContactLabelTable,
  ContactStatusTable,
  ContactConsentTable,
  ContactNoteTable,
  ContactMergeTable,
  ContactSegmentTable,
  ContactImportLayoutTable,
  ContactEmailTable,
  ContactSocialTable,
  ContactFieldTable,
  ContactFieldValueTable,
} from './schema-contacts';
import type {
  ClassifierTable,
  ClassifierEditionTable,
  ClassifierNameTable,
  RoutingRuleTable,
  WebApplicationTable,
} from './schema-desk';
import type * as M from './schema-mandates';
import type {
  MailSmtpAccountTable,
  MailTemplateTable,
  MailOutboxTable,
  MailingTable,
  MailingRecipientTable,
} from './schema-mail';
import type {
  EventTable,
  EventParticipantTable,
  EventHistoryTable,
  EventKindTable,
  ChecklistTemplateTable,
  TaskItemTable,
} from './schema-events';
import type { MailMailboxTable, MailIntakeStateTable, MailIntakeTable } from './schema-mail-intake';
import type {
  AssignmentTable,
  AssignmentCommentTable,
  AssignmentFileTable,
  AssignmentTemplateTable,
} from './schema-assignments';
import type { ReceptionDayTable, ReceptionBookingTable, ReceptionNoticeTable } from './schema-reception';
import type { CampaignTables } from './schema-campaigns';
import type { VolunteerTables } from './schema-volunteers';
import type {
  AppealTable,
  BodyTable,
  ExternalRequestTable,
  ResolutionTable,
  AttachmentTable,
  AppealTopicTable,
  AppealHistoryTable,
  TaskTable,
} from './schema-appeals';
export type * from './schema-appeals';
export type * from './schema-contacts';
export type * from './schema-assignments';
export type * from './schema-events';
export type * from './schema-desk';
export type * from './schema-mail-intake';
export type * from './schema-mail';
export type * from './schema-reception';
export type * from './schema-campaigns';
export type * from './schema-volunteers';
export type * from './schema-mandates';

export interface SyncColumns {
  id: string;
  office_id: string;
  created_at: string;
  updated_at: string;
  hlc: string;
  deleted_at: string | null;
}

export interface LocalStateTable {
  key: string;
  value: string;
}

/** A computer of the office and its desk number (in registration numbers, АРМ). */
export interface OfficeDeskTable extends SyncColumns {
  /** The computer's HLC node id. */
  node: string;
  number: number;
}

export interface OfficeTable extends SyncColumns {
  code: string;
  name: string;
  region: string | null;
  time_zone: string;
  deputy_name: string;
  address: string | null;
  phone: string | null;
  email: string | null;
  reg_number_format: string;
  deadline_shift: 'previous' | 'next';
  /** JSON: per-stage limits in working days (shared/domain/workflow StageLimits), partial. */
  stage_limits: string;
  /** The answer term of a deputy's request in this jurisdiction (3-FZ Art. 14 or the regional law). */
  deputy_request_days: number;
  /** Whose law sets that term: `federal` (3-FZ Art. 14) or a region's code (migration «mandates»). */
  deputy_jurisdiction: string;
  /** JSON: per-stage limits of events in working days (shared/domain/workflow/event), partial. */
  event_stage_limits: string;
  deputy_title: string | null;
  signatory_name: string | null;
  signatory_title: string | null;
  doc_font: string;
  doc_font_size: number;
  /** JSON: reminder settings (shared/domain/reminders ReminderSettings), partial. */
  reminder_settings: string;
  /** Duplicates with the same phone are merged without asking (off unless the office turns it on). */
  contact_auto_merge_phone: number;
  /** Who takes new volunteer candidates (migration «volunteers»); null: the office head. */
  volunteer_coordinator_id?: string | null;
}

export interface LetterTemplateTable extends SyncColumns {
  kind: string;
  body: string;
}

/** A routing rule: its conditions (null: any) and what it sets (migration «routing-rules»). */
export interface UserTable extends SyncColumns {
  login: string;
  full_name: string;
  role: 'assistant' | 'deputy' | 'office_head' | 'hq_analyst' | 'admin';
  password_hash: string;
  active: number;
  failed_attempts: number;
  locked_until: string | null;
}

export interface SessionTable {
  token_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
}

export interface CalendarYearTable extends SyncColumns {
  year: number;
  data: string;
}

export interface ContactTable extends SyncColumns {
  last_name: string | null;
  first_name: string | null;
  middle_name: string | null;
  full_name: string;
  name_key: string | null;
  address: string | null;
  address_key: string | null;
  email: string | null;
  email_key: string | null;
  social_category: string | null;
  comment: string | null;
  birth_date: string | null;
  region: string | null;
  district: string | null;
  settlement: string | null;
  street: string | null;
  house: string | null;
  flat: string | null;
  /** Which campaign, import or event the contact came from. */
  source: string | null;
  /** Set when the person's data was erased on request (152-FZ); the row stays for the appeals. */
  erased_at: string | null;
  /** A bounce came back for `email` (migration «mail-outbox»); cleared when the address changes. */
  email_failing_at?: string | null;
  /**
   * 1 for the row an appeal registered without an applicant holds (migration «placeholder-applicants»):
   * not a person of the contact base until a name, phone, e-mail or address is written to it.
   */
  placeholder: number;
}

export interface ContactPhoneTable extends SyncColumns {
  contact_id: string;
  phone: string;
  raw: string;
}

/** Local, not synced: derived from the data, raised once per (rule, object, due instant, recipient). */
export interface ReminderTable {
  id: string;
  office_id: string;
  rule: string;
  entity: string;
  entity_id: string;
  due_at: string;
  recipient_id: string;
  appeal_id: string | null;
  request_id: string | null;
  params: string;
  created_at: string;
  read_at: string | null;
  notified_at: string | null;
}

export interface ChangeLogTable {
  seq: number;
  hlc: string;
  office_id: string;
  table_name: string;
  row_id: string;
  op: 'upsert' | 'delete';
  data: string;
  at: string;
}

export interface AuditLogTable {
  seq: number;
  at: string;
  office_id: string | null;
  user_id: string | null;
  login: string | null;
  transport: string;
  action: string;
  entity: string | null;
  entity_id: string | null;
  details: string | null;
}

export interface DB extends CampaignTables, VolunteerTables {
  local_state: LocalStateTable;
  office_desks: OfficeDeskTable;
  offices: OfficeTable;
  users: UserTable;
  sessions: SessionTable;
  calendar_years: CalendarYearTable;
  contacts: ContactTable;
  contact_phones: ContactPhoneTable;
  contact_labels: ContactLabelTable;
  contact_statuses: ContactStatusTable;
  contact_consents: ContactConsentTable;
  contact_notes: ContactNoteTable;
  contact_merges: ContactMergeTable;
  contact_segments: ContactSegmentTable;
  contact_import_layouts: ContactImportLayoutTable;
  contact_emails: ContactEmailTable;
  contact_socials: ContactSocialTable;
  contact_fields: ContactFieldTable;
  contact_field_values: ContactFieldValueTable;
  appeals: AppealTable;
  appeal_topics: AppealTopicTable;
  classifier: ClassifierTable;
  classifier_editions: ClassifierEditionTable;
  classifier_names: ClassifierNameTable;
  appeal_history: AppealHistoryTable;
  tasks: TaskTable;
  bodies: BodyTable;
  external_requests: ExternalRequestTable;
  resolutions: ResolutionTable;
  attachments: AttachmentTable;
  events: EventTable;
  event_participants: EventParticipantTable;
  event_history: EventHistoryTable;
  event_kinds: EventKindTable;
  checklist_templates: ChecklistTemplateTable;
  task_items: TaskItemTable;
  letter_templates: LetterTemplateTable;
  routing_rules: RoutingRuleTable;
  web_applications: WebApplicationTable;
  mail_mailboxes: MailMailboxTable;
  mail_intake_state: MailIntakeStateTable;
  mail_intake: MailIntakeTable;
  mail_smtp_account: MailSmtpAccountTable;
  mail_templates: MailTemplateTable;
  mail_outbox: MailOutboxTable;
  mailings: MailingTable;
  mailing_recipients: MailingRecipientTable;
  assignments: AssignmentTable;
  assignment_comments: AssignmentCommentTable;
  assignment_files: AssignmentFileTable;
  assignment_templates: AssignmentTemplateTable;
  reception_days: ReceptionDayTable;
  reception_bookings: ReceptionBookingTable;
  reception_notices: ReceptionNoticeTable;
  mandates: M.MandateTable;
  mandate_links: M.MandateLinkTable;
  mandate_history: M.MandateHistoryTable;
  mandate_files: M.MandateFileTable;
  own_requests: M.OwnRequestTable;
  own_request_history: M.OwnRequestHistoryTable;
  reminders: ReminderTable;
  change_log: ChangeLogTable;
  audit_log: AuditLogTable;
}

/** Tables whose rows travel between an office and the headquarters. */
export const SYNCED_TABLES = [
  'offices',
  'office_desks',
  'users',
  'calendar_years',
  'contacts',
  'contact_phones',
  'contact_labels',
  'contact_statuses',
  'contact_consents',
  'contact_notes',
  'contact_merges',
  'contact_segments',
  'contact_import_layouts',
  'contact_emails',
  'contact_socials',
  'contact_fields',
  'contact_field_values',
  'appeals',
  'appeal_history',
  'tasks',
  'bodies',
  'external_requests',
  'resolutions',
  'attachments',
  'events',
  'event_participants',
  'event_history',
  'event_kinds',
  'checklist_templates',
  'task_items',
  'letter_templates',
  'routing_rules',
  'web_applications',
  'mail_intake',
  'assignments',
  'assignment_comments',
  'assignment_files',
  'assignment_templates',
  'reception_days',
  'reception_bookings',
  'reception_notices',
  'campaigns',
  'campaign_stages',
  'campaign_members',
  'campaign_moves',
  'campaign_tasks',
  'mandates',
  'mandate_links',
  'mandate_history',
  'mandate_files',
  'own_requests',
  'own_request_history',
  'volunteer_candidates',
  'volunteer_steps',
] as const;
export type SyncedTable = (typeof SYNCED_TABLES)[number];
