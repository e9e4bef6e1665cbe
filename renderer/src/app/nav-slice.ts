import type { SliceCreator } from '../store';

export const SECTIONS = [
  'appeals',
  'tasks',
  'requests',
  'events',
  'contacts',
  'reports',
  'settings',
] as const;
export type Section = (typeof SECTIONS)[number];

export type Route = { view: Section | 'register' } | { view: 'appeal'; id: string };

export interface NavSlice {
  route: Route;
  /** Where Escape goes back to. */
  trail: Route[];
  go(route: Route): void;
  back(): void;
}

function toHash(r: Route): string {
  return r.view === 'appeal' ? `#/appeal/${r.id}` : `#/${r.view}`;
}

/** The route lives in the fragment so a reload (browser mode) stays on the same screen. */
export function routeFromHash(hash: string): Route {
  const m = /^#\/([a-z]+)(?:\/([0-9a-f-]{36}))?$/.exec(hash);
  if (m?.[1] === 'appeal' && m[2]) return { view: 'appeal', id: m[2] };
  const view = m?.[1];
  if (view === 'register' || (SECTIONS as readonly string[]).includes(view ?? '')) return { view } as Route;
  return { view: 'appeals' };
}

function show(r: Route): void {
  if (typeof window !== 'undefined') window.history.replaceState(null, '', toHash(r));
}

const same = (a: Route, b: Route): boolean => toHash(a) === toHash(b);

export const createNavSlice: SliceCreator<NavSlice> = (set, get) => ({
  route: typeof window !== 'undefined' ? routeFromHash(window.location.hash) : { view: 'appeals' },
  trail: [],
  go(route) {
    const { route: current, trail } = get();
    if (same(current, route)) return;
    show(route);
    set({ route, trail: [...trail, current].slice(-20) });
  },
  back() {
    const { trail } = get();
    const previous = trail[trail.length - 1] ?? { view: 'appeals' };
    show(previous);
    set({ route: previous, trail: trail.slice(0, -1) });
  },
});
