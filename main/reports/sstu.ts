/**
 * The report by questions of the thematic classifier in the layout bodies use for ССТУ.РФ: for each
 * question (and each section, theme and topic above it, summed) the questions received and the result
 * of their review. It reads the same breakdown as the period report's table (`classifier.ts`), so the
 * two cannot disagree.
 *
 * Our result codes in the ССТУ columns (each question lands in exactly one column besides «поддержано»'s
 * «в т.ч.», so a row's columns add up to its «поступило»):
 *
 * | ССТУ                        | the appeal                                                              |
 * |-----------------------------|-------------------------------------------------------------------------|
 * | поддержано                  | `supported` and `supported_measures_taken`                              |
 * | в т.ч. меры приняты         | `supported_measures_taken`                                              |
 * | разъяснено                  | `explained`                                                             |
 * | не поддержано               | `not_supported`                                                         |
 * | дан ответ автору            | `left_without_answer` with the Art. 11 notice sent to the author        |
 * |                             | (returned, warned, told it cannot be read or answered, correspondence   |
 * |                             | ended, the published answer's address), `answered` (an oral answer at a |
 * |                             | personal reception, Art. 13 part 2), and closed with no result          |
 * | оставлено без ответа автору | `left_without_answer` with no notice (Art. 11 part 1: no name or no     |
 * |                             | address; part 4 when the name and address cannot be read either)        |
 * | направлено по компетенции   | `forwarded`                                                             |
 * | находится на рассмотрении   | not closed on the report's date                                         |
 */
import type { ClassifierBreakdown, ClassifierRow } from '../../shared/api/reports';
import { sstuReport as T } from '../../shared/i18n/ru/reports';

export const SSTU_COLUMNS = [
  'received',
  'supported',
  'measuresTaken',
  'explained',
  'notSupported',
  'answered',
  'leftWithoutAnswer',
  'forwarded',
  'inReview',
] as const;
export type SstuColumn = (typeof SSTU_COLUMNS)[number];

/** A breakdown row in the ССТУ columns (the mapping above). */
export function sstuFigures(r: Omit<ClassifierRow, 'code' | 'level' | 'name'>): Record<SstuColumn, number> {
  const n = (result: string) => r.byResult[result] ?? 0;
  return {
    received: r.received,
    supported: n('supported') + n('supported_measures_taken'),
    measuresTaken: n('supported_measures_taken'),
    explained: n('explained'),
    notSupported: n('not_supported'),
    answered: r.noticed + n('answered') + n(''),
    leftWithoutAnswer: n('left_without_answer') - r.noticed,
    forwarded: n('forwarded'),
    inReview: r.open,
  };
}

export interface SstuLine {
  code: string;
  /** 1–4 for the classifier's levels; 0 for the total. */
  level: number;
  name: string;
  figures: Record<SstuColumn, number>;
}

/** The report's lines, the total last: shared by the DOCX and the XLSX so they cannot disagree. */
export function sstuLines(b: ClassifierBreakdown): SstuLine[] {
  return [
    ...b.rows.map((r) => ({
      code: r.code,
      level: r.level,
      name: r.code ? (r.name ?? T.unknown) : T.noTopic,
      figures: sstuFigures(r),
    })),
    { code: '', level: 0, name: T.total, figures: sstuFigures(b.total) },
  ];
}

export interface SstuContext {
  breakdown: ClassifierBreakdown;
  officeName: string;
  deputyName: string;
}
