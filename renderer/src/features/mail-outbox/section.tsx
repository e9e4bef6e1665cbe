import { mailUi } from '../../../../shared/i18n/ru/mail-outbox';
import type { SettingsSection } from '../settings/sections';
import { MailSettings } from './MailSettings';

/** Settings → Отправка почты: shown to who may set the SMTP account. */
export const mailSection: SettingsSection = {
  id: 'mail',
  title: mailUi.settingsTitle,
  shown: (may) => may('mail.account.save'),
  panel: () => <MailSettings />,
};
