import type { Role } from '../../../shared/api/define';
import { mayCall } from '../api/access';
import type { SliceCreator } from '../store';
import {
  decodeFilter,
  encodeFilter,
  isFilteredList,
  type FilteredList,
  type ListFilters,
} from './route-filters';

/** In the order of their Alt+digit keys: the deputy's queue is Alt+0, the registry Alt+1. */
export const SECTIONS = [
  'queue',
  'appeals',
  'tasks',
  'requests',
  'events',
  'contacts',
  'reports',
  'statistics',
  'settings',
  'audit',
  'reception',
  'campaigns',
] as const;
export type Section = (typeof SECTIONS)[number];

/** A list opened with a filter (a figure of the home screen, or the list's own filters kept in the fragment). */
export type ListRoute = { [L in FilteredList]: { view: L; filter: ListFilters[L] } }[FilteredList];

export type Route =
  | { view: Section | 'register' | 'inbox' | 'mail' | 'home' | 'mandates'; filter?: undefined }
  | ListRoute
  | { view: 'appeal'; id: string }
  | { view: 'event'; id: string };

export interface NavSlice {
  route: Route;
  /** Where Escape goes back to. */
  trail: Route[];
  go(route: Route): void;
  /** The same screen with another filter: the fragment follows, nothing is added to the trail. */
  replace(route: Route): void;
  back(): void;
  /** A new start (a sign-in): this screen, with nothing to go back to. */
  home(route: Route): void;
}

export function toHash(r: Route): string {
  if (r.view === 'appeal' || r.view === 'event') return `#/${r.view}/${r.id}`;
  const query = r.filter ? encodeFilter(r.filter) : '';
  return query ? `#/${r.view}?${query}` : `#/${r.view}`;
}

/** The route lives in the fragment so a reload (browser mode) stays on the same screen, filter and all. */
export function routeFromHash(hash: string): Route {
  const m = /^#\/([a-z]+)(?:\/([0-9a-f-]{36}))?(?:\?(.*))?$/.exec(hash);
  if (m?.[1] === 'appeal' && m[2]) return { view: 'appeal', id: m[2] };
  if (m?.[1] === 'event' && m[2]) return { view: 'event', id: m[2] };
  const view = m?.[1];
  if (view && isFilteredList(view) && m[3]) {
    const filter = decodeFilter(view, m[3]);
    if (filter) return { view, filter } as ListRoute;
  }
  if (
    view === 'register' ||
    view === 'inbox' ||
    view === 'mail' ||
    view === 'home' ||
    view === 'mandates' ||
    (SECTIONS as readonly string[]).includes(view ?? '')
  )
    return { view } as Route;
  return { view: 'home' };
}

function show(r: Route): void {
  if (typeof window !== 'undefined') window.history.replaceState(null, '', toHash(r));
}

const same = (a: Route, b: Route): boolean => toHash(a) === toHash(b);

export const createNavSlice: SliceCreator<NavSlice> = (set, get) => ({
  route: typeof window !== 'undefined' ? routeFromHash(window.location.hash) : { view: 'home' },
  trail: [],
  go(route) {
    const { route: current, trail } = get();
    if (same(current, route)) return;
    show(route);
    set({ route, trail: [...trail, current].slice(-20) });
  },
  replace(route) {
    if (same(get().route, route)) return;
    show(route);
    set({ route });
  },
  back() {
    const { trail } = get();
    const previous = trail[trail.length - 1] ?? startRoute();
    show(previous);
    set({ route: previous, trail: trail.slice(0, -1) });
  },
  home(route) {
    show(route);
    set({ route, trail: [] });
  },
});

/**
 * The deputy's queue is the deputy's (and those who watch over the office), the Журнал доступа the office
 * head's and the admin's; the rest is everyone's.
 */
export function mayOpen(role: Role | undefined, section: Section): boolean {
  if (section === 'queue') return mayCall(role, 'workflow.deputyQueue');
  if (section === 'audit') return mayCall(role, 'audit.list');
  if (section === 'campaigns') return mayCall(role, 'campaigns.list');
  return true;
}

/** Where a person lands after signing in: the home screen of his role. */
export function startRoute(): Route {
  return { view: 'home' };
}
