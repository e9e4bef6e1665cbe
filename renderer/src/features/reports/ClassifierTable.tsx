import { APPEAL_RESULTS } from '../../../../shared/api/appeals';
import type { ClassifierBreakdown, ClassifierRow } from '../../../../shared/api/reports';
import { classifierReport as C } from '../../../../shared/i18n/ru/reports';
import { labels } from '../../i18n';
import './reports.css';

/**
 * The appeals of a period by the classifier: a line a section, theme, topic and question (indented by
 * level), the questions received, closed by result, and under review. The reports screen and the
 * statistics show it; the period report's files print the same table.
 */
export function ClassifierTable({ breakdown, id }: { breakdown: ClassifierBreakdown; id: string }) {
  const results: string[] = [...APPEAL_RESULTS, ...(breakdown.total.byResult[''] ? [''] : [])];
  const figures = (r: ClassifierRow) => [r.received, ...results.map((k) => r.byResult[k] ?? 0), r.open];
  if (breakdown.rows.length === 0) return <p className="muted">{C.empty}</p>;
  return (
    <div className="classifier-table__scroll">
      <table className="table classifier-table" data-testid={id} aria-label={C.title}>
        <thead>
          <tr>
            <th scope="col">{C.question}</th>
            <th scope="col">{C.short.received}</th>
            {results.map((k) => (
              <th
                key={k}
                scope="col"
                title={k ? labels.resultLabels[k as keyof typeof labels.resultLabels] : C.noResult}
              >
                {C.short[k || 'none']}
              </th>
            ))}
            <th scope="col">{C.short.open}</th>
          </tr>
        </thead>
        <tbody>
          {breakdown.rows.map((r) => (
            <tr key={r.code} className={`classifier-table__level${r.level}`} data-code={r.code}>
              <th scope="row">
                {r.code ? <span className="classifier-table__code">{r.code}</span> : null}{' '}
                {r.code ? (r.name ?? `(${C.unknown})`) : C.noTopic}
              </th>
              {figures(r).map((n, i) => (
                <td key={i}>{n.toLocaleString('ru-RU')}</td>
              ))}
            </tr>
          ))}
          <tr className="classifier-table__total">
            <th scope="row">{C.total}</th>
            {figures(breakdown.total).map((n, i) => (
              <td key={i}>{n.toLocaleString('ru-RU')}</td>
            ))}
          </tr>
        </tbody>
      </table>
    </div>
  );
}
