import { useCallback, useEffect, useState, type FocusEvent, type RefObject } from 'react';

/** The value once it has stopped changing for `ms`: lookups and searches wait for a pause in typing. */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * A request to move the cursor to the first marked field in tab order (not the server's order). It acts in
 * an effect, after React has committed the errors: a frame callback can run before the commit and find
 * nothing marked yet.
 */
export function useFocusFirstInvalid(root: RefObject<HTMLElement | null>): () => void {
  const [requests, setRequests] = useState(0);
  useEffect(() => {
    if (requests > 0) root.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [requests, root]);
  return useCallback(() => setRequests((n) => n + 1), []);
}

/**
 * A form with a sticky bar of buttons at its foot: a field reached by Tab that the bar covers, even in
 * part (a tall text area the browser counts as shown), is brought above it. The fields' own
 * `scroll-margin-bottom` says how far above.
 */
export function keepClearOfStickyBar(e: FocusEvent<HTMLElement>): void {
  const field = e.target;
  const bar = e.currentTarget.querySelector('.actions--sticky');
  if (!(field instanceof HTMLElement) || !bar || bar.contains(field)) return;
  if (field.getBoundingClientRect().bottom > bar.getBoundingClientRect().top)
    field.scrollIntoView({ block: 'nearest' });
}
