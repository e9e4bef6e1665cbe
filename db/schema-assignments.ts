/** Поручения and their templates (migration «assignments»; see schema.ts). */
import type { SyncColumns } from './schema';

export interface AssignmentTable extends SyncColumns {
  author_id: string;
  text: string;
  control_date: string;
  priority: string;
  status: string;
  /** The assignees' user ids, a JSON array. */
  assignees: string;
  appeal_id: string | null;
  event_id: string | null;
  contact_id: string | null;
  link_entity: string | null;
  link_id: string | null;
  report_text: string | null;
  reported_at: string | null;
  reported_by: string | null;
  return_reason: string | null;
  returned_at: string | null;
  accepted_at: string | null;
  accepted_by: string | null;
  template_id: string | null;
  period: string | null;
}

export interface AssignmentCommentTable extends SyncColumns {
  assignment_id: string;
  author_id: string;
  text: string;
}

export interface AssignmentFileTable extends SyncColumns {
  assignment_id: string;
  sha256: string;
  name: string;
  mime: string;
  size: number;
}

export interface AssignmentTemplateTable extends SyncColumns {
  author_id: string;
  text: string;
  priority: string;
  assignees: string;
  recurrence: string;
  day: number;
  term_days: number;
  active: number;
}
