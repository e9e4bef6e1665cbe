/**
 * The report «Выполнение наказов» for the deputy's report to voters: the наказы of a planned year (or all),
 * of a district (or all), by territory with the figures of each status, then every наказ by territory —
 * its text, who gave it, where, the body responsible, the year and how it stands (with the reason of a
 * partial or failed one). DOCX on a portrait A4 page and XLSX (exceljs) with the same lines.
 */
import ExcelJS from 'exceljs';
import type { FileChild } from 'docx';
import { DOCX_MIME, XLSX_MIME } from '../../shared/api/documents';
import type { Output, ParsedInput } from '../../shared/api/index';
import type { Mandate } from '../../shared/api/mandates';
import { MANDATE_STATES } from '../../shared/domain/mandates';
import { mandateReport as T, mandateStateLabels, mandatesUi } from '../../shared/i18n/ru/mandates';
import { documentOf, para, section, shortDate, styleOf, table, toBuffer } from '../documents/docx/common';
import type { ReadContext } from '../kernel/context';
import { contactNamesOf, mandatesIn } from '../mandates/queries';
import { officeRow, officeToday, toOffice } from '../office/queries';

export interface MandateLine {
  mandate: Mandate;
  givers: string;
  place: string;
  status: string;
}

export interface TerritoryTotal {
  territory: string;
  total: number;
  byStatus: Record<(typeof MANDATE_STATES)[number], number>;
}

export interface MandateReportData {
  officeName: string;
  subtitle: string;
  /** Territory by territory, in the register's order. */
  groups: { territory: string; lines: MandateLine[] }[];
  totals: TerritoryTotal[];
  all: TerritoryTotal;
}

const emptyCounts = () => Object.fromEntries(MANDATE_STATES.map((s) => [s, 0])) as TerritoryTotal['byStatus'];

export function mandateReportData(ctx: ReadContext, i: ParsedInput<'mandates.report'>): MandateReportData {
  const db = ctx.store.read;
  const office = officeRow(db);
  const mandates = mandatesIn(db, { year: i.year, district: i.district, status: i.status });
  const names = contactNamesOf(
    db,
    mandates.map((m) => m.id),
  );
  const groups: MandateReportData['groups'] = [];
  const totals: TerritoryTotal[] = [];
  const all: TerritoryTotal = { territory: T.allTerritories, total: 0, byStatus: emptyCounts() };
  for (const m of mandates) {
    const territory = m.district ?? mandatesUi.noDistrict;
    let g = groups[groups.length - 1];
    if (!g || g.territory !== territory) {
      g = { territory, lines: [] };
      groups.push(g);
      totals.push({ territory, total: 0, byStatus: emptyCounts() });
    }
    const t = totals[totals.length - 1]!;
    for (const x of [t, all]) {
      x.total++;
      x.byStatus[m.status]++;
    }
    g.lines.push({
      mandate: m,
      givers: [m.givers, ...(names.get(m.id) ?? [])].filter(Boolean).join('; '),
      place: [m.settlement, m.address].filter(Boolean).join(', '),
      status: [mandateStateLabels[m.status], shortDate(m.statusOn), m.statusReason ?? '']
        .filter(Boolean)
        .join('\n'),
    });
  }
  const subtitle = [
    i.year ? T.year(i.year) : T.allYears,
    i.district ? T.district(i.district) : null,
    T.asOf(shortDate(officeToday(ctx, office))),
  ]
    .filter(Boolean)
    .join(', ');
  return { officeName: office.name, subtitle, groups, totals, all };
}

const SUMMARY_HEAD = [T.territory, T.total, ...MANDATE_STATES.map((s) => mandateStateLabels[s])];
const summaryRow = (t: TerritoryTotal): (string | number)[] => [
  t.territory,
  t.total,
  ...MANDATE_STATES.map((s) => t.byStatus[s]),
];
const H = T.heads;
const LIST_HEAD = [H.number, H.text, H.givers, H.body, H.year, H.status];
/** The наказ with its place under it; the status with its date and reason under it. */
const listRow = (l: MandateLine): (string | number)[] => [
  l.mandate.number,
  [l.mandate.text, l.place].filter(Boolean).join('\n'),
  l.givers,
  l.mandate.bodyName ?? '',
  l.mandate.planYear ?? '',
  l.status,
];

export async function mandateReportDocx(ctx: ReadContext, d: MandateReportData): Promise<Buffer> {
  const letter = styleOf(toOffice(officeRow(ctx.store.read)).letterhead);
  // Tables of six columns: the cells at 10 pt at most (`table` sets them two points under the style).
  const style = { ...letter, size: Math.min(letter.size, 12) };
  const str = (r: (string | number)[]) => r.map(String);
  const children: FileChild[] = [
    para(d.officeName, { align: 'center', size: letter.size - 2 }),
    para(T.title, { align: 'center', bold: true, before: 120 }),
    para(d.subtitle, { align: 'center', after: 160 }),
  ];
  if (d.all.total === 0) children.push(para(T.empty, { italic: true }));
  else {
    children.push(
      para(T.summary, { bold: true, after: 80 }),
      table(
        [
          { share: 0.22 },
          { share: 0.1, align: 'center' as const },
          ...MANDATE_STATES.map(() => ({ share: 0.136, align: 'center' as const })),
        ],
        SUMMARY_HEAD,
        [...d.totals, d.all].map((t) => str(summaryRow(t))),
        style,
      ),
      para(T.list, { bold: true, before: 240, after: 80 }),
    );
    const columns = [0.05, 0.31, 0.14, 0.19, 0.07, 0.24].map((share, n) => ({
      share,
      align: n === 0 || n === 4 ? ('center' as const) : ('left' as const),
    }));
    for (const g of d.groups) {
      children.push(para(g.territory, { bold: true, before: 160, after: 60 }));
      children.push(
        table(
          columns,
          LIST_HEAD,
          g.lines.map((l) => str(listRow(l))),
          style,
        ),
      );
    }
  }
  return toBuffer(documentOf([section(children, style)], style, T.title));
}

export async function mandateReportXlsx(d: MandateReportData): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Priemnaya';
  const head = (ws: ExcelJS.Worksheet) => {
    ws.addRow([d.officeName]);
    ws.addRow([T.title]).font = { bold: true };
    ws.addRow([d.subtitle]);
    ws.addRow([]);
  };
  const list = wb.addWorksheet(T.sheet, {
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  head(list);
  list.addRow([mandatesUi.filters.district, ...LIST_HEAD]).font = { bold: true };
  for (const g of d.groups)
    for (const l of g.lines) {
      const row = list.addRow([g.territory, ...listRow(l)]);
      row.alignment = { wrapText: true, vertical: 'top' };
    }
  [22, 6, 60, 30, 30, 8, 28].forEach((w, n) => (list.getColumn(n + 1).width = w));
  list.views = [{ state: 'frozen', ySplit: 5 }];
  const sum = wb.addWorksheet(T.summarySheet);
  head(sum);
  sum.addRow(SUMMARY_HEAD).font = { bold: true };
  for (const t of d.totals) sum.addRow(summaryRow(t));
  sum.addRow(summaryRow(d.all)).font = { bold: true };
  sum.getColumn(1).width = 30;
  for (let c = 2; c <= SUMMARY_HEAD.length; c++) sum.getColumn(c).width = 16;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function mandateReport(
  ctx: ReadContext,
  i: ParsedInput<'mandates.report'>,
): Promise<Output<'mandates.report'>> {
  const d = mandateReportData(ctx, i);
  const suffix = [i.year ? String(i.year) : null, i.district ?? null].filter(Boolean).join(' ');
  const data = i.format === 'xlsx' ? await mandateReportXlsx(d) : await mandateReportDocx(ctx, d);
  return {
    name: T.fileName(suffix, i.format),
    mime: i.format === 'xlsx' ? XLSX_MIME : DOCX_MIME,
    dataBase64: data.toString('base64'),
  };
}
