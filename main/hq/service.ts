/** The HQ service: identity, push and pull of office batches, and HQ's own reference data. */
import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { SYNCED_TABLES } from '../../db/schema';
import { MAX_ATTACHMENT_BYTES } from '../../shared/api/attachments';
import { localWrite, mergeRow } from '../../shared/sync/merge';
import {
  SHARED_TABLES,
  conflictFromRecord,
  stateFromRecord,
  type Conflict,
  type EnrolRequest,
  type EnrolResponse,
  type FilePut,
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
import { importOfficeBundle } from './bundle';
import * as enrolment from './enrol';
import { HqError, type HqNode } from './error';
import { hqWrite, loadRows, writeConflicts, writeRows } from './rows';
import { currentSeq, type HqDB, type HqRowTable, type HqStore } from './store';

export { HqError, type HqNode } from './error';

export interface HqOptions {
  clock: Clock;
  /** A clock further off than this is reported (default 5 minutes, as Actual Budget). */
  maxDriftMs?: number;
  log?: (message: string) => void;
}

const SYNCED = new Set<string>(SYNCED_TABLES);

const SHARED = new Set<string>(SHARED_TABLES);

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

  // ---- enrolment (enrol.ts) -- -------------------------------------------------------------------

  /** A one-time code for an office (its code, as in its registration numbers), valid a week. */
  async createEnrolmentCode(officeCode: string): Promise<string> {
    return enrolment.createEnrolmentCode(this.db, this.now(), officeCode);
  }

  /** Exchanges a code for a token (HQ keeps its hash); the office is bound to its id on first enrolment. */
  async enrol(req: EnrolRequest): Promise<EnrolResponse> {
    return enrolment.enrol(this.db, this, this.now(), req);
  }

  /** Revokes a computer: its token stops working and its node id can never be enrolled again. */
  async revokeNode(node: string): Promise<void> {
    return enrolment.revokeNode(this.db, this.now(), node);
  }

  async authenticate(token: string): Promise<HqNode> {
    return enrolment.authenticate(this.db, token);
  }

  async nodeById(node: string): Promise<HqNode & { publicKey: string }> {
    return enrolment.nodeById(this.db, node);
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
    // Each office's rows by its own range of the (office_id, seq) index, then the two merged: with
    // `office_id IN (…)` the database gathered and sorted every remaining row of both for each page,
    // which made a computer's join quadratic in the office's rows (PostgreSQL most of all).
    const page = (office: string) =>
      this.db
        .selectFrom('hq_rows')
        .selectAll()
        .where('office_id', '=', office)
        .where('seq', '>', req.cursor)
        .where('seq', '<=', top)
        .where((eb) => eb.or([eb('origin', 'is', null), eb('origin', '<>', node.node)]))
        .orderBy('seq')
        .limit(req.limit)
        .execute();
    const [own, shared] = await Promise.all([page(node.officeId), page(this.officeId)]);
    // The lowest `limit` of the two, in order: each part holds its own lowest `limit`.
    const rows = [...own, ...shared].sort((a, b) => Number(a.seq) - Number(b.seq)).slice(0, req.limit);
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

  // ---- attachments' files -------------------------------------------------------------------------

  /** A file from a computer of the office, kept under its office once its bytes match the hash. */
  async putFile(node: HqNode, req: FilePut): Promise<void> {
    const data = Buffer.from(req.dataBase64, 'base64');
    if (data.length > MAX_ATTACHMENT_BYTES)
      throw new HqError(400, `the file is larger than ${MAX_ATTACHMENT_BYTES} bytes`);
    if (createHash('sha256').update(data).digest('hex') !== req.sha256)
      throw new HqError(400, 'the file does not match its hash');
    await this.db
      .insertInto('hq_files')
      .values({
        office_id: node.officeId,
        sha256: req.sha256,
        size: data.length,
        data,
        created_at: this.now().toISOString(),
      })
      .onConflict((oc) => oc.columns(['office_id', 'sha256']).doNothing())
      .execute();
  }

  /** Of these files, the ones HQ holds (as `office_id/sha256`), asked a few hundred at a time. */
  async filesHeld(wanted: readonly { officeId: string; sha256: string }[]): Promise<Set<string>> {
    const held = new Set<string>();
    for (let i = 0; i < wanted.length; i += 500) {
      const part = wanted.slice(i, i + 500);
      const rows = await this.db
        .selectFrom('hq_files')
        .select(['office_id', 'sha256'])
        .where(
          'sha256',
          'in',
          part.map((w) => w.sha256),
        )
        .execute();
      for (const r of rows) held.add(`${r.office_id}/${r.sha256}`);
    }
    return held;
  }

  /** A file of the office's (the caller's office, or any office for HQ's analyst view); null if not sent yet. */
  async fileOf(officeId: string, sha256: string): Promise<Buffer | null> {
    const r = await this.db
      .selectFrom('hq_files')
      .select('data')
      .where('office_id', '=', officeId)
      .where('sha256', '=', sha256)
      .executeTakeFirst();
    return r ? Buffer.from(r.data) : null;
  }

  // ---- bundles (bundle.ts) -- --------------------------------------------------------------------

  /** An office's bundle, checked, merged and answered by a bundle HQ signs. */
  async importOfficeBundle(text: string): Promise<string> {
    return importOfficeBundle(this, text);
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
      await writeRows(trx, [hqWrite(state)]);
      return state;
    });
  }

  /** A new row HQ writes for an office (a web reception's application), pulled by that office only. */
  async writeForOffice(
    trx: Kysely<HqDB>,
    table: string,
    officeId: string,
    values: Record<string, string | number | null> & { id: string },
  ): Promise<RowState> {
    if (!SYNCED.has(table)) throw new HqError(400, `${table} is not an office's table`);
    const now = this.now();
    const at = now.toISOString();
    const d = { created_at: at, updated_at: at, deleted_at: null, ...values, office_id: officeId };
    const state = localWrite(undefined, table, d, this.hlc.send(now.getTime()), this.node)!;
    await writeRows(trx, [hqWrite(state)]);
    return state;
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
