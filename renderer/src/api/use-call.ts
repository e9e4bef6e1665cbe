/**
 * A read a view shows: `useCall(method, input)` calls the API as the view renders, typed by the contract
 * as `call` is, and reads again when the input changes, when `reload` is called, and after any write
 * that touches the method (invalidation.ts says which: every write but a few that change nothing shown).
 */
import { useCallback, useEffect, useState } from 'react';
import { contract, type Input, type MethodName, type Output } from '../../../shared/api/index';
import { call } from './client';
import { onTouched } from './invalidation';

export interface CallState<T> {
  /**
   * The last answer. While a new input's answer is on its way, the previous input's stays (no flicker;
   * `loading` says it is not the current one); after an error it stays too, beside `error`.
   */
  data: T | undefined;
  /** What the last answer to the current input failed with (a CallError, as `call` throws). */
  error: Error | null;
  /** No answer to the current input has come yet. A read again after a write is not loading: it refreshes. */
  loading: boolean;
  /** Reads the current input again. */
  reload(): void;
  /**
   * Shows a state the view already holds — the one a write answered with — at once; the read the write
   * set off confirms it.
   */
  setData(data: T): void;
}

export interface CallOptions {
  /** When false nothing is read (an input not ready yet), and the hook holds no answer. */
  enabled?: boolean;
}

/** JSON with object keys sorted, so `{ a, b }` and `{ b, a }` are one input. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/**
 * How many writes have touched `method` while the view was mounted: a part of the key of a read that
 * `useCall` does not make itself (a list read a page at a time), so that it starts again after a write.
 */
export function useWritesTouching(method: MethodName): number {
  const [writes, setWrites] = useState(0);
  useEffect(() => onTouched(method, () => setWrites((n) => n + 1)), [method]);
  return writes;
}

interface Answer<T> {
  /** The method and input this answer is for. */
  key: string;
  data: T | undefined;
  error: Error | null;
}

/**
 * Only reads: a method the contract calls a write changes something each time it is called (a logged
 * read such as `contacts.get` writes the audit log), so it stays a deliberate `call`.
 */
export function useCall<M extends MethodName>(
  method: M,
  input: Input<M>,
  options: CallOptions = {},
): CallState<Output<M>> {
  if (contract[method].kind !== 'read') throw new Error(`useCall reads only: ${method} is a write`);
  const enabled = options.enabled ?? true;
  const inputJson = stableJson(input);
  const key = `${method} ${inputJson}`;
  const writes = useWritesTouching(method);
  // Bumped by `reload`; with the writes, the effect below reads again when it changes.
  const [reloads, setReloads] = useState(0);
  const round = writes + reloads;
  const [answer, setAnswer] = useState<Answer<Output<M>> | null>(null);

  useEffect(() => {
    if (!enabled) return;
    // An answer to an input since changed, or after the view has gone, is dropped.
    let live = true;
    call(method, JSON.parse(inputJson) as Input<M>).then(
      (data) => live && setAnswer({ key, data, error: null }),
      (e: unknown) =>
        live &&
        setAnswer((last) => ({
          key,
          data: last?.data,
          error: e instanceof Error ? e : new Error(String(e)),
        })),
    );
    return () => {
      live = false;
    };
  }, [method, inputJson, key, enabled, round]);

  const reload = useCallback(() => setReloads((n) => n + 1), []);
  const setData = useCallback((data: Output<M>) => setAnswer({ key, data, error: null }), [key]);

  if (!enabled) return { data: undefined, error: null, loading: false, reload, setData };
  return {
    data: answer?.data,
    error: answer?.key === key ? answer.error : null,
    loading: answer?.key !== key,
    reload,
    setData,
  };
}
