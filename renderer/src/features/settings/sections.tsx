import type { ReactNode } from 'react';
import type { MethodName } from '../../../../shared/api/index';
import { eventsUi } from '../../../../shared/i18n/ru/events';
import { backupText } from '../../../../shared/i18n/ru/backups';
import { editionText } from '../../../../shared/i18n/ru/classifier-editions';
import { routingUi } from '../../../../shared/i18n/ru/routing';
import { syncUi } from '../../../../shared/i18n/ru/sync';
import { workflowSettingsText } from '../../../../shared/i18n/ru/workflow-settings';
import { contactsText, remindersText, ui } from '../../i18n';
import { ClassifierSettings } from '../classifier/ClassifierSettings';
import { mailSection } from '../mail-outbox/section';
import { ContactFieldsSettings } from '../contacts/ContactFieldsSettings';
import { RoutingSettings } from '../routing/RoutingSettings';
import { VolunteerSettings } from '../volunteers/VolunteerSettings';
import { volunteersText } from '../../../../shared/i18n/ru/volunteers';
import { MailboxSettings } from '../inbox/MailboxSettings';
import { mailboxesUi } from '../../../../shared/i18n/ru/mail-intake';
import { SyncPanel } from '../sync/SyncPanel';
import { BackupSettings } from './BackupSettings';
import { CalendarSettings } from './CalendarSettings';
import { EventSettings } from './EventSettings';
import { LetterSettings } from './LetterSettings';
import { OfficeSettings } from './OfficeSettings';
import { ReminderSettings } from './ReminderSettings';
import { UsersSettings } from './UsersSettings';
import { WorkflowSettings } from './WorkflowSettings';

/** Whether the signed-in person may call a method: what a panel may change. */
export type May = (method: MethodName) => boolean;

/**
 * One section of Settings: its key in the route (`#/settings?section=…`), its name in the page's own
 * navigation, and its panel. `shown` hides a section its reader has nothing to do in.
 */
export interface SettingsSection {
  id: string;
  title: string;
  shown?: (may: May) => boolean;
  panel: (may: May) => ReactNode;
}

/** Every section of Settings, in the order of the navigation. A new panel is one entry here. */
export const SETTINGS_SECTIONS: readonly SettingsSection[] = [
  {
    id: 'office',
    title: ui.settings.office,
    panel: (may) => <OfficeSettings editable={may('office.update')} />,
  },
  {
    id: 'workflow',
    title: workflowSettingsText.title,
    panel: (may) => <WorkflowSettings editable={may('office.update')} />,
  },
  {
    id: 'routing',
    title: routingUi.title,
    panel: () => <RoutingSettings />,
  },
  {
    id: 'volunteers',
    title: volunteersText.ui.settingsTitle,
    shown: (may) => may('volunteers.settings'),
    panel: () => <VolunteerSettings />,
  },
  {
    id: 'mailboxes',
    title: mailboxesUi.title,
    shown: (may) => may('mail.saveMailbox'),
    panel: () => <MailboxSettings />,
  },
  {
    id: 'letters',
    title: ui.settings.sections.letters,
    panel: (may) => <LetterSettings editable={may('office.update') && may('templates.save')} />,
  },
  {
    id: 'reminders',
    title: remindersText.settings.title,
    panel: (may) => <ReminderSettings editable={may('office.update')} />,
  },
  {
    id: 'calendar',
    title: ui.settings.calendar.title,
    panel: (may) => <CalendarSettings editable={may('calendar.putYear')} />,
  },
  {
    id: 'events',
    title: eventsUi.settingsTitle,
    panel: (may) => <EventSettings editable={may('checklists.put')} />,
  },
  {
    id: 'contact-fields',
    title: contactsText.fields.title,
    panel: (may) => <ContactFieldsSettings editable={may('contactFields.save')} />,
  },
  {
    id: 'classifier',
    title: editionText.title,
    shown: (may) => may('classifier.applyEdition'),
    panel: () => <ClassifierSettings />,
  },
  {
    id: 'users',
    title: ui.settings.users,
    panel: (may) => <UsersSettings editable={may('users.create')} manageable={may('users.update')} />,
  },
  { id: 'sync', title: syncUi.title, panel: () => <SyncPanel /> },
  {
    id: 'backups',
    title: backupText.title,
    shown: (may) => may('backups.overview'),
    panel: () => <BackupSettings />,
  },
  mailSection,
];
