import { randomBytes } from 'node:crypto';
import { SqliteError } from 'better-sqlite3';
import type { Store } from '../../db/sql';
import { contract, isMethodName, type MethodName } from '../../shared/api/index';
import { ApiError, validationError, type Envelope, type MethodDef } from '../../shared/api/define';
import { internalErrorText } from '../../shared/i18n/ru/server-messages';
import type { Clock } from '../../shared/util/clock';
import type { Hlc } from '../../shared/util/hlc';
import { audit } from '../kernel/bookkeeping';
import {
  capabilitiesOf,
  type Actor,
  type AuditedReadContext,
  type CallContext,
  type ReadContext,
  type Transport,
} from '../kernel/context';
import { officeRow } from '../office/queries';
import { handlers } from './handlers';
import { actorForLogin, actorForToken } from '../office/users';
import { keyFileBox, type SecretBox } from '../secrets/box';

/** How a call says who makes it: a session token (IPC, HTTP), or a login (the CLI only). */
export interface CallAuth {
  token?: string | null;
  login?: string | null;
}

export interface ApiOptions {
  /** Check every output against its schema too (tests turn this on). */
  validateOutput?: boolean;
  log?: (message: string, error: unknown) => void;
  /** The office's data folder (attached files live under `files/`); `openOffice` defaults it. */
  dataDir?: string;
  /** The driver build the office was opened with (`OpenOptions.nativeBinding`), handed to services. */
  nativeBinding?: string;
  /** Seals the office's stored secrets (mailbox passwords); `openOffice` defaults it to the data folder's key file. */
  secrets?: SecretBox;
  /** Told of each successful call: the scheduler scans after writes, the desktop learns who is signed in. */
  afterCall?: (call: { method: MethodName; kind: 'read' | 'write'; actor: Actor | null }) => void;
  /**
   * A read-only database (HQ's analyst view): every method of kind `write` is refused but these
   * (signing in and out keep only sessions, no office data).
   */
  writesAllowed?: ReadonlySet<MethodName>;
}

function logToConsole(message: string, error: unknown): void {
  console.error(message, error);
}

export const READ_ONLY_MESSAGE = 'the HQ view is read-only: office data is changed in its office';

/**
 * The single entry point every transport calls: it validates the input, finds the caller, checks the
 * role, runs the service, and turns every failure into the error envelope. Transports add no logic.
 */
export class Api {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly hlc: Hlc,
    private readonly options: ApiOptions = {},
  ) {}

  async call(
    transport: Transport,
    method: string,
    input: unknown,
    auth: CallAuth = {},
  ): Promise<Envelope<unknown>> {
    try {
      if (!isMethodName(method))
        throw new ApiError('unknown_method', `no method ${method}`, { field: 'method' });
      const def = contract[method] as MethodDef;
      // Before the input is read: a read-only database refuses the write whoever asks and whatever it carries.
      const allowed = this.options.writesAllowed;
      if (allowed && def.kind === 'write' && !allowed.has(method))
        throw new ApiError('forbidden', READ_ONLY_MESSAGE);
      const parsed = def.input.safeParse(input ?? {});
      if (!parsed.success) throw validationError(parsed.error);
      const actor = this.authenticate(def, transport, auth);
      const ctx = this.context(def, transport, actor, auth.token ?? null);
      const handler = handlers[method] as (c: ReadContext, i: unknown) => unknown;
      const value = await handler(ctx, parsed.data);
      if (this.options.validateOutput) def.output.parse(value);
      this.options.afterCall?.({ method, kind: def.kind, actor });
      return { ok: true, value };
    } catch (e) {
      return { ok: false, error: this.toError(method, e).toBody() };
    }
  }

  /**
   * The handler's context by the method's kind: a write gets the store, a read only its read handle
   * (no `transaction` to call), an audited read its own audit entry besides.
   */
  private context(def: MethodDef, transport: Transport, actor: Actor | null, token: string | null) {
    const base = {
      clock: this.clock,
      hlc: this.hlc,
      transport,
      may: capabilitiesOf(transport),
      actor,
      sessionToken: token,
      dataDir: this.options.dataDir ?? null,
      nativeBinding: this.options.nativeBinding,
      secrets: this.secrets(),
    };
    if (def.kind === 'write') return { ...base, store: this.store } satisfies CallContext;
    const read: ReadContext = { ...base, store: { read: this.store.read } };
    if (!def.audited) return read;
    const audited: AuditedReadContext = {
      ...read,
      auditRead: (action, entity, ids, details) =>
        this.store.transaction((db) => {
          const officeId = officeRow(db).id;
          for (const id of ids === null || typeof ids === 'string' ? [ids] : ids)
            audit(db, read, officeId, action, entity, id, details);
        }),
    };
    return audited;
  }

  private authenticate(def: MethodDef, transport: Transport, auth: CallAuth): Actor | null {
    if (def.access === 'public') return null;
    const now = this.clock.now();
    let actor: Actor | null = null;
    if (auth.token) actor = actorForToken(this.store.read, auth.token, now);
    else if (auth.login && (transport === 'cli' || transport === 'internal'))
      actor = actorForLogin(this.store.read, auth.login);
    if (!actor) throw new ApiError('unauthenticated', 'sign in first');
    if (def.access !== 'signed_in' && !def.access.includes(actor.role))
      throw new ApiError('forbidden', `the role ${actor.role} may not do this`);
    return actor;
  }

  private toError(method: string, e: unknown): ApiError {
    if (e instanceof ApiError) return e;
    if (e instanceof SqliteError && e.code.startsWith('SQLITE_CONSTRAINT'))
      return new ApiError('conflict', `the change conflicts with stored data (${e.code})`);
    if (e instanceof SqliteError && e.code === 'SQLITE_BUSY')
      return new ApiError('conflict', 'the database is busy; try again');
    // The exception's text names tables, indexes and paths: it goes to the log with a reference the
    // user can quote, and the answer says only that something failed.
    const reference = randomBytes(4).toString('hex').toUpperCase();
    (this.options.log ?? logToConsole)(`${method} failed [${reference}]`, e);
    return new ApiError('internal', internalErrorText(reference), { details: { reference } });
  }

  /**
   * A context for work the office does by itself (the scheduler's auto-moves): no user, the internal
   * transport, and the same clock and HLC as every call, so its stamps stay in order with theirs.
   */
  systemContext(): CallContext {
    return {
      store: this.store,
      clock: this.clock,
      hlc: this.hlc,
      transport: 'internal',
      may: capabilitiesOf('internal'),
      actor: null,
      sessionToken: null,
      dataDir: this.options.dataDir ?? null,
      secrets: this.secrets(),
    };
  }

  /** The office's secret keeper: the one it was opened with, else the key file of its data folder. */
  private secrets(): SecretBox | null {
    if (this.options.secrets) return this.options.secrets;
    return this.options.dataDir ? (this.keyFile ??= keyFileBox(this.options.dataDir)) : null;
  }

  private keyFile: SecretBox | null = null;

  methods(): MethodName[] {
    return Object.keys(contract) as MethodName[];
  }
}
