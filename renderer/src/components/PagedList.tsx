import { useCallback, useEffect, useRef, useState } from 'react';
import type { MethodName } from '../../../shared/api/index';
import { useWritesTouching } from '../api/use-call';
import { errorText, workflowText } from '../i18n';

/** A page of a list read a page at a time (`tasks.list`, `requests.list`). */
export interface Page<R> {
  rows: R[];
  total: number;
  nextCursor: string | null;
}

export interface PagedList<R> {
  /** The rows read so far; until the first page of a new key comes, the previous key's (no flicker). */
  rows: R[] | null;
  total: number;
  /** Whether pages remain. */
  more: boolean;
  loading: boolean;
  error: string | null;
  /** Reads the next page and appends it; nothing when none remains or one is being read. */
  loadMore(): void;
}

/**
 * A list read a page at a time by `method`. `key` names what is listed (the filter): when it changes, and
 * after a write that touches the method (api/invalidation.ts), the list starts again from the first page.
 * `load` reads the page after a cursor.
 */
export function usePagedList<R>(
  method: MethodName,
  filterKey: string,
  load: (cursor: string | null) => Promise<Page<R>>,
): PagedList<R> {
  const key = `${filterKey}#${useWritesTouching(method)}`;
  const [state, setState] = useState<{ key: string; rows: R[]; total: number; next: string | null } | null>(
    null,
  );
  /** The cursor of the next page being read, if one is. */
  const [reading, setReading] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const loader = useRef(load);
  useEffect(() => {
    loader.current = load;
  });

  useEffect(() => {
    let live = true;
    loader.current(null).then(
      (page) => {
        if (!live) return;
        setState({ key, rows: page.rows, total: page.total, next: page.nextCursor });
        setError(null);
      },
      (e: unknown) => live && setError(errorText(e)),
    );
    return () => {
      live = false;
    };
  }, [key]);

  const current = state?.key === key ? state : null;
  const next = current?.next ?? null;
  const loadMore = useCallback(() => {
    if (!next || reading === next) return;
    setReading(next);
    loader.current(next).then(
      (page) => {
        // A page for a key that has changed meanwhile is dropped.
        setState((s) =>
          s && s.key === key && s.next === next
            ? { key, rows: [...s.rows, ...page.rows], total: page.total, next: page.nextCursor }
            : s,
        );
        setReading(null);
      },
      (e: unknown) => {
        setError(errorText(e));
        setReading(null);
      },
    );
  }, [key, next, reading]);

  return {
    rows: state?.rows ?? null,
    total: state?.total ?? 0,
    more: next !== null,
    loading: current === null || reading !== null,
    error,
    loadMore,
  };
}

/** «Показать ещё» under a paged list, while pages remain. */
export function MoreRows({ list }: { list: PagedList<unknown> }) {
  if (!list.more) return null;
  return (
    <p className="list-more">
      <button type="button" className="btn" disabled={list.loading} onClick={list.loadMore}>
        {workflowText.list.more}
      </button>
      <span className="muted">{workflowText.list.moreHint}</span>
    </p>
  );
}
