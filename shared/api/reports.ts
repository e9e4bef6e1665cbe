import { z } from 'zod';
import { method } from './define';
import { IdSchema, IsoDateSchema } from './common';
import { DocFileSchema, ReportFilterSchema } from './documents';

/**
 * One row of the breakdown by the thematic classifier: a section, a theme, a topic or a question, with
 * the questions of the period's appeals under it and what became of them. A question counts once per
 * appeal: a subquestion (a 5-part code) counts under its question, and two subquestions of one question
 * in one appeal count once. `code` is `''` for the appeals that carry no topic.
 */
export const ClassifierRowSchema = z.object({
  code: z.string(),
  /** 1 section, 2 theme, 3 topic, 4 question (a code coded only to a higher level stays at its own). */
  level: z.number().int().min(1).max(4),
  /** The classifier's name; null for a code it does not hold (shown as the code itself). */
  name: z.string().nullable(),
  received: z.number().int(),
  /** Still under review on the report's date. */
  open: z.number().int(),
  /** Closed, by the appeal's result (`''`: closed with no result recorded). */
  byResult: z.record(z.string(), z.number().int()),
  /** Of those left without an answer under 59-FZ Art. 11, the ones whose author was sent a notice. */
  noticed: z.number().int(),
});
export type ClassifierRow = z.infer<typeof ClassifierRowSchema>;

export const ClassifierBreakdownSchema = z.object({
  from: IsoDateSchema,
  to: IsoDateSchema,
  asOf: IsoDateSchema,
  /** Depth first, in the order of codes; the appeals without a topic last. */
  rows: z.array(ClassifierRowSchema),
  /** Every question of the period: the sum of the question rows. */
  total: ClassifierRowSchema,
});
export type ClassifierBreakdown = z.infer<typeof ClassifierBreakdownSchema>;

const ReportInputSchema = z.object({
  filter: ReportFilterSchema,
  /** Whose appeals, as in `reports.period`. */
  officeIds: z.array(IdSchema).min(1).max(200).optional(),
});

export const reportMethods = {
  'reports.classifier': method({
    summary:
      'The appeals registered in a period by section, theme, topic and question of the classifier, with the results of review',
    access: 'signed_in',
    kind: 'read',
    input: ReportInputSchema,
    output: ClassifierBreakdownSchema,
  }),
  'reports.sstu': method({
    summary: 'The report by questions of the classifier in the layout of ССТУ.РФ, as DOCX or XLSX',
    access: 'signed_in',
    kind: 'read',
    input: ReportInputSchema.extend({ format: z.enum(['docx', 'xlsx']).default('docx') }),
    output: DocFileSchema,
  }),
} as const;
