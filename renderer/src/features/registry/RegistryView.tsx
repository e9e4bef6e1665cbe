import { useEffect } from 'react';
import type { AppealRow } from '../../../../shared/api/appeals';
import { mayCall } from '../../api/access';
import { Kbd } from '../../components/Field';
import { useDebounced } from '../../components/hooks';
import { ui } from '../../i18n';
import { useStore } from '../../store';
import { BatchCards } from '../documents/BatchCards';
import { ColumnChooser } from './ColumnChooser';
import { useRegistryColumns } from './columns';
import { Filters } from './Filters';
import { NothingFound } from './NothingFound';
import { RegistryTable } from './RegistryTable';
import { fromApiFilter, queryKey, toApiFilter } from './slice';
import './registry.css';

/** The search request this view has answered; module-level because the view remounts on every visit. */
let answeredSearchRequest = 0;

export function RegistryView() {
  const cols = useRegistryColumns();
  const filter = useStore((s) => s.filter);
  const sort = useStore((s) => s.sort);
  const stale = useStore((s) => s.stale);
  const total = useStore((s) => s.total);
  const rows = useStore((s) => s.rows);
  const loaded = useStore((s) => s.loaded);
  const listError = useStore((s) => s.listError);
  const searchRequest = useStore((s) => s.searchFocusRequest);
  const go = useStore((s) => s.go);
  const mayRegister = mayCall(
    useStore((s) => s.user?.role),
    'appeals.register',
  );
  const route = useStore((s) => s.route);
  const key = queryKey(filter, sort);

  // A link (a figure of the home screen, a reload) brings its filter in the route: the registry takes it.
  useEffect(() => {
    if (route.view !== 'appeals' || !route.filter) return;
    const s = useStore.getState();
    const wanted = fromApiFilter(route.filter);
    if (queryKey(wanted, s.sort) !== queryKey(s.filter, s.sort)) s.applyFilter(wanted);
  }, [route]);
  // …and the fragment follows the filter as it is changed here, so back and reload keep it.
  useEffect(() => {
    const s = useStore.getState();
    s.replace({ view: 'appeals', filter: toApiFilter(s.filter) });
  }, [key]);
  // Typing in the search box waits for a pause; a changed select or sort is a fresh key the same way.
  const settled = useDebounced(key, 250);

  // Loaded once the key has settled and differs from the one loaded. Compared with the current key, not
  // with the settled one's change: a key that goes back to the settled value within the pause (a filter
  // reset just after a link brought its own) changes nothing settled, yet must still be loaded.
  const loadedKey = useStore((s) => s.loadedKey);
  useEffect(() => {
    if (settled !== key) return;
    const s = useStore.getState();
    if (s.stale || s.loadedKey !== key) void s.reload();
  }, [settled, key, stale, loadedKey]);

  useEffect(() => {
    if (searchRequest !== answeredSearchRequest) {
      answeredSearchRequest = searchRequest;
      const input = document.getElementById('registry-search') as HTMLInputElement | null;
      input?.focus();
      input?.select();
    } else if (!document.activeElement || document.activeElement === document.body) {
      document.getElementById('registry-grid')?.focus();
    }
  }, [searchRequest]);

  const open = (row: AppealRow): void => go({ view: 'appeal', id: row.id });
  const filtered = Object.keys(toApiFilter(filter)).length > 0;

  return (
    <section className="page page--registry">
      <header className="page__head">
        <h1 className="page__title">{ui.registry.title}</h1>
        <div className="page__meta" aria-live="polite" data-testid="registry-count">
          {total === null
            ? ui.loading
            : filtered
              ? ui.registry.shown(rows.length, total)
              : ui.registry.total(total)}
        </div>
        {filtered ? (
          <button
            type="button"
            className="btn btn--small btn--ghost"
            onClick={useStore.getState().resetFilters}
          >
            {ui.registry.reset}
          </button>
        ) : null}
        <ColumnChooser columns={cols.columns} onChange={cols.save} />
        <BatchCards />
        {mayRegister ? (
          <button type="button" className="btn btn--primary" onClick={() => go({ view: 'register' })}>
            {ui.nav.newAppeal} <Kbd>Alt+N</Kbd>
          </button>
        ) : null}
      </header>
      <Filters />
      {listError ? (
        <p className="banner banner--error" role="alert">
          {listError}
        </p>
      ) : null}
      {loaded && rows.length === 0 ? (
        filtered ? (
          <NothingFound />
        ) : (
          <p className="empty">{ui.registry.empty}</p>
        )
      ) : (
        <RegistryTable onOpen={open} columns={cols.columns} onWidth={cols.setWidth} />
      )}
    </section>
  );
}
