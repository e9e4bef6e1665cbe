/**
 * Main process. What every printed document shares: A4 with the margins of office paperwork (ГОСТ Р
 * 7.0.97: 30 mm left, 15 right, 20 top and bottom), the office's font and size, page numbers, the
 * letterhead, and Russian dates. Built with `docx`, so the file opens the same in Word and LibreOffice.
 */
import { format, parseISO } from 'date-fns';
import { ru } from 'date-fns/locale';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type FileChild,
  type ISectionOptions,
  type ParagraphChild,
} from 'docx';
import type { Letterhead, Office } from '../../../shared/api/office';
import { documents as D } from '../../../shared/i18n/ru/documents';

/** Twentieths of a point per millimetre. */
const MM = 56.7;
export const PAGE = {
  width: 11906,
  height: 16838,
  left: Math.round(30 * MM),
  right: Math.round(15 * MM),
  top: Math.round(20 * MM),
  bottom: Math.round(20 * MM),
};
/** The width of the text between the margins, in twips: tables are laid out against it. */
export const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;

export interface DocStyle {
  font: string;
  /** Points. */
  size: number;
}

export const styleOf = (l: Letterhead): DocStyle => ({ font: l.font, size: l.fontSize });

/** «13 февраля 2026 г.» */
export function longDate(iso: string | null | undefined): string {
  if (!iso) return D.card.none;
  return format(parseISO(iso), 'd MMMM yyyy г.', { locale: ru });
}

/** «13.02.2026» */
export function shortDate(iso: string | null | undefined): string {
  if (!iso) return D.card.none;
  return format(parseISO(iso), 'dd.MM.yyyy', { locale: ru });
}

export interface ParaOptions {
  bold?: boolean;
  italic?: boolean;
  align?: 'left' | 'center' | 'right' | 'both';
  /** Points; defaults to the document's size. */
  size?: number;
  indent?: boolean;
  after?: number;
  before?: number;
  pageBreakBefore?: boolean;
}

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  both: AlignmentType.JUSTIFIED,
} as const;

export function para(text: string | ParagraphChild[], o: ParaOptions = {}): Paragraph {
  const children =
    typeof text === 'string'
      ? [new TextRun({ text, bold: o.bold, italics: o.italic, size: o.size ? o.size * 2 : undefined })]
      : text;
  return new Paragraph({
    children,
    alignment: ALIGN[o.align ?? 'left'],
    indent: o.indent ? { firstLine: Math.round(12.5 * MM) } : undefined,
    spacing: { after: o.after ?? 0, before: o.before ?? 0 },
    pageBreakBefore: o.pageBreakBefore,
  });
}

/** A run of text in a paragraph made of pieces. */
export const run = (text: string, o: { bold?: boolean; italic?: boolean; size?: number } = {}): TextRun =>
  new TextRun({ text, bold: o.bold, italics: o.italic, size: o.size ? o.size * 2 : undefined });

const THIN = { style: BorderStyle.SINGLE, size: 4, color: '808080' } as const;
const CELL_MARGINS = { top: 40, bottom: 40, left: 80, right: 80 };

export interface Column {
  /** A share of the text width; the shares of a table add up to 1. */
  share: number;
  align?: 'left' | 'center' | 'right';
}

/** A table with thin grey borders and a bold header row; cell text is a size smaller than the body. */
export function table(
  columns: Column[],
  header: string[] | null,
  rows: (string | Paragraph[])[][],
  style: DocStyle,
  o: {
    shade?: (string | null)[];
    /** Twips; the portrait page's text width by default. */
    width?: number;
  } = {},
): Table {
  const width = o.width ?? TEXT_WIDTH;
  const widths = columns.map((c) => Math.floor(width * c.share));
  const small = Math.max(style.size - 2, 9);
  const cell = (value: string | Paragraph[], i: number, bold = false, shade: string | null = null) =>
    new TableCell({
      width: { size: widths[i]!, type: WidthType.DXA },
      margins: CELL_MARGINS,
      verticalAlign: VerticalAlign.TOP,
      shading: shade ? { fill: shade, color: 'auto', type: 'clear' } : undefined,
      children:
        typeof value === 'string'
          ? value.split('\n').map((line) => para(line, { bold, size: small, align: columns[i]!.align }))
          : value,
    });
  const body = rows.map(
    (r, ri) =>
      new TableRow({
        cantSplit: true,
        children: r.map((v, i) => cell(v, i, false, i === 0 ? (o.shade?.[ri] ?? null) : null)),
      }),
  );
  const head = header
    ? [
        new TableRow({
          tableHeader: true,
          children: header.map((h, i) => cell(h, i, true, 'EDEDED')),
        }),
      ]
    : [];
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: widths,
    borders: {
      top: THIN,
      bottom: THIN,
      left: THIN,
      right: THIN,
      insideHorizontal: THIN,
      insideVertical: THIN,
    },
    rows: [...head, ...body],
  });
}

/** «стр. 2 из 3», centred, a size smaller than the body. */
function pageFooter(style: DocStyle): Footer {
  const size = Math.max(style.size - 4, 8) * 2;
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({ text: `${D.letterhead.page} `, size }),
          new TextRun({ children: [PageNumber.CURRENT], size }),
          new TextRun({ text: ` ${D.letterhead.of} `, size }),
          new TextRun({ children: [PageNumber.TOTAL_PAGES], size }),
        ],
      }),
    ],
  });
}

/** One A4 section; several make one file with each starting on a new page (a batch of cards). */
export function section(children: FileChild[], style: DocStyle): ISectionOptions {
  return {
    properties: {
      page: {
        size: { width: PAGE.width, height: PAGE.height },
        margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right },
        pageNumbers: { start: 1 },
      },
    },
    footers: { default: pageFooter(style) },
    children,
  };
}

export function documentOf(sections: ISectionOptions[], style: DocStyle, title: string): Document {
  return new Document({
    creator: 'Priemnaya',
    title,
    styles: {
      default: {
        document: { run: { font: style.font, size: style.size * 2 } },
      },
    },
    sections,
  });
}

export async function toBuffer(doc: Document): Promise<Buffer> {
  return Packer.toBuffer(doc);
}

/**
 * The deputy's letterhead: name, title, the office's address and contacts, under a rule. Letters carry it
 * on their first page.
 */
export function letterhead(office: Office, style: DocStyle): Paragraph[] {
  const l = office.letterhead;
  const contacts = [
    office.address,
    office.phone && `${D.letterhead.phone} ${office.phone}`,
    office.email && `${D.letterhead.email} ${office.email}`,
  ]
    .filter(Boolean)
    .join(', ');
  const small = Math.max(style.size - 3, 9);
  const lines = [
    para((l.deputyTitle ?? D.letterhead.deputyTitle).toUpperCase(), {
      align: 'center',
      bold: true,
      size: small,
      after: 80,
    }),
    para(office.deputyName.toUpperCase(), { align: 'center', bold: true, size: style.size + 2, after: 60 }),
  ];
  const last = new Paragraph({
    alignment: AlignmentType.CENTER,
    border: { bottom: { style: BorderStyle.DOUBLE, size: 6, color: '000000', space: 4 } },
    spacing: { after: 240 },
    children: [run(contacts || office.name, { size: small })],
  });
  return [...lines, last];
}
