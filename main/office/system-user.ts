import type { WriteDb } from '../../db/sql';
import { systemUserName } from '../../shared/i18n/ru/reminders';
import type { Clock } from '../../shared/util/clock';
import type { Hlc } from '../../shared/util/hlc';
import { audit, insertSynced } from '../kernel/bookkeeping';
import type { Actor } from '../kernel/context';
import { derivedId } from '../kernel/derived-id';

/** A login no person can have (logins are latin letters, digits, dot, dash, underscore). */
export const SYSTEM_LOGIN = '@system';

/**
 * The user automatic changes are written by (the scheduler's moves), so their history, change log and
 * audit read like anyone's. Made on first use; inactive, with no password, so nobody can sign in as it.
 */
export function systemActor(db: WriteDb, env: { clock: Clock; hlc: Hlc }, officeId: string): Actor {
  const found = db.rawGet<{ id: string; full_name: string }>(
    'SELECT id, full_name FROM users WHERE login = ?',
    SYSTEM_LOGIN,
  );
  const actor = (id: string, fullName: string): Actor => ({
    userId: id,
    login: SYSTEM_LOGIN,
    fullName,
    role: 'admin',
  });
  if (found) return actor(found.id, found.full_name);
  const d = env.clock.now();
  const now = d.toISOString();
  // The same id on every computer of the office: two that made it while apart hold one user after sync.
  const id = derivedId(0, officeId, SYSTEM_LOGIN);
  insertSynced(db, 'users', {
    id,
    office_id: officeId,
    created_at: now,
    updated_at: now,
    hlc: env.hlc.send(d.getTime()),
    deleted_at: null,
    login: SYSTEM_LOGIN,
    full_name: systemUserName,
    role: 'admin',
    password_hash: '!',
    active: 0,
    failed_attempts: 0,
    locked_until: null,
  });
  const made = actor(id, systemUserName);
  audit(
    db,
    { clock: env.clock, transport: 'internal', actor: made } as Parameters<typeof audit>[1],
    officeId,
    'users.system',
    'user',
    id,
  );
  return made;
}
