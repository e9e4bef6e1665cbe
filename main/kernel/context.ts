import type { Role } from '../../shared/api/define';
import type { Clock } from '../../shared/util/clock';
import type { Hlc } from '../../shared/util/hlc';
import type { Store } from '../../db/sql';

export type Transport = 'ipc' | 'http' | 'cli' | 'internal';

export interface Actor {
  userId: string;
  login: string;
  fullName: string;
  role: Role;
}

/** What every service call gets: the database, the clock, and who is calling through which transport. */
export interface CallContext {
  store: Store;
  clock: Clock;
  hlc: Hlc;
  transport: Transport;
  actor: Actor | null;
  /** The session token the call came with, for sign-out. */
  sessionToken: string | null;
  /** The office's data folder, where attached files are kept; null when the API was opened without one. */
  dataDir: string | null;
}

export function requireActor(ctx: CallContext): Actor {
  if (!ctx.actor) throw new Error('internal: a signed-in method was called without an actor');
  return ctx.actor;
}
