/**
 * Volunteer applications of the web reception taken into the contact base, right after the sync that
 * brings them: the contact (found by e-mail or phone, else new) with the status «кандидат в
 * волонтёры», the candidate with its source and the consent as the form recorded it, its first step,
 * and a task for the volunteer coordinator; the application marked as dealt with.
 *
 * Every computer of the office does this on its own, online or not, so each row it makes has an id
 * derived from the application's: two computers that both took an application wrote the same rows, and
 * sync merges them as one.
 */
import type {
  ContactTable,
  DB,
  SyncedTable,
  TaskTable,
  VolunteerCandidateTable,
  WebApplicationTable,
} from '../../db/schema';
import type { Store, WriteDb } from '../../db/sql';
import { CANDIDATE_STATUS, VOLUNTEER_FORM, VOLUNTEER_TASK_KINDS } from '../../shared/api/volunteers';
import { addressKey, emailKey, fullName, nameKey, normalizePhone } from '../../shared/domain/text';
import { volunteersText as T } from '../../shared/i18n/ru/volunteers';
import type { Clock } from '../../shared/util/clock';
import type { Hlc } from '../../shared/util/hlc';
import { NO_CONTACT_DETAILS } from '../contacts/contacts';
import { lookupContacts } from '../contacts/queries';
import { audit, insertSynced, newSyncColumns, updateSynced } from '../kernel/bookkeeping';
import { derivedId } from '../kernel/derived-id';
import { beginWrite, type WriteScope } from '../kernel/scope';
import { localOfficeId } from '../office/queries';
import { systemContext } from '../reminders/scan';
import { candidateOfContact, coordinatorOf } from './queries';

/** Working days the coordinator has to look at a new candidate. */
const TASK_DAYS = 3;

/**
 * Inserts a row made with a derived id unless a row of that id is here already: another computer's
 * copy of it may have come in an earlier page of this sync than the application's own change.
 */
function insertDerived<T extends SyncedTable>(db: WriteDb, table: T, row: DB[T] & { id: string }): void {
  if (db.rawGet(`SELECT 1 FROM ${table} WHERE id = ?`, row.id)) return;
  insertSynced(db, table, row);
}

/** The contact an application names: one found by its e-mail or phone, else a new one. */
function contactFor(s: WriteScope, a: WebApplicationTable, id: (part: string) => string): string {
  const found = lookupContacts(s.db, {
    email: a.email ?? undefined,
    phone: a.phone ?? undefined,
    limit: 10,
  }).filter((c) => c.matchedBy !== 'name');
  if (found.length > 0) return found[0]!.id;
  const names = { lastName: a.surname, firstName: a.first_name, middleName: a.patronymic };
  const address = a.postal_address;
  const row: ContactTable = {
    last_name: a.surname,
    first_name: a.first_name,
    middle_name: a.patronymic,
    full_name: fullName(names),
    name_key: nameKey(names),
    address,
    address_key: addressKey(address),
    email: a.email,
    email_key: emailKey(a.email),
    social_category: null,
    comment: null,
    ...NO_CONTACT_DETAILS,
    region: a.region,
    district: a.district,
    settlement: a.settlement,
    source: T.source(a.source),
    ...newSyncColumns(s.st, s.office.id, id('contact')),
  };
  insertDerived(s.db, 'contacts', row);
  const phone = a.phone ? normalizePhone(a.phone) : null;
  if (phone && a.phone)
    insertDerived(s.db, 'contact_phones', {
      contact_id: row.id,
      phone,
      raw: a.phone,
      ...newSyncColumns(s.st, s.office.id, id('phone')),
    });
  if (row.email && row.email_key)
    insertDerived(s.db, 'contact_emails', {
      contact_id: row.id,
      email: row.email,
      email_key: row.email_key,
      kind: 'personal',
      position: 0,
      failing_at: null,
      ...newSyncColumns(s.st, s.office.id, id('email')),
    });
  return row.id;
}

/** Puts a status on the contact unless it has it (`id` for the label row). */
export function putStatus(s: WriteScope, contactId: string, status: string, id?: string): void {
  const has = s.db.rawGet(
    "SELECT 1 FROM contact_labels WHERE contact_id = ? AND kind = 'status' AND value = ? AND deleted_at IS NULL",
    contactId,
    status,
  );
  if (has || (id && s.db.rawGet('SELECT 1 FROM contact_labels WHERE id = ?', id))) return;
  insertSynced(s.db, 'contact_labels', {
    contact_id: contactId,
    kind: 'status',
    value: status,
    ...newSyncColumns(s.st, s.office.id, id),
  });
}

/** Takes one application in: the rows above, in the caller's transaction. */
function takeOne(s: WriteScope, a: WebApplicationTable): void {
  const ms = Date.parse(a.confirmed_at);
  const id = (part: string): string => derivedId(ms, a.id, part);
  const contactId = contactFor(s, a, id);
  const open = candidateOfContact(s.db, contactId);
  // A person already in the pipeline keeps the candidacy they have: the application is noted there.
  if (!open || open.stage === 'accepted' || open.stage === 'declined') {
    putStatus(s, contactId, CANDIDATE_STATUS, id('status'));
    const coordinator = coordinatorOf(s.db, s.office);
    const task: TaskTable = {
      appeal_id: null,
      request_id: null,
      kind: VOLUNTEER_TASK_KINDS[0],
      title: T.taskTitle(
        fullName({ lastName: a.surname, firstName: a.first_name, middleName: a.patronymic }),
      ),
      assignee_id: coordinator,
      due_date: s.calendar.addWorkingDays(s.today, TASK_DAYS),
      status: 'open',
      closed_at: null,
      closed_by: null,
      event_id: null,
      event_stage: null,
      ...newSyncColumns(s.st, s.office.id, id('task')),
    };
    insertDerived(s.db, 'tasks', task);
    const candidate: VolunteerCandidateTable = {
      contact_id: contactId,
      application_id: a.id,
      stage: 'new',
      stage_at: a.confirmed_at,
      form: VOLUNTEER_FORM,
      campaign: a.source,
      region: a.region,
      district: a.district,
      consent_version: a.consent_version,
      consent_text: a.consent_text,
      consent_at: a.confirmed_at,
      task_id: task.id,
      interview_at: null,
      event_id: null,
      decline_reason: null,
      ...newSyncColumns(s.st, s.office.id, id('candidate')),
    };
    insertDerived(s.db, 'volunteer_candidates', candidate);
    insertDerived(s.db, 'volunteer_steps', {
      candidate_id: candidate.id,
      contact_id: contactId,
      stage: 'new',
      at: a.confirmed_at,
      user_id: null,
      interview_at: null,
      reason: null,
      ...newSyncColumns(s.st, s.office.id, id('step-new')),
    });
  }
  updateSynced(
    s.db,
    'web_applications',
    a.id,
    { state: 'registered', contact_id: contactId, handled_by: s.actor?.userId ?? null, handled_at: s.st.now },
    s.st,
  );
  audit(s.db, s.ctx, s.office.id, 'volunteers.take', 'contact', contactId, { application: a.id });
}

/**
 * Takes every volunteer application still waiting into the contact base, in one transaction written
 * by the office's system user. Returns how many it took.
 */
export function takeVolunteerApplications(env: { store: Store; clock: Clock; hlc: Hlc }): number {
  const read = env.store.read;
  const officeId = localOfficeId(read);
  if (!officeId) return 0;
  const waiting = (db: typeof read | WriteDb): WebApplicationTable[] =>
    db.all(
      db.qb
        .selectFrom('web_applications')
        .selectAll()
        .where('kind', '=', 'volunteer')
        .where('state', '=', 'new')
        .where('office_id', '=', officeId)
        .where('deleted_at', 'is', null)
        .orderBy('confirmed_at')
        .orderBy('id'),
    );
  if (waiting(read).length === 0) return 0;
  return env.store.transaction((db) => {
    const s = beginWrite(db, systemContext(db, env, officeId));
    const rows = waiting(db);
    for (const a of rows) takeOne(s, a);
    return rows.length;
  });
}

/**
 * After each page a sync merged (the clock already past what it brought): the volunteer applications it
 * delivered are taken in. A failure is logged and leaves the sync good; the next sync tries again.
 */
export function takeVolunteersAfterSync(
  env: { store: Store; clock: Clock; hlc: Hlc },
  log: (message: string) => void,
): void {
  try {
    const n = takeVolunteerApplications(env);
    if (n > 0) log(`volunteers: ${n} application(s) taken into the contact base`);
  } catch (e) {
    log(`volunteers: ${e instanceof Error ? e.message : String(e)}; tried again at the next sync`);
  }
}
