/**
 * Main process. An outgoing letter on the deputy's letterhead: the outgoing number and date at the
 * left, the addressee at the right, the salutation, the body the office's template produced, and the
 * signatory. One builder for requests, replies and Art. 11 notices: they differ only in their data.
 */
import { Paragraph, Table, TableCell, TableRow, WidthType, type FileChild } from 'docx';
import type { Office } from '../../../shared/api/office';
import { initials } from '../../../shared/domain/names';
import { documents as D } from '../../../shared/i18n/ru/documents';
import { letterhead, para, shortDate, TEXT_WIDTH, type DocStyle } from './common';

export interface LetterData {
  office: Office;
  /** The outgoing number and date, once registered; blank lines to fill by hand otherwise. */
  outgoingNumber: string | null;
  date: string | null;
  /** The appeal the letter answers or is about. */
  regNumber: string;
  registeredOn: string;
  /** Lines of the address block: «Иванову Ивану Петровичу», «ул. Советская, д. 1, г. Тверь». */
  addressee: string[];
  /** «Уважаемый Иван Петрович!», or none (a request to a body opens without one). */
  salutation: string | null;
  /** The body, one paragraph a line. */
  body: string;
  /** Who signs, and as whom. */
  signatoryTitle: string;
  signatoryName: string;
  /** Who prepared it, printed small at the foot («Исп. Смирнова А. А.»). */
  executor: string | null;
}

const NO_BORDERS = {
  top: { style: 'none', size: 0, color: 'FFFFFF' },
  bottom: { style: 'none', size: 0, color: 'FFFFFF' },
  left: { style: 'none', size: 0, color: 'FFFFFF' },
  right: { style: 'none', size: 0, color: 'FFFFFF' },
  insideHorizontal: { style: 'none', size: 0, color: 'FFFFFF' },
  insideVertical: { style: 'none', size: 0, color: 'FFFFFF' },
} as const;

/** Two blocks side by side with no rules: the letter's heading and its signature are laid out so. */
function sideBySide(leftShare: number, leftBlock: Paragraph[], rightBlock: Paragraph[]): Table {
  const left = Math.floor(TEXT_WIDTH * leftShare);
  const right = TEXT_WIDTH - left;
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [left, right],
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          new TableCell({ width: { size: left, type: WidthType.DXA }, children: leftBlock }),
          new TableCell({ width: { size: right, type: WidthType.DXA }, children: rightBlock }),
        ],
      }),
    ],
  });
}

/** The number at the left and the addressee at the right, as office letters have them. */
function heading(d: LetterData, style: DocStyle): Table {
  const small = style.size - 2;
  return sideBySide(
    0.45,
    [
      para(D.letterhead.outgoing(d.outgoingNumber, d.date ? shortDate(d.date) : null), { size: small }),
      para(D.letterhead.regarding(d.regNumber, shortDate(d.registeredOn)), { size: small }),
    ],
    d.addressee.map((line) => para(line)),
  );
}

/** The signatory's title at the left, the name at the right, on the title's last line. */
const signature = (d: LetterData): Table =>
  sideBySide(0.6, [para(d.signatoryTitle)], [para(''), para(initials(d.signatoryName), { align: 'right' })]);

export function letterContent(d: LetterData, style: DocStyle): FileChild[] {
  const out: FileChild[] = [...letterhead(d.office, style), heading(d, style)];
  if (d.salutation) out.push(para(d.salutation, { align: 'center', before: 360, after: 240 }));
  else out.push(para('', { after: 360 }));
  for (const line of d.body.split('\n')) {
    if (line.trim() === '') continue;
    out.push(para(line.trim(), { align: 'both', indent: true, after: 120 }));
  }
  out.push(para('', { after: 480 }));
  out.push(signature(d));
  if (d.executor)
    out.push(para(`${D.letterhead.executor} ${d.executor}`, { size: style.size - 4, before: 720 }));
  return out;
}
