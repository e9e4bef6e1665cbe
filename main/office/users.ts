import { createHash, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { ReadDb, WriteDb } from '../../db/sql';
import type { UserTable } from '../../db/schema';
import { ApiError } from '../../shared/api/define';
import type { UserInfo } from '../../shared/api/office';
import type { ParsedInput, Output } from '../../shared/api/index';
import { audit, insertSynced, newSyncColumns, stamp, updateSynced } from '../kernel/bookkeeping';
import type { Actor, CallContext, ReadContext } from '../kernel/context';
import { SYSTEM_LOGIN } from './system-user';
import { createOffice } from './office';
import { officeRow, toOffice } from './queries';
import { officeKey } from '../sync/sealing';

/**
 * scrypt's cost: N = 2^16, r = 8 (64 MiB), four times the 2^14 of old. Measured with Node 20 on a
 * 2-core server, medians of 5, idle / under load: 2^14 68 / 109 ms, 2^15 130 / 187 ms, 2^16 252 / 350
 * ms, 2^17 390 / 810 ms, 2^18 728 / 2,795 ms. A desk sign-in affords a third of a second; 2^17 reaches
 * most of a second as soon as the computer is busy. Stored hashes carry their cost, so older ones still
 * verify and are replaced at their user's next sign-in.
 */
const SCRYPT: ScryptOptions = { N: 65536, r: 8, p: 1, maxmem: 256 * 1024 * 1024 };
const KEY_LEN = 32;
export const MAX_FAILED_SIGN_INS = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;
const SESSION_MS = 12 * 60 * 60 * 1000;
/** As the contract bounds it (shared/api/office.ts). */
const MAX_LOGIN_LENGTH = 40;

function scryptAsync(password: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password, salt, KEY_LEN, SCRYPT, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

/** `scrypt$N$r$p$salt$hash`, so the cost can be raised later without breaking stored hashes. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt);
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [alg, n, r, p, salt, hash] = stored.split('$');
  if (alg !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await new Promise<Buffer>((resolve, reject) =>
    scrypt(
      password,
      Buffer.from(salt, 'base64'),
      expected.length,
      { N: Number(n), r: Number(r), p: Number(p), maxmem: SCRYPT.maxmem },
      (err, k) => (err ? reject(err) : resolve(k)),
    ),
  );
  return timingSafeEqual(key, expected);
}

/** A stored hash of a lower cost than today's: replaced once its password is known again. */
export function needsRehash(stored: string): boolean {
  const [alg, n, r, p] = stored.split('$');
  if (alg !== 'scrypt') return false;
  return Number(n) < SCRYPT.N! || Number(r) < SCRYPT.r! || Number(p) < SCRYPT.p!;
}

/**
 * What an unknown login's password is checked against: today's cost, so it takes as long as a real
 * check; no password matches it (the key is 32 zero bytes, not anyone's scrypt output).
 */
function decoyHash(): string {
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${Buffer.alloc(16, 7).toString('base64')}$${Buffer.alloc(KEY_LEN).toString('base64')}`;
}

export function toUserInfo(u: UserTable): UserInfo {
  return { id: u.id, login: u.login, fullName: u.full_name, role: u.role, active: u.active === 1 };
}

function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function userByLogin(db: ReadDb, login: string): UserTable | undefined {
  return db.get(
    db.qb.selectFrom('users').selectAll().where('login', '=', login).where('deleted_at', 'is', null),
  );
}

function loginTaken(db: ReadDb, login: string): void {
  if (db.get(db.qb.selectFrom('users').select('id').where('login', '=', login)))
    throw new ApiError('conflict', `login ${login} is taken`, { field: 'login' });
}

export async function setupInit(
  ctx: CallContext,
  input: ParsedInput<'setup.init'>,
): Promise<Output<'setup.init'>> {
  const passwordHash = await hashPassword(input.admin.password);
  return ctx.store.transaction((db) => {
    const office = createOffice(db, ctx, input.office);
    const admin = insertUser(db, ctx, office.id, { ...input.admin, role: 'admin' }, passwordHash);
    // The key the users' hashes are sealed with on their way through HQ: made with the office.
    officeKey(db);
    return { office: toOffice(office), admin: toUserInfo(admin) };
  });
}

function insertUser(
  db: Parameters<typeof insertSynced>[0],
  ctx: CallContext,
  officeId: string,
  u: { login: string; fullName: string; role: UserTable['role'] },
  passwordHash: string,
): UserTable {
  loginTaken(db, u.login);
  const st = stamp(ctx);
  const row: UserTable = {
    ...newSyncColumns(st, officeId),
    login: u.login,
    full_name: u.fullName,
    role: u.role,
    password_hash: passwordHash,
    active: 1,
    failed_attempts: 0,
    locked_until: null,
  };
  insertSynced(db, 'users', row);
  audit(db, ctx, officeId, 'users.create', 'user', row.id, { login: u.login, role: u.role });
  return row;
}

export async function createUser(
  ctx: CallContext,
  input: ParsedInput<'users.create'>,
): Promise<Output<'users.create'>> {
  const passwordHash = await hashPassword(input.password);
  return ctx.store.transaction((db) =>
    toUserInfo(insertUser(db, ctx, officeRow(db).id, input, passwordHash)),
  );
}

export async function updateUser(
  ctx: CallContext,
  input: ParsedInput<'users.update'>,
): Promise<Output<'users.update'>> {
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  return ctx.store.transaction((db) => {
    const user = db.get(db.qb.selectFrom('users').selectAll().where('id', '=', input.id));
    if (!user) throw new ApiError('not_found', 'no such user', { field: 'id' });
    // Nobody may give the automatic changes' author a password or a role.
    if (user.login === SYSTEM_LOGIN)
      throw new ApiError('forbidden', 'the system user writes automatic changes and cannot be edited', {
        field: 'id',
      });
    if (user.id === ctx.actor?.userId && (input.active === false || (input.role && input.role !== 'admin')))
      throw new ApiError('invalid_state', 'an administrator cannot lock themselves out', { field: 'role' });
    const patch: Partial<UserTable> = {};
    if (input.fullName !== undefined) patch.full_name = input.fullName;
    if (input.role !== undefined) patch.role = input.role;
    if (input.active !== undefined) patch.active = input.active ? 1 : 0;
    if (passwordHash)
      Object.assign(patch, { password_hash: passwordHash, failed_attempts: 0, locked_until: null });
    const after = updateSynced(db, 'users', user.id, patch, stamp(ctx));
    if (input.active === false || passwordHash)
      db.run(db.qb.deleteFrom('sessions').where('user_id', '=', user.id));
    audit(db, ctx, user.office_id, 'users.update', 'user', user.id, {
      ...patch,
      password_hash: passwordHash ? '(changed)' : undefined,
    });
    return toUserInfo(after);
  });
}

export function listUsers(ctx: ReadContext, input: ParsedInput<'users.list'>): Output<'users.list'> {
  const db = ctx.store.read;
  let q = db.qb
    .selectFrom('users')
    .selectAll()
    .where('deleted_at', 'is', null)
    .where('login', '<>', SYSTEM_LOGIN)
    .orderBy('full_name');
  if (!input.includeInactive) q = q.where('active', '=', 1);
  return db.all(q).map(toUserInfo);
}

export async function signIn(
  ctx: CallContext,
  input: ParsedInput<'auth.signIn'>,
): Promise<Output<'auth.signIn'>> {
  // The contract bounds the login; the audit keeps a bounded copy whatever reaches it.
  const login = input.login.slice(0, MAX_LOGIN_LENGTH);
  const found = userByLogin(ctx.store.read, login);
  const user = found && found.active === 1 ? found : undefined;
  // An unknown login costs the same scrypt and gets the same answer as a wrong password: the answer
  // never tells which accounts exist. The lock is looked at only after the password is checked.
  const ok = await verifyPassword(input.password, user?.password_hash ?? decoyHash());
  const now = ctx.clock.now();
  const refuse = (): never => {
    throw new ApiError('unauthenticated', 'wrong login or password', { field: 'password' });
  };
  if (!user || !ok) {
    // Failure counters are local security state: written without a change-log entry, and committed
    // before the refusal is thrown (a throw inside the transaction would roll them back).
    ctx.store.transaction((w) => {
      if (!user) return audit(w, ctx, null, 'auth.signIn.failed', 'user', null, { login });
      const locked = countFailure(w, user.id, now);
      audit(w, ctx, user.office_id, locked ? 'auth.locked' : 'auth.signIn.failed', 'user', user.id);
    });
    return refuse();
  }
  const rehashed = needsRehash(user.password_hash) ? await hashPassword(input.password) : null;
  return ctx.store.transaction((w) => {
    // Read again inside the write: guesses that failed while this password was being checked count.
    const state = w.rawGet<{ locked_until: string | null }>(
      'SELECT locked_until FROM users WHERE id = ?',
      user.id,
    );
    if (state?.locked_until && Date.parse(state.locked_until) > now.getTime())
      throw new ApiError('locked', 'too many failed attempts; try again later', {
        // The office's zone with it: the sign-in screen knows no office yet, and shows its clock.
        details: { lockedUntil: state.locked_until, timeZone: officeRow(w).time_zone },
      });
    w.run(
      w.qb.updateTable('users').set({ failed_attempts: 0, locked_until: null }).where('id', '=', user.id),
    );
    const actorCtx = { ...ctx, actor: toActor(user) };
    // A hash of an older, cheaper cost is replaced by one of today's, now that the password is known:
    // a change like any other, so the office's other computers get it (sealed, through HQ) too.
    if (rehashed) updateSynced(w, 'users', user.id, { password_hash: rehashed }, stamp(actorCtx));
    const token = randomBytes(32).toString('base64url');
    w.run(
      w.qb.insertInto('sessions').values({
        token_hash: tokenHash(token),
        user_id: user.id,
        created_at: now.toISOString(),
        expires_at: new Date(now.getTime() + SESSION_MS).toISOString(),
      }),
    );
    w.run(w.qb.deleteFrom('sessions').where('expires_at', '<', now.toISOString()));
    audit(w, actorCtx, user.office_id, 'auth.signIn', 'user', user.id);
    return { token, user: toUserInfo(user), office: toOffice(officeRow(w)) };
  });
}

/**
 * Counts a failed sign-in in one statement, so guesses checked in parallel each count; the fifth
 * locks the account (and the count starts again). True when this failure locked it.
 */
function countFailure(w: WriteDb, userId: string, now: Date): boolean {
  const lockUntil = new Date(now.getTime() + LOCKOUT_MS).toISOString();
  const r = w.rawGet<{ failed_attempts: number }>(
    `UPDATE users SET
       locked_until = CASE WHEN failed_attempts + 1 >= ? THEN ? ELSE locked_until END,
       failed_attempts = CASE WHEN failed_attempts + 1 >= ? THEN 0 ELSE failed_attempts + 1 END
     WHERE id = ? RETURNING failed_attempts`,
    MAX_FAILED_SIGN_INS,
    lockUntil,
    MAX_FAILED_SIGN_INS,
    userId,
  );
  return r?.failed_attempts === 0;
}

export function signOut(ctx: CallContext): Output<'auth.signOut'> {
  ctx.store.transaction((db) => {
    if (ctx.sessionToken)
      db.run(db.qb.deleteFrom('sessions').where('token_hash', '=', tokenHash(ctx.sessionToken)));
    audit(db, ctx, null, 'auth.signOut', 'user', ctx.actor?.userId ?? null);
  });
  return { ok: true };
}

export function me(ctx: ReadContext): Output<'auth.me'> {
  const db = ctx.store.read;
  const user = db.get(db.qb.selectFrom('users').selectAll().where('id', '=', ctx.actor!.userId));
  if (!user) throw new ApiError('unauthenticated', 'the user is gone');
  return { user: toUserInfo(user), office: toOffice(officeRow(db)) };
}

function toActor(u: UserTable): Actor {
  return { userId: u.id, login: u.login, fullName: u.full_name, role: u.role };
}

/** The user behind a session token, if the session is live and the user active. */
export function actorForToken(db: ReadDb, token: string, now: Date): Actor | null {
  const row = db.get(
    db.qb
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .selectAll('users')
      .where('sessions.token_hash', '=', tokenHash(token))
      .where('sessions.expires_at', '>', now.toISOString())
      .where('users.active', '=', 1)
      .where('users.deleted_at', 'is', null),
  );
  return row ? toActor(row) : null;
}

/** The CLI acts as a named user: whoever runs it already holds the database file. */
export function actorForLogin(db: ReadDb, login: string): Actor | null {
  const u = userByLogin(db, login);
  return u && u.active === 1 ? toActor(u) : null;
}
