import type { Period } from '../../../../shared/domain/periods';
import { classifierReport } from '../../../../shared/i18n/ru/reports';
import { useCall } from '../../api/use-call';
import { ClassifierTable } from '../reports/ClassifierTable';

/** The period's questions by the classifier with the results of review, under the charts. */
export function StatisticsByClassifier({
  period,
  scope,
}: {
  period: Period;
  scope: { officeIds?: string[] };
}) {
  const result = useCall('reports.classifier', { filter: period, ...scope });
  if (!result.data) return null;
  return (
    <section className="panel stats-card stats-card--wide" aria-labelledby="classifier-title">
      <div className="stats-card__head">
        <h2 id="classifier-title">{classifierReport.title}</h2>
      </div>
      <ClassifierTable breakdown={result.data} id="stats-classifier" />
    </section>
  );
}
