/**
 * Main process. The programme of an event: its title, date and place, then the items by time with who
 * is responsible. The data is plain, so the events service feeds it from an event card.
 */
import type { FileChild } from 'docx';
import type { Office } from '../../../shared/api/office';
import { documents as D } from '../../../shared/i18n/ru/documents';
import { letterhead, longDate, para, table, type DocStyle } from './common';

export interface ProgrammeData {
  office: Office;
  title: string;
  date: string;
  place: string | null;
  escort: string | null;
  items: { time: string; text: string; responsible: string | null }[];
}

/**
 * The items of a programme from the event card's text, a line an item: a line that starts with a time
 * («18:00 Открытие», «9.30 — Вопросы жителей») gives the item its time; other lines are items without one.
 */
export function programmeItems(text: string | null, startTime: string | null): ProgrammeData['items'] {
  const lines = (text ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  const items = lines.map((line) => {
    const m = /^(\d{1,2})[:.](\d{2})\s*[-–—]?\s*(.*)$/.exec(line);
    if (!m) return { time: '', text: line, responsible: null };
    return { time: `${m[1]!.padStart(2, '0')}:${m[2]}`, text: m[3] ?? '', responsible: null };
  });
  if (items.length > 0 && !items[0]!.time && startTime) items[0] = { ...items[0]!, time: startTime };
  return items;
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
  // The responsible column only when some item names someone: an empty column reads as unfinished.
  const withResponsible = d.items.some((i) => i.responsible);
  out.push(
    withResponsible
      ? table(
          [{ share: 0.15 }, { share: 0.55 }, { share: 0.3 }],
          [P.time, P.item, P.responsible],
          d.items.map((i) => [i.time, i.text, i.responsible ?? '']),
          style,
        )
      : table(
          [{ share: 0.15 }, { share: 0.85 }],
          [P.time, P.item],
          d.items.map((i) => [i.time, i.text]),
          style,
        ),
  );
  return out;
}
