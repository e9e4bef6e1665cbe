import { mayCall } from '../../api/access';
import { ui } from '../../i18n';
import { useStore } from '../../store';
import { BackupSettings } from './BackupSettings';
import { CalendarSettings } from './CalendarSettings';
import { EventSettings } from './EventSettings';
import { LetterSettings } from './LetterSettings';
import { OfficeSettings } from './OfficeSettings';
import { ReminderSettings } from './ReminderSettings';
import { WorkflowSettings } from './WorkflowSettings';
import { UsersSettings } from './UsersSettings';
import { SyncPanel } from '../sync/SyncPanel';
import { RoutingSettings } from '../routing/RoutingSettings';
import './settings.css';

export function SettingsView() {
  const role = useStore((s) => s.user?.role);
  const canEditOffice = mayCall(role, 'office.update');
  const canAddUsers = mayCall(role, 'users.create');
  const canManageUsers = mayCall(role, 'users.update');
  const canEditCalendar = mayCall(role, 'calendar.putYear');
  return (
    <section className="page">
      <h1 className="page__title">{ui.settings.title}</h1>
      {!canEditOffice ? <p className="muted">{ui.settings.readOnly}</p> : null}
      <OfficeSettings editable={canEditOffice} />
      <WorkflowSettings editable={canEditOffice} />
      <RoutingSettings />
      <LetterSettings editable={canEditOffice && mayCall(role, 'templates.save')} />
      <ReminderSettings editable={canEditOffice} />
      <CalendarSettings editable={canEditCalendar} />
      <EventSettings editable={mayCall(role, 'checklists.put')} />
      <UsersSettings editable={canAddUsers} manageable={canManageUsers} />
      <SyncPanel />
      {mayCall(role, 'backups.overview') ? <BackupSettings /> : null}
    </section>
  );
}
