/**
 * Which reads a write makes stale, and the reads on screen that want to know. The client reports every
 * call that succeeds (`wrote`); each mounted read (`useCall`, the paged lists, the registry, the bell)
 * listens for its method (`onTouched`) and reads again when a write touches it.
 *
 * The rule: a write touches every read, save for the writes below that change nothing a screen shows.
 * The contract says which methods read and which write; it does not say which rows a write reaches, and
 * most writes reach several screens at once — a workflow step moves the appeal, its tasks, the home
 * screen's figures, the statistics, a request or a reminder. A map from each write to the reads it
 * touches would have to be kept up to date by hand as methods are added, and a missed entry is exactly a
 * screen left stale. What is mounted at any moment is one screen and the sidebar, so reading all of it
 * again after a write costs a few local reads.
 */
import { contract, type MethodName } from '../../../shared/api/index';

/**
 * Writes after which no read need run again: a logged read (the contract makes it a write because the
 * audit log records who looked, and nothing else changes), a file handed over for a later import, and
 * the session's own changes — signing in or out and the first set-up replace the whole screen, and a
 * read sent meanwhile would meet a session that has just ended.
 */
export const WRITES_THAT_CHANGE_NOTHING_SHOWN: ReadonlySet<MethodName> = new Set<MethodName>([
  'auth.signIn',
  'auth.signOut',
  'setup.init',
  'contacts.get',
  'contacts.personalData',
  'contacts.export',
  'contacts.upload',
]);

/** Whether a successful call of `write` makes an earlier answer of `read` stale. */
export function touches(write: MethodName, read: MethodName): boolean {
  return (
    contract[write].kind === 'write' &&
    !WRITES_THAT_CHANGE_NOTHING_SHOWN.has(write) &&
    contract[read].kind === 'read'
  );
}

interface Listener {
  read: MethodName;
  run(): void;
}

const listeners = new Set<Listener>();

/** Calls `run` after each write that touches `read`, until the returned function is called. */
export function onTouched(read: MethodName, run: () => void): () => void {
  const listener: Listener = { read, run };
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** A call of `method` has succeeded: when it was a write, the reads it touches are told. */
export function wrote(method: MethodName): void {
  if (contract[method].kind !== 'write') return;
  for (const listener of [...listeners]) if (touches(method, listener.read)) listener.run();
}
