import {
  SORT_FIELDS,
  type AppealFilter,
  type AppealKind,
  type AppealRow,
  type AppealStatus,
  type Channel,
} from '../../../../shared/api/appeals';
import { call, isCallError } from '../../api/client';
import { onTouched } from '../../api/invalidation';
import { errorText, fieldErrors } from '../../i18n';
import type { SliceCreator } from '../../store';

export type SortField = (typeof SORT_FIELDS)[number];
export type Sort = { field: SortField; dir: 'asc' | 'desc' };

/** The filter as the inputs hold it: '' means "any". */
export interface RegistryFilter {
  q: string;
  status: AppealStatus | '';
  responsibleId: string;
  channel: Channel | '';
  kind: AppealKind | '';
  topic: string;
  receivedFrom: string;
  receivedTo: string;
  dueFrom: string;
  dueTo: string;
  overdue: boolean;
  /** Registered later than three days after receipt (59-FZ Art. 8 p.2). */
  registeredLate: boolean;
  /** Open appeals only, and those with nobody responsible (links from the home screen set them). */
  open: boolean;
  unassigned: boolean;
  /** HQ's analyst view: the offices picked (none: every office). */
  officeIds: string[];
}

export const EMPTY_FILTER: RegistryFilter = {
  q: '',
  status: '',
  responsibleId: '',
  channel: '',
  kind: '',
  topic: '',
  receivedFrom: '',
  receivedTo: '',
  dueFrom: '',
  dueTo: '',
  overdue: false,
  registeredLate: false,
  open: false,
  unassigned: false,
  officeIds: [],
};

const DEFAULT_SORT: Sort = { field: 'registeredOn', dir: 'desc' };
/** Enough rows to fill two screens, few enough to arrive at once. */
export const PAGE_SIZE = 100;

export function toApiFilter(f: RegistryFilter): AppealFilter {
  const out: AppealFilter = {};
  if (f.q.trim()) out.q = f.q.trim();
  if (f.status) out.status = [f.status];
  if (f.responsibleId) out.responsibleId = f.responsibleId;
  if (f.channel) out.channel = [f.channel];
  if (f.kind) out.kind = [f.kind];
  if (f.topic.trim()) out.topic = f.topic.trim();
  if (f.receivedFrom) out.receivedFrom = f.receivedFrom;
  if (f.receivedTo) out.receivedTo = f.receivedTo;
  if (f.dueFrom) out.dueFrom = f.dueFrom;
  if (f.dueTo) out.dueTo = f.dueTo;
  if (f.overdue) out.overdue = true;
  if (f.registeredLate) out.registeredLate = true;
  if (f.open) out.open = true;
  if (f.unassigned) out.unassigned = true;
  if (f.officeIds.length) out.officeIds = f.officeIds;
  return out;
}

/** The contract's filter (a link's) as the inputs hold it; a list with several values shows the first. */
export function fromApiFilter(f: AppealFilter): RegistryFilter {
  return {
    q: f.q ?? '',
    status: f.status?.[0] ?? '',
    responsibleId: f.responsibleId ?? '',
    channel: f.channel?.[0] ?? '',
    kind: f.kind?.[0] ?? '',
    topic: f.topic ?? '',
    receivedFrom: f.receivedFrom ?? '',
    receivedTo: f.receivedTo ?? '',
    dueFrom: f.dueFrom ?? '',
    dueTo: f.dueTo ?? '',
    overdue: f.overdue === true,
    registeredLate: f.registeredLate === true,
    open: f.open === true,
    unassigned: f.unassigned === true,
    officeIds: f.officeIds ?? [],
  };
}

export function queryKey(filter: RegistryFilter, sort: Sort): string {
  return JSON.stringify([toApiFilter(filter), sort]);
}

export interface RegistrySlice {
  filter: RegistryFilter;
  sort: Sort;
  rows: AppealRow[];
  nextCursor: string | null;
  total: number | null;
  loading: boolean;
  /** The first page for the current filter has arrived. */
  loaded: boolean;
  /** The filter and sort the rows are for, as `queryKey` spells them. */
  loadedKey: string;
  /**
   * A write has touched the registry's read since it loaded (a registration, an edit, a step; see
   * api/invalidation.ts): the registry reloads at once if shown, else when shown again.
   */
  stale: boolean;
  listError: string | null;
  filterErrors: Record<string, string>;
  selected: number;
  /** Bumped by "/" and Ctrl+F; the registry focuses its search box when it changes. */
  searchFocusRequest: number;
  requestSearchFocus(): void;
  setFilter(patch: Partial<RegistryFilter>): void;
  /** A whole filter at once: the one a link (the route) carries. */
  applyFilter(filter: RegistryFilter): void;
  resetFilters(): void;
  toggleSort(field: SortField): void;
  reload(): Promise<void>;
  loadMore(): Promise<void>;
  select(index: number): void;
  resetRegistry(): void;
}

/** Answers to an older query are dropped: the user has typed on since. */
let generation = 0;

export const createRegistrySlice: SliceCreator<RegistrySlice> = (set, get) => {
  const fail = (e: unknown): void => {
    const filterErrors = isCallError(e) && e.code === 'validation' ? fieldErrors(e) : {};
    set({ loading: false, listError: errorText(e), filterErrors });
  };
  // The store lives as long as the window, and so does this.
  onTouched('appeals.list', () => set({ stale: true }));

  return {
    filter: EMPTY_FILTER,
    sort: DEFAULT_SORT,
    rows: [],
    nextCursor: null,
    total: null,
    loading: false,
    loaded: false,
    loadedKey: '',
    stale: false,
    listError: null,
    filterErrors: {},
    selected: 0,
    searchFocusRequest: 0,

    requestSearchFocus() {
      set({ searchFocusRequest: get().searchFocusRequest + 1 });
    },
    setFilter(patch) {
      set({ filter: { ...get().filter, ...patch } });
    },
    applyFilter(filter) {
      set({ filter });
    },
    resetFilters() {
      set({ filter: EMPTY_FILTER });
    },
    toggleSort(field) {
      const { sort } = get();
      const dir = sort.field === field && sort.dir === 'asc' ? 'desc' : 'asc';
      set({ sort: { field, dir } });
    },

    async reload() {
      const gen = ++generation;
      const { filter, sort } = get();
      const apiFilter = toApiFilter(filter);
      const key = queryKey(filter, sort);
      set({
        loading: true,
        listError: null,
        filterErrors: {},
        stale: false,
        loadedKey: key,
        // Another search's count is not this one's: none is shown until this one's answer comes.
        ...(key === get().loadedKey ? {} : { total: null }),
      });
      try {
        const [page, counted] = await Promise.all([
          call('appeals.list', { filter: apiFilter, sort, limit: PAGE_SIZE }),
          call('appeals.count', { filter: apiFilter }),
        ]);
        if (gen !== generation) return;
        set({
          rows: page.rows,
          nextCursor: page.nextCursor,
          total: counted.count,
          loading: false,
          loaded: true,
          selected: 0,
        });
      } catch (e) {
        if (gen === generation) fail(e);
      }
    },

    async loadMore() {
      const { nextCursor, loading, filter, sort } = get();
      if (!nextCursor || loading) return;
      const gen = generation;
      set({ loading: true });
      try {
        const page = await call('appeals.list', {
          filter: toApiFilter(filter),
          sort,
          limit: PAGE_SIZE,
          cursor: nextCursor,
        });
        if (gen !== generation) return;
        set({ rows: [...get().rows, ...page.rows], nextCursor: page.nextCursor, loading: false });
      } catch (e) {
        if (gen === generation) fail(e);
      }
    },

    select(index) {
      const last = get().rows.length - 1;
      set({ selected: Math.max(0, Math.min(index, last)) });
    },
    resetRegistry() {
      generation++;
      set({
        filter: EMPTY_FILTER,
        sort: DEFAULT_SORT,
        rows: [],
        nextCursor: null,
        total: null,
        loading: false,
        loaded: false,
        loadedKey: '',
        stale: false,
        listError: null,
        filterErrors: {},
        selected: 0,
      });
    },
  };
};
