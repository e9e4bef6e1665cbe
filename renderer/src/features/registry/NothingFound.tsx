import { searchUi } from '../../../../shared/i18n/ru/search';
import { useStore } from '../../store';
import { toApiFilter } from './slice';

/** An empty registry under a search or filters: what to try instead. */
export function NothingFound() {
  const filter = useStore((s) => s.filter);
  const { q = '', ...others } = toApiFilter(filter);
  return (
    <div className="empty" data-testid="registry-empty">
      {searchUi.registryNothing(q, Object.keys(others).length > 0).map((line) => (
        <p key={line}>{line}</p>
      ))}
    </div>
  );
}
