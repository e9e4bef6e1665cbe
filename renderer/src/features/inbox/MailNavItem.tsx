import { mailIntakeUi as t } from '../../../../shared/i18n/ru/mail-intake';
import { useStore } from '../../store';

/** «Входящие» in the app's navigation (Alt+M). */
export function MailNavItem({ current }: { current: boolean }) {
  const go = useStore((s) => s.go);
  return (
    <li>
      <button
        type="button"
        className="nav__item"
        aria-current={current ? 'page' : undefined}
        aria-keyshortcuts="Alt+M"
        title="Alt+M"
        onClick={() => go({ view: 'mail' })}
      >
        {t.nav}
      </button>
    </li>
  );
}
