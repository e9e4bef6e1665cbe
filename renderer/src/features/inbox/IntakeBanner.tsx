import { mailIntakeUi as t } from '../../../../shared/i18n/ru/mail-intake';
import { webApplicationsUi } from '../../../../shared/i18n/ru/web-applications';
import { useStore } from '../../store';

/** Over the registration form opened from a message: which message, and how many files it carries over. */
export function IntakeBanner() {
  const intake = useStore((s) => s.draft.intake);
  const web = useStore((s) => s.draft.web);
  if (web)
    return (
      <p className="banner banner--info" data-testid="register-web">
        {webApplicationsUi.prefillFrom(web.name)}
      </p>
    );
  if (!intake) return null;
  return (
    <p className="banner banner--info" data-testid="register-intake">
      {t.prefillFrom(intake.subject || t.noSubject)}
      {intake.files > 0 ? ` · ${t.filesCarried(intake.files)}` : ''}
    </p>
  );
}
