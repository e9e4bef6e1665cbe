import fs from 'node:fs';
import { SYNCED_TABLES } from '../../db/schema';
import { conflictFromRecord, stateFromRecord, type RowState } from '../../shared/sync/protocol';
import type { Clock } from '../../shared/util/clock';
import { openOffice, type OfficeHandle } from '../core';
import { applyIncoming, getState, setState } from '../sync/office-store';
import type { Hq } from './hq-service';
import { currentSeq, type HqConflictTable, type HqRowTable } from './hq-store';

/** Rows merged into the view per transaction: a page of HQ's change sequence. */
const PAGE = 5000;
const CURSOR_KEY = 'hq_view_cursor';
/** What an office user's password hash becomes in the view: no password verifies against it. */
export const LOCKED_PASSWORD = '!synced-from-office';

/**
 * The analyst database: a regular office database (the office schema and migrations) into which every
 * office's rows at HQ are merged by the same code that merges HQ's answer in an office. It is a
 * projection of `hq_rows`: its cursor over HQ's change sequence is kept in the file, and the file can be
 * rebuilt from `hq_rows` at any time (`npm run hq -- rebuild-view`), on SQLite or PostgreSQL HQs alike.
 */
export class HqView {
  private running: Promise<number> = Promise.resolve(0);

  private constructor(
    readonly hq: Hq,
    readonly handle: OfficeHandle,
  ) {}

  /** Opens (or makes) the view's file and brings it up to HQ's latest row. */
  static async open(hq: Hq, file: string, clock: Clock): Promise<HqView> {
    const view = new HqView(hq, openOffice(file, { clock }));
    try {
      await view.catchUp();
    } catch (e) {
      view.close();
      throw e;
    }
    return view;
  }

  /** Builds the view anew from `hq_rows` beside `file`, then puts it in the file's place. */
  static async rebuild(hq: Hq, file: string, clock: Clock): Promise<number> {
    const fresh = `${file}.rebuild`;
    for (const f of [fresh, `${fresh}-wal`, `${fresh}-shm`]) fs.rmSync(f, { force: true });
    const view = await HqView.open(hq, fresh, clock);
    const rows = view.appliedRows();
    view.close();
    for (const f of [`${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
    fs.renameSync(fresh, file);
    return rows;
  }

  /** The last of HQ's change sequence merged into the view. */
  get cursor(): number {
    return Number(getState(this.handle.store.read, CURSOR_KEY) ?? 0);
  }

  private appliedRows(): number {
    let n = 0;
    for (const t of SYNCED_TABLES)
      n += this.handle.store.read.rawGet<{ n: number }>(`SELECT count(*) AS n FROM ${t}`)!.n;
    return n;
  }

  /**
   * Merges what HQ received since the cursor, page by page, each page in one transaction with its
   * cursor. Calls queue one after the other, so a batch applied during a catch-up is read by the next.
   */
  catchUp(): Promise<number> {
    const next = this.running.then(
      () => this.drain(),
      () => this.drain(),
    );
    this.running = next;
    return next;
  }

  private async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const cursor = this.cursor;
      const top = await currentSeq(this.hq.db);
      if (cursor >= top) return total;
      const rows = await this.hq.db
        .selectFrom('hq_rows')
        .selectAll()
        .where('seq', '>', cursor)
        .where('seq', '<=', top)
        .orderBy('seq')
        .limit(PAGE)
        .execute();
      // A full page ends at its last row; a short one read everything up to `top`.
      const upto = rows.length === PAGE ? Number(rows[rows.length - 1]!.seq) : top;
      const conflicts = await this.hq.db
        .selectFrom('hq_conflicts')
        .selectAll()
        .where('seq', '>', cursor)
        .where('seq', '<=', upto)
        .orderBy('seq')
        .execute();
      this.apply(rows, conflicts, upto);
      total += rows.length;
    }
  }

  /** One page: each office's rows merged as that office's, with foreign keys off as in an office's pull. */
  private apply(rows: HqRowTable[], conflicts: HqConflictTable[], upto: number): void {
    const byOffice = new Map<
      string,
      { rows: RowState[]; conflicts: ReturnType<typeof conflictFromRecord>[] }
    >();
    const group = (office: string) => {
      let g = byOffice.get(office);
      if (!g) byOffice.set(office, (g = { rows: [], conflicts: [] }));
      return g;
    };
    for (const r of rows) group(r.office_id).rows.push(this.withoutSecrets(stateFromRecord(r)));
    for (const c of conflicts) group(c.office_id).conflicts.push(conflictFromRecord(c));
    const { store, sqlite, api, hlc, clock } = this.handle;
    const ctx = api.systemContext();
    sqlite.pragma('foreign_keys = OFF');
    try {
      const newest = store.transaction((db) => {
        let top: string | null = null;
        for (const [office, incoming] of byOffice) {
          const r = applyIncoming(db, ctx, office, this.hq.officeId, incoming);
          if (r.newest && (!top || r.newest > top)) top = r.newest;
        }
        setState(db, CURSOR_KEY, String(upto));
        return top;
      });
      if (newest) hlc.receive(newest, Math.max(clock.now().getTime(), Date.parse(newest.slice(0, 24))));
    } finally {
      sqlite.pragma('foreign_keys = ON');
    }
  }

  /**
   * Office users come to HQ with their password hashes: the view keeps the user (names in histories)
   * but no hash, so only HQ's own users can sign in to it. Blanked before the merge, the hash is in
   * neither the table nor the kept sync state. Logins are unique in a database and every office has
   * its `admin`: in the view an office user's login carries the office's id, and signs nobody in.
   */
  private withoutSecrets(s: RowState): RowState {
    if (s.t !== 'users' || s.o === this.hq.officeId) return s;
    const d = { ...s.d };
    if ('password_hash' in d) d.password_hash = LOCKED_PASSWORD;
    if (typeof d.login === 'string') d.login = `${d.login}@${s.o}`;
    return { ...s, d };
  }

  close(): void {
    this.handle.close();
  }
}
