/**
 * The ССТУ.РФ report as files: DOCX on an A4 landscape page (eleven columns do not fit a portrait one)
 * and XLSX (exceljs, one sheet, numbers kept as numbers). Both print the same lines (`sstuLines`): the
 * sections, themes and topics bold with the sums of their questions, the questions indented under them.
 */
import ExcelJS from 'exceljs';
import { PageOrientation, Paragraph, TextRun, type FileChild } from 'docx';
import { sstuReport as T } from '../../shared/i18n/ru/reports';
import {
  documentOf,
  PAGE,
  para,
  section,
  shortDate,
  table,
  toBuffer,
  type DocStyle,
} from '../documents/docx/common';
import { SSTU_COLUMNS, type SstuColumn, type SstuContext, type SstuLine } from './sstu';

const header = (heads: Record<SstuColumn, string>): string[] => [
  T.code,
  T.name,
  ...SSTU_COLUMNS.map((c) => heads[c]),
];

/** «1 234»: thousands apart by a no-break space, as Russian figures are printed. */
const figure = (n: number): string => n.toLocaleString('ru-RU');

/** The sections, themes and topics (and the total) are bold: the sums of the questions under them. */
const isGroup = (l: SstuLine): boolean => l.level < 4;

/** Landscape A4 with the same margins, the long side across. */
const LANDSCAPE_TEXT_WIDTH = PAGE.height - PAGE.left - PAGE.right;

export async function sstuDocx(sc: SstuContext, lines: SstuLine[], style: DocStyle): Promise<Buffer> {
  const b = sc.breakdown;
  // Eleven columns: the figures at 10 pt, the heads at 9 (style.size − 2 in `table`).
  const small = Math.min(style.size, 10);
  const cell = (text: string, o: { bold: boolean; right?: boolean; indent?: number }) => [
    new Paragraph({
      alignment: o.right ? 'right' : 'left',
      indent: o.indent ? { left: o.indent } : undefined,
      children: [new TextRun({ text, bold: o.bold, size: small * 2 })],
    }),
  ];
  const rows = lines.map((l) => {
    const bold = isGroup(l);
    return [
      cell(l.code, { bold }),
      cell(l.name, { bold, indent: Math.max(l.level - 1, 0) * 120 }),
      ...SSTU_COLUMNS.map((c) => cell(figure(l.figures[c]), { bold, right: true })),
    ];
  });
  const numbers = SSTU_COLUMNS.length;
  const columns = [
    { share: 0.14, align: 'left' as const },
    { share: 0.25, align: 'left' as const },
    ...SSTU_COLUMNS.map(() => ({ share: 0.61 / numbers, align: 'center' as const })),
  ];
  const children: FileChild[] = [
    para(sc.officeName, { align: 'center', size: style.size - 2 }),
    para(T.title, { align: 'center', bold: true, before: 120 }),
    para(`${T.subtitle}, ${periodText(b.from, b.to)}`, { align: 'center', after: 120 }),
    table(columns, header(T.heads), rows, { ...style, size: small + 1 }, { width: LANDSCAPE_TEXT_WIDTH }),
    para(T.note, { italic: true, size: small, before: 120 }),
    para(T.generated(shortDate(b.asOf)), { italic: true, size: small, before: 60 }),
  ];
  const base = section(children, style);
  const landscape = {
    ...base,
    properties: {
      ...base.properties,
      page: {
        ...base.properties?.page,
        size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.LANDSCAPE },
      },
    },
  };
  return toBuffer(documentOf([landscape], style, T.title));
}

const periodText = (from: string, to: string): string => `с ${shortDate(from)} по ${shortDate(to)}`;

/** The name column's width in characters, and about how many of a name's letters a line of it holds. */
const NAME_WIDTH = 60;
const NAME_CHARS = 64;

export async function sstuXlsx(sc: SstuContext, lines: SstuLine[]): Promise<Buffer> {
  const b = sc.breakdown;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Priemnaya';
  const ws = wb.addWorksheet(T.sheet, {
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const last = 2 + SSTU_COLUMNS.length;
  ws.addRow([sc.officeName]);
  ws.addRow([T.title]).font = { bold: true };
  ws.addRow([`${T.subtitle}, ${periodText(b.from, b.to)}`]);
  ws.addRow([]);
  const head = ws.addRow(header(T.columns));
  head.font = { bold: true };
  head.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  head.height = 48;
  const thin = { style: 'thin' as const, color: { argb: 'FF808080' } };
  const border = { top: thin, bottom: thin, left: thin, right: thin };
  for (let c = 1; c <= last; c++) head.getCell(c).border = border;
  for (const l of lines) {
    const row = ws.addRow([l.code, l.name, ...SSTU_COLUMNS.map((c) => l.figures[c])]);
    if (isGroup(l)) row.font = { bold: true };
    row.alignment = { vertical: 'top' };
    row.getCell(2).alignment = { wrapText: true, indent: Math.max(l.level - 1, 0), vertical: 'top' };
    // Calc and Excel keep a row's stored height: a long name gets the lines it wraps to.
    row.height = 15 * Math.max(1, Math.ceil((l.name.length + 2 * l.level) / NAME_CHARS));
    for (let c = 1; c <= last; c++) {
      row.getCell(c).border = border;
      if (c > 2) row.getCell(c).numFmt = '#,##0';
    }
  }
  ws.addRow([]);
  ws.addRow([T.note]).font = { italic: true };
  ws.addRow([T.generated(shortDate(b.asOf))]).font = { italic: true };
  ws.getColumn(1).width = 22;
  ws.getColumn(2).width = NAME_WIDTH;
  for (let c = 3; c <= last; c++) ws.getColumn(c).width = 14;
  ws.views = [{ state: 'frozen', ySplit: 5, xSplit: 2 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
