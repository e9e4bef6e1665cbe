/**
 * Main process. The report for a period, from `PeriodReport`: as DOCX (tables, and a bar chart of the
 * channels, which reads faster than their table), as XLSX (exceljs: one sheet a table, numbers kept as
 * numbers) and as CSV (papaparse; cells that a spreadsheet would run as a formula are neutralised).
 */
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { ImageRun, Paragraph, type FileChild } from 'docx';
import type { AppealKind, Channel } from '../../../shared/api/appeals';
import { formatNumber } from '../../../shared/domain/number';
import { APPEALS, countOf, DAYS } from '../../../shared/domain/plural';
import { assignmentReportText as AR } from '../../../shared/i18n/ru/assignments';
import { documents as D } from '../../../shared/i18n/ru/documents';
import * as L from '../../../shared/i18n/ru/labels';
import type { Count, PeriodReport } from '../../reports/period';
import { barChart, PALETTE } from './chart';
import { para, shortDate, table, TEXT_WIDTH, type DocStyle } from './common';

const R = D.report;

export interface ReportContext {
  report: PeriodReport;
  officeName: string;
  deputyName: string;
  /** Names for the filter line: the responsible person's, the topic's. */
  responsibleName: string | null;
  /** The document's title, when not the period report's own (the statistics' export). */
  title?: string;
  /** More tables after the report's own (the statistics' timeline, subjects, districts, terms). */
  extra?: ReportTable[];
  /** The classifier's names of the codes shown (sections, the filter's topic); a code without one is shown bare. */
  topicNames?: Readonly<Record<string, string>>;
}

const channelName = (k: string) => L.channelLabels[k as Channel] ?? k;
const kindName = (k: string) => L.kindLabels[k as AppealKind] ?? k;
/** A code with its name from the classifier (the shipped section names before it is read). */
const codeName = (ctx: ReportContext, k: string): string =>
  `${k} ${ctx.topicNames?.[k] ?? D.sections[k] ?? ''}`.trim();
const sectionName = (ctx: ReportContext) => (k: string) => (k ? codeName(ctx, k) : R.noSection);
const resultName = (k: string) => L.resultLabels[k as keyof typeof L.resultLabels] ?? k;

/** The tables of a report as plain rows, shared by DOCX, XLSX and CSV so the three cannot disagree. */
export interface ReportTable {
  title: string;
  header: string[];
  rows: (string | number)[][];
  /** Shares of the text width by column, for a table wider than five columns. */
  widths?: number[];
  /** A line printed under the table. */
  note?: string;
}

function share(n: number, total: number): string {
  return total ? `${formatNumber((100 * n) / total)} %` : '—';
}

function counted(title: string, counts: Count[], name: (k: string) => string, total: number): ReportTable {
  return {
    title,
    header: [R.name, R.count, R.share],
    rows: counts.map((c) => [name(c.key), c.count, share(c.count, total)]),
  };
}

/** The staff's поручения, when anyone has any. */
function assignmentTable(r: PeriodReport): ReportTable[] {
  const rows = r.staff.flatMap((s) =>
    s.assignments
      ? [
          [
            s.name ?? R.unassigned,
            s.assignments.given,
            s.assignments.accepted,
            s.assignments.open,
            s.assignments.overdue,
          ],
        ]
      : [],
  );
  return rows.length === 0
    ? []
    : [{ title: AR.title, header: [AR.person, AR.given, AR.accepted, AR.open, AR.overdue], rows }];
}

export function reportTables(ctx: ReportContext): ReportTable[] {
  const r = ctx.report;
  return [
    {
      title: R.summary,
      header: [R.name, R.value],
      rows: [
        [R.received, r.received],
        [`  ${R.collective}`, r.collective],
        [`  ${R.repeat}`, r.repeat],
        [R.closed, r.closed],
        [`  ${R.onTime}`, r.closedOnTime],
        [`  ${R.late}`, r.closedLate],
        [R.overdueNow, r.overdueNow],
        [R.avgDays, r.avgDaysToClose ?? '—'],
        ...(r.registeredLate === undefined ? [] : [[R.registeredLate, r.registeredLate]]),
      ],
    },
    counted(R.byChannel, r.byChannel, channelName, r.received),
    counted(R.byKind, r.byKind, kindName, r.received),
    counted(R.bySection, r.bySection, sectionName(ctx), r.received),
    counted(R.byResult, r.byResult, resultName, r.closed),
    {
      title: R.requests,
      header: [R.body, R.sent, R.answered, R.overdue],
      rows: r.requests.map((q) => [q.body ?? R.noBody, q.sent, q.answered, q.overdue]),
    },
    ...(r.ownRequests?.length
      ? [
          {
            title: R.ownRequests,
            header: [R.body, R.sent, R.answered, R.overdue],
            rows: r.ownRequests.map((q) => [q.body ?? R.noBody, q.sent, q.answered, q.overdue]),
          },
        ]
      : []),
    {
      title: R.staff,
      header: [R.person, R.received, R.open, R.closedCol, R.overdueCol],
      rows: r.staff.map((s) => [s.name ?? R.unassigned, s.received, s.open, s.closed, s.overdue]),
    },
    ...assignmentTable(r),
    ...(ctx.extra ?? []),
  ];
}

export function deputySummary(r: PeriodReport): string {
  return R.deputyText(
    countOf(r.received, APPEALS),
    countOf(r.closed, APPEALS),
    String(r.closedLate),
    countOf(r.overdueNow, APPEALS),
    r.avgDaysToClose == null ? '—' : countOf(r.avgDaysToClose, DAYS),
  );
}

function filterLine(ctx: ReportContext): string | null {
  const f = ctx.report.filter;
  const parts = [
    f.topic && `${f.topic.length === 4 ? R.section : R.topic}: ${codeName(ctx, f.topic)}`,
    f.responsibleId && `${R.responsible}: ${ctx.responsibleName ?? f.responsibleId}`,
  ].filter(Boolean);
  return parts.length ? `${R.filters}: ${parts.join('; ')}` : null;
}

export function reportContent(ctx: ReportContext, style: DocStyle): FileChild[] {
  const r = ctx.report;
  const tables = reportTables(ctx);
  const out: FileChild[] = [
    para(ctx.officeName, { align: 'center', size: style.size - 2 }),
    para(ctx.title ?? R.title, { align: 'center', bold: true, before: 120 }),
    para(R.period(shortDate(r.filter.from), shortDate(r.filter.to)), { align: 'center', after: 120 }),
  ];
  const filters = filterLine(ctx);
  if (filters) out.push(para(filters, { align: 'center', italic: true, size: style.size - 2, after: 120 }));
  out.push(para(R.deputySummary, { bold: true, before: 120, after: 60 }));
  out.push(para(deputySummary(r), { align: 'both', indent: true, after: 200 }));
  const widths: Record<number, number[]> = {
    2: [0.75, 0.25],
    3: [0.6, 0.2, 0.2],
    4: [0.46, 0.18, 0.18, 0.18],
    5: [0.36, 0.16, 0.16, 0.16, 0.16],
  };
  tables.forEach((t, i) => {
    out.push(para(t.title, { bold: true, before: 200, after: 80 }));
    if (i === 1 && r.byChannel.length) {
      const chart = barChart(r.byChannel.map((c) => c.count));
      const w = Math.round((TEXT_WIDTH / 20) * (96 / 72)); // twips → px at 96 dpi
      out.push(
        new Paragraph({
          children: [
            new ImageRun({
              type: 'png',
              data: chart.png,
              transformation: { width: w, height: Math.round((w * chart.height) / chart.width) },
              altText: { name: R.chart, title: R.chart, description: R.chart },
            }),
          ],
          spacing: { after: 80 },
        }),
      );
    }
    const cols = (t.widths ?? widths[t.header.length]!).map((share, c) => ({
      share,
      align: c === 0 ? ('left' as const) : ('right' as const),
    }));
    out.push(
      table(
        cols,
        t.header,
        t.rows.map((row) => row.map((v) => (typeof v === 'number' ? formatNumber(v) : v))),
        // A wide table is set at 9 pt, so its narrow columns break words only at their soft hyphens.
        t.header.length > 5 ? { ...style, size: 11 } : style,
        // The channel rows carry the colour of their bar.
        i === 1 ? { shade: t.rows.map((_, ri) => PALETTE[ri % PALETTE.length]!) } : {},
      ),
    );
    if (t.note) out.push(para(t.note, { italic: true, size: style.size - 4, before: 60 }));
  });
  out.push(para(R.generated(shortDate(r.asOf)), { italic: true, size: style.size - 4, before: 200 }));
  return out;
}

export async function reportXlsx(ctx: ReportContext): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Priemnaya';
  const r = ctx.report;
  for (const t of reportTables(ctx)) {
    const ws = wb.addWorksheet(t.title.slice(0, 31));
    ws.addRow([ctx.title ?? R.title]).font = { bold: true };
    ws.addRow([R.period(shortDate(r.filter.from), shortDate(r.filter.to))]);
    ws.addRow([]);
    const head = ws.addRow(t.header.map(plain));
    head.font = { bold: true };
    head.alignment = { wrapText: true, vertical: 'top' };
    for (const row of t.rows) ws.addRow(row);
    if (t.note) ws.addRow([t.note]).font = { italic: true };
    ws.getColumn(1).width = 50;
    for (let c = 2; c <= t.header.length; c++) ws.getColumn(c).width = t.header.length > 5 ? 12 : 16;
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A head without the soft hyphens a narrow DOCX column breaks it at (a spreadsheet's cell wraps by itself). */
const plain = (s: string): string => s.replace(/\u00ad/g, '');

/** A cell a spreadsheet would read as a formula (=, +, -, @, tab, CR) is prefixed with an apostrophe. */
export function neutralise(v: string | number): string | number {
  return typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

/** One CSV of every table (table, figure, value…), with a BOM and `;` so Excel in a Russian locale opens it. */
export function reportCsv(ctx: ReportContext): Buffer {
  const rows: (string | number)[][] = [];
  for (const t of reportTables(ctx)) {
    rows.push([t.title, ...t.header.map(plain)].map(neutralise));
    for (const row of t.rows) rows.push([t.title, ...row].map(neutralise));
  }
  return Buffer.from('\ufeff' + Papa.unparse(rows, { delimiter: ';' }), 'utf8');
}
