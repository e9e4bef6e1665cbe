/**
 * Documents from data: the appeal card, letters and reports are built from the same reads the screen
 * uses (`getCard`, the report queries), so paper and screen never disagree. Printing a card is an access
 * to personal data and is audited like opening one; a generated letter is kept as an attachment.
 */
import { zipSync } from 'fflate';
import type { AppealCard } from '../../shared/api/appeals';
import { ApiError } from '../../shared/api/define';
import { DOCX_MIME, XLSX_MIME, type DocFile } from '../../shared/api/documents';
import type { Output, ParsedInput } from '../../shared/api/index';
import type { Office } from '../../shared/api/office';
import {
  fillTemplate,
  noticeKind,
  type LetterKind,
  type LetterValues,
} from '../../shared/domain/letter-templates';
import { dativeName, initials, salutation } from '../../shared/domain/names';
import { countOf, DAYS } from '../../shared/domain/plural';
import { documents as D } from '../../shared/i18n/ru/documents';
import * as L from '../../shared/i18n/ru/labels';
import { cardContent, type CardData } from './docx/card';
import { documentOf, section, shortDate, styleOf, toBuffer } from './docx/common';
import { letterContent, type LetterData } from './docx/letter';
import { programmeContent, programmeItems } from './docx/programme';
import { reportContent, reportCsv, reportXlsx, type ReportContext } from './docx/report';
import * as attachments from '../attachments/attachments';
import { getCard } from '../appeals/card';
import { getEventCard } from '../events/card';
import type { AuditedReadContext, CallContext, ReadContext } from '../kernel/context';
import { officeCalendar, officeRow, officeToday, toOffice, userName } from '../office/queries';
import { codeNames } from '../classifier/queries';
import { periodReport, registeredLateCount, reportTopicNames } from '../reports/period';
import { classifierBreakdown, classifierTable } from '../reports/classifier';
import { officesOf, reportHeading } from '../reports/statistics/index';
import { templateBody } from './templates';

const file = (name: string, mime: string, data: Buffer): DocFile => ({
  name,
  mime,
  dataBase64: data.toString('base64'),
});

export function cardData(ctx: ReadContext, appealId: string): CardData {
  const db = ctx.store.read;
  const row = officeRow(db);
  const card = getCard(db, ctx, appealId);
  return {
    card,
    office: toOffice(row),
    executorName: userName(ctx.store.read, card.executorId),
    today: officeToday(ctx, row),
    topicNames: codeNames(db, card.topics),
  };
}

/** Printing a card is an access to personal data too (152-FZ Art. 19): each card printed is logged. */
function auditPrint(ctx: AuditedReadContext, ids: string[]): void {
  ctx.auditRead('documents.card', 'appeal', ids);
}

/** The programme of an event on the letterhead, its items from the card's programme text. */
export async function programme(
  ctx: AuditedReadContext,
  i: ParsedInput<'documents.programme'>,
): Promise<Output<'documents.programme'>> {
  const event = getEventCard(ctx, i.eventId);
  const office = toOffice(officeRow(ctx.store.read));
  const style = styleOf(office.letterhead);
  const content = programmeContent(
    {
      office,
      title: event.title,
      date: event.date,
      place: [event.place, event.address].filter(Boolean).join(', ') || null,
      escort: event.escortName,
      items: programmeItems(event.programme, event.startTime),
    },
    style,
  );
  const data = await toBuffer(documentOf([section(content, style)], style, D.programme.title));
  ctx.auditRead('documents.programme', 'event', i.eventId);
  return file(D.fileNames.programme(event.title), DOCX_MIME, data);
}

/** One card as DOCX, and the registration number its file is named by. */
export async function cardDocx(
  ctx: ReadContext,
  appealId: string,
): Promise<{ data: Buffer; regNumber: string }> {
  const d = cardData(ctx, appealId);
  const style = styleOf(d.office.letterhead);
  const data = await toBuffer(documentOf([section(cardContent(d, style), style)], style, D.card.title));
  return { data, regNumber: d.card.regNumber };
}

export async function card(
  ctx: AuditedReadContext,
  i: ParsedInput<'documents.card'>,
): Promise<Output<'documents.card'>> {
  const { data, regNumber } = await cardDocx(ctx, i.appealId);
  auditPrint(ctx, [i.appealId]);
  return file(D.fileNames.card(regNumber), DOCX_MIME, data);
}

export async function cards(
  ctx: AuditedReadContext,
  i: ParsedInput<'documents.cards'>,
): Promise<Output<'documents.cards'>> {
  const ids = [...new Set(i.ids)];
  if (i.format === 'zip') {
    const entries: Record<string, Uint8Array> = {};
    for (const id of ids) {
      const { data, regNumber } = await cardDocx(ctx, id);
      entries[D.fileNames.card(regNumber)] = data;
    }
    auditPrint(ctx, ids);
    return file(D.fileNames.cardsZip, 'application/zip', Buffer.from(zipSync(entries, { level: 6 })));
  }
  const all = ids.map((id) => cardData(ctx, id));
  const style = styleOf(all[0]!.office.letterhead);
  // A section per card: each starts on a new page and numbers its pages from 1.
  const doc = documentOf(
    all.map((d) => section(cardContent(d, style), style)),
    style,
    D.card.title,
  );
  const data = await toBuffer(doc);
  auditPrint(ctx, ids);
  return file(D.fileNames.cards, DOCX_MIME, data);
}

// ---- Letters.

interface RequestRow {
  id: string;
  kind: 'deputy_request' | 'documents_request';
  text: string | null;
  outgoing_number: string | null;
  sent_on: string | null;
  body_name: string | null;
  body_head: string | null;
  body_address: string | null;
}

function requestRow(ctx: ReadContext, appealId: string, requestId: string | undefined): RequestRow {
  const db = ctx.store.read;
  let q = db.qb
    .selectFrom('external_requests as r')
    .leftJoin('bodies as b', 'b.id', 'r.body_id')
    .select([
      'r.id',
      'r.kind',
      'r.text',
      'r.outgoing_number',
      'r.sent_on',
      'b.name as body_name',
      'b.head as body_head',
      'b.address as body_address',
    ])
    .where('r.appeal_id', '=', appealId)
    .where('r.deleted_at', 'is', null);
  if (requestId) q = q.where('r.id', '=', requestId);
  const r = db.get(q.orderBy('r.seq', 'desc').limit(1));
  if (!r)
    throw new ApiError(
      'not_found',
      requestId ? 'no such request of this appeal' : 'the appeal has no requests',
      {
        field: 'requestId',
      },
    );
  return r;
}

/** The fields every kind of letter knows, from the card. */
function commonValues(card: AppealCard, office: Office, today: string): LetterValues {
  const a = card.applicant;
  return {
    заявитель: a.fullName,
    заявителю: dativeName(a) || a.fullName,
    адрес_заявителя: a.address ?? a.email ?? '',
    обращение_номер: card.regNumber,
    обращение_дата: shortDate(card.registeredOn),
    обращение_поступило: shortDate(card.receivedOn),
    содержание: card.summary,
    депутат: office.deputyName,
    сегодня: shortDate(today),
  };
}

function requestTerm(office: Office, kind: RequestRow['kind']): string {
  // A documents request is answered within 15 days (59-FZ Art. 10 p.2); a deputy's request in the
  // jurisdiction's term (3-FZ Art. 14 or the regional law), an office setting.
  return countOf(kind === 'documents_request' ? 15 : office.deputyRequestDays, DAYS);
}

export function letterValues(
  ctx: ReadContext,
  card: AppealCard,
  kind: LetterKind,
  request: RequestRow | null,
): LetterValues {
  const row = officeRow(ctx.store.read);
  const office = toOffice(row);
  const values = commonValues(card, office, officeToday(ctx, row));
  if (kind === 'request' && request) {
    values.адресат = request.body_name ?? '';
    values.руководитель_адресата = request.body_head ?? '';
    values.срок_ответа = requestTerm(office, request.kind);
    values.текст_запроса = request.text ?? '';
  }
  if (kind === 'reply') values.текст_ответа = card.reply?.text ?? '';
  if (card.art11) values.основание = L.art11GroundLabels[card.art11.ground];
  if (card.art11?.publishedAnswerUrl) values.ссылка_на_ответ = card.art11.publishedAnswerUrl;
  return values;
}

/** For the template preview: the values an appeal gives a kind of letter. */
export function previewValues(ctx: ReadContext, appealId: string, kind: LetterKind): LetterValues {
  const card = getCard(ctx.store.read, ctx, appealId);
  const request = kind === 'request' && card.requests.length ? requestRow(ctx, appealId, undefined) : null;
  return letterValues(ctx, card, kind, request);
}

function applicantAddressee(card: AppealCard): string[] {
  const a = card.applicant;
  return [dativeName(a) || a.fullName, ...(a.address ? [a.address] : a.email ? [a.email] : [])];
}

function letterData(
  ctx: CallContext,
  i: ParsedInput<'documents.letter'>,
): { data: LetterData; kind: LetterKind; title: string; requestId: string | null } {
  const db = ctx.store.read;
  const row = officeRow(db);
  const office = toOffice(row);
  const card = getCard(db, ctx, i.appealId);
  const lh = office.letterhead;
  const base = {
    office,
    regNumber: card.regNumber,
    registeredOn: card.registeredOn,
    signatoryTitle: lh.signatoryTitle ?? lh.deputyTitle ?? D.letterhead.deputyTitle,
    signatoryName: lh.signatoryName ?? office.deputyName,
    executor: card.responsibleName
      ? [initials(card.responsibleName), office.phone].filter(Boolean).join(', ')
      : null,
  };
  // The office's template of this kind of letter, its fields filled from the card (and the request).
  const bodyOf = (kind: LetterKind, r: Parameters<typeof letterValues>[3]): string =>
    fillTemplate(templateBody(db, office.id, kind).body, letterValues(ctx, card, kind, r));
  if (i.kind === 'request') {
    const r = requestRow(ctx, i.appealId, i.requestId);
    return {
      kind: 'request',
      title: D.letterTitles.request,
      requestId: r.id,
      data: {
        ...base,
        outgoingNumber: r.outgoing_number,
        date: r.sent_on,
        addressee: [r.body_head, r.body_name, r.body_address].filter((s): s is string => !!s),
        salutation: null,
        body: bodyOf('request', r),
      },
    };
  }
  if (i.kind === 'reply')
    return {
      kind: 'reply',
      title: D.letterTitles.reply,
      requestId: null,
      data: {
        ...base,
        signatoryName: card.reply?.signatory ?? base.signatoryName,
        outgoingNumber: card.reply?.outgoingNumber ?? null,
        date: card.reply?.sentOn ?? null,
        addressee: applicantAddressee(card),
        salutation: salutation(card.applicant),
        body: bodyOf('reply', null),
      },
    };
  const ground = card.art11?.ground;
  if (!ground || ground === 'p1')
    throw new ApiError('invalid_state', 'no Art. 11 notice is owed for this appeal', { field: 'kind' });
  const kind = noticeKind(ground);
  return {
    kind,
    title: D.letterTitles.notice,
    requestId: null,
    data: {
      ...base,
      outgoingNumber: card.notice?.outgoingNumber ?? null,
      date: card.notice?.sentOn ?? null,
      addressee: applicantAddressee(card),
      salutation: salutation(card.applicant),
      body: bodyOf(kind, null),
    },
  };
}

export async function letterDocx(
  ctx: CallContext,
  i: ParsedInput<'documents.letter'>,
): Promise<{ data: Buffer; name: string }> {
  const l = letterData(ctx, i);
  const style = styleOf(l.data.office.letterhead);
  const data = await toBuffer(documentOf([section(letterContent(l.data, style), style)], style, l.title));
  return { data, name: D.fileNames.letter(l.title, l.data.outgoingNumber, l.data.regNumber) };
}

export async function letter(
  ctx: CallContext,
  i: ParsedInput<'documents.letter'>,
): Promise<Output<'documents.letter'>> {
  const { data, name } = await letterDocx(ctx, i);
  const dataBase64 = data.toString('base64');
  const attachmentId = i.attach
    ? attachments.add(ctx, { appealId: i.appealId, requestId: null, name, mime: DOCX_MIME, dataBase64 }).id
    : null;
  return { name, mime: DOCX_MIME, dataBase64, attachmentId };
}

// ---- Reports.

export function period(ctx: ReadContext, i: ParsedInput<'reports.period'>): Output<'reports.period'> {
  const db = ctx.store.read;
  const office = officeRow(db);
  const officeIds = officesOf(ctx, office.id, i.officeIds);
  const filter = { ...i.filter, officeIds };
  const report = periodReport(db, filter, officeToday(ctx, office));
  return { ...report, registeredLate: registeredLateCount(db, filter, officeCalendar(ctx, office)) };
}

export async function report(
  ctx: ReadContext,
  i: ParsedInput<'documents.report'>,
): Promise<Output<'documents.report'>> {
  const db = ctx.store.read;
  const row = officeRow(db);
  const office = toOffice(row);
  // As on screen (reports.period): the caller's office, or in HQ's view every office or those chosen.
  const officeIds = officesOf(ctx, row.id, i.officeIds);
  const filter = { ...i.filter, officeIds };
  const asOf = officeToday(ctx, row);
  const figures = {
    ...periodReport(db, filter, asOf),
    registeredLate: registeredLateCount(db, filter, officeCalendar(ctx, row)),
  };
  const rc: ReportContext = {
    report: figures,
    extra: [classifierTable(classifierBreakdown(db, filter, asOf))],
    topicNames: reportTopicNames(db, figures),
    ...reportHeading(ctx, row, officeIds),
    responsibleName: userName(ctx.store.read, i.filter.responsibleId ?? null),
  };
  const name = D.fileNames.report(shortDate(i.filter.from), shortDate(i.filter.to), i.format);
  if (i.format === 'xlsx') return file(name, XLSX_MIME, await reportXlsx(rc));
  if (i.format === 'csv') return file(name, 'text/csv', reportCsv(rc));
  const style = styleOf(office.letterhead);
  const doc = documentOf([section(reportContent(rc, style), style)], style, D.report.title);
  return file(name, DOCX_MIME, await toBuffer(doc));
}
