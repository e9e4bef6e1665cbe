import { formatNumber } from '../../../../shared/domain/number';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { ReactNode } from 'react';
import type { Figures, StatCount, Statistics } from '../../../../shared/api/statistics';
import { documents } from '../../../../shared/i18n/ru/documents';
import { topicLabel } from '../../../../shared/i18n/ru/classifier';
import { statisticsUi } from '../../../../shared/i18n/ru/statistics';
import { formatDate, labels } from '../../i18n';
import { useTopicNames } from '../classifier/names';
import { ChartCard, type ChartTable } from './ChartCard';

/** The print-safe palette of the report's DOCX chart, the current period first. */
const PALETTE = ['#2F5597', '#C55A11', '#548235', '#BF9000', '#7030A0', '#2E75B6', '#A5A5A5', '#843C0C'];
const CURRENT = PALETTE[0]!;
const PREVIOUS = '#9DB3D8';

const channelName = (k: string) => labels.channelLabels[k as keyof typeof labels.channelLabels] ?? k;
const kindName = (k: string) => labels.kindLabels[k as keyof typeof labels.kindLabels] ?? k;
const resultName = (k: string) =>
  labels.resultLabels[k as keyof typeof labels.resultLabels] ?? (k || documents.report.noSection);
type Names = ReadonlyMap<string, { name: string | null }>;
/** A code by the classifier's name; marked when the classifier lacks it; `before` until the names are read. */
function named(names: Names, k: string, as: (name: string) => string, before: string): string {
  const n = names.get(k);
  if (n === undefined) return before;
  return n.name === null ? topicLabel(k, null) : as(n.name);
}
const sectionName = (names: Names) => (k: string) =>
  k
    ? named(names, k, (n) => `${k} ${n}`, `${k} ${documents.sections[k] ?? ''}`.trim())
    : documents.report.noSection;
/** A question by its name (the code when the classifier lacks it, marked). */
const questionName = (names: Names) => (k: string) => named(names, k, (n) => n, k);
const districtName = (k: string) => k || statisticsUi.noDistrict;
const shortDay = (d: string) => `${d.slice(8, 10)}.${d.slice(5, 7)}`;
const monthName = (d: string) =>
  new Date(`${d}T00:00:00Z`).toLocaleDateString('ru-RU', {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
const bucketLabel = (d: string, g: Figures['granularity']) => (g === 'month' ? monthName(d) : shortDay(d));

interface Named {
  name: string;
  current: number;
  previous?: number;
}

/** Counts by key, named, with the previous period's count of the same key when comparing. */
function compared(cur: StatCount[], prev: StatCount[] | undefined, name: (k: string) => string): Named[] {
  const before = new Map(prev?.map((c) => [c.key, c.count]));
  const rows: Named[] = cur.map((c) => ({
    name: name(c.key),
    current: c.count,
    ...(prev ? { previous: before.get(c.key) ?? 0 } : {}),
  }));
  return rows;
}

function namedTable(rows: Named[], first: string, comparing: boolean): ChartTable {
  return {
    header: comparing
      ? [first, statisticsUi.current, statisticsUi.previous]
      : [first, statisticsUi.columns.count],
    rows: rows.map((r) => (comparing ? [r.name, r.current, r.previous ?? 0] : [r.name, r.current])),
  };
}

const tick = { fontSize: 12 };
/** A name cut to what the axis shows (the tooltip and the table give it whole). */
const clip = (v: unknown): string => {
  const s = String(v);
  return s.length > 34 ? `${s.slice(0, 33)}…` : s;
};
const number = (v: unknown) => (typeof v === 'number' ? formatNumber(v) : String(v));

/** Horizontal bars, one a key, the previous period's beside when comparing. */
function Bars({ rows, comparing }: { rows: Named[]; comparing: boolean }) {
  const height = 40 + rows.length * (comparing ? 34 : 26);
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={rows} layout="vertical" margin={{ left: 8, right: 24 }}>
        <CartesianGrid horizontal={false} stroke="#e3e7ec" />
        <XAxis type="number" allowDecimals={false} tick={tick} />
        <YAxis type="category" dataKey="name" width={220} tick={tick} interval={0} tickFormatter={clip} />
        <Tooltip formatter={number} />
        <Bar dataKey="current" name={statisticsUi.current} fill={CURRENT} isAnimationActive={false} />
        {comparing ? (
          <Bar dataKey="previous" name={statisticsUi.previous} fill={PREVIOUS} isAnimationActive={false} />
        ) : null}
        {comparing ? <Legend /> : null}
      </BarChart>
    </ResponsiveContainer>
  );
}

/** A chart of horizontal bars by key, and its table: the name, this period, the previous one. */
function BarCard(props: {
  id: string;
  title: string;
  first: string;
  rows: Named[];
  comparing: boolean;
  note?: ReactNode;
}) {
  return (
    <ChartCard
      id={props.id}
      title={props.title}
      table={namedTable(props.rows, props.first, props.comparing)}
      note={props.note}
    >
      <Bars rows={props.rows} comparing={props.comparing} />
    </ChartCard>
  );
}

/** The change against the previous period: «+57 (+112 %)». */
function delta(cur: number | null, prev: number | null | undefined): string | null {
  if (prev == null || cur == null) return null;
  const d = cur - prev;
  const pct = prev ? ` (${d >= 0 ? '+' : '−'}${Math.abs(Math.round((100 * d) / prev))} %)` : '';
  return `${d > 0 ? '+' : d < 0 ? '−' : ''}${formatNumber(Math.abs(d))}${pct}`;
}

function Cards({ cur, prev }: { cur: Figures; prev: Figures | null }) {
  const items: [string, keyof typeof statisticsUi.cards, number | null, number | null | undefined][] = [
    ['received', 'received', cur.received, prev?.received],
    ['repeat', 'repeat', cur.repeat, prev?.repeat],
    ['collective', 'collective', cur.collective, prev?.collective],
    ['closed', 'closed', cur.closed, prev?.closed],
    ['on-time', 'onTime', cur.closedOnTime, prev?.closedOnTime],
    ['late', 'late', cur.closedLate, prev?.closedLate],
    ['avg-days', 'avgDays', cur.avgDaysToClose, prev?.avgDaysToClose],
    ['p90-days', 'p90Days', cur.p90DaysToClose, prev?.p90DaysToClose],
  ];
  return (
    <dl className="stats-cards">
      {items.map(([id, label, value, before]) => (
        <div key={id} className="stats-cards__item" data-testid={`stat-${id}`}>
          <dt>{statisticsUi.cards[label]}</dt>
          <dd className="stats-cards__value">{value == null ? '—' : number(value)}</dd>
          {prev ? (
            <dd className="stats-cards__delta" title={statisticsUi.delta(delta(value, before) ?? '—')}>
              {statisticsUi.deltaShort(delta(value, before) ?? '—')}
            </dd>
          ) : null}
        </div>
      ))}
    </dl>
  );
}

export function StatisticsCharts({ stats }: { stats: Statistics }) {
  const cur = stats.current;
  const prev = stats.previous;
  const names = useTopicNames(
    [cur, prev].flatMap((f) => (f ? [...f.bySection, ...f.topQuestions].map((c) => c.key) : [])),
  );
  const comparing = prev !== null;
  const g = cur.granularity;

  const timeline = cur.timeline.map((b, i) => ({
    name: bucketLabel(b.start, g),
    start: b.start,
    current: b.count,
    ...(prev ? { previous: prev.timeline[i]?.count ?? 0 } : {}),
  }));
  const channels = compared(cur.byChannel, prev?.byChannel, channelName);
  const kinds = compared(cur.byKind, prev?.byKind, kindName);
  const sections = compared(cur.bySection, prev?.bySection, sectionName(names));
  const subjects = compared(cur.topQuestions, prev?.topQuestions, questionName(names));
  const districts = compared(cur.byDistrict, prev?.byDistrict, districtName);
  const terms: Named[] = [
    {
      name: statisticsUi.onTime,
      current: cur.closedOnTime,
      ...(prev ? { previous: prev.closedOnTime } : {}),
    },
    { name: statisticsUi.late, current: cur.closedLate, ...(prev ? { previous: prev.closedLate } : {}) },
  ];
  const resultKeys = cur.byResult.map((r) => r.key);
  const results = cur.resultsTimeline.map((b) => ({
    name: bucketLabel(b.start, cur.resultsGranularity),
    ...Object.fromEntries(resultKeys.map((k) => [k, b.byResult[k] ?? 0])),
  }));
  const requests = cur.requests.slice(0, 10).map((r) => ({
    name: r.body ?? statisticsUi.noBody,
    sent: r.sent,
    answered: r.answered,
    overdue: r.overdue,
  }));

  return (
    <>
      <Cards cur={cur} prev={prev} />
      <div className="stats-grid">
        <ChartCard
          id="timeline"
          wide
          title={statisticsUi.charts.timeline[g]}
          table={{
            header: comparing
              ? [statisticsUi.columns.start, statisticsUi.current, statisticsUi.previous]
              : [statisticsUi.columns.start, statisticsUi.columns.count],
            rows: timeline.map((b) =>
              comparing
                ? [formatDate(b.start), b.current, b.previous ?? 0]
                : [formatDate(b.start), b.current],
            ),
          }}
        >
          <ResponsiveContainer width="100%" height={260}>
            <LineChart data={timeline} margin={{ left: 0, right: 24, top: 8 }}>
              <CartesianGrid stroke="#e3e7ec" />
              <XAxis dataKey="name" tick={tick} minTickGap={16} />
              <YAxis allowDecimals={false} tick={tick} width={44} />
              <Tooltip formatter={number} />
              <Line
                type="monotone"
                dataKey="current"
                name={statisticsUi.current}
                stroke={CURRENT}
                strokeWidth={2}
                dot={timeline.length <= 62}
                isAnimationActive={false}
              />
              {comparing ? (
                <Line
                  type="monotone"
                  dataKey="previous"
                  name={statisticsUi.previous}
                  stroke={PREVIOUS}
                  strokeDasharray="5 4"
                  strokeWidth={2}
                  dot={false}
                  isAnimationActive={false}
                />
              ) : null}
              {comparing ? <Legend /> : null}
            </LineChart>
          </ResponsiveContainer>
        </ChartCard>
        {(
          [
            ['channel', statisticsUi.charts.channel, statisticsUi.columns.name, channels],
            ['kind', statisticsUi.charts.kind, statisticsUi.columns.name, kinds],
            ['section', statisticsUi.charts.section, statisticsUi.columns.name, sections],
            ['subjects', statisticsUi.charts.subjects, statisticsUi.columns.subject, subjects],
          ] as const
        ).map(([id, title, first, rows]) => (
          <BarCard key={id} id={id} title={title} first={first} rows={rows} comparing={comparing} />
        ))}
        <ChartCard
          id="results"
          wide
          title={statisticsUi.charts.results}
          table={{
            header: [statisticsUi.columns.start, ...resultKeys.map(resultName), statisticsUi.columns.total],
            rows: cur.resultsTimeline
              .map((b) => [
                formatDate(b.start),
                ...resultKeys.map((k) => b.byResult[k] ?? 0),
                Object.values(b.byResult).reduce((s, n) => s + n, 0),
              ])
              .filter((row) => row[row.length - 1] !== 0),
          }}
        >
          <ResponsiveContainer width="100%" height={260}>
            <BarChart data={results} margin={{ left: 0, right: 24, top: 8 }}>
              <CartesianGrid vertical={false} stroke="#e3e7ec" />
              <XAxis dataKey="name" tick={tick} minTickGap={8} />
              <YAxis allowDecimals={false} tick={tick} width={44} />
              <Tooltip formatter={number} />
              <Legend />
              {resultKeys.map((k, i) => (
                <Bar
                  key={k}
                  dataKey={k}
                  name={resultName(k)}
                  stackId="results"
                  fill={PALETTE[i % PALETTE.length]}
                  isAnimationActive={false}
                />
              ))}
            </BarChart>
          </ResponsiveContainer>
        </ChartCard>
        <BarCard
          id="terms"
          title={statisticsUi.charts.terms}
          first={statisticsUi.columns.name}
          rows={terms}
          comparing={comparing}
          note={
            <>
              {statisticsUi.cards.avgDays}:{' '}
              <b>{cur.avgDaysToClose == null ? '—' : formatNumber(cur.avgDaysToClose)}</b> ·{' '}
              {statisticsUi.cards.p90Days}: <b>{cur.p90DaysToClose ?? '—'}</b>
            </>
          }
        />
        <ChartCard
          id="requests"
          title={statisticsUi.charts.requests}
          table={{
            header: [
              statisticsUi.columns.body,
              statisticsUi.columns.sent,
              statisticsUi.columns.answered,
              statisticsUi.columns.overdue,
            ],
            rows: requests.map((r) => [r.name, r.sent, r.answered, r.overdue]),
          }}
        >
          <ResponsiveContainer width="100%" height={40 + requests.length * 44}>
            <BarChart data={requests} layout="vertical" margin={{ left: 8, right: 24 }}>
              <CartesianGrid horizontal={false} stroke="#e3e7ec" />
              <XAxis type="number" allowDecimals={false} tick={tick} />
              <YAxis type="category" dataKey="name" width={220} tick={tick} interval={0} />
              <Tooltip formatter={number} />
              <Legend />
              <Bar
                dataKey="sent"
                name={statisticsUi.columns.sent}
                fill={PALETTE[0]}
                isAnimationActive={false}
              />
              <Bar
                dataKey="answered"
                name={statisticsUi.columns.answered}
                fill={PALETTE[2]}
                isAnimationActive={false}
              />
              <Bar
                dataKey="overdue"
                name={statisticsUi.columns.overdue}
                fill={PALETTE[1]}
                isAnimationActive={false}
              />
            </BarChart>
          </ResponsiveContainer>
        </ChartCard>
        <BarCard
          id="district"
          title={statisticsUi.charts.district}
          first={statisticsUi.columns.district}
          rows={districts}
          comparing={comparing}
        />
      </div>
    </>
  );
}
