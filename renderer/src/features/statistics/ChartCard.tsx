import { formatNumber } from '../../../../shared/domain/number';
import { useState, type ReactNode } from 'react';
import { statisticsUi } from '../../../../shared/i18n/ru/statistics';

export interface ChartTable {
  header: string[];
  rows: (string | number)[][];
}

/**
 * A chart with its table: the same numbers drawn (with each value on hover) or listed. The view is
 * the card's own choice; a printed page shows the chart and, when chosen, the table.
 */
export function ChartCard(props: {
  id: string;
  title: string;
  table: ChartTable;
  note?: ReactNode;
  wide?: boolean;
  children: ReactNode;
}) {
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const { id, title, table } = props;
  const empty = table.rows.length === 0;
  return (
    <section
      className={`panel stats-card${props.wide ? ' stats-card--wide' : ''}`}
      aria-labelledby={`${id}-title`}
      data-testid={`chart-${id}`}
    >
      <div className="stats-card__head">
        <h2 id={`${id}-title`}>{title}</h2>
        <div className="stats-card__views" role="group" aria-label={statisticsUi.viewsLabel(title)}>
          {(['chart', 'table'] as const).map((v) => (
            <button
              key={v}
              type="button"
              className="btn btn--small"
              aria-pressed={view === v}
              onClick={() => setView(v)}
            >
              {v === 'chart' ? statisticsUi.chartView : statisticsUi.tableView}
            </button>
          ))}
        </div>
      </div>
      {props.note ? <div className="stats-card__note">{props.note}</div> : null}
      {empty ? (
        <p className="muted">{statisticsUi.nothing}</p>
      ) : view === 'chart' ? (
        <div className="stats-card__chart">{props.children}</div>
      ) : (
        <table className="table stats-table" aria-label={title}>
          <thead>
            <tr>
              {table.header.map((h) => (
                <th key={h} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, i) => (
              <tr key={i}>
                {row.map((cell, j) =>
                  j === 0 ? (
                    <th key={j} scope="row">
                      {cell}
                    </th>
                  ) : (
                    <td key={j}>{typeof cell === 'number' ? formatNumber(cell) : cell}</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
