import { editionText as t } from '../../../../shared/i18n/ru/classifier-editions';
import { useCall } from '../../api/use-call';
import { errorText, formatDate, ui } from '../../i18n';
import { EditionImport } from './EditionImport';
import { NameCorrections } from './NameCorrections';
import './editions.css';

/**
 * The classifier in Settings (administrator, office head): the edition in force and those taken before, a
 * newer edition's import with its preview, and the office's own names.
 */
export function ClassifierSettings() {
  const read = useCall('classifier.editions', {});
  const data = read.data;
  const current = data?.editions[0];
  return (
    <section className="panel edition-settings" aria-labelledby="classifier-title">
      <h2 id="classifier-title">{t.title}</h2>
      {data ? null : <p className="muted">{read.error ? errorText(read.error) : ui.loading}</p>}
      {current ? (
        <p data-testid="edition-in-force">
          <strong>{t.inForce(formatDate(current.edition), current.source)}</strong>
        </p>
      ) : null}
      {data && data.editions.length > 1 ? (
        <details className="edition__history">
          <summary>{t.history}</summary>
          <ul>
            {data.editions.slice(0, -1).map((e) => (
              <li key={e.edition}>
                {t.taken(formatDate(e.edition), e.source, e.added, e.renamed, e.withdrawn)}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <p className="muted">{t.intro}</p>
      <EditionImport />
      {data ? <NameCorrections corrections={data.corrections} /> : null}
    </section>
  );
}
