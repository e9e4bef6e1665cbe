/**
 * Reads of the volunteer pipeline other code uses: a candidate with its steps, the candidates at a
 * stage, the counts by stage and region, the contact timeline's entries, and who coordinates.
 */
import type { ReadDb } from '../../db/sql';
import type { OfficeTable, VolunteerCandidateTable } from '../../db/schema';
import type { TimelineEntry } from '../../shared/api/contacts';
import { ApiError } from '../../shared/api/define';
import {
  VOLUNTEER_STAGES,
  type VolunteerCandidate,
  type VolunteerCounts,
  type VolunteerRow,
  type VolunteerStage,
} from '../../shared/api/volunteers';
import { volunteersText } from '../../shared/i18n/ru/volunteers';

export function candidateRow(db: ReadDb, id: string): VolunteerCandidateTable {
  const r = db.get(
    db.qb.selectFrom('volunteer_candidates').selectAll().where('id', '=', id).where('deleted_at', 'is', null),
  );
  if (!r) throw new ApiError('not_found', 'no such volunteer candidate', { field: 'id' });
  return r;
}

/** The contact's candidacy: the open one, else the latest. */
export function candidateOfContact(db: ReadDb, contactId: string): VolunteerCandidateTable | undefined {
  return db.get(
    db.qb
      .selectFrom('volunteer_candidates')
      .selectAll()
      .where('contact_id', '=', contactId)
      .where('deleted_at', 'is', null)
      .orderBy((eb) => eb.case().when('stage', 'in', ['accepted', 'declined']).then(1).else(0).end())
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(1),
  );
}

function namesOf(db: ReadDb, ids: readonly string[]): Map<string, string> {
  if (ids.length === 0) return new Map();
  return new Map(
    db
      .all(
        db.qb
          .selectFrom('contacts')
          .select(['id', 'full_name'])
          .where('id', 'in', [...new Set(ids)]),
      )
      .map((c) => [c.id, c.full_name]),
  );
}

function toRow(r: VolunteerCandidateTable, fullName: string): VolunteerRow {
  return {
    id: r.id,
    contactId: r.contact_id,
    fullName,
    applicationId: r.application_id,
    stage: r.stage,
    stageAt: r.stage_at,
    form: r.form,
    campaign: r.campaign,
    region: r.region,
    district: r.district,
    taskId: r.task_id,
    interviewAt: r.interview_at,
    eventId: r.event_id,
    declineReason: r.decline_reason,
    version: r.hlc,
  };
}

export function toCandidate(db: ReadDb, r: VolunteerCandidateTable): VolunteerCandidate {
  const steps = db.rawAll<{
    stage: VolunteerStage;
    at: string;
    user_name: string | null;
    interview_at: string | null;
    reason: string | null;
  }>(
    `SELECT s.stage, s.at, u.full_name AS user_name, s.interview_at, s.reason
     FROM volunteer_steps s LEFT JOIN users u ON u.id = s.user_id
     WHERE s.candidate_id = ? AND s.deleted_at IS NULL ORDER BY s.at, s.rowid`,
    r.id,
  );
  return {
    ...toRow(r, namesOf(db, [r.contact_id]).get(r.contact_id) ?? ''),
    consent: { version: r.consent_version, text: r.consent_text, at: r.consent_at },
    steps: steps.map((s) => ({
      stage: s.stage,
      at: s.at,
      userName: s.user_name,
      interviewAt: s.interview_at,
      reason: s.reason,
    })),
  };
}

export function listCandidates(db: ReadDb, stage: VolunteerStage | undefined, limit: number): VolunteerRow[] {
  let q = db.qb.selectFrom('volunteer_candidates').selectAll().where('deleted_at', 'is', null);
  if (stage) q = q.where('stage', '=', stage);
  const rows = db.all(q.orderBy('stage_at', 'desc').orderBy('id').limit(limit));
  const names = namesOf(
    db,
    rows.map((r) => r.contact_id),
  );
  return rows.map((r) => toRow(r, names.get(r.contact_id) ?? ''));
}

/** Candidates of these offices by stage, and by region and stage; every stage present in `byStage`. */
export function volunteerCounts(db: ReadDb, officeIds: readonly string[]): VolunteerCounts {
  const rows = db.rawAll<{ region: string; stage: VolunteerStage; n: number }>(
    `SELECT coalesce(region, '') AS region, stage, count(*) AS n
     FROM volunteer_candidates
     WHERE deleted_at IS NULL AND office_id IN (SELECT value FROM json_each(?))
     GROUP BY 1, 2 ORDER BY 1, 2`,
    JSON.stringify(officeIds),
  );
  const byStage = new Map<VolunteerStage, number>(VOLUNTEER_STAGES.map((s) => [s, 0]));
  for (const r of rows) byStage.set(r.stage, byStage.get(r.stage)! + r.n);
  return {
    byStage: VOLUNTEER_STAGES.map((stage) => ({ stage, count: byStage.get(stage)! })),
    byRegion: rows.map((r) => ({ region: r.region, stage: r.stage, count: r.n })),
  };
}

/** The contact card's timeline entries: the consent the form recorded and each step of the pipeline. */
export function volunteerTimeline(db: ReadDb, contactId: string): TimelineEntry[] {
  const out: TimelineEntry[] = [];
  for (const c of db.all(
    db.qb
      .selectFrom('volunteer_candidates')
      .select(['consent_version', 'consent_at'])
      .where('contact_id', '=', contactId)
      .where('deleted_at', 'is', null),
  ))
    out.push({
      at: c.consent_at,
      kind: 'consent_given',
      title: volunteersText.consent(c.consent_version),
      refId: null,
    });
  for (const s of db.all(
    db.qb
      .selectFrom('volunteer_steps')
      .select(['at', 'stage', 'interview_at', 'reason'])
      .where('contact_id', '=', contactId)
      .where('deleted_at', 'is', null),
  ))
    out.push({
      at: s.at,
      kind: 'volunteer',
      title: volunteersText.timeline(s.stage, s.interview_at, s.reason),
      refId: null,
    });
  return out;
}

/** Who gets a new candidate's task: the coordinator named, if active, else the office head. */
export function coordinatorOf(db: ReadDb, office: OfficeTable): string | null {
  const named = office.volunteer_coordinator_id;
  if (named && db.rawGet('SELECT 1 FROM users WHERE id = ? AND active = 1 AND deleted_at IS NULL', named))
    return named;
  return (
    db.rawGet<{ id: string }>(
      `SELECT id FROM users WHERE role = 'office_head' AND active = 1 AND deleted_at IS NULL
       AND office_id = ? ORDER BY created_at, id LIMIT 1`,
      office.id,
    )?.id ?? null
  );
}
