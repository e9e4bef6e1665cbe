import { lazy, Suspense } from 'react';
import { AppealCardView } from '../features/card/AppealCardView';
import { RegisterForm } from '../features/register/RegisterForm';
import { RegistryView } from '../features/registry/RegistryView';
import { SettingsView } from '../features/settings/SettingsView';
import { Kbd } from '../components/Field';
import { L, t, W } from '../i18n';
import { useStore } from '../store';
import { mayOpen, SECTIONS, type Route, type Section } from './nav-slice';
import { useDeskShortcuts } from './shortcuts';

// The workflow's lists load when first opened: the desk's first screen stays one small file.
const DeputyQueueView = lazy(() =>
  import('../features/queue/DeputyQueueView').then((m) => ({ default: m.DeputyQueueView })),
);
const TasksView = lazy(() => import('../features/tasks/TasksView').then((m) => ({ default: m.TasksView })));
const RequestsView = lazy(() =>
  import('../features/requests/RequestsView').then((m) => ({ default: m.RequestsView })),
);

const ContactsView = lazy(() =>
  import('../features/contacts/ContactsView').then((m) => ({ default: m.ContactsView })),
);

const PLANNED = ['events', 'reports'] as const;
type Planned = (typeof PLANNED)[number];

function isPlanned(view: string): view is Planned {
  return (PLANNED as readonly string[]).includes(view);
}

/** Which section a screen belongs to, for the highlighted navigation item. */
function sectionOf(route: Route): Section {
  return route.view === 'appeal' || route.view === 'register' ? 'appeals' : route.view;
}

const sectionLabel = (section: Section): string => (section === 'queue' ? W.nav.queue : t.nav[section]);

function Screen({ route }: { route: Route }) {
  const role = useStore((s) => s.user?.role);
  switch (route.view) {
    case 'queue':
      return mayOpen(role, 'queue') ? <DeputyQueueView /> : <RegistryView />;
    case 'appeals':
      return <RegistryView />;
    case 'tasks':
      return <TasksView />;
    case 'requests':
      return <RequestsView />;
    case 'register':
      return <RegisterForm />;
    case 'appeal':
      return <AppealCardView key={route.id} id={route.id} />;
    case 'contacts':
      return <ContactsView />;
    case 'settings':
      return <SettingsView />;
    default:
      if (isPlanned(route.view))
        return (
          <section className="page">
            <h1 className="page__title">{t.nav[route.view]}</h1>
            <p className="muted">{t.placeholders[route.view]}</p>
          </section>
        );
      throw new Error(`no screen for ${route.view}`);
  }
}

export function Shell() {
  useDeskShortcuts();
  const route = useStore((s) => s.route);
  const user = useStore((s) => s.user);
  const office = useStore((s) => s.office);
  const go = useStore((s) => s.go);
  const current = sectionOf(route);

  return (
    <div className="shell">
      <aside className="sidebar">
        <div className="sidebar__brand">
          <div className="sidebar__app">{t.appName}</div>
          <div className="sidebar__office">{office?.name}</div>
        </div>
        <button
          type="button"
          className="btn btn--primary sidebar__new"
          aria-keyshortcuts="Alt+N Control+N"
          title="Alt+N"
          onClick={() => go({ view: 'register' })}
        >
          {t.nav.newAppeal}
        </button>
        <nav aria-label={t.nav.label}>
          <ul className="nav">
            {SECTIONS.map((section, i) =>
              mayOpen(user?.role, section) ? (
                <li key={section}>
                  <button
                    type="button"
                    className="nav__item"
                    aria-current={current === section ? 'page' : undefined}
                    aria-keyshortcuts={`Alt+${i}`}
                    title={`Alt+${i}`}
                    onClick={() => go({ view: section })}
                  >
                    {sectionLabel(section)}
                  </button>
                </li>
              ) : null,
            )}
          </ul>
        </nav>
        <div className="sidebar__keys" aria-label={t.nav.shortcutsTitle}>
          <div className="sidebar__keys-title">{t.nav.shortcutsTitle}</div>
          <div>
            <Kbd>Alt+N</Kbd> {t.shortcuts.newAppeal}
          </div>
          <div>
            <Kbd>/</Kbd> <Kbd>Ctrl+F</Kbd> {t.shortcuts.search}
          </div>
          <div>
            <Kbd>↑</Kbd> <Kbd>↓</Kbd> {t.shortcuts.move}, <Kbd>Enter</Kbd> {t.shortcuts.open}
          </div>
          <div>
            <Kbd>Alt+Enter</Kbd> {W.nav.nextStep}
          </div>
          <div>
            <Kbd>Ctrl+Enter</Kbd> {t.shortcuts.save}
          </div>
          <div>
            <Kbd>Esc</Kbd> {t.shortcuts.back}
          </div>
        </div>
        <div className="sidebar__user">
          <div className="sidebar__user-label">{t.nav.signedInAs}</div>
          <div className="sidebar__user-name">{user?.fullName}</div>
          <div className="sidebar__user-role">{user ? L.roleLabels[user.role] : null}</div>
          <button type="button" className="btn btn--ghost" onClick={() => void useStore.getState().signOut()}>
            {t.nav.signOut}
          </button>
        </div>
      </aside>
      <main className="main">
        <Suspense
          fallback={
            <p className="page muted" role="status">
              {t.loading}
            </p>
          }
        >
          <Screen route={route} />
        </Suspense>
      </main>
    </div>
  );
}
