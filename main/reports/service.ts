/**
 * The reports by the thematic classifier, as the contract names them: the breakdown by question
 * (`reports.classifier`) and the ССТУ.РФ layout as DOCX or XLSX (`reports.sstu`), for the caller's office
 * or, in HQ's view, the offices chosen.
 */
import type { Output, ParsedInput } from '../../shared/api/index';
import { DOCX_MIME, XLSX_MIME } from '../../shared/api/documents';
import { sstuReport as T } from '../../shared/i18n/ru/reports';
import { shortDate, styleOf } from '../documents/docx/common';
import type { ReadContext } from '../kernel/context';
import { officeRow, officeToday, toOffice } from '../office/queries';
import { classifierBreakdown } from './classifier';
import { officesOf, reportHeading } from './statistics/index';
import { sstuLines, type SstuContext } from './sstu';
import { sstuDocx, sstuXlsx } from './sstu-files';

export function classifier(
  ctx: ReadContext,
  i: ParsedInput<'reports.classifier'>,
): Output<'reports.classifier'> {
  const db = ctx.store.read;
  const office = officeRow(db);
  const officeIds = officesOf(ctx, office.id, i.officeIds);
  return classifierBreakdown(db, { ...i.filter, officeIds }, officeToday(ctx, office));
}

export async function sstu(
  ctx: ReadContext,
  i: ParsedInput<'reports.sstu'>,
): Promise<Output<'reports.sstu'>> {
  const db = ctx.store.read;
  const row = officeRow(db);
  const officeIds = officesOf(ctx, row.id, i.officeIds);
  const sc: SstuContext = {
    breakdown: classifierBreakdown(db, { ...i.filter, officeIds }, officeToday(ctx, row)),
    ...reportHeading(ctx, row, officeIds),
  };
  const name = T.fileName(shortDate(i.filter.from), shortDate(i.filter.to), i.format);
  const data =
    i.format === 'xlsx'
      ? await sstuXlsx(sc, sstuLines(sc.breakdown))
      : await sstuDocx(sc, sstuLines(sc.breakdown), styleOf(toOffice(row).letterhead));
  return { name, mime: i.format === 'xlsx' ? XLSX_MIME : DOCX_MIME, dataBase64: data.toString('base64') };
}
