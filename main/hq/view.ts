import fs from 'node:fs';
import { SYNCED_TABLES } from '../../db/schema';
import { READ_ONLY_WRITES, type Input, type MethodName, type Output } from '../../shared/api/index';
import { hqText } from '../../shared/i18n/ru/sync';
import { conflictFromRecord, stateFromRecord, type RowState } from '../../shared/sync/protocol';
import type { Clock } from '../../shared/util/clock';
import { openOffice, type OfficeHandle } from '../boot/open-office';
import { attachmentPath, keepFile } from '../attachments/attachments';
import { localOfficeId } from '../office/queries';
import { applyIncoming } from '../sync/apply';
import { getState, setState } from '../sync/office-store';
import { HQ_OWN_CODE } from './enrol';
import type { Hq } from './service';
import { currentSeq, type HqConflictTable, type HqRowTable } from './store';
import { VIEW_KEYS } from './view-state';

/** The view's own office, which holds HQ's users; its code is one no office is enrolled under. */
const HQ_OFFICE = { name: 'Штаб', code: HQ_OWN_CODE, timeZone: 'Europe/Moscow' } as const;

export interface HqUserInput {
  login: string;
  fullName: string;
  password: string;
  role: 'hq_analyst' | 'admin';
}

/** Rows merged into the view per transaction: a page of HQ's change sequence. */
const PAGE = 2000;
const CURSOR_KEY = VIEW_KEYS.cursor;
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

  /**
   * Checked before each page of a catch-up: false stops it there (the worker's lease lost, or HQ
   * stopping). The page before is whole, with its cursor.
   */
  beforePage: (() => Promise<boolean>) | null = null;

  /**
   * Opens (or makes) the view's file, read-only for its API, and brings it up to HQ's latest row unless
   * `catchUp: false` (HQ's server: its worker thread catches up, `view-runner.ts`).
   */
  static async open(hq: Hq, file: string, clock: Clock, opts: { catchUp?: boolean } = {}): Promise<HqView> {
    const view = new HqView(
      hq,
      openOffice(file, { clock, writesAllowed: READ_ONLY_WRITES, backgroundCheckpoints: true }),
    );
    // Marks the database as a view: statistics then default to every office rather than its own.
    view.handle.sqlite
      .prepare("INSERT OR IGNORE INTO local_state (key, value) VALUES ('hq_view', '1')")
      .run();
    try {
      await view.claim(file);
      if (opts.catchUp !== false) await view.catchUp();
    } catch (e) {
      view.close();
      throw e;
    }
    return view;
  }

  /**
   * An HQ user of the view (`npm run hq -- add-user`): the view's own office, made by the first one
   * (set up as any office by the first user, who must be an administrator), holds them; office users cannot sign in.
   */
  static async addUser(file: string, clock: Clock, user: HqUserInput): Promise<string> {
    const handle = openOffice(file, { clock });
    const value = async <M extends MethodName>(method: M, input: Input<M>, login: string | null) => {
      const r = await handle.api.call('cli', method, input, { login });
      if (!r.ok) throw new Error(`${r.error.message}${r.error.field ? ` (${r.error.field})` : ''}`);
      return r.value as Output<M>;
    };
    try {
      const { login, fullName, password, role } = user;
      if (!(await value('setup.status', {}, null)).initialized) {
        if (role !== 'admin') throw new Error(hqText.firstUserAdmin);
        const office = { ...HQ_OFFICE, deputyName: fullName };
        return (await value('setup.init', { office, admin: { login, fullName, password } }, null)).admin.id;
      }
      const admin = handle.store.read.rawGet<{ login: string }>(
        "SELECT login FROM users WHERE role = 'admin' AND active = 1 AND office_id = ? ORDER BY created_at",
        localOfficeId(handle.store.read),
      );
      if (!admin) throw new Error(hqText.noViewAdmin);
      return (await value('users.create', { login, fullName, password, role }, admin.login)).id;
    } finally {
      handle.close();
    }
  }

  /**
   * Builds the view anew from `hq_rows` beside `file`, then puts it in the file's place. The view's
   * own office and HQ's users are not in `hq_rows`: they are carried over from the old file first.
   */
  static async rebuild(hq: Hq, file: string, clock: Clock): Promise<number> {
    const fresh = `${file}.rebuild`;
    for (const f of [fresh, `${fresh}-wal`, `${fresh}-shm`]) fs.rmSync(f, { force: true });
    if (fs.existsSync(file)) {
      const target = openOffice(fresh, { clock });
      try {
        carryOwnOffice(target, file);
      } finally {
        target.close();
      }
    }
    const view = await HqView.open(hq, fresh, clock);
    const rows = view.appliedRows();
    view.close();
    for (const f of [`${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
    fs.renameSync(fresh, file);
    return rows;
  }

  /**
   * The view belongs to one HQ: a file built from another HQ's rows (another `--db`, a copy) would fail
   * every catch-up on the other offices' codes, so it is refused with what to do instead. A file from
   * before the HQ was recorded is taken unless it has read further than this HQ has written.
   */
  private async claim(file: string): Promise<void> {
    const read = this.handle.store.read;
    const owner = getState(read, VIEW_KEYS.hq);
    if (owner === this.hq.officeId) return;
    if (owner !== null || this.cursor > (await currentSeq(this.hq.db)))
      throw new Error(hqText.viewOfAnotherHq(file, owner));
    this.handle.store.transaction((db) => setState(db, VIEW_KEYS.hq, this.hq.officeId));
  }

  /** How far the view has read HQ's change sequence, how far HQ had got, and the last failure. */
  get status(): { cursor: number; top: number; behind: number; error: string | null } {
    const read = this.handle.store.read;
    const cursor = this.cursor;
    const top = Math.max(cursor, Number(getState(read, VIEW_KEYS.top) ?? 0));
    return { cursor, top, behind: top - cursor, error: getState(read, VIEW_KEYS.error) };
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
    const run = async (): Promise<number> => {
      try {
        const rows = await this.drain();
        await this.fetchFiles();
        if (getState(this.handle.store.read, VIEW_KEYS.error) !== null) this.noteFailure(null);
        return rows;
      } catch (e) {
        this.noteFailure(e instanceof Error ? e.message : String(e));
        throw e;
      }
    };
    const next = this.running.then(run, run);
    this.running = next;
    return next;
  }

  /** The last catch-up's failure, kept in the view for HQ's status and the analysts' screen (null: cleared). */
  private noteFailure(message: string | null): void {
    try {
      this.handle.store.transaction((db) => {
        setState(db, VIEW_KEYS.error, message);
        setState(db, VIEW_KEYS.errorAt, message === null ? null : this.handle.clock.now().toISOString());
      });
    } catch {
      // The view cannot be written at all: the caller's error says so.
    }
  }

  /** Hashes whose files the view is known to hold, so a catch-up looks only at the others. */
  private readonly filesHere = new Set<string>();

  /**
   * Attachments' files the view lacks, from HQ's copies. An office's computer sends a file after its
   * rows, so a file missing at one catch-up (sent later) is looked for again at the next.
   */
  private async fetchFiles(): Promise<void> {
    const dataDir = this.handle.api.systemContext().dataDir;
    if (!dataDir) return;
    const missing: { officeId: string; sha256: string }[] = [];
    const rows = this.handle.store.read.rawAll<{ office_id: string; sha256: string }>(
      'SELECT DISTINCT office_id, sha256 FROM attachments WHERE deleted_at IS NULL',
    );
    for (const { office_id, sha256 } of rows) {
      if (this.filesHere.has(sha256)) continue;
      if (fs.existsSync(attachmentPath(dataDir, sha256))) this.filesHere.add(sha256);
      else missing.push({ officeId: office_id, sha256 });
    }
    if (missing.length === 0) return;
    // One question for the lot, then only the files HQ holds are read: most missing ones are not sent yet.
    const held = await this.hq.filesHeld(missing);
    for (const { officeId, sha256 } of missing) {
      if (!held.has(`${officeId}/${sha256}`)) continue;
      const data = await this.hq.fileOf(officeId, sha256);
      if (!data) continue;
      keepFile(dataDir, sha256, data);
      this.filesHere.add(sha256);
    }
  }

  private async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const cursor = this.cursor;
      const top = await currentSeq(this.hq.db);
      if (cursor >= top) return total;
      // Recorded before a held or standby page too: the view says how far behind it is.
      this.handle.store.transaction((db) => setState(db, VIEW_KEYS.top, String(top)));
      if (this.beforePage && !(await this.beforePage())) return total;
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

/** Copies the view's own office (HQ's users' office), its users and its desk from `from` into a fresh view. */
function carryOwnOffice(target: OfficeHandle, from: string): void {
  const db = target.sqlite;
  db.prepare('ATTACH DATABASE ? AS old').run(from);
  try {
    const own = db
      .prepare<[], { value: string }>("SELECT value FROM old.local_state WHERE key = 'office_id'")
      .get()?.value;
    if (!own) return;
    db.transaction(() => {
      db.prepare('INSERT INTO offices SELECT * FROM old.offices WHERE id = ?').run(own);
      db.prepare('INSERT INTO users SELECT * FROM old.users WHERE office_id = ?').run(own);
      db.prepare('INSERT INTO office_desks SELECT * FROM old.office_desks WHERE office_id = ?').run(own);
      db.prepare(
        "INSERT INTO local_state (key, value) SELECT key, value FROM old.local_state WHERE key IN ('office_id', 'desk')",
      ).run();
    })();
  } finally {
    db.prepare('DETACH DATABASE old').run();
  }
}
