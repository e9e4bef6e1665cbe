import { useState } from 'react';
import {
  previousPeriod,
  presetPeriod,
  PRESETS,
  type Period,
  type Preset,
} from '../../../../shared/domain/periods';
import { statisticsUi } from '../../../../shared/i18n/ru/statistics';
import { call, isCallError } from '../../api/client';
import { useCall } from '../../api/use-call';
import { DateInput } from '../../components/DateInput';
import { Field, Kbd } from '../../components/Field';
import { OfficesSelect } from '../../components/OfficesSelect';
import { errorText, fieldErrors, formatDate, todayIn } from '../../i18n';
import { useStore } from '../../store';
import { deliverFile } from '../attachments/files';
import { StatisticsByClassifier } from './StatisticsByClassifier';
import { StatisticsCharts } from './StatisticsCharts';
import { VolunteerStats } from '../volunteers/VolunteerStats';
import './statistics.css';

/**
 * Statistics for any period: a preset (this week, month, quarter, year — each up to today) or a range
 * of one's own, compared with the period before; every chart with its table, printable, exportable.
 */
export function StatisticsView() {
  const office = useStore((s) => s.office);
  const today = todayIn(office?.timeZone ?? 'Europe/Moscow');
  const [preset, setPreset] = useState<Preset | null>('month');
  const [period, setPeriod] = useState<Period>(presetPeriod('month', today));
  const [draft, setDraft] = useState<Period>(period);
  const [compare, setCompare] = useState(true);
  // HQ's analyst view: the offices chosen; none, all of them (the server's default there).
  const [officeIds, setOfficeIds] = useState<string[]>([]);
  const scope = officeIds.length ? { officeIds } : {};
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);

  const compareWith = compare ? previousPeriod(period, preset) : null;
  // A newer choice shows as busy, over the figures before it, until it loads.
  const result = useCall('statistics.period', { period, compareWith, ...scope });
  const busy = result.loading || exporting;
  const stats = result.error ? null : (result.data ?? null);
  const errors = result.error && isCallError(result.error) ? fieldErrors(result.error) : {};
  const error = result.error ? errorText(result.error) : exportError;

  const choose = (p: Preset) => {
    const next = presetPeriod(p, today);
    setPreset(p);
    setPeriod(next);
    setDraft(next);
  };
  const save = async (format: 'docx' | 'xlsx') => {
    setExporting(true);
    setExportError(null);
    try {
      const f = await call('statistics.export', { period, format, ...scope });
      await deliverFile(f.name, f.mime, f.dataBase64);
    } catch (e) {
      setExportError(errorText(e));
    } finally {
      setExporting(false);
    }
  };

  return (
    <section className="page stats" aria-busy={busy}>
      <div className="page__head">
        <h1 className="page__title">{statisticsUi.title}</h1>
        <span className="page__meta" data-testid="stats-period">
          {statisticsUi.range(formatDate(period.from), formatDate(period.to))}
          {stats?.previous
            ? ` · ${statisticsUi.comparedWith(formatDate(stats.previous.from), formatDate(stats.previous.to))}`
            : ''}
        </span>
      </div>
      <div className="panel stats-controls">
        <div className="stats-presets" role="group" aria-label={statisticsUi.period}>
          {PRESETS.map((p) => (
            <button
              key={p}
              type="button"
              className="btn"
              aria-pressed={preset === p}
              onClick={() => choose(p)}
            >
              {statisticsUi.presets[p]}
            </button>
          ))}
        </div>
        <form
          className="stats-range"
          noValidate
          aria-label={statisticsUi.custom}
          onSubmit={(e) => {
            e.preventDefault();
            setPreset(null);
            setPeriod({ ...draft });
          }}
        >
          {(['from', 'to'] as const).map((end) => (
            <Field key={end} id={`stats-${end}`} label={statisticsUi[end]} error={errors[`period.${end}`]}>
              {(a) => (
                <DateInput
                  id={`stats-${end}`}
                  {...a}
                  value={draft[end]}
                  onChange={(v) => setDraft((d) => ({ ...d, [end]: v ?? '' }))}
                />
              )}
            </Field>
          ))}
          <button type="submit" className="btn btn--primary" disabled={busy}>
            {statisticsUi.show} <Kbd>Enter</Kbd>
          </button>
        </form>
        <OfficesSelect
          id="stats-offices"
          value={officeIds}
          error={errors.officeIds}
          onChange={setOfficeIds}
        />
        <label className="stats-compare">
          <input type="checkbox" checked={compare} onChange={(e) => setCompare(e.target.checked)} />{' '}
          {statisticsUi.compare}
        </label>
        <div className="actions stats-actions">
          <button type="button" className="btn" onClick={() => window.print()}>
            {statisticsUi.print}
          </button>
          <button type="button" className="btn" disabled={busy} onClick={() => void save('docx')}>
            {statisticsUi.docx}
          </button>
          <button type="button" className="btn" disabled={busy} onClick={() => void save('xlsx')}>
            {statisticsUi.xlsx}
          </button>
        </div>
        {error ? (
          <p className="banner banner--error" role="alert">
            {statisticsUi.failed(error)}
          </p>
        ) : null}
      </div>
      {stats ? (
        <>
          <StatisticsCharts stats={stats} />
          <StatisticsByClassifier period={period} scope={scope} />
          <VolunteerStats scope={scope} />
        </>
      ) : busy ? (
        <p className="muted" role="status">
          {statisticsUi.loading}
        </p>
      ) : null}
    </section>
  );
}
