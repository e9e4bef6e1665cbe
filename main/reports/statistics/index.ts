/**
 * Statistics for any period: the screen's figures (`statistics.period`) and their export
 * (`statistics.export`), the period report's DOCX/XLSX with the statistics' tables after its own. Both
 * read `periodFigures`, so the screen, the file and the comparison never disagree.
 */
import type { OfficeTable } from '../../../db/schema';
import type { ReadDb } from '../../../db/sql';
import { ApiError } from '../../../shared/api/define';
import { DOCX_MIME, XLSX_MIME, type DocFile, type PeriodReport } from '../../../shared/api/documents';
import type { Output, ParsedInput } from '../../../shared/api/index';
import type { Figures } from '../../../shared/api/statistics';
import { documents as D } from '../../../shared/i18n/ru/documents';
import { statisticsReport as S } from '../../../shared/i18n/ru/statistics';
import { documentOf, section, shortDate, styleOf, toBuffer } from '../../documents/docx/common';
import { reportContent, reportXlsx, type ReportContext, type ReportTable } from '../../documents/docx/report';
import { requireActor, type ReadContext } from '../../kernel/context';
import { analystView, officeRow, officeToday, toOffice } from '../../office/queries';
import { classifierBreakdown, classifierTable } from '../classifier';
import { overdueNow, reportTopicNames, staffLoad } from '../period';
import { periodFigures, type StatisticsScope } from './figures';

export { periodFigures, daysToClose, type StatisticsScope } from './figures';

/** The offices asked for: one's own by default; others only for the roles that look across offices. */
export function officesOf(ctx: ReadContext, own: string, asked: readonly string[] | undefined): string[] {
  if (!asked) return analystView(ctx) ? allOffices(ctx) : [own];
  const role = requireActor(ctx).role;
  if (asked.some((id) => id !== own) && role !== 'hq_analyst' && role !== 'admin')
    throw new ApiError('forbidden', 'only the HQ analyst sees other offices', { field: 'officeIds' });
  return [...new Set(asked)];
}

/**
 * Who a report for these offices is from, for its heading: one office, that office (its name and its
 * deputy); several, the caller's office (HQ in the analyst view) followed by their codes.
 */
export function reportHeading(
  ctx: ReadContext,
  own: OfficeTable,
  officeIds: readonly string[],
): { officeName: string; deputyName: string } {
  const db = ctx.store.read;
  if (officeIds.length === 1) {
    const one = db.get(db.qb.selectFrom('offices').selectAll().where('id', '=', officeIds[0]!)) ?? own;
    return { officeName: one.name, deputyName: one.deputy_name };
  }
  const codes = db
    .all(
      db.qb
        .selectFrom('offices')
        .select('code')
        .where('id', 'in', [...officeIds])
        .orderBy('code'),
    )
    .map((o) => o.code);
  return { officeName: D.report.acrossOffices(own.name, codes), deputyName: own.deputy_name };
}

function allOffices(ctx: ReadContext): string[] {
  return ctx.store.read.rawAll<{ id: string }>('SELECT id FROM offices ORDER BY id').map((r) => r.id);
}

export function period(ctx: ReadContext, i: ParsedInput<'statistics.period'>): Output<'statistics.period'> {
  const db = ctx.store.read;
  const office = officeRow(db);
  const officeIds = officesOf(ctx, office.id, i.officeIds);
  const asOf = officeToday(ctx, office);
  return {
    asOf,
    current: periodFigures(db, { ...i.period, officeIds }, asOf),
    previous: i.compareWith ? periodFigures(db, { ...i.compareWith, officeIds }, asOf) : null,
  };
}

/** The period report's figures taken from the statistics' own, with the staff's load and the overdue. */
function asReport(db: ReadDb, f: Figures, s: StatisticsScope, asOf: string): PeriodReport {
  const filter = { from: s.from, to: s.to, ...(s.officeIds ? { officeIds: s.officeIds } : {}) };
  return {
    filter: { from: f.from, to: f.to },
    asOf,
    received: f.received,
    collective: f.collective,
    repeat: f.repeat,
    byChannel: f.byChannel,
    byKind: f.byKind,
    bySection: f.bySection,
    closed: f.closed,
    closedOnTime: f.closedOnTime,
    closedLate: f.closedLate,
    byResult: f.byResult,
    overdueNow: overdueNow(db, filter, asOf),
    avgDaysToClose: f.avgDaysToClose,
    requests: f.requests,
    ownRequests: f.ownRequests,
    staff: staffLoad(db, filter, asOf),
  };
}

/** The tables the screen shows beyond the period report's. */
export function statisticsTables(f: Figures, names: Readonly<Record<string, string>> = {}): ReportTable[] {
  return [
    {
      title: S.timeline[f.granularity],
      header: [S.start, S.count],
      rows: f.timeline.map((b) => [shortDate(b.start), b.count]),
    },
    {
      title: S.subjects,
      header: [S.subject, S.count],
      rows: f.topQuestions.map((c) => [`${c.key} ${names[c.key] ?? ''}`.trim(), c.count]),
    },
    {
      title: S.districts,
      header: [S.district, S.count],
      rows: f.byDistrict.map((c) => [c.key || S.noDistrict, c.count]),
    },
    {
      title: S.terms,
      header: [D.report.name, D.report.value],
      rows: [
        [S.avgDays, f.avgDaysToClose ?? '—'],
        [S.p90Days, f.p90DaysToClose ?? '—'],
      ],
    },
  ];
}

export async function exportStatistics(
  ctx: ReadContext,
  i: ParsedInput<'statistics.export'>,
): Promise<Output<'statistics.export'>> {
  const db = ctx.store.read;
  const row = officeRow(db);
  const office = toOffice(row);
  const asOf = officeToday(ctx, row);
  const scope = { ...i.period, officeIds: officesOf(ctx, row.id, i.officeIds) };
  const figures = periodFigures(db, scope, asOf);
  const report = asReport(db, figures, scope, asOf);
  const topicNames = reportTopicNames(
    db,
    report,
    figures.topQuestions.map((c) => c.key),
  );
  const rc: ReportContext = {
    report,
    ...reportHeading(ctx, row, scope.officeIds),
    responsibleName: null,
    title: S.title,
    extra: [
      ...statisticsTables(figures, topicNames),
      classifierTable(
        classifierBreakdown(db, { from: scope.from, to: scope.to, officeIds: scope.officeIds }, asOf),
      ),
    ],
    topicNames,
  };
  const name = S.fileName(shortDate(i.period.from), shortDate(i.period.to), i.format);
  const style = styleOf(office.letterhead);
  const data =
    i.format === 'xlsx'
      ? await reportXlsx(rc)
      : await toBuffer(documentOf([section(reportContent(rc, style), style)], style, S.title));
  const file: DocFile = {
    name,
    mime: i.format === 'xlsx' ? XLSX_MIME : DOCX_MIME,
    dataBase64: data.toString('base64'),
  };
  return file;
}
