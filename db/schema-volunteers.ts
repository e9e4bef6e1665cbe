/** Volunteer candidates and their pipeline (migration «volunteers»). */
import type { SyncColumns } from './schema';

export type VolunteerStage = 'new' | 'checked' | 'interview' | 'accepted' | 'declined';

export interface VolunteerCandidateTable extends SyncColumns {
  contact_id: string;
  /** The web reception's application it came from; null for one the office took in itself. */
  application_id: string | null;
  stage: VolunteerStage;
  stage_at: string;
  /** Which form: `web_volunteer` (the web reception's «Стать волонтёром / сторонником»). */
  form: string;
  /** The campaign named in the form's address (`?source=…`). */
  campaign: string | null;
  region: string | null;
  district: string | null;
  /** The personal-data consent (152-FZ) as the form recorded it: its version, wording and moment. */
  consent_version: string;
  consent_text: string;
  consent_at: string;
  /** The coordinator's task to look at the candidate. */
  task_id: string | null;
  /** The interview's local date and time (`YYYY-MM-DDTHH:mm`, the office's time zone) and its event. */
  interview_at: string | null;
  event_id: string | null;
  decline_reason: string | null;
}

export interface VolunteerStepTable extends SyncColumns {
  candidate_id: string;
  contact_id: string;
  stage: VolunteerStage;
  at: string;
  user_id: string | null;
  interview_at: string | null;
  reason: string | null;
}

export interface VolunteerTables {
  volunteer_candidates: VolunteerCandidateTable;
  volunteer_steps: VolunteerStepTable;
}
