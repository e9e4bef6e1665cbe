/**
 * Main process. The programme of an event: its title, date and place, then the items by time with who
 * is responsible. The data is plain, so the events service feeds it from an event card.
 */
import type { FileChild } from 'docx';
import type { Office } from '../../shared/api/office';
import { documents as D } from '../../shared/i18n/ru/documents';
import { letterhead, longDate, para, table, type DocStyle } from './common';

export interface ProgrammeData {
  office: Office;
  title: string;
  date: string;
  place: string | null;
  escort: string | null;
  items: { time: string; text: string; responsible: string | null }[];
}

export function programmeContent(d: ProgrammeData, style: DocStyle): FileChild[] {
  const P = D.programme;
  const out: FileChild[] = [
    ...letterhead(d.office, style),
    para(P.title, { align: 'center', bold: true, before: 120 }),
    para(`«${d.title}»`, { align: 'center', bold: true, after: 200 }),
    para(`${P.date}: ${longDate(d.date)}`),
  ];
  if (d.place) out.push(para(`${P.place}: ${d.place}`));
  if (d.escort) out.push(para(`${P.escort}: ${d.escort}`));
  out.push(para('', { after: 120 }));
  out.push(
    table(
      [{ share: 0.15 }, { share: 0.55 }, { share: 0.3 }],
      [P.time, P.item, P.responsible],
      d.items.map((i) => [i.time, i.text, i.responsible ?? '']),
      style,
    ),
  );
  return out;
}
