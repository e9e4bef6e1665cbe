import type { Kysely } from 'kysely';
import { plainWords, stemWord } from '../../../shared/domain/stems';
import type { Hq } from '../service';
import type { HqDB } from '../store';
import type { ApplicationFields } from './form';
import { receptionConfig } from './config';
import { routeFor } from './routes';
import type { HqWebApplicationTable } from './tables';

/**
 * A confirmed application reaches its office as a row of the office's `web_applications`, written into
 * HQ's rows in the same transaction that marks it delivered: the office's next pull brings it, no other
 * office ever can, and a second HQ process finds it delivered already.
 */

/** What HQ keeps of an application between the form and the office (`hq_web_applications.payload`). */
export interface ApplicationPayload extends ApplicationFields {
  consent_version: string;
  consent_text: string;
  /** How many files wait with it in `hq_web_files`; absent when none (nothing to look up on delivery). */
  files?: number;
}

/** Two texts share at least this part of their word stems (Jaccard) to count as the same request. */
const SIMILAR = 0.5;

function stemSet(text: string): Set<string> {
  return new Set(
    plainWords(text)
      .filter((w) => w.length >= 3)
      .map(stemWord),
  );
}

export function textSimilarity(a: string, b: string): number {
  const x = stemSet(a);
  const y = stemSet(b);
  if (x.size === 0 || y.size === 0) return 0;
  let both = 0;
  for (const w of x) if (y.has(w)) both++;
  return both / (x.size + y.size - both);
}

/** The latest earlier application of the same person (e-mail or phone) within the days given, with similar text. */
async function repeatOf(
  trx: Kysely<HqDB>,
  app: HqWebApplicationTable,
  text: string,
  repeatDays: number,
  now: Date,
): Promise<string | null> {
  const contacts = [app.email, app.phone].filter((c): c is string => c !== null);
  if (contacts.length === 0) return null;
  const since = new Date(now.getTime() - repeatDays * 86_400_000).toISOString();
  const earlier = await trx
    .selectFrom('hq_web_applications')
    .select(['id', 'payload'])
    .where('id', '<>', app.id)
    .where('kind', '=', app.kind)
    .where('confirmed_at', 'is not', null)
    .where('created_at', '>=', since)
    .where((eb) =>
      eb.or([
        ...(app.email ? [eb('email', '=', app.email)] : []),
        ...(app.phone ? [eb('phone', '=', app.phone)] : []),
      ]),
    )
    .orderBy('created_at', 'desc')
    .limit(20)
    .execute();
  for (const e of earlier) {
    const other = (JSON.parse(e.payload) as ApplicationPayload).text;
    if (textSimilarity(text, other) >= SIMILAR) return e.id;
  }
  return null;
}

/**
 * The offices' ids by code, kept per HQ: a code stays with the office it was first enrolled under
 * (`main/hq/enrol.ts` refuses another id, and no office row is ever removed), so an id once found is
 * never stale; a code not found yet is looked up again each time.
 */
const enrolledIds = new WeakMap<Hq, Map<string, string>>();

async function officeIdOf(hq: Hq, trx: Kysely<HqDB>, code: string | null): Promise<string | null> {
  if (!code) return null;
  let known = enrolledIds.get(hq);
  if (!known) enrolledIds.set(hq, (known = new Map()));
  const hit = known.get(code);
  if (hit) return hit;
  const o = await trx
    .selectFrom('hq_offices')
    .select('office_id')
    .where('code', '=', code)
    .executeTakeFirst();
  if (o) known.set(code, o.office_id);
  return o?.office_id ?? null;
}

/** What the office's row says of each file; the bytes travel by the office's file sync. */
export interface DeliveredFile {
  name: string;
  mime: string;
  size: number;
  sha256: string;
}

/**
 * The application's files become the office's files at HQ (`hq_files`, where only that office's
 * computers fetch them) and leave the pending table, in the delivering transaction.
 */
async function handFiles(
  trx: Kysely<HqDB>,
  applicationId: string,
  officeId: string,
  now: Date,
): Promise<DeliveredFile[]> {
  const files = await trx
    .selectFrom('hq_web_files')
    .selectAll()
    .where('application_id', '=', applicationId)
    .orderBy('seq')
    .execute();
  for (const f of files)
    await trx
      .insertInto('hq_files')
      .values({
        office_id: officeId,
        sha256: f.sha256,
        size: f.size,
        data: f.data,
        created_at: now.toISOString(),
      })
      .onConflict((oc) => oc.columns(['office_id', 'sha256']).doNothing())
      .execute();
  if (files.length > 0)
    await trx.deleteFrom('hq_web_files').where('application_id', '=', applicationId).execute();
  return files.map(({ name, mime, size, sha256 }) => ({ name, mime, size, sha256 }));
}

/**
 * Delivers one confirmed application if its office is known; otherwise it waits (HQ's admin sees it)
 * until a route or an enrolment makes it deliverable. Returns the office it went to, or null.
 */
export async function deliver(
  hq: Hq,
  trx: Kysely<HqDB>,
  app: HqWebApplicationTable,
  repeatDays: number,
  now: Date,
): Promise<string | null> {
  const p = JSON.parse(app.payload) as ApplicationPayload;
  const { routes } = await receptionConfig(hq.db, trx);
  const code = routeFor(routes, {
    region: p.region ?? '',
    district: p.district ?? '',
    settlement: p.settlement ?? '',
  });
  const officeId = await officeIdOf(hq, trx, code);
  if (!officeId) return null;
  const repeat = app.repeat_of ?? (await repeatOf(trx, app, p.text, repeatDays, now));
  // Only the process that moves `delivered_at` from null writes the row: no double delivery.
  const moved = await trx
    .updateTable('hq_web_applications')
    .set({ office_id: officeId, delivered_at: now.toISOString(), repeat_of: repeat })
    .where('id', '=', app.id)
    .where('delivered_at', 'is', null)
    .executeTakeFirst();
  if (Number(moved.numUpdatedRows) !== 1) return null;
  const attachments = p.files ? await handFiles(trx, app.id, officeId, now) : [];
  await hq.writeForOffice(trx, 'web_applications', officeId, {
    id: app.id,
    kind: app.kind,
    surname: p.surname,
    first_name: p.first_name,
    patronymic: p.patronymic,
    email: p.email,
    phone: p.phone,
    postal_address: p.postal_address,
    region: p.region,
    district: p.district,
    settlement: p.settlement,
    text: p.text,
    source: p.source,
    consent_version: p.consent_version,
    consent_text: p.consent_text,
    submitted_at: app.created_at,
    confirmed_at: app.confirmed_at!,
    confirmed_by: app.code_channel,
    repeat_of: repeat,
    state: 'new',
    appeal_id: null,
    contact_id: null,
    rejected_reason: null,
    handled_by: null,
    handled_at: null,
    attachments: JSON.stringify(attachments),
  });
  return officeId;
}

/** Delivers the confirmed applications that waited for a route or an office's enrolment. */
export async function deliverWaiting(hq: Hq, repeatDays: number, now: Date): Promise<number> {
  const waiting = await hq.db
    .selectFrom('hq_web_applications')
    .selectAll()
    .where('confirmed_at', 'is not', null)
    .where('delivered_at', 'is', null)
    .orderBy('created_at')
    .execute();
  let n = 0;
  for (const app of waiting)
    if (await hq.db.transaction().execute((trx) => deliver(hq, trx, app, repeatDays, now))) n++;
  return n;
}
