/** The events' tables: the event, its participants, history, kinds, checklists and their items. */
import type { SyncColumns } from './schema';

export interface EventTable extends SyncColumns {
  title: string;
  kind: string;
  event_date: string;
  start_time: string | null;
  end_time: string | null;
  place: string | null;
  address: string | null;
  district: string | null;
  responsible_id: string | null;
  escort_id: string | null;
  transfer_needed: number;
  transfer_transport: string | null;
  transfer_out_at: string | null;
  transfer_back_at: string | null;
  expected_count: number | null;
  actual_count: number | null;
  programme: string | null;
  agenda: string | null;
  press_release_sent_on: string | null;
  press_answer_on: string | null;
  press_note: string | null;
  outcome: string | null;
  stage: string;
  stage_since: string;
  cancel_reason: string | null;
  closed_on: string | null;
  created_by: string | null;
}

export interface EventParticipantTable extends SyncColumns {
  event_id: string;
  contact_id: string;
  attended: number;
}

export interface EventHistoryTable extends SyncColumns {
  event_id: string;
  at: string;
  user_id: string | null;
  action: string;
  changes: string;
  comment: string | null;
}

export interface EventKindTable extends SyncColumns {
  code: string;
  name: string;
  position: number;
  hidden: number;
}

export interface ChecklistTemplateTable extends SyncColumns {
  stage: string;
  event_kind: string;
  items: string;
}

export interface TaskItemTable extends SyncColumns {
  task_id: string;
  event_id: string;
  position: number;
  text: string;
  mandatory: number;
  due_date: string | null;
  done_at: string | null;
  done_by: string | null;
}
