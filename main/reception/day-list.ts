/**
 * The day's list on the letterhead as DOCX: the day, its place and host, then each booked slot with the
 * citizen, the phone, the question and an empty column to mark who came, and the walk-in queue after.
 * Read from the same day the screen shows, so paper and screen cannot disagree.
 */
import type { FileChild } from 'docx';
import { DOCX_MIME } from '../../shared/api/documents';
import type { Output, ParsedInput } from '../../shared/api/index';
import type { ReceptionDay } from '../../shared/api/reception';
import { receptionDoc as D, receptionUi as U } from '../../shared/i18n/ru/reception';
import type { AuditedReadContext } from '../kernel/context';
import {
  documentOf,
  letterhead,
  longDate,
  para,
  section,
  styleOf,
  table,
  toBuffer,
} from '../documents/docx/common';
import { officeRow, toOffice } from '../office/queries';
import { receptionDay } from './queries';

const COLUMNS = [{ share: 0.11 }, { share: 0.27 }, { share: 0.22 }, { share: 0.27 }, { share: 0.13 }];

function dayListContent(day: ReceptionDay, office: ReturnType<typeof toOffice>): FileChild[] {
  const style = styleOf(office.letterhead);
  const booked = day.slots.flatMap((s) => s.bookings);
  const out: FileChild[] = [
    ...letterhead(office, style),
    para(D.title, { align: 'center', bold: true, before: 120, after: 200 }),
    para(`${D.date}: ${longDate(day.date)}, ${day.startTime}–${day.endTime}`),
    para(`${D.place}: ${day.place}`),
    para(`${D.host}: ${day.hostName ?? `${U.deputy} ${office.deputyName}`}`, { after: 200 }),
  ];
  if (day.status === 'cancelled') out.push(para(`${U.cancelled}: ${day.cancelReason ?? ''}`, { bold: true }));
  out.push(
    booked.length === 0
      ? para(D.none)
      : table(
          COLUMNS,
          [D.time, D.citizen, D.phone, D.question, D.mark],
          booked.map((b) => [b.slot ?? '', b.citizenName, b.phone ?? '', b.question, markOf(b.status)]),
          style,
        ),
  );
  if (day.queue.length > 0)
    out.push(
      para(D.queue, { bold: true, before: 240, after: 120 }),
      table(
        COLUMNS,
        [D.queueNo, D.citizen, D.phone, D.question, D.mark],
        day.queue.map((b) => [String(b.queueNo), b.citizenName, b.phone ?? '', b.question, markOf(b.status)]),
        style,
      ),
    );
  return out;
}

/** A mark already made is printed; an unmarked row leaves the cell for the pen. */
const markOf = (status: string): string => (status === 'booked' ? '' : (U.status[status] ?? ''));

export async function dayList(
  ctx: AuditedReadContext,
  i: ParsedInput<'reception.dayList'>,
): Promise<Output<'reception.dayList'>> {
  const db = ctx.store.read;
  const day = receptionDay(db, i.dayId);
  const office = toOffice(officeRow(db));
  const style = styleOf(office.letterhead);
  const data = await toBuffer(documentOf([section(dayListContent(day, office), style)], style, D.title));
  ctx.auditRead('reception.dayList', 'reception_day', day.id);
  return { name: D.fileName(day.date), mime: DOCX_MIME, dataBase64: data.toString('base64') };
}
