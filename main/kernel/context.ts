import type { Role } from '../../shared/api/define';
import type { Clock } from '../../shared/util/clock';
import type { Hlc } from '../../shared/util/hlc';
import type { ReadDb, Store } from '../../db/sql';
import type { SecretBox } from '../secrets/box';

export type Transport = 'ipc' | 'http' | 'cli' | 'internal';

export interface Actor {
  userId: string;
  login: string;
  fullName: string;
  role: Role;
}

/**
 * What the channel a call came through lets a service do: decided once by the dispatcher from the
 * transport, so services ask what they may do rather than who is calling them.
 */
export interface Capabilities {
  /**
   * Name files on this computer by path (import from one, export to one): the command line and the
   * office's own work may; a caller over IPC or HTTP hands files over as uploads instead.
   */
  localFiles: boolean;
}

export function capabilitiesOf(transport: Transport): Capabilities {
  return { localFiles: transport === 'cli' || transport === 'internal' };
}

/** The store as a read handler gets it: a read handle and no way to open a write transaction. */
export interface ReadStore {
  readonly read: ReadDb;
}

interface ContextBase {
  clock: Clock;
  hlc: Hlc;
  transport: Transport;
  may: Capabilities;
  actor: Actor | null;
  /** The session token the call came with, for sign-out. */
  sessionToken: string | null;
  /** The office's data folder, where attached files are kept; null when the API was opened without one. */
  dataDir: string | null;
  /** The driver build the office was opened with (Electron's own), for the rare second connection (a restore). */
  nativeBinding?: string;
  /** Seals and opens the office's stored secrets (mailbox passwords); null without a data folder. */
  secrets?: SecretBox | null;
}

/** What a read gets: the database to read, the clock, and who is calling through which transport. */
export interface ReadContext extends ContextBase {
  store: ReadStore;
}

/** An audited read (the contract says `audited`): a read that may add its own audit entry, nothing more. */
export interface AuditedReadContext extends ReadContext {
  /**
   * One audit entry per id, in one transaction; `null` for one entry about no single row (a search of the
   * audit itself), with `details` kept on each entry.
   */
  auditRead(action: string, entity: string, ids: string | null | readonly string[], details?: unknown): void;
}

/** What a write gets: the store that opens the write transaction, besides everything a read gets. */
export interface CallContext extends ContextBase {
  store: Store;
}

export function requireActor(ctx: ReadContext): Actor {
  if (!ctx.actor) throw new Error('internal: a signed-in method was called without an actor');
  return ctx.actor;
}
