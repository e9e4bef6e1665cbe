import type { AppealTable } from '../../../db/schema';

/** The workflow columns of a freshly registered appeal: nothing decided yet. */
export const WORKFLOW_BLANK = {
  resubmission_of: null,
  complained_body: null,
  art11_ground: null,
  art11_linked: '[]',
  notice_sent_on: null,
  notice_form: null,
  notice_number: null,
  forward_addressee: null,
  forward_number: null,
  forward_sent_on: null,
  forward_notified_on: null,
  extension_days: null,
  extension_reason: null,
  extended_by: null,
  extended_on: null,
  extension_notified_on: null,
  reply_text: null,
  reply_approved_by: null,
  reply_approved_on: null,
  reply_form: null,
  reply_sent_on: null,
  reply_number: null,
  reply_signatory: null,
  reviewed_late: null,
} satisfies Partial<AppealTable>;
