import { useState } from 'react';
import type { Campaign } from '../../../../shared/api/campaigns';
import { call } from '../../api/client';
import { useCall } from '../../api/use-call';
import { formatDate } from '../../i18n';
import { deliverFile } from '../attachments/files';
import { campaignError, t } from './text';

/**
 * The campaign's figures as the workbook has them: contacts at each stage with their open tasks, moved this
 * week (the office's week), and per staff member; read again after every move made anywhere.
 */
export function Figures(props: { campaign: Campaign }) {
  const figures = useCall('campaigns.figures', { campaignId: props.campaign.id });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const f = figures.data;

  async function xlsx(): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      const file = await call('campaigns.figuresXlsx', { campaignId: props.campaign.id });
      await deliverFile(file.name, file.mime, file.dataBase64);
    } catch (e) {
      setError(campaignError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel campaign-figures" aria-labelledby="campaign-figures-title">
      <div className="campaign-figures__head">
        <h2 id="campaign-figures-title">{t.figuresTitle}</h2>
        {f ? <span className="muted">{t.week(formatDate(f.week.from), formatDate(f.week.to))}</span> : null}
        <button type="button" className="btn btn--small" disabled={busy} onClick={() => void xlsx()}>
          {t.xlsx}
        </button>
      </div>
      {error ? <p className="banner banner--error">{error}</p> : null}
      {figures.error ? <p className="banner banner--error">{campaignError(figures.error)}</p> : null}
      {f ? (
        <>
          <dl className="campaign-figures__totals">
            <div>
              <dt>{t.total}</dt>
              <dd data-testid="figure-total">{f.total}</dd>
            </div>
            <div>
              <dt>{t.movedThisWeek}</dt>
              <dd data-testid="figure-moved">{f.movedThisWeek}</dd>
            </div>
          </dl>
          <table className="table campaign-figures__table" data-testid="figures-stages">
            <thead>
              <tr>
                <th scope="col">{t.stage}</th>
                <th scope="col">{t.count}</th>
                <th scope="col">{t.openTasks}</th>
              </tr>
            </thead>
            <tbody>
              {f.stages.map((s) => (
                <tr key={s.stageId}>
                  <th scope="row">{s.name}</th>
                  <td className="num">{s.count}</td>
                  <td className="num">{s.openTasks}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {f.staff.length > 0 ? (
            <div className="campaign-figures__staff">
              <h3>{t.byStaff}</h3>
              <table className="table campaign-figures__table" data-testid="figures-staff">
                <thead>
                  <tr>
                    <th scope="col">{t.staff}</th>
                    {f.stages.map((s) => (
                      <th key={s.stageId} scope="col">
                        {s.name}
                      </th>
                    ))}
                    <th scope="col">{t.total}</th>
                    <th scope="col">{t.movedThisWeek}</th>
                  </tr>
                </thead>
                <tbody>
                  {f.staff.map((p) => (
                    <tr key={p.userId ?? ''}>
                      <th scope="row">{p.name ?? t.nobody}</th>
                      {p.stages.map((s) => (
                        <td key={s.stageId} className="num">
                          {s.count}
                        </td>
                      ))}
                      <td className="num">{p.total}</td>
                      <td className="num">{p.movedThisWeek}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
