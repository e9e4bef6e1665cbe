import { z } from 'zod';
import { method } from './define';
import { IdSchema, IsoDateSchema } from './common';
import { CountSchema, DocFileSchema, PeriodReportSchema } from './documents';

const PeriodSchema = z
  .object({ from: IsoDateSchema, to: IsoDateSchema })
  .refine((p) => p.from <= p.to, { message: 'the period ends before it starts', path: ['to'] })
  .refine((p) => Date.parse(p.to) - Date.parse(p.from) <= 3660 * 86_400_000, {
    message: 'a period of ten years at most',
    path: ['from'],
  });

export const StatisticsInputSchema = z.object({
  period: PeriodSchema,
  /** The period to compare with (the screen sends the previous one); none, no comparison. */
  compareWith: PeriodSchema.nullable().default(null),
  /**
   * Whose appeals: the caller's own office when not given. Other offices' (an HQ's database holds
   * many) only for the HQ analyst and the administrator.
   */
  officeIds: z.array(IdSchema).min(1).max(200).optional(),
});
export type StatisticsInput = z.input<typeof StatisticsInputSchema>;

export type StatCount = z.infer<typeof CountSchema>;

export const FiguresSchema = z.object({
  from: IsoDateSchema,
  to: IsoDateSchema,
  granularity: z.enum(['day', 'week', 'month']),
  received: z.number().int(),
  repeat: z.number().int(),
  collective: z.number().int(),
  /** Received appeals by day, week or month (each bucket by its first day), every bucket present. */
  timeline: z.array(z.object({ start: IsoDateSchema, count: z.number().int() })),
  byChannel: z.array(CountSchema),
  byKind: z.array(CountSchema),
  /** By classifier section, an appeal once per section it touches; `''` for appeals without a topic. */
  bySection: z.array(CountSchema),
  /**
   * The ten questions (4-part codes) most written about, an appeal once per question: a subquestion
   * counts under its question.
   */
  topQuestions: z.array(CountSchema),
  /** By the applicant's district; `''` where the address has none. */
  byDistrict: z.array(CountSchema),
  closed: z.number().int(),
  closedOnTime: z.number().int(),
  closedLate: z.number().int(),
  byResult: z.array(CountSchema),
  /** By day when the timeline is, by month otherwise. */
  resultsGranularity: z.enum(['day', 'month']),
  /** Closed appeals by bucket of their closing day and result. */
  resultsTimeline: z.array(z.object({ start: IsoDateSchema, byResult: z.record(z.string(), z.number()) })),
  avgDaysToClose: z.number().nullable(),
  /** Nine in ten closed appeals took this many days or fewer (nearest rank). */
  p90DaysToClose: z.number().int().nullable(),
  /** Requests sent in the period, by body: answered since, and past due without an answer today. */
  requests: PeriodReportSchema.shape.requests,
  /** The deputy's own-initiative requests, apart: the same columns. */
  ownRequests: PeriodReportSchema.shape.ownRequests,
});
export type Figures = z.infer<typeof FiguresSchema>;

export const StatisticsSchema = z.object({
  asOf: IsoDateSchema,
  current: FiguresSchema,
  previous: FiguresSchema.nullable(),
});
export type Statistics = z.infer<typeof StatisticsSchema>;

export const statisticsMethods = {
  'statistics.period': method({
    summary:
      'Statistics for a period: received by day and week, channel, kind, section, subject, district; results, terms, requests by body',
    access: 'signed_in',
    kind: 'read',
    input: StatisticsInputSchema,
    output: StatisticsSchema,
  }),
  'statistics.export': method({
    summary: 'The statistics for a period as DOCX or XLSX (the period report with the statistics’ tables)',
    access: 'signed_in',
    kind: 'read',
    input: StatisticsInputSchema.omit({ compareWith: true }).extend({
      format: z.enum(['docx', 'xlsx']).default('docx'),
    }),
    output: DocFileSchema,
  }),
} as const;
