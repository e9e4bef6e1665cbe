import { createHash, generateKeyPairSync, randomBytes, randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import { SYNCED_TABLES } from '../../db/schema';
import { localWrite, mergeRow } from '../../shared/sync/merge';
import {
  MAX_BATCH_ROWS,
  OfficeBundlePayloadSchema,
  PROTOCOL_VERSION,
  SHARED_TABLES,
  conflictFromRecord,
  stateFromRecord,
  type Conflict,
  type EnrolRequest,
  type EnrolResponse,
  type PullRequest,
  type PullResponse,
  type PushRequest,
  type PushResponse,
  type RowState,
} from '../../shared/sync/protocol';
import type { Clock } from '../../shared/util/clock';
import { Hlc } from '../../shared/util/hlc';
import { newId } from '../../shared/util/ids';
import { conflictFromLoss } from '../sync/office-store';
import { BundleError, readBundle, signBundle, verifiedPayload } from '../sync/signing';
import { loadRows, writeConflicts, writeRows } from './hq-rows';
import { currentSeq, type HqDB, type HqRowTable, type HqStore } from './hq-store';

/** Why HQ refuses: the HTTP status goes with it, the message is for the office's log and status. */
export class HqError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409,
    message: string,
  ) {
    super(message);
    this.name = 'HqError';
  }
}

export interface HqNode {
  node: string;
  officeId: string;
}

export interface HqOptions {
  clock: Clock;
  /** A clock further off than this is reported (default 5 minutes, as Actual Budget). */
  maxDriftMs?: number;
  log?: (message: string) => void;
}

const SYNCED = new Set<string>(SYNCED_TABLES);
const SHARED = new Set<string>(SHARED_TABLES);
const ENROLMENT_DAYS = 7;
function sha256(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}

/**
 * HQ: enrols offices, merges their batches by the same per-field rule as an office, and hands each office
 * its own rows and HQ's reference data, nothing else. Every batch is checked whole before anything is
 * written: one row of another office refuses it (403) and changes nothing.
 */
export class Hq {
  private hlc!: Hlc;
  officeId!: string;
  publicKey!: string;
  privateKey!: string;
  private readonly maxDriftMs: number;

  private constructor(
    readonly store: HqStore,
    private readonly opts: HqOptions,
  ) {
    this.maxDriftMs = opts.maxDriftMs ?? 5 * 60 * 1000;
  }

  static async open(store: HqStore, opts: HqOptions): Promise<Hq> {
    const hq = new Hq(store, opts);
    await hq.loadIdentity();
    return hq;
  }

  get db(): Kysely<HqDB> {
    return this.store.db;
  }

  /** HQ's office id, HLC node and Ed25519 key pair, made on first start and kept in `hq_meta`. */
  private async loadIdentity(): Promise<void> {
    const meta = new Map(
      (await this.db.selectFrom('hq_meta').selectAll().execute()).map((r) => [r.key, r.value]),
    );
    if (!meta.has('office_id')) {
      const keys = generateKeyPairSync('ed25519');
      const fresh: Record<string, string> = {
        office_id: newId(this.opts.clock.now().getTime()),
        node: randomBytes(8).toString('hex'),
        public_key: keys.publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
        private_key: keys.privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64'),
      };
      await this.db
        .insertInto('hq_meta')
        .values(Object.entries(fresh).map(([key, value]) => ({ key, value })))
        .onConflict((oc) => oc.column('key').doNothing())
        .execute();
      return this.loadIdentity();
    }
    this.officeId = meta.get('office_id')!;
    this.publicKey = meta.get('public_key')!;
    this.privateKey = meta.get('private_key')!;
    const last = await this.db
      .selectFrom('hq_rows')
      .select((eb) => eb.fn.max('hlc').as('h'))
      .executeTakeFirst();
    this.hlc = new Hlc(meta.get('node')!, last?.h ?? undefined);
  }

  get node(): string {
    return this.hlc.last.slice(-16);
  }

  private now(): Date {
    return this.opts.clock.now();
  }

  private async report(kind: string, message: string, node: HqNode | null): Promise<void> {
    this.opts.log?.(`[hq] ${kind}: ${message}`);
    await this.db
      .insertInto('hq_reports')
      .values({
        id: newId(this.now().getTime()),
        at: this.now().toISOString(),
        node: node?.node ?? null,
        office_id: node?.officeId ?? null,
        kind,
        message,
      })
      .execute();
  }

  // ---- enrolment ---------------------------------------------------------------------------------

  /** A one-time code for an office (its code, as in its registration numbers), valid a week. */
  async createEnrolmentCode(officeCode: string): Promise<string> {
    const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
    const code = Array.from({ length: 4 }, () =>
      Array.from({ length: 4 }, () => alphabet[randomInt(alphabet.length)]).join(''),
    ).join('-');
    const now = this.now();
    await this.db
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
  async enrol(req: EnrolRequest): Promise<EnrolResponse> {
    const now = this.now().toISOString();
    return this.db.transaction().execute(async (trx) => {
      const e = await trx
        .selectFrom('hq_enrolments')
        .selectAll()
        .where('code_hash', '=', sha256(req.code.trim().toUpperCase()))
        .executeTakeFirst();
      if (!e || e.used_at || e.expires_at < now)
        throw new HqError(403, 'the enrolment code is wrong, used or expired');
      if (e.office_code !== req.officeCode)
        throw new HqError(403, `the enrolment code is for office ${e.office_code}, not ${req.officeCode}`);
      const known = await trx
        .selectFrom('hq_offices')
        .selectAll()
        .where((eb) => eb.or([eb('code', '=', req.officeCode), eb('office_id', '=', req.officeId)]))
        .execute();
      if (known.some((o) => o.office_id !== req.officeId || o.code !== req.officeCode))
        throw new HqError(409, `office ${req.officeCode} is enrolled under another id`);
      if (req.officeId === this.officeId) throw new HqError(403, 'that id is HQ’s own');
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
        .onConflict((oc) =>
          oc
            .column('node')
            .doUpdateSet({ token_hash: sha256(token), public_key: req.publicKey, revoked_at: null }),
        )
        .execute();
      await trx
        .updateTable('hq_enrolments')
        .set({ used_at: now, used_by: req.node })
        .where('code_hash', '=', e.code_hash)
        .execute();
      return { token, hqOfficeId: this.officeId, hqPublicKey: this.publicKey };
    });
  }

  async authenticate(token: string): Promise<HqNode> {
    const n = await this.db
      .selectFrom('hq_nodes')
      .select(['node', 'office_id', 'revoked_at'])
      .where('token_hash', '=', sha256(token))
      .executeTakeFirst();
    if (!n || n.revoked_at) throw new HqError(401, 'the sync token is wrong or revoked; enrol again');
    return { node: n.node, officeId: n.office_id };
  }

  async nodeById(node: string): Promise<HqNode & { publicKey: string }> {
    const n = await this.db.selectFrom('hq_nodes').selectAll().where('node', '=', node).executeTakeFirst();
    if (!n || n.revoked_at) throw new HqError(401, 'this computer is not enrolled at HQ');
    return { node: n.node, officeId: n.office_id, publicKey: n.public_key };
  }

  // ---- push --------------------------------------------------------------------------------------

  private checkDrift(node: HqNode, senderNow: string): number {
    const drift = Date.parse(senderNow) - this.now().getTime();
    return Number.isFinite(drift) ? drift : 0;
  }

  /** Merges an office's batch. A replayed batch is answered from the record and changes nothing. */
  async push(node: HqNode, req: PushRequest): Promise<PushResponse> {
    for (const r of req.rows) {
      if (!SYNCED.has(r.t)) throw new HqError(403, `${r.t} is not a synced table`);
      if (r.o !== node.officeId || r.d.id !== r.id || (r.d.office_id ?? r.o) !== r.o)
        throw new HqError(403, `row ${r.t} ${r.id} belongs to another office`);
    }
    for (const c of req.conflicts)
      if (c.o !== node.officeId) throw new HqError(403, `conflict ${c.id} belongs to another office`);
    const drift = this.checkDrift(node, req.now);
    const nowIso = this.now().toISOString();
    const result = await this.db.transaction().execute(async (trx) => {
      const done = await trx
        .selectFrom('hq_batches')
        .select('applied')
        .where('node', '=', node.node)
        .where('batch_id', '=', req.batchId)
        .executeTakeFirst();
      if (done) return { applied: 0, replayed: true };
      const existing = await loadRows(trx, req.rows);
      for (const e of existing.values())
        if (e.office_id !== node.officeId)
          throw new HqError(403, `row ${e.table_name} ${e.row_id} belongs to another office`);
      const writes: Omit<HqRowTable, 'seq'>[] = [];
      const conflicts: Conflict[] = [];
      let newest = '';
      for (const r of req.rows) {
        if (r.h > newest) newest = r.h;
        const prev = existing.get(`${r.t}\n${r.id}`);
        const m = mergeRow(prev ? stateFromRecord(prev) : undefined, r);
        for (const loss of m.losses) conflicts.push(conflictFromLoss(m.state, loss, nowIso));
        if (!m.stateChanged) continue;
        writes.push({
          table_name: r.t,
          row_id: r.id,
          office_id: r.o,
          hlc: m.state.h,
          data: JSON.stringify(m.state.d),
          clocks: m.state.c ? JSON.stringify(m.state.c) : null,
          bases: m.state.b ? JSON.stringify(m.state.b) : null,
          origin: m.localAhead || m.losses.length > 0 ? null : node.node,
        });
      }
      conflicts.push(...req.conflicts);
      await writeRows(trx, writes);
      await writeConflicts(trx, conflicts);
      await trx
        .insertInto('hq_batches')
        .values({ node: node.node, batch_id: req.batchId, applied_at: nowIso, applied: writes.length })
        .execute();
      await trx
        .updateTable('hq_nodes')
        .set({ last_seen_at: nowIso, drift_ms: drift })
        .where('node', '=', node.node)
        .execute();
      if (newest) this.hlc.receive(newest, Math.max(this.now().getTime(), Date.parse(newest.slice(0, 24))));
      return { applied: writes.length, replayed: false };
    });
    if (Math.abs(drift) > this.maxDriftMs)
      await this.report(
        'clock_drift',
        `node ${node.node} of office ${node.officeId} is ${Math.round(drift / 1000)} s off HQ's clock`,
        node,
      );
    return { ...result, hqNow: nowIso };
  }

  // ---- pull --------------------------------------------------------------------------------------

  /** The office's own rows and HQ's reference data changed after `cursor`, in HQ's order. */
  async pull(node: HqNode, req: PullRequest): Promise<PullResponse> {
    const top = await currentSeq(this.db);
    const offices = [node.officeId, this.officeId];
    const rows = await this.db
      .selectFrom('hq_rows')
      .selectAll()
      .where('office_id', 'in', offices)
      .where('seq', '>', req.cursor)
      .where('seq', '<=', top)
      .where((eb) => eb.or([eb('origin', 'is', null), eb('origin', '<>', node.node)]))
      .orderBy('seq')
      .limit(req.limit)
      .execute();
    const conflicts = await this.db
      .selectFrom('hq_conflicts')
      .selectAll()
      .where('office_id', '=', node.officeId)
      .where('seq', '>', req.cursor)
      .where('seq', '<=', top)
      .orderBy('seq')
      .limit(req.limit)
      .execute();
    const items = [
      ...rows
        .filter((r) => r.office_id === node.officeId || SHARED.has(r.table_name))
        .map((r) => ({ seq: Number(r.seq), row: r })),
      ...conflicts.map((c) => ({ seq: Number(c.seq), conflict: c })),
    ].sort((a, b) => a.seq - b.seq);
    const more = rows.length === req.limit || conflicts.length === req.limit;
    const taken = more ? items.slice(0, req.limit) : items;
    const last = taken[taken.length - 1];
    // A short page read everything up to `top`: the cursor moves there, past the rows this node sent.
    const cursor = more ? (last?.seq ?? req.cursor) : Math.max(top, req.cursor);
    return {
      rows: taken.flatMap((i) => ('row' in i && i.row ? [stateFromRecord(i.row)] : [])),
      conflicts: taken.flatMap((i) =>
        'conflict' in i && i.conflict ? [conflictFromRecord(i.conflict)] : [],
      ),
      cursor,
      more,
      hqNow: this.now().toISOString(),
    };
  }

  // ---- bundles ----------------------------------------------------------------------------------

  /**
   * An office's bundle: checked against the sending computer's public key, merged batch by batch as
   * over HTTP, answered by a bundle signed by HQ with what HQ holds for the office from its cursor.
   */
  async importOfficeBundle(text: string): Promise<string> {
    let bundle;
    try {
      bundle = readBundle(text);
    } catch (e) {
      throw new HqError(400, e instanceof Error ? e.message : String(e));
    }
    const node = await this.nodeById(bundle.from);
    if (node.officeId !== bundle.officeId)
      throw new HqError(403, 'the bundle names another office than its sender’s');
    let payload;
    try {
      payload = OfficeBundlePayloadSchema.parse(verifiedPayload(bundle, node.publicKey));
    } catch (e) {
      throw new HqError(
        403,
        e instanceof BundleError ? e.message : 'the bundle’s contents are not an office batch',
      );
    }
    if (payload.node !== node.node) throw new HqError(403, 'the bundle’s contents name another computer');
    for (const push of payload.pushes) await this.push(node, push);
    const pulls: PullResponse[] = [];
    for (let cursor = payload.cursor, more = true; more;) {
      const page = await this.pull(node, { v: PROTOCOL_VERSION, cursor, limit: MAX_BATCH_ROWS });
      pulls.push(page);
      cursor = page.cursor;
      more = page.more;
    }
    const acknowledges = {
      rows: payload.pushes.flatMap((p) =>
        p.rows.map((r) => ({ t: r.t, id: r.id, h: r.h, ...(r.b ? { b: r.b } : {}) })),
      ),
      conflicts: payload.pushes.flatMap((p) =>
        p.conflicts.map((c) => ({ id: c.id, resolvedAt: c.resolvedAt })),
      ),
    };
    return signBundle(
      node.officeId,
      'hq',
      { kind: 'hq', node: this.node, acknowledges, pulls },
      this.privateKey,
    );
  }

  // ---- HQ's own reference data -------------------------------------------------------------------

  /**
   * Publishes a row of HQ's reference data (a body, a letter template, a calendar year…) to every
   * office: an HQ write with HQ's clock, merged like any other.
   */
  async publish(table: string, values: Record<string, string | number | null>): Promise<RowState> {
    if (!SHARED.has(table)) throw new HqError(400, `${table} is not reference data HQ shares`);
    const now = this.now();
    return this.db.transaction().execute(async (trx) => {
      const id = typeof values.id === 'string' ? values.id : newId(now.getTime());
      const hlc = this.hlc.send(now.getTime());
      const prev = (await loadRows(trx, [{ t: table, id, o: this.officeId, h: hlc, d: {} }])).get(
        `${table}\n${id}`,
      );
      if (prev && prev.office_id !== this.officeId)
        throw new HqError(403, `${table} ${id} is an office's row`);
      const before = prev ? stateFromRecord(prev) : undefined;
      const d = {
        ...(before?.d ?? { created_at: now.toISOString(), deleted_at: null }),
        ...values,
        id,
        office_id: this.officeId,
        updated_at: now.toISOString(),
      };
      const state = localWrite(before, table, d, hlc, this.node);
      if (!state) return before!;
      await writeRows(trx, [
        {
          table_name: table,
          row_id: id,
          office_id: this.officeId,
          hlc: state.h,
          data: JSON.stringify(state.d),
          clocks: state.c ? JSON.stringify(state.c) : null,
          bases: state.b ? JSON.stringify(state.b) : null,
          origin: null,
        },
      ]);
      return state;
    });
  }

  async rowsOf(officeId: string): Promise<RowState[]> {
    return (await this.db.selectFrom('hq_rows').selectAll().where('office_id', '=', officeId).execute()).map(
      stateFromRecord,
    );
  }

  async conflictsOf(officeId: string): Promise<number> {
    const r = await this.db
      .selectFrom('hq_conflicts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('office_id', '=', officeId)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }
}
