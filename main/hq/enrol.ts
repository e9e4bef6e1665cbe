/**
 * HQ enrolment: one-time codes for an office, their exchange for a sync token (HQ keeps only hashes),
 * and finding the enrolled computer behind a token or a node id.
 */
import { createHash, randomBytes, randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { EnrolRequest, EnrolResponse } from '../../shared/sync/protocol';
import { hqText } from '../../shared/i18n/ru/sync';
import { HqError, type HqNode } from './error';
import type { HqDB } from './store';

const ENROLMENT_DAYS = 7;
function sha256(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}

/** What an enrolled office is told of HQ. */
export interface HqIdentity {
  officeId: string;
  publicKey: string;
}

/**
 * The code of HQ's own office in the analyst view (it holds HQ's users). No office may be enrolled under
 * it: the view would hold two offices of one code, and the pickers could not tell them apart.
 */
export const HQ_OWN_CODE = 'ШТАБ';

/** A one-time code for an office (its code, as in its registration numbers), valid a week. */
export async function createEnrolmentCode(db: Kysely<HqDB>, now: Date, officeCode: string): Promise<string> {
  if (officeCode.trim().toUpperCase() === HQ_OWN_CODE)
    throw new HqError(400, hqText.reservedCode(HQ_OWN_CODE));
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const code = Array.from({ length: 4 }, () =>
    Array.from({ length: 4 }, () => alphabet[randomInt(alphabet.length)]).join(''),
  ).join('-');
  await db
    .insertInto('hq_enrolments')
    .values({
      code_hash: sha256(code),
      office_code: officeCode,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + ENROLMENT_DAYS * 86_400_000).toISOString(),
      used_at: null,
      used_by: null,
    })
    .execute();
  return code;
}

/** Exchanges a code for a token (HQ keeps its hash); the office is bound to its id on first enrolment. */
export async function enrol(
  db: Kysely<HqDB>,
  hq: HqIdentity,
  at: Date,
  req: EnrolRequest,
): Promise<EnrolResponse> {
  const now = at.toISOString();
  return db.transaction().execute(async (trx) => {
    const e = await trx
      .selectFrom('hq_enrolments')
      .selectAll()
      .where('code_hash', '=', sha256(req.code.trim().toUpperCase()))
      .executeTakeFirst();
    if (!e || e.used_at || e.expires_at < now)
      throw new HqError(403, 'the enrolment code is wrong, used or expired');
    if (req.officeCode === HQ_OWN_CODE) throw new HqError(403, hqText.reservedCode(HQ_OWN_CODE));
    if (e.office_code !== req.officeCode)
      throw new HqError(403, `the enrolment code is for office ${e.office_code}, not ${req.officeCode}`);
    const known = await trx
      .selectFrom('hq_offices')
      .selectAll()
      .where((eb) => eb.or([eb('code', '=', req.officeCode), eb('office_id', '=', req.officeId)]))
      .execute();
    if (known.some((o) => o.office_id !== req.officeId || o.code !== req.officeCode))
      throw new HqError(409, `office ${req.officeCode} is enrolled under another id`);
    if (req.officeId === hq.officeId) throw new HqError(403, 'that id is HQ’s own');
    await checkNodeMayEnrol(trx, req);
    if (known.length === 0)
      await trx
        .insertInto('hq_offices')
        .values({ office_id: req.officeId, code: req.officeCode, name: req.officeName, created_at: now })
        .execute();
    const token = randomBytes(32).toString('base64url');
    await trx
      .insertInto('hq_nodes')
      .values({
        node: req.node,
        office_id: req.officeId,
        token_hash: sha256(token),
        public_key: req.publicKey,
        created_at: now,
        last_seen_at: null,
        drift_ms: null,
        revoked_at: null,
      })
      // Only the node itself (it showed its current token) gets here for a node HQ knows; a revoked
      // node never does, so the revocation stays.
      .onConflict((oc) =>
        oc.column('node').doUpdateSet({ token_hash: sha256(token), public_key: req.publicKey }),
      )
      .execute();
    await trx
      .updateTable('hq_enrolments')
      .set({ used_at: now, used_by: req.node })
      .where('code_hash', '=', e.code_hash)
      .execute();
    return { token, hqOfficeId: hq.officeId, hqPublicKey: hq.publicKey };
  });
}

/**
 * A node id is public (every version stamp and bundle file carries it), so a code alone never lets a
 * request take over a node HQ knows: one of another office is refused, a revoked one stays revoked, and
 * one of this office enrols again only with its current token (a computer renewing its own enrolment).
 */
async function checkNodeMayEnrol(trx: Kysely<HqDB>, req: EnrolRequest): Promise<void> {
  const n = await trx
    .selectFrom('hq_nodes')
    .select(['office_id', 'token_hash', 'revoked_at'])
    .where('node', '=', req.node)
    .executeTakeFirst();
  if (!n) return;
  if (n.office_id !== req.officeId)
    throw new HqError(409, 'this computer is enrolled for another office; it cannot be enrolled here');
  if (n.revoked_at) throw new HqError(403, 'this computer was revoked at HQ and cannot be enrolled again');
  if (!req.token || sha256(req.token) !== n.token_hash)
    throw new HqError(
      409,
      'this computer is enrolled already; only it, with its current token, can enrol again',
    );
}

/** Revokes a computer: its token stops working, and it can never be enrolled again under its node id. */
export async function revokeNode(db: Kysely<HqDB>, at: Date, node: string): Promise<void> {
  const r = await db
    .updateTable('hq_nodes')
    .set({ revoked_at: at.toISOString() })
    .where('node', '=', node)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) {
    const known = await db.selectFrom('hq_nodes').select('node').where('node', '=', node).executeTakeFirst();
    if (!known) throw new HqError(404, `no computer ${node} is enrolled`);
  }
}

export async function authenticate(db: Kysely<HqDB>, token: string): Promise<HqNode> {
  const n = await db
    .selectFrom('hq_nodes')
    .select(['node', 'office_id', 'revoked_at'])
    .where('token_hash', '=', sha256(token))
    .executeTakeFirst();
  if (!n || n.revoked_at) throw new HqError(401, 'the sync token is wrong or revoked; enrol again');
  return { node: n.node, officeId: n.office_id };
}

export async function nodeById(db: Kysely<HqDB>, node: string): Promise<HqNode & { publicKey: string }> {
  const n = await db.selectFrom('hq_nodes').selectAll().where('node', '=', node).executeTakeFirst();
  if (!n || n.revoked_at) throw new HqError(401, 'this computer is not enrolled at HQ');
  return { node: n.node, officeId: n.office_id, publicKey: n.public_key };
}
