import { mayCall } from '../../api/access';
import { ui } from '../../i18n';
import { useStore } from '../../store';
import { SETTINGS_SECTIONS, type May } from './sections';
import './settings.css';

/**
 * Settings, one section at a time: the page's own navigation on the left, the section in the route
 * (`#/settings?section=users`), so a reload and the back key keep it.
 */
export function SettingsView() {
  const role = useStore((s) => s.user?.role);
  const route = useStore((s) => s.route);
  const replace = useStore((s) => s.replace);
  const may: May = (method) => mayCall(role, method);
  const sections = SETTINGS_SECTIONS.filter((s) => s.shown?.(may) ?? true);
  const asked = route.view === 'settings' ? route.filter?.section : undefined;
  const current = sections.find((s) => s.id === asked) ?? sections[0]!;
  return (
    <section className="page settings-page">
      <header className="page__head">
        <h1 className="page__title">{ui.settings.title}</h1>
        {!may('office.update') ? <p className="muted">{ui.settings.readOnly}</p> : null}
      </header>
      <div className="settings-layout">
        <nav className="settings-nav" aria-label={ui.settings.sections.label}>
          <ul>
            {sections.map((s) => (
              <li key={s.id}>
                <button
                  type="button"
                  className="settings-nav__item"
                  aria-current={s.id === current.id ? 'page' : undefined}
                  onClick={() => replace({ view: 'settings', filter: { section: s.id } })}
                >
                  {s.title}
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <div className="settings-section" data-section={current.id}>
          {current.panel(may)}
        </div>
      </div>
    </section>
  );
}
