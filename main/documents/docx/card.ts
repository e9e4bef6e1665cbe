/**
 * Main process. The registration-control card of an appeal (РКК): every filled field of the card of
 * 59-FZ, its resolutions, requests, outcome and a summary of its history, from the same `AppealCard`
 * the screen shows.
 */
import type { FileChild } from 'docx';
import type { AppealCard } from '../../../shared/api/appeals';
import type { Office } from '../../../shared/api/office';
import { countOf, DAYS, SIGNATORIES } from '../../../shared/domain/plural';
import { topicLabel } from '../../../shared/i18n/ru/classifier';
import { documents as D } from '../../../shared/i18n/ru/documents';
import * as L from '../../../shared/i18n/ru/labels';
import { oralAnswerUi } from '../../../shared/i18n/ru/oral-answer';
import { officeDate } from '../../../shared/util/clock';
import { para, shortDate, table, type DocStyle } from './common';

export interface CardData {
  card: AppealCard;
  office: Office;
  executorName: string | null;
  /** The office's today: the date printed under the card. */
  today: string;
  /** The classifier's names of the card's questions; a code without one is printed as not in the classifier. */
  topicNames: Readonly<Record<string, string>>;
}

type Row = [string, string];

const filled = (rows: (Row | null)[]): Row[] =>
  rows.filter((r): r is Row => r !== null && r[1] !== '' && r[1] !== D.card.none);

function flags(c: AppealCard): string {
  const f = [
    c.isRepeat ? D.card.repeat : D.card.first,
    c.isCollective ? D.card.collective(countOf(c.signatories, SIGNATORIES)) : null,
    c.isAnonymous ? D.card.anonymous : null,
  ];
  return f.filter(Boolean).join(', ');
}

function applicantRows(c: AppealCard): Row[] {
  const a = c.applicant;
  return filled([
    [D.card.applicant, a.fullName],
    [D.card.address, a.address ?? ''],
    [D.card.email, a.email ?? ''],
    [D.card.phone, a.phones.join(', ')],
    [D.card.socialCategory, a.socialCategory ?? ''],
  ]);
}

function controlRows(d: CardData): Row[] {
  const c = d.card;
  const ext = c.extension;
  return filled([
    [D.card.responsible, c.responsibleName ?? ''],
    [D.card.executor, d.executorName ?? ''],
    [D.card.termDate, shortDate(c.termDate)],
    [D.card.dueDate, shortDate(c.dueDate)],
    [D.card.onControl, c.onControl ? D.card.yes : ''],
    ext
      ? [
          D.card.extension,
          D.card.extensionText(
            countOf(ext.days, DAYS),
            shortDate(ext.extendedOn),
            shortDate(c.dueDate),
            ext.reason,
            ext.extendedBy,
          ) + (ext.notifiedOn ? `; ${D.card.notified(shortDate(ext.notifiedOn))}` : ''),
        ]
      : null,
    [D.card.status, L.statusLabels[c.status]],
  ]);
}

function outcomeRows(c: AppealCard): Row[] {
  const fw = c.forward;
  const r = c.reply;
  return filled([
    c.art11 ? [D.card.art11, L.art11GroundLabels[c.art11.ground]] : null,
    c.art11?.publishedAnswerUrl ? [D.card.publishedAnswer, c.art11.publishedAnswerUrl] : null,
    c.notice
      ? [
          D.card.notice,
          [shortDate(c.notice.sentOn), c.notice.outgoingNumber && `исх. № ${c.notice.outgoingNumber}`]
            .filter(Boolean)
            .join(', '),
        ]
      : null,
    fw
      ? [
          D.card.forward,
          [
            fw.addressee,
            fw.sentOn && shortDate(fw.sentOn),
            fw.outgoingNumber && `исх. № ${fw.outgoingNumber}`,
            fw.applicantNotifiedOn && D.card.notified(shortDate(fw.applicantNotifiedOn)),
          ]
            .filter(Boolean)
            .join(', '),
        ]
      : null,
    r?.sentOn && r.consent
      ? [O.printed, O.printedLine(shortDate(r.sentOn), r.text ?? '', r.signatory)]
      : null,
    r?.sentOn && !r.consent
      ? [
          D.card.reply,
          D.card.replyLine(
            shortDate(r.sentOn),
            r.outgoingNumber ?? D.card.none,
            r.form ? (L.sendFormLabels[r.form as keyof typeof L.sendFormLabels] ?? r.form) : D.card.none,
            r.signatory ?? D.card.none,
          ),
        ]
      : null,
    c.result
      ? [D.card.result, L.resultLabels[c.result] + (c.reviewedLate ? `; ${D.card.reviewedLate}` : '')]
      : null,
    [D.card.closedOn, shortDate(c.closedOn)],
    [D.card.caseFile, c.caseFile ?? ''],
  ]);
}

const O = oralAnswerUi.card;

/** The card's paragraphs and tables, to be put in a section of their own (one card per page in a batch). */
export function cardContent(d: CardData, style: DocStyle): FileChild[] {
  const c = d.card;
  const labels: [number, number] = [0.3, 0.7];
  const cols = [{ share: labels[0] }, { share: labels[1] }];
  const head: FileChild[] = [
    para(d.office.name, { align: 'center', size: style.size - 2 }),
    para(D.card.title, { align: 'center', bold: true, before: 120 }),
    para(`№ ${c.regNumber} ${D.card.registeredOn.toLowerCase()} ${shortDate(c.registeredOn)}`, {
      align: 'center',
      bold: true,
      after: 200,
    }),
  ];
  const registration = filled([
    [D.card.regNumber, c.regNumber],
    [D.card.registeredOn, shortDate(c.registeredOn)],
    [D.card.receivedOn, shortDate(c.receivedOn)],
    [D.card.channel, L.channelLabels[c.channel]],
    [D.card.kind, L.kindLabels[c.kind]],
    [D.card.flags, flags(c)],
    [D.card.sheets, String(c.sheets)],
    [D.card.attachmentsNote, c.attachmentsNote ?? ''],
    c.forwardedFrom
      ? [
          D.card.forwardedFrom,
          [
            c.forwardedFrom.body,
            c.forwardedFrom.outgoingNumber && `исх. № ${c.forwardedFrom.outgoingNumber}`,
            c.forwardedFrom.date && shortDate(c.forwardedFrom.date),
          ]
            .filter(Boolean)
            .join(', '),
        ]
      : null,
  ]);
  const content = filled([
    [D.card.topics, c.topics.map((code) => topicLabel(code, d.topicNames[code] ?? null)).join('\n')],
    [D.card.summary, c.summary],
  ]);
  const out: FileChild[] = [
    ...head,
    table(cols, null, [...registration, ...applicantRows(c), ...content, ...controlRows(d)], style),
  ];
  if (c.resolutions.length) {
    out.push(para(D.card.resolutions, { bold: true, before: 200, after: 80 }));
    out.push(
      table(
        [{ share: 0.18 }, { share: 0.27 }, { share: 0.55 }],
        null,
        c.resolutions.map((r) => [
          shortDate(r.resolvedOn),
          r.authorName,
          `${r.text}${L.decisionLabels[r.decision] ? ` (${L.decisionLabels[r.decision]})` : ''}`,
        ]),
        style,
      ),
    );
  }
  if (c.requests.length) {
    out.push(para(D.card.requests, { bold: true, before: 200, after: 80 }));
    for (const q of c.requests)
      out.push(
        para(
          D.card.requestLine(
            q.seq,
            q.bodyName ?? D.report.noBody,
            q.sentOn
              ? `${shortDate(q.sentOn)}${q.outgoingNumber ? `, исх. № ${q.outgoingNumber}` : ''}`
              : D.card.none,
            shortDate(q.dueDate),
            q.answeredOn
              ? `${shortDate(q.answeredOn)}${q.answerNumber ? `, вх. № ${q.answerNumber}` : ''}`
              : L.requestStateLabels[q.status],
          ),
          { size: style.size - 2 },
        ),
      );
  }
  const outcome = outcomeRows(c);
  if (outcome.length) {
    out.push(para('', { after: 120 }));
    out.push(table(cols, null, outcome, style));
  }
  if (c.history.length) {
    out.push(para(D.card.history, { bold: true, before: 200, after: 80 }));
    out.push(
      table(
        [{ share: 0.18 }, { share: 0.52 }, { share: 0.3 }],
        null,
        c.history.map((h) => [
          shortDate(officeDate(h.at, d.office.timeZone)),
          (L.historyActionLabels[h.action] ?? h.action) + (h.comment ? `: ${h.comment}` : ''),
          h.userName ?? '',
        ]),
        style,
      ),
    );
  }
  out.push(para(D.card.printed(shortDate(d.today)), { italic: true, size: style.size - 4, before: 200 }));
  return out;
}
