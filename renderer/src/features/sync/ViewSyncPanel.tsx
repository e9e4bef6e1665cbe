import { useEffect } from 'react';
import { syncUi } from '../../../../shared/i18n/ru/sync';
import { useCall } from '../../api/use-call';
import { errorText, ui } from '../../i18n';

/** How often the analysts' panel asks again how far the view is behind HQ. */
const REFRESH_MS = 5000;

/**
 * The sync panel of HQ's analyst view: the view is not an office and enrols nowhere; it follows HQ's
 * rows by itself. It says how many of HQ's changes it has yet to read, and why its last catch-up
 * failed, asked again every few seconds while the panel is open.
 */
export function ViewSyncPanel() {
  const status = useCall('setup.status', {});
  const { reload } = status;
  useEffect(() => {
    const timer = window.setInterval(reload, REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [reload]);
  const view = status.data?.view;
  return (
    <section className="panel" aria-labelledby="sync-title">
      <h2 id="sync-title">{syncUi.view.title}</h2>
      <p className="muted">{syncUi.view.about}</p>
      {view ? (
        <dl className="details">
          <dt>{syncUi.view.lag}</dt>
          <dd data-testid="view-lag">{syncUi.view.behind(view.behind)}</dd>
        </dl>
      ) : (
        <p className="muted">{status.error ? errorText(status.error) : ui.loading}</p>
      )}
      {view?.error ? (
        <p className="banner banner--error" role="alert">
          {syncUi.view.failed(view.error)}
        </p>
      ) : null}
    </section>
  );
}
