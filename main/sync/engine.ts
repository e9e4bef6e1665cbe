import { generateKeyPairSync } from 'node:crypto';
import type { Store } from '../../db/sql';
import {
  EnrolResponseSchema,
  HqBundlePayloadSchema,
  MAX_BATCH_ROWS,
  PROTOCOL_VERSION,
  type EnrolResponse,
  type PullResponse,
  type PushRequest,
  type PushResponse,
} from '../../shared/sync/protocol';
import type { CallContext } from '../kernel/context';
import { localOfficeId, officeRow } from '../office/queries';
import {
  acknowledge,
  bookkeeping,
  extractBatch,
  foldChangeLog,
  getState,
  newBatchId,
  ownNode,
  pendingAfter,
  setState,
  type FoldedStates,
  type OutgoingBatch,
} from './office-store';
import { applyIncoming, type ApplyResult } from './apply';
import { cutBatch, type OutgoingRequest } from './outgoing';
import { BundleError, readBundle, signBundle, verifiedPayload } from './signing';
import { claimDesk, ensureHeldDeskRow, needsDesk, settleDesk } from './desks';
import { filesForBundle, syncFiles, takeBundleFiles } from './files';
import { setOfficeKey } from './sealing';
import { takeVolunteersAfterSync } from '../volunteers/intake';
import { httpLink, postJson, SYNC_TIMEOUT_MS, type HqLink } from './link';

export { httpLink, SyncHttpError, type HqLink } from './link';

export const DEFAULT_DRIFT_LIMIT_MS = 5 * 60 * 1000;
export const DEFAULT_INTERVAL_MIN = 5;
const PUSH_ROWS = MAX_BATCH_ROWS;
const PULL_ROWS = MAX_BATCH_ROWS;
/** Batches on their way at once: HQ reads and merges one while its database writes another. */
const IN_FLIGHT = 3;
/** Change-log entries folded in one transaction while batches are on their way. */
const FOLD_STEP = 1000;
const DESK_ROUNDS = 4;

export interface SyncOutcome {
  ok: boolean;
  sent: number;
  received: number;
  conflicts: number;
  /** HQ's clock minus ours, in ms; beyond the limit it is reported. */
  driftMs: number | null;
  error: string | null;
}

/**
 * The office's sync: fold the change log, send what HQ has not acknowledged in batches, then take what
 * HQ holds for this office, each batch one transaction. An interrupted sync resumes where it stopped:
 * unacknowledged rows stay pending, and the pull cursor moves only with a committed batch.
 */
export class OfficeSync {
  constructor(
    private readonly store: Store,
    private readonly ctx: CallContext,
    private readonly log: (message: string) => void = () => {},
  ) {}

  private get read() {
    return this.store.read;
  }

  state(key: string): string | null {
    return getState(this.read, key);
  }

  private set(values: Record<string, string | null>): void {
    this.store.transaction((db) => {
      for (const [k, v] of Object.entries(values)) setState(db, k, v);
    });
  }

  enrolled(): boolean {
    return this.state('token') !== null;
  }

  /**
   * Sends the enrolment code from HQ; keeps the token and HQ's key. A new computer of an office passes
   * its id and the office's key (from the office's computer, never from HQ: it opens the users' hashes).
   */
  async enrol(
    url: string,
    code: string,
    join?: { officeId: string; officeCode: string; officeName: string; officeKey?: string },
  ) {
    const node = ownNode(this.read);
    const keys = generateKeyPairSync('ed25519');
    const publicKey = keys.publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
    const office = join
      ? { officeId: join.officeId, officeCode: join.officeCode, officeName: join.officeName }
      : (() => {
          const row = officeRow(this.read);
          return { officeId: row.id, officeCode: row.code, officeName: row.name };
        })();
    const answer: EnrolResponse = EnrolResponseSchema.parse(
      await postJson(
        `${url.replace(/\/+$/, '')}/sync/v1/enrol`,
        // A computer enrolling again shows its current token: HQ lets no one else take its node id.
        { v: PROTOCOL_VERSION, code, node, publicKey, ...office, ...this.currentToken() },
        null,
        SYNC_TIMEOUT_MS.enrol,
      ),
    );
    this.store.transaction((db) => {
      if (join && !localOfficeId(db))
        db.rawRun("INSERT INTO local_state (key, value) VALUES ('office_id', ?)", join.officeId);
      if (join?.officeKey) setOfficeKey(db, join.officeKey);
      for (const [k, v] of Object.entries({
        url,
        token: answer.token,
        hq_office_id: answer.hqOfficeId,
        hq_public_key: answer.hqPublicKey,
        public_key: publicKey,
        private_key: keys.privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64'),
        office_id: office.officeId,
      }))
        setState(db, k, v);
    });
    return answer;
  }

  private currentToken(): { token?: string } {
    const token = this.state('token');
    return token ? { token } : {};
  }

  link(): HqLink {
    const url = this.state('url');
    const token = this.state('token');
    if (!url || !token) throw new Error('this office is not enrolled at HQ');
    return httpLink(url, token);
  }

  /** Brings the per-field states up to the change log (each sync starts with it). */
  fold(): number {
    return bookkeeping(this.store, (db) => foldChangeLog(db)).folded;
  }

  /** The next batch HQ has not acknowledged, after the number `after` (null: folds, then from the start). */
  nextBatch(limit = PUSH_ROWS, after: number | null = null): OutgoingRequest | null {
    if (after === null) this.fold();
    return this.cut(limit, after);
  }

  private cut(limit: number, after: number | null, folded?: FoldedStates): OutgoingRequest | null {
    return cutBatch(this.read, this.ctx.clock.now(), limit, after, folded);
  }

  /**
   * Sends every pending batch, three in flight: the change log is folded a part at a time, and each
   * batch is sent as soon as it is folded, so HQ merges one while the office folds and cuts the next
   * (and, on PostgreSQL, reads and merges one while the server writes another).
   * Batches are independent states, so HQ may merge them in either order; they are acknowledged in
   * the order they were cut, each moving the mark over its rows.
   */
  private async pushAll(link: HqLink, outcome: SyncOutcome): Promise<void> {
    const inflight: { batch: OutgoingBatch; sending: Promise<PushResponse> }[] = [];
    const settle = async (): Promise<void> => {
      const { batch, sending } = inflight.shift()!;
      const answer = await sending;
      this.acknowledge(batch);
      outcome.sent += batch.rows.length;
      outcome.driftMs = Date.parse(answer.hqNow) - this.ctx.clock.now().getTime();
    };
    let after: number | null = null;
    let allFolded = false;
    const folded: FoldedStates = new Map();
    for (;;) {
      while (!allFolded && pendingAfter(this.read, after, PUSH_ROWS) < PUSH_ROWS) {
        allFolded = bookkeeping(this.store, (db) => foldChangeLog(db, FOLD_STEP, folded)).done;
        // The batches on their way are written to the socket and their answers read in between.
        await new Promise((resolve) => setImmediate(resolve));
      }
      const next = this.cut(PUSH_ROWS, after, folded);
      if (!next) break;
      const sending = link.push(next.request);
      // Handled here so a failure while the other batch is awaited is not reported as unhandled;
      // awaiting it in `settle` still throws.
      sending.catch(() => undefined);
      inflight.push({ batch: next.batch, sending });
      if (inflight.length >= IN_FLIGHT) await settle();
      after = next.batch.through;
    }
    while (inflight.length > 0) await settle();
  }

  acknowledge(batch: OutgoingBatch): void {
    bookkeeping(this.store, (db) => acknowledge(db, batch));
  }

  /**
   * Merges HQ's answer. Foreign keys are checked by the office that wrote the rows; here a row may
   * arrive before the row it points to (another batch), so the merge runs with them off.
   */
  apply(pull: Pick<PullResponse, 'rows' | 'conflicts' | 'cursor'>): ApplyResult {
    const officeId = this.state('office_id');
    const hqOfficeId = this.state('hq_office_id');
    if (!officeId || !hqOfficeId) throw new Error('this office is not enrolled at HQ');
    const sqlite = this.store.sqlite;
    sqlite.pragma('foreign_keys = OFF');
    try {
      const result = this.store.transaction((db) => {
        const r = applyIncoming(db, this.ctx, officeId, hqOfficeId, pull);
        setState(db, 'cursor', String(pull.cursor));
        return r;
      });
      if (result.newest) {
        // The clock moves past everything received, so later local edits order after them even when
        // this computer's clock is behind; a drift is reported, not refused (HLC keeps the order).
        const now = this.ctx.clock.now().getTime();
        this.ctx.hlc.receive(result.newest, Math.max(now, Date.parse(result.newest.slice(0, 24))));
      }
      takeVolunteersAfterSync(this.ctx, this.log);
      return result;
    } finally {
      sqlite.pragma('foreign_keys = ON');
    }
  }

  /**
   * A signed file with everything HQ has not acknowledged, for an office without a connection. Nothing
   * is cleared until HQ's answer bundle acknowledges it, so a lost stick loses nothing.
   */
  exportBundle(): string {
    const officeId = this.state('office_id');
    const privateKey = this.state('private_key');
    if (!officeId || !privateKey) throw new Error('this office is not enrolled at HQ');
    this.fold();
    const batch = extractBatch(this.read, null);
    const now = this.ctx.clock.now();
    const pushes: PushRequest[] = [];
    const rows = batch.rows;
    const conflicts = batch.conflicts;
    for (let i = 0; i === 0 || i < Math.max(rows.length, conflicts.length); i += MAX_BATCH_ROWS)
      pushes.push({
        v: PROTOCOL_VERSION,
        batchId: newBatchId(now.getTime()),
        now: now.toISOString(),
        rows: rows.slice(i, i + MAX_BATCH_ROWS),
        conflicts: conflicts.slice(i, i + MAX_BATCH_ROWS),
      });
    const node = ownNode(this.read);
    const files = filesForBundle(this.store, this.ctx.dataDir);
    const payload = { kind: 'office', node, pushes, cursor: this.cursor(), ...(files ? { files } : {}) };
    return signBundle(officeId, node, payload, privateKey);
  }

  /** HQ's answer bundle: checked against HQ's key, then acknowledged and merged as an HTTP sync would. */
  importBundle(text: string): ApplyResult {
    const bundle = readBundle(text);
    const hqKey = this.state('hq_public_key');
    if (!hqKey) throw new Error('this office is not enrolled at HQ');
    if (bundle.officeId !== this.state('office_id'))
      throw new BundleError('the bundle is for another office');
    const parsed = HqBundlePayloadSchema.safeParse(verifiedPayload(bundle, hqKey));
    if (!parsed.success) throw new BundleError('the bundle’s contents are not an answer from HQ');
    this.store.transaction((db) => acknowledge(db, parsed.data.acknowledges));
    if (parsed.data.files) takeBundleFiles(this.store, this.ctx.dataDir, parsed.data.files);
    const total: ApplyResult = { rows: 0, changed: 0, conflicts: 0, newest: null };
    for (const pull of parsed.data.pulls) {
      const r = this.apply(pull);
      total.rows += r.rows;
      total.changed += r.changed;
      total.conflicts += r.conflicts;
      if (r.newest && (!total.newest || r.newest > total.newest)) total.newest = r.newest;
    }
    this.set({ last_sync_at: this.ctx.clock.now().toISOString(), last_error: null });
    return total;
  }

  cursor(): number {
    return Number(this.state('cursor') ?? 0);
  }

  driftLimitMs(): number {
    return Number(this.state('drift_limit_ms') ?? DEFAULT_DRIFT_LIMIT_MS);
  }

  private officeId(): string {
    const officeId = this.state('office_id');
    if (!officeId) throw new Error('this office is not enrolled at HQ');
    return officeId;
  }

  /**
   * Takes HQ's pages in order, asking for the next one (from the cursor HQ gave) before merging this
   * one, so HQ reads and sends it meanwhile. The cursor is kept only with a merged page: a failure
   * leaves the page asked for ahead unread, and the next sync asks again.
   */
  private async pullAll(link: HqLink, outcome: SyncOutcome): Promise<void> {
    let next = link.pull(this.cursor(), PULL_ROWS);
    for (;;) {
      const answer = await next;
      outcome.driftMs = Date.parse(answer.hqNow) - this.ctx.clock.now().getTime();
      if (answer.more) {
        next = link.pull(answer.cursor, PULL_ROWS);
        // Awaited at the next turn; a failure here while this page is merged is not unhandled.
        next.catch(() => undefined);
      }
      const r = this.apply(answer);
      outcome.received += r.rows;
      outcome.conflicts += r.conflicts;
      if (!answer.more) break;
    }
  }

  /**
   * A computer that joined the office takes a desk number (see `desks.ts`): the claim HQ acknowledged is
   * settled by the pull that follows; a contested one is claimed anew and sent again. Two rounds settle
   * any pair of computers joining at once; one more leaves room for a third.
   */
  private async takeDesk(link: HqLink, outcome: SyncOutcome): Promise<void> {
    const officeId = this.officeId();
    for (let round = 0; round < DESK_ROUNDS && needsDesk(this.read); round++) {
      const held = this.store.transaction((db) => settleDesk(db, officeId));
      if (held !== null) {
        this.log(`this computer is desk ${held} of the office`);
        return;
      }
      this.store.transaction((db) => claimDesk(db, this.ctx, officeId));
      await this.pushAll(link, outcome);
      await this.pullAll(link, outcome);
    }
    if (needsDesk(this.read)) this.store.transaction((db) => settleDesk(db, officeId));
  }

  /**
   * Attachments' files after the rows (files.ts). A failure here is logged and leaves the sync good:
   * the rows are in, and the files are tried again at the next sync.
   */
  private async syncFiles(link: HqLink): Promise<void> {
    const dataDir = this.ctx.dataDir;
    if (!dataDir || !link.putFile || !link.getFile) return;
    try {
      const r = await syncFiles(this.store, dataDir, { putFile: link.putFile, getFile: link.getFile });
      if (r.sent || r.fetched) this.log(`files: ${r.sent} sent to HQ, ${r.fetched} fetched`);
    } catch (e) {
      this.log(`files: ${e instanceof Error ? e.message : String(e)}; tried again at the next sync`);
    }
  }

  /** One full sync over `link` (HTTP by default). Never throws: the outcome says what went wrong. */
  async syncNow(link: HqLink = this.link()): Promise<SyncOutcome> {
    const outcome: SyncOutcome = {
      ok: false,
      sent: 0,
      received: 0,
      conflicts: 0,
      driftMs: null,
      error: null,
    };
    const started = this.ctx.clock.now().toISOString();
    try {
      this.store.transaction((db) => ensureHeldDeskRow(db, this.ctx, this.officeId()));
      await this.pushAll(link, outcome);
      await this.pullAll(link, outcome);
      await this.takeDesk(link, outcome);
      outcome.ok = true;
    } catch (e) {
      outcome.error = e instanceof Error ? e.message : String(e);
      this.log(`sync failed: ${outcome.error}`);
    }
    if (outcome.ok) await this.syncFiles(link);
    const drift = outcome.driftMs;
    const drifted = drift !== null && Math.abs(drift) > this.driftLimitMs();
    if (drifted) this.log(`clock drift: HQ's clock is ${Math.round(drift / 1000)} s off this computer's`);
    this.set({
      last_attempt_at: started,
      ...(outcome.ok ? { last_sync_at: started, last_error: null } : { last_error: outcome.error }),
      drift_ms: drift === null ? null : String(drift),
    });
    return outcome;
  }
}
