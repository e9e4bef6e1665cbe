/**
 * The renderer's one way to the API: `call(method, input)` typed by the contract. It picks the transport
 * (Electron's preload bridge or browser mode's HTTP), adds the session, and turns an error envelope into a
 * thrown CallError, so views handle failures with try/catch and never see an opaque remote error. A write
 * that succeeds is reported to invalidation.ts, so what it changed on screen is read again.
 */
import type { ApiIssue, Envelope, ErrorCode } from '../../../shared/api/define';
import type { Input, MethodName, Output } from '../../../shared/api/index';
import { wrote } from './invalidation';

declare global {
  interface Window {
    priemnaya?: {
      call(method: string, input: unknown, session: string | null): Promise<Envelope<unknown>>;
      /** Desktop only: writes the file to a temporary folder and opens it; resolves to an error text or null. */
      openDocument?(name: string, dataBase64: string): Promise<string | null>;
    };
  }
}

export type CallErrorCode = ErrorCode | 'network';

export class CallError extends Error {
  readonly code: CallErrorCode;
  readonly field: string | undefined;
  readonly issues: ApiIssue[];
  readonly details: unknown;

  constructor(
    code: CallErrorCode,
    message: string,
    extra: { field?: string; issues?: ApiIssue[]; details?: unknown } = {},
  ) {
    super(message);
    this.name = 'CallError';
    this.code = code;
    this.field = extra.field;
    this.issues = extra.issues ?? [];
    this.details = extra.details;
  }
}

export function isCallError(e: unknown): e is CallError {
  return e instanceof CallError;
}

const LAUNCH_KEY = 'priemnaya.launch';
const SESSION_KEY = 'priemnaya.session';

/** Browser mode only: the launch token comes once in `#token=…`; it must not stay in the address bar. */
function takeLaunchToken(): string | null {
  if (typeof window === 'undefined') return null;
  const m = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (m?.[1]) {
    const token = decodeURIComponent(m[1]);
    sessionStorage.setItem(LAUNCH_KEY, token);
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
    return token;
  }
  return sessionStorage.getItem(LAUNCH_KEY);
}

type Transport = (method: string, input: unknown, session: string | null) => Promise<Envelope<unknown>>;

function httpTransport(launchToken: string | null): Transport {
  return async (method, input, session) => {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (launchToken) headers.Authorization = `Bearer ${launchToken}`;
    if (session) headers['X-Session'] = session;
    let response: Response;
    try {
      response = await fetch(`/api/${method}`, { method: 'POST', headers, body: JSON.stringify(input) });
    } catch (e) {
      throw new CallError('network', e instanceof Error ? e.message : String(e));
    }
    try {
      return (await response.json()) as Envelope<unknown>;
    } catch {
      throw new CallError('network', `HTTP ${response.status}`);
    }
  };
}

const electron = typeof window !== 'undefined' ? window.priemnaya : undefined;
const transport: Transport = electron
  ? (method, input, session) => electron.call(method, input, session)
  : httpTransport(takeLaunchToken());

/** Electron keeps the session in memory only; a browser tab keeps it for a reload (sessionStorage). */
let session: string | null = electron ? null : sessionStorage.getItem(SESSION_KEY);

export function setSession(token: string | null): void {
  session = token;
  if (electron) return;
  if (token) sessionStorage.setItem(SESSION_KEY, token);
  else sessionStorage.removeItem(SESSION_KEY);
}

export function hasSession(): boolean {
  return session !== null;
}

let onSessionLost: (() => void) | null = null;

/** Called when a signed-in call finds its session gone (expired, or the user was deactivated). */
export function whenSessionLost(fn: () => void): void {
  onSessionLost = fn;
}

export async function call<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> {
  const sentWith = session;
  const envelope = await transport(method, input, sentWith);
  if (envelope.ok) {
    // The reads on screen that the write has made stale read again (see invalidation.ts).
    wrote(method);
    return envelope.value as Output<M>;
  }
  const { code, message, ...extra } = envelope.error;
  if (code === 'unauthenticated' && sentWith !== null && session === sentWith) {
    setSession(null);
    onSessionLost?.();
  }
  throw new CallError(code, message, extra);
}
