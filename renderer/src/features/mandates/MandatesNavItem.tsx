import { useStore } from '../../store';
import { mandatesUi } from '../../../../shared/i18n/ru/mandates';

/** «Наказы» in the navigation, after the sections with their Alt+digit keys. */
export function MandatesNavItem() {
  const route = useStore((s) => s.route);
  const go = useStore((s) => s.go);
  return (
    <li>
      <button
        type="button"
        className="nav__item"
        aria-current={route.view === 'mandates' ? 'page' : undefined}
        onClick={() => go({ view: 'mandates' })}
      >
        {mandatesUi.nav}
      </button>
    </li>
  );
}
