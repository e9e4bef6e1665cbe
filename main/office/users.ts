import { createHash, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { ReadDb } from '../../db/sql';
import type { UserTable } from '../../db/schema';
import { ApiError } from '../../shared/api/define';
import type { UserInfo } from '../../shared/api/office';
import type { ParsedInput, Output } from '../../shared/api/index';
import { audit, insertSynced, newSyncColumns, stamp, updateSynced } from '../kernel/bookkeeping';
import type { Actor, CallContext } from '../kernel/context';
import { SYSTEM_LOGIN } from './system-user';
import { createOffice, officeRow, toOffice } from './office';

const SCRYPT: ScryptOptions = { N: 16384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_LEN = 32;
export const MAX_FAILED_SIGN_INS = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;
const SESSION_MS = 12 * 60 * 60 * 1000;

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

export function listUsers(ctx: CallContext, input: ParsedInput<'users.list'>): Output<'users.list'> {
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
  const db = ctx.store.read;
  const user = userByLogin(db, input.login);
  const now = ctx.clock.now();
  const refuse = (): never => {
    throw new ApiError('unauthenticated', 'wrong login or password', { field: 'password' });
  };
  if (!user || user.active !== 1) {
    ctx.store.transaction((w) =>
      audit(w, ctx, null, 'auth.signIn.failed', 'user', null, { login: input.login }),
    );
    return refuse();
  }
  if (user.locked_until && Date.parse(user.locked_until) > now.getTime())
    throw new ApiError('locked', 'too many failed attempts; try again later', {
      details: { lockedUntil: user.locked_until },
    });
  const ok = await verifyPassword(input.password, user.password_hash);
  if (!ok) {
    // Failure counters are local security state: written without a change-log entry, and committed
    // before the refusal is thrown (a throw inside the transaction would roll them back).
    ctx.store.transaction((w) => {
      const failed = user.failed_attempts + 1;
      const locked =
        failed >= MAX_FAILED_SIGN_INS ? new Date(now.getTime() + LOCKOUT_MS).toISOString() : null;
      w.run(
        w.qb
          .updateTable('users')
          .set({ failed_attempts: locked ? 0 : failed, locked_until: locked })
          .where('id', '=', user.id),
      );
      audit(w, ctx, user.office_id, locked ? 'auth.locked' : 'auth.signIn.failed', 'user', user.id);
    });
    return refuse();
  }
  return ctx.store.transaction((w) => {
    w.run(
      w.qb.updateTable('users').set({ failed_attempts: 0, locked_until: null }).where('id', '=', user.id),
    );
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
    const actorCtx = { ...ctx, actor: toActor(user) };
    audit(w, actorCtx, user.office_id, 'auth.signIn', 'user', user.id);
    return { token, user: toUserInfo(user), office: toOffice(officeRow(w)) };
  });
}

export function signOut(ctx: CallContext): Output<'auth.signOut'> {
  ctx.store.transaction((db) => {
    if (ctx.sessionToken)
      db.run(db.qb.deleteFrom('sessions').where('token_hash', '=', tokenHash(ctx.sessionToken)));
    audit(db, ctx, null, 'auth.signOut', 'user', ctx.actor?.userId ?? null);
  });
  return { ok: true };
}

export function me(ctx: CallContext): Output<'auth.me'> {
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
