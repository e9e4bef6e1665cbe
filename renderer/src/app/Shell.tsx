import { lazy, Suspense } from 'react';
import { AppealCardView } from '../features/card/AppealCardView';
import { RegisterForm } from '../features/register/RegisterForm';
import { MandatesNavItem } from '../features/mandates/MandatesNavItem';
import { Bell } from '../features/reminders/Bell';
import { InboxView } from '../features/reminders/InboxView';
import { RegistryView } from '../features/registry/RegistryView';
import { ReportsView } from '../features/reports/ReportsView';
import { SettingsView } from '../features/settings/SettingsView';
import { Kbd } from '../components/Field';
import { statisticsUi } from '../../../shared/i18n/ru/statistics';
import { audit as auditText } from '../../../shared/i18n/ru/audit';
import { receptionUi } from '../../../shared/i18n/ru/reception';
import { campaignsUi } from '../../../shared/i18n/ru/campaigns';
import { homeText, labels, remindersText, ui, workflowText } from '../i18n';
import { mayCall } from '../api/access';
import { useStore } from '../store';
import { mayOpen, SECTIONS, type Route, type Section } from './nav-slice';
import { useDeskShortcuts } from './shortcuts';
import { MailNavItem } from '../features/inbox/MailNavItem';

// The workflow's lists load when first opened: the desk's first screen stays one small file.
const DeputyQueueView = lazy(() =>
  import('../features/queue/DeputyQueueView').then((m) => ({ default: m.DeputyQueueView })),
);
const TasksView = lazy(() => import('../features/tasks/TasksView').then((m) => ({ default: m.TasksView })));
const EventsView = lazy(() =>
  import('../features/events/EventsView').then((m) => ({ default: m.EventsView })),
);
const EventCardView = lazy(() =>
  import('../features/events/EventCardView').then((m) => ({ default: m.EventCardView })),
);
const RequestsView = lazy(() =>
  import('../features/requests/RequestsView').then((m) => ({ default: m.RequestsView })),
);

const HomeView = lazy(() => import('../features/home/HomeView').then((m) => ({ default: m.HomeView })));
const StatisticsView = lazy(() =>
  import('../features/statistics/StatisticsView').then((m) => ({ default: m.StatisticsView })),
);

const MandatesView = lazy(() =>
  import('../features/mandates/MandatesView').then((m) => ({ default: m.MandatesView })),
);
const AuditView = lazy(() => import('../features/audit/AuditView').then((m) => ({ default: m.AuditView })));

const MailInboxView = lazy(() =>
  import('../features/inbox/MailInboxView').then((m) => ({ default: m.MailInboxView })),
);
const ReceptionView = lazy(() =>
  import('../features/reception/ReceptionView').then((m) => ({ default: m.ReceptionView })),
);
const CampaignsView = lazy(() =>
  import('../features/campaigns/CampaignsView').then((m) => ({ default: m.CampaignsView })),
);

const ContactsView = lazy(() =>
  import('../features/contacts/ContactsView').then((m) => ({ default: m.ContactsView })),
);

/** Which section a screen belongs to, for the highlighted navigation item. */
function sectionOf(route: Route): Section | null {
  if (route.view === 'inbox' || route.view === 'mail' || route.view === 'home' || route.view === 'mandates')
    return null;
  if (route.view === 'event') return 'events';
  return route.view === 'appeal' || route.view === 'register' ? 'appeals' : route.view;
}

const sectionLabel = (section: Section): string =>
  section === 'queue'
    ? workflowText.nav.queue
    : section === 'statistics'
      ? statisticsUi.nav
      : section === 'audit'
        ? auditText.nav
        : section === 'reception'
          ? receptionUi.title
          : section === 'campaigns'
            ? campaignsUi.nav
            : ui.nav[section];

function Screen({ route }: { route: Route }) {
  const role = useStore((s) => s.user?.role);
  switch (route.view) {
    case 'home':
      return <HomeView />;
    case 'queue':
      return mayOpen(role, 'queue') ? <DeputyQueueView /> : <RegistryView />;
    case 'appeals':
      return <RegistryView />;
    case 'tasks':
      return <TasksView />;
    case 'requests':
      return <RequestsView />;
    case 'events':
      return <EventsView />;
    case 'event':
      return <EventCardView key={route.id} id={route.id} />;
    case 'register':
      return <RegisterForm />;
    case 'appeal':
      return <AppealCardView key={route.id} id={route.id} />;
    case 'reports':
      return <ReportsView />;
    case 'contacts':
      return <ContactsView />;
    case 'statistics':
      return <StatisticsView />;
    case 'settings':
      return <SettingsView />;
    case 'audit':
      return mayOpen(role, 'audit') ? <AuditView /> : <HomeView />;
    case 'inbox':
      return <InboxView />;
    case 'mail':
      return <MailInboxView />;
    case 'reception':
      return <ReceptionView />;
    case 'campaigns':
      return <CampaignsView />;
    case 'mandates':
      return <MandatesView />;
    default:
      throw new Error(`no screen for ${(route satisfies never as Route).view}`);
  }
}

export function Shell() {
  useDeskShortcuts();
  const route = useStore((s) => s.route);
  const user = useStore((s) => s.user);
  const office = useStore((s) => s.office);
  const readOnly = useStore((s) => s.readOnly);
  const go = useStore((s) => s.go);
  const current = sectionOf(route);
  const mayRegister = mayCall(user?.role, 'appeals.register');
  // The Alt+digit keys this person has: the menu's first and last.
  const digits = SECTIONS.map((section, i) => (mayOpen(user?.role, section) && i < 10 ? i : -1)).filter(
    (i) => i >= 0,
  );

  return (
    <div className="shell">
      <aside className="sidebar">
        <div className="sidebar__brand">
          <div className="sidebar__app">{ui.appName}</div>
          <div className="sidebar__office">{office?.name}</div>
          {readOnly ? <div className="sidebar__readonly">{ui.nav.readOnly}</div> : null}
        </div>
        <Bell />
        {mayRegister ? (
          <button
            type="button"
            className="btn btn--primary sidebar__new"
            aria-keyshortcuts="Alt+N Control+N"
            title="Alt+N"
            onClick={() => go({ view: 'register' })}
          >
            {ui.nav.newAppeal}
          </button>
        ) : null}
        <nav aria-label={ui.nav.label}>
          <ul className="nav">
            <li>
              <button
                type="button"
                className="nav__item"
                aria-current={route.view === 'home' ? 'page' : undefined}
                aria-keyshortcuts="Alt+H"
                title="Alt+H"
                onClick={() => go({ view: 'home' })}
              >
                {homeText.nav}
              </button>
            </li>
            {mayCall(user?.role, 'mail.intake') ? <MailNavItem current={route.view === 'mail'} /> : null}
            {SECTIONS.map((section, i) =>
              mayOpen(user?.role, section) ? (
                <li key={section}>
                  <button
                    type="button"
                    className="nav__item"
                    aria-current={current === section ? 'page' : undefined}
                    aria-keyshortcuts={i < 10 ? `Alt+${i}` : undefined}
                    title={i < 10 ? `Alt+${i}` : undefined}
                    onClick={() => go({ view: section })}
                  >
                    {sectionLabel(section)}
                  </button>
                </li>
              ) : null,
            )}
            <MandatesNavItem />
          </ul>
        </nav>
        <div className="sidebar__keys" aria-label={ui.nav.shortcutsTitle}>
          <div className="sidebar__keys-title">{ui.nav.shortcutsTitle}</div>
          {mayRegister ? (
            <div>
              <Kbd>Alt+N</Kbd> {ui.shortcuts.newAppeal}
            </div>
          ) : null}
          <div>
            <Kbd>/</Kbd> <Kbd>Ctrl+F</Kbd> {ui.shortcuts.search}
          </div>
          <div>
            <Kbd>↑</Kbd> <Kbd>↓</Kbd> {ui.shortcuts.move}, <Kbd>Enter</Kbd> {ui.shortcuts.open}
          </div>
          <div>
            <Kbd>Alt+Enter</Kbd> {workflowText.nav.nextStep}
          </div>
          <div>
            <Kbd>Ctrl+Enter</Kbd> {ui.shortcuts.save}
          </div>
          <div>
            <Kbd>{`Alt+${digits[0]}…${digits[digits.length - 1]}`}</Kbd> {ui.shortcuts.sections}
          </div>
          <div>
            <Kbd>Alt+B</Kbd> {remindersText.bell}
          </div>
          <div>
            <Kbd>Alt+H</Kbd> {homeText.nav}
          </div>
          <div>
            <Kbd>Esc</Kbd> {ui.shortcuts.back}
          </div>
        </div>
        <div className="sidebar__user">
          <div className="sidebar__user-label">{ui.nav.signedInAs}</div>
          <div className="sidebar__user-name">{user?.fullName}</div>
          <div className="sidebar__user-role">{user ? labels.roleLabels[user.role] : null}</div>
          <button type="button" className="btn btn--ghost" onClick={() => void useStore.getState().signOut()}>
            {ui.nav.signOut}
          </button>
        </div>
      </aside>
      <main className="main">
        <Suspense
          fallback={
            <p className="page muted" role="status">
              {ui.loading}
            </p>
          }
        >
          <Screen route={route} />
        </Suspense>
      </main>
    </div>
  );
}
