import { VOLUNTEER_STAGES, type VolunteerCounts } from '../../../../shared/api/volunteers';
import { volunteersText as T } from '../../../../shared/i18n/ru/volunteers';
import { useCall } from '../../api/use-call';
import './volunteers.css';

const u = T.ui;

/** Per region, a row of counts by stage, with its total; regions in the order the server gives. */
function regionRows(c: VolunteerCounts): { region: string; counts: number[]; total: number }[] {
  const by = new Map<string, number[]>();
  for (const r of c.byRegion) {
    const row = by.get(r.region) ?? VOLUNTEER_STAGES.map(() => 0);
    row[VOLUNTEER_STAGES.indexOf(r.stage)] = r.count;
    by.set(r.region, row);
  }
  return [...by].map(([region, counts]) => ({ region, counts, total: counts.reduce((a, b) => a + b, 0) }));
}

/**
 * The statistics page's volunteer candidates: by stage, and by region and stage — the office's own,
 * or in HQ's analyst view the offices chosen (every office when none is).
 */
export function VolunteerStats({ scope }: { scope: { officeIds?: string[] } }) {
  const result = useCall('volunteers.counts', scope);
  const c = result.data;
  if (!c) return null;
  const total = c.byStage.reduce((a, s) => a + s.count, 0);
  return (
    <section className="panel stats-card stats-card--wide" aria-labelledby="volunteer-stats-title">
      <div className="stats-card__head">
        <h2 id="volunteer-stats-title">{u.stats}</h2>
      </div>
      <table className="table volunteer-stats__table" data-testid="volunteer-stats">
        <thead>
          <tr>
            <th scope="col">{u.region}</th>
            {VOLUNTEER_STAGES.map((s) => (
              <th key={s} scope="col">
                {T.stage[s]}
              </th>
            ))}
            <th scope="col">{u.total}</th>
          </tr>
        </thead>
        <tbody>
          {regionRows(c).map((r) => (
            <tr key={r.region}>
              <th scope="row">{r.region || u.noRegion}</th>
              {r.counts.map((n, i) => (
                <td key={VOLUNTEER_STAGES[i]}>{n}</td>
              ))}
              <td>{r.total}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{u.total}</th>
            {c.byStage.map((s) => (
              <td key={s.stage}>{s.count}</td>
            ))}
            <td>{total}</td>
          </tr>
        </tfoot>
      </table>
    </section>
  );
}
