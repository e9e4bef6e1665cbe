import type { Role } from '../../../shared/api/define';
import { mayCall } from '../api/access';
import type { SliceCreator } from '../store';

/** In the order of their Alt+digit keys: the deputy's queue is Alt+0, the registry Alt+1. */
export const SECTIONS = [
  'queue',
  'appeals',
  'tasks',
  'requests',
  'events',
  'contacts',
  'reports',
  'settings',
  'statistics',
] as const;
export type Section = (typeof SECTIONS)[number];

export type Route =
  { view: Section | 'register' | 'inbox' } | { view: 'appeal'; id: string } | { view: 'event'; id: string };

export interface NavSlice {
  route: Route;
  /** Where Escape goes back to. */
  trail: Route[];
  go(route: Route): void;
  back(): void;
  /** A new start (a sign-in): this screen, with nothing to go back to. */
  home(route: Route): void;
}

function toHash(r: Route): string {
  return r.view === 'appeal' || r.view === 'event' ? `#/${r.view}/${r.id}` : `#/${r.view}`;
}

/** The route lives in the fragment so a reload (browser mode) stays on the same screen. */
export function routeFromHash(hash: string): Route {
  const m = /^#\/([a-z]+)(?:\/([0-9a-f-]{36}))?$/.exec(hash);
  if (m?.[1] === 'appeal' && m[2]) return { view: 'appeal', id: m[2] };
  if (m?.[1] === 'event' && m[2]) return { view: 'event', id: m[2] };
  const view = m?.[1];
  if (view === 'register' || view === 'inbox' || (SECTIONS as readonly string[]).includes(view ?? ''))
    return { view } as Route;
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
    const previous = trail[trail.length - 1] ?? startRoute(get().user?.role);
    show(previous);
    set({ route: previous, trail: trail.slice(0, -1) });
  },
  home(route) {
    show(route);
    set({ route, trail: [] });
  },
});

/** The deputy's queue is the deputy's (and those who watch over the office); the rest is everyone's. */
export function mayOpen(role: Role | undefined, section: Section): boolean {
  return section !== 'queue' || mayCall(role, 'workflow.deputyQueue');
}

/** Where a person lands after signing in: the deputy on what awaits his decision. */
export function startRoute(role: Role | undefined): Route {
  return role === 'deputy' ? { view: 'queue' } : { view: 'appeals' };
}
