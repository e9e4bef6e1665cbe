import type { Kysely } from 'kysely';
import { localDate } from '../../../shared/util/clock';
import type { HqDB } from '../store';
import { tokenHash, withinLimit } from './guard';
import { receptionConfig } from './config';

/**
 * What the citizen's status link shows: how far the application got — received, registered (number,
 * date, term), answered — from the rows the office's sync brought to HQ. Never the text, never a name:
 * the link may be forwarded, and a guessed one must show nothing.
 */

export type ApplicationStatus =
  | { kind: 'unknown' }
  | { kind: 'throttled' }
  | { kind: 'pending' }
  | { kind: 'received'; on: string }
  | { kind: 'rejected' }
  | { kind: 'volunteer'; on: string }
  | {
      kind: 'registered';
      number: string;
      on: string;
      term: string;
      answeredOn: string | null;
      forwardedOn: string | null;
    };

/** A status token is 32 bytes in base64url: anything else is not looked up. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

const DEFAULT_ZONE = 'Europe/Moscow';

async function rowData(
  db: Kysely<HqDB>,
  table: string,
  id: string,
  officeId: string,
): Promise<Record<string, unknown> | null> {
  const r = await db
    .selectFrom('hq_rows')
    .select('data')
    .where('table_name', '=', table)
    .where('row_id', '=', id)
    .where('office_id', '=', officeId)
    .executeTakeFirst();
  if (!r) return null;
  const d = JSON.parse(r.data) as Record<string, unknown>;
  return d.deleted_at ? null : d;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

export async function applicationStatus(
  db: Kysely<HqDB>,
  token: string,
  ip: string,
  now: Date,
): Promise<ApplicationStatus> {
  const { settings } = await receptionConfig(db);
  // Counted before the lookup: guessing tokens from one address is slowed down whatever it finds.
  if (!(await withinLimit(db, `status-ip:${ip}`, settings.statusPerIpMinute, 60_000, now)))
    return { kind: 'throttled' };
  if (!TOKEN.test(token)) return { kind: 'unknown' };
  const app = await db
    .selectFrom('hq_web_applications')
    .select(['id', 'kind', 'confirmed_at', 'office_id', 'delivered_at'])
    .where('status_token_hash', '=', tokenHash(token))
    .executeTakeFirst();
  if (!app) return { kind: 'unknown' };
  if (!app.confirmed_at) return { kind: 'pending' };
  const zone =
    (app.office_id && str((await rowData(db, 'offices', app.office_id, app.office_id))?.time_zone)) ||
    DEFAULT_ZONE;
  const received = { kind: 'received' as const, on: localDate(new Date(app.confirmed_at), zone) };
  if (!app.office_id || !app.delivered_at) return received;
  const row = await rowData(db, 'web_applications', app.id, app.office_id);
  if (!row) return received;
  if (row.state === 'rejected') return { kind: 'rejected' };
  if (app.kind === 'volunteer')
    return row.state === 'registered'
      ? { kind: 'volunteer', on: localDate(new Date(str(row.handled_at) ?? app.confirmed_at), zone) }
      : received;
  const appealId = str(row.appeal_id);
  const appeal = appealId ? await rowData(db, 'appeals', appealId, app.office_id) : null;
  if (!appeal) return received;
  return {
    kind: 'registered',
    number: String(appeal.reg_number ?? ''),
    on: String(appeal.registered_on ?? ''),
    term: String(appeal.due_date ?? ''),
    answeredOn: str(appeal.reply_sent_on) ?? str(appeal.notice_sent_on),
    forwardedOn: str(appeal.forward_sent_on),
  };
}
