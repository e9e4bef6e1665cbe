import { z } from 'zod';
import { method } from './define';
import { IdSchema, IsoDateSchema } from './common';
import { DEPUTY, DESK } from '../domain/workflow/appeal';
import { LETTER_KINDS } from '../domain/letter-templates';

/** A generated file, carried as base64 like attachments are. */
export const DocFileSchema = z.object({ name: z.string(), mime: z.string(), dataBase64: z.string() });
export type DocFile = z.infer<typeof DocFileSchema>;

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const ReportFilterSchema = z
  .object({
    from: IsoDateSchema,
    to: IsoDateSchema,
    /** A section of the thematic classifier, «0005», or any longer code prefix. */
    topic: z
      .string()
      .regex(/^\d{4}(\.\d{4}){0,4}$/, { message: 'expected a classifier code or its prefix' })
      .optional(),
    responsibleId: IdSchema.optional(),
  })
  .refine((f) => f.from <= f.to, { message: 'the period ends before it starts', path: ['to'] });
export type ReportFilter = z.infer<typeof ReportFilterSchema>;

export const CountSchema = z.object({ key: z.string(), count: z.number().int() });

const RequestCountSchema = z.object({
  bodyId: IdSchema.nullable(),
  body: z.string().nullable(),
  sent: z.number().int(),
  answered: z.number().int(),
  overdue: z.number().int(),
});

export const PeriodReportSchema = z.object({
  filter: ReportFilterSchema,
  asOf: IsoDateSchema,
  received: z.number().int(),
  collective: z.number().int(),
  repeat: z.number().int(),
  byChannel: z.array(CountSchema),
  byKind: z.array(CountSchema),
  bySection: z.array(CountSchema),
  closed: z.number().int(),
  closedOnTime: z.number().int(),
  closedLate: z.number().int(),
  byResult: z.array(CountSchema),
  overdueNow: z.number().int(),
  avgDaysToClose: z.number().nullable(),
  /** Registered later than three days after receipt (59-FZ Art. 8 p.2), of those received in the period. */
  registeredLate: z.number().int().optional(),
  requests: z.array(RequestCountSchema),
  /** The deputy's requests on his own initiative, apart (same columns as `requests`). */
  ownRequests: z.array(RequestCountSchema).optional(),
  staff: z.array(
    z.object({
      userId: IdSchema.nullable(),
      name: z.string().nullable(),
      received: z.number().int(),
      open: z.number().int(),
      closed: z.number().int(),
      overdue: z.number().int(),
      /** The person's поручения: given and accepted in the period, open and overdue now. */
      assignments: z
        .object({
          given: z.number().int(),
          accepted: z.number().int(),
          open: z.number().int(),
          overdue: z.number().int(),
        })
        .optional(),
    }),
  ),
});
export type PeriodReport = z.infer<typeof PeriodReportSchema>;

export const LetterKindSchema = z.enum(LETTER_KINDS);

export const LetterTemplateSchema = z.object({
  kind: LetterKindSchema,
  body: z.string(),
  /** The fields this kind of letter may use. */
  fields: z.array(z.string()),
  /** Whether the office has its own text (otherwise the shipped one is in force). */
  custom: z.boolean(),
});

export const documentMethods = {
  'documents.card': method({
    summary: 'The registration-control card of an appeal as DOCX',
    access: 'signed_in',
    kind: 'read',
    audited: true,
    input: z.object({ appealId: IdSchema }),
    output: DocFileSchema,
  }),
  'documents.cards': method({
    summary: 'Cards of several appeals: one DOCX with a card a page, or a ZIP of one file each',
    access: 'signed_in',
    kind: 'read',
    audited: true,
    input: z.object({
      ids: z.array(IdSchema).min(1).max(1000),
      format: z.enum(['docx', 'zip']).default('docx'),
    }),
    output: DocFileSchema,
  }),
  'documents.letter': method({
    summary:
      'A letter on the letterhead: a request to a body, the reply, or an Art. 11 notice; attached to the appeal',
    access: [...DESK, ...DEPUTY],
    kind: 'write',
    input: z.object({
      appealId: IdSchema,
      kind: z.enum(['request', 'reply', 'art11']),
      /** Which request, for a request letter; the latest one when not given. */
      requestId: IdSchema.optional(),
      attach: z.boolean().default(true),
    }),
    output: DocFileSchema.extend({ attachmentId: IdSchema.nullable() }),
  }),
  'documents.programme': method({
    summary: 'The programme of an event on the letterhead as DOCX',
    access: 'signed_in',
    kind: 'read',
    audited: true,
    input: z.object({ eventId: IdSchema }),
    output: DocFileSchema,
  }),
  'documents.report': method({
    summary: 'The report for a period as DOCX, XLSX or CSV',
    access: 'signed_in',
    kind: 'read',
    input: z.object({
      filter: ReportFilterSchema,
      format: z.enum(['docx', 'xlsx', 'csv']).default('docx'),
      /** Whose appeals, as in `reports.period`. */
      officeIds: z.array(IdSchema).min(1).max(200).optional(),
    }),
    output: DocFileSchema,
  }),
  'reports.period': method({
    summary: 'The figures of the report for a period (appeals, results, terms, requests, staff)',
    access: 'signed_in',
    kind: 'read',
    input: z.object({
      filter: ReportFilterSchema,
      /** Whose appeals, as in statistics: the caller's office by default (every office in HQ's view). */
      officeIds: z.array(IdSchema).min(1).max(200).optional(),
    }),
    output: PeriodReportSchema,
  }),
  'templates.list': method({
    summary: 'The letter bodies in force, with the fields each kind may use',
    access: 'signed_in',
    kind: 'read',
    input: z.object({}).strict(),
    output: z.array(LetterTemplateSchema),
  }),
  'templates.save': method({
    summary: 'Replace a letter body (a field the kind does not know is refused with its name)',
    access: ['admin', 'office_head'],
    kind: 'write',
    input: z.object({ kind: LetterKindSchema, body: z.string().trim().min(1).max(20_000) }),
    output: LetterTemplateSchema,
  }),
  'templates.preview': method({
    summary: 'A letter body filled from an appeal (or sample data), and what is wrong with it',
    access: 'signed_in',
    kind: 'read',
    input: z.object({
      kind: LetterKindSchema,
      body: z.string().max(20_000),
      appealId: IdSchema.optional(),
    }),
    output: z.object({
      text: z.string(),
      problems: z.array(z.object({ field: z.string(), kind: z.enum(['unknown', 'unclosed']) })),
    }),
  }),
} as const;
