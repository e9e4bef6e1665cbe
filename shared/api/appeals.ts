import { z } from 'zod';
import { method } from './define';
import { IdSchema, InstantSchema, IsoDateSchema, RequiredText, Text, TopicCodeSchema } from './common';
import { APPEAL_ACTIONS, APPEAL_STATES } from '../domain/workflow/appeal';
import { ART11_GROUNDS } from '../domain/workflow/art11';
import { REQUEST_ACTIONS, REQUEST_KINDS, REQUEST_STATES } from '../domain/workflow/request';
import { ContactSummarySchema } from './contacts';

export const CHANNELS = ['post', 'email', 'web', 'reception', 'phone', 'hand', 'forwarded', 'other'] as const;
export const ChannelSchema = z.enum(CHANNELS);
export type Channel = z.infer<typeof ChannelSchema>;

/** Appeal kinds of 59-FZ Art. 4, plus migration reports, which run on a 20-day term (Art. 12 p.1.1). */
export const APPEAL_KINDS = ['proposal', 'application', 'complaint', 'migration_report', 'other'] as const;
export const AppealKindSchema = z.enum(APPEAL_KINDS);
export type AppealKind = z.infer<typeof AppealKindSchema>;

export const APPEAL_STATUSES = APPEAL_STATES;
export const AppealStatusSchema = z.enum(APPEAL_STATUSES);
export type AppealStatus = z.infer<typeof AppealStatusSchema>;

export const APPEAL_RESULTS = [
  'supported',
  'supported_measures_taken',
  'not_supported',
  'explained',
  /** «Дан ответ»: answered without a finding for or against, as an oral answer at a reception often is. */
  'answered',
  'forwarded',
  'left_without_answer',
] as const;
export const AppealResultSchema = z.enum(APPEAL_RESULTS);

/** What 59-FZ Art. 7 requires of a written appeal; missing items are Art. 11 part 1, shown but never blocking. */
export const ART11_WARNINGS = ['no_surname', 'no_reply_address'] as const;
export type Art11Warning = (typeof ART11_WARNINGS)[number];

export const ApplicantInputSchema = z.object({
  /** An existing contact chosen from the suggestions; the fields below then only fill what it lacks. */
  contactId: IdSchema.optional(),
  /** Create a new contact even though similar ones exist. */
  forceNew: z.boolean().default(false),
  lastName: Text(100).optional(),
  firstName: Text(100).optional(),
  middleName: Text(100).optional(),
  address: Text(400).optional(),
  email: z
    .string()
    .trim()
    .max(200)
    .refine((s) => s === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s), { message: 'not an e-mail address' })
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .optional(),
  phone: Text(50).optional(),
  socialCategory: Text(100).optional(),
});
export type ApplicantInput = z.input<typeof ApplicantInputSchema>;

const ForwardedFromSchema = z.object({
  body: RequiredText(300),
  outgoingNumber: Text(60).optional(),
  date: IsoDateSchema.nullable().optional(),
});

/** The card's editable fields, with no defaults: an edit must never reset a field it does not name. */
const AppealFieldsSchema = z.object({
  receivedOn: IsoDateSchema.optional(),
  channel: ChannelSchema,
  kind: AppealKindSchema,
  isRepeat: z.boolean(),
  isCollective: z.boolean(),
  signatories: z.number().int().min(1).max(100000),
  isAnonymous: z.boolean(),
  sheets: z.number().int().min(0).max(10000),
  attachmentsNote: Text(500).optional(),
  topics: z.array(TopicCodeSchema).max(20),
  summary: RequiredText(1000),
  text: Text(100_000).optional(),
  responsibleId: IdSchema.nullable().optional(),
  executorId: IdSchema.nullable().optional(),
  onControl: z.boolean(),
  forwardedFrom: ForwardedFromSchema.nullable().optional(),
  caseFile: Text(60).optional(),
});

export const RegisterAppealSchema = AppealFieldsSchema.extend({
  /** Defaults to today in the office's time zone. */
  registeredOn: IsoDateSchema.optional(),
  isRepeat: z.boolean().default(false),
  isCollective: z.boolean().default(false),
  signatories: z.number().int().min(1).max(100000).default(1),
  isAnonymous: z.boolean().default(false),
  sheets: z.number().int().min(0).max(10000).default(1),
  topics: z.array(TopicCodeSchema).max(20).default([]),
  onControl: z.boolean().default(false),
  applicant: ApplicantInputSchema,
  /** 59-FZ Art. 11 part 7: the appeal is sent again once the reason for no answer is gone. */
  resubmissionOf: IdSchema.nullable().optional(),
  /** The event (a reception day) the appeal was taken at; the event card lists it. */
  eventId: IdSchema.nullable().optional(),
});
export type RegisterAppealInput = z.input<typeof RegisterAppealSchema>;

export const UpdateAppealSchema = z.object({
  id: IdSchema,
  /** Optimistic concurrency: the `version` the editor loaded; a newer row is a conflict. */
  version: z.string(),
  patch: AppealFieldsSchema.partial().strict(),
});

export const AppealRowSchema = z.object({
  id: IdSchema,
  /** Whose appeal: one office in an office's database, any of them in HQ's analyst view. */
  officeId: IdSchema,
  regNumber: z.string(),
  registeredOn: IsoDateSchema,
  receivedOn: IsoDateSchema,
  channel: ChannelSchema,
  kind: AppealKindSchema,
  status: AppealStatusSchema,
  applicantName: z.string(),
  applicantPhone: z.string().nullable(),
  summary: z.string(),
  topics: z.array(z.string()),
  dueDate: IsoDateSchema,
  overdue: z.boolean(),
  responsibleId: IdSchema.nullable(),
  responsibleName: z.string().nullable(),
});
export type AppealRow = z.infer<typeof AppealRowSchema>;

export const HistoryEntrySchema = z.object({
  id: IdSchema,
  at: InstantSchema,
  userName: z.string().nullable(),
  action: z.string(),
  changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })),
  comment: z.string().nullable(),
});

export const RequestSchema = z.object({
  id: IdSchema,
  /** Whose request: the office's own, or any office's in HQ's analyst view. */
  officeId: IdSchema,
  appealId: IdSchema,
  regNumber: z.string(),
  seq: z.number().int(),
  bodyId: IdSchema.nullable(),
  bodyName: z.string().nullable(),
  kind: z.enum(REQUEST_KINDS),
  status: z.enum(REQUEST_STATES),
  text: z.string().nullable(),
  approvedOn: IsoDateSchema.nullable(),
  sentOn: IsoDateSchema.nullable(),
  outgoingNumber: z.string().nullable(),
  dueDate: IsoDateSchema.nullable(),
  answeredOn: IsoDateSchema.nullable(),
  answerNumber: z.string().nullable(),
  answerSummary: z.string().nullable(),
  nextStep: z.enum(['reply', 'request']).nullable(),
  overdue: z.boolean(),
  actions: z.array(z.enum(REQUEST_ACTIONS)),
});
export type ExternalRequest = z.infer<typeof RequestSchema>;

export const TaskSchema = z.object({
  id: IdSchema,
  requestId: IdSchema.nullable(),
  title: z.string(),
  kind: z.string(),
  assigneeId: IdSchema.nullable(),
  assigneeName: z.string().nullable(),
  dueDate: IsoDateSchema.nullable(),
  status: z.enum(['open', 'done', 'cancelled']),
  createdAt: InstantSchema,
});

export const AppealCardSchema = AppealRowSchema.extend({
  version: z.string(),
  termDate: IsoDateSchema,
  isRepeat: z.boolean(),
  isCollective: z.boolean(),
  signatories: z.number(),
  isAnonymous: z.boolean(),
  sheets: z.number(),
  attachmentsNote: z.string().nullable(),
  text: z.string().nullable(),
  executorId: IdSchema.nullable(),
  onControl: z.boolean(),
  forwardedFrom: ForwardedFromSchema.nullable(),
  caseFile: z.string().nullable(),
  /** The event (a reception day) the appeal was taken at. */
  event: z.object({ id: IdSchema, title: z.string() }).nullable(),
  result: AppealResultSchema.nullable(),
  closedOn: IsoDateSchema.nullable(),
  applicant: ContactSummarySchema,
  art11Warnings: z.array(z.enum(ART11_WARNINGS)),
  history: z.array(HistoryEntrySchema),
  tasks: z.array(TaskSchema),
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
  direction: z.enum(['review', 'request', 'reply']).nullable(),
  stageSince: InstantSchema.nullable(),
  /** The workflow actions the caller's role may take now; the first is the expected next step. */
  actions: z.array(z.enum(APPEAL_ACTIONS)),
  resubmissionOf: IdSchema.nullable(),
  art11: z
    .object({
      ground: z.enum(ART11_GROUNDS),
      linkedAppealIds: z.array(IdSchema),
      /** Part 5.1: the address of the published answer, named in the notice. */
      publishedAnswerUrl: z.string().nullable(),
    })
    .nullable(),
  notice: z
    .object({ sentOn: IsoDateSchema, form: z.string().nullable(), outgoingNumber: z.string().nullable() })
    .nullable(),
  forward: z
    .object({
      addressee: z.string(),
      complainedBody: z.string().nullable(),
      outgoingNumber: z.string().nullable(),
      sentOn: IsoDateSchema.nullable(),
      applicantNotifiedOn: IsoDateSchema.nullable(),
    })
    .nullable(),
  extension: z
    .object({
      days: z.number().int(),
      reason: z.string(),
      extendedOn: IsoDateSchema,
      extendedBy: z.string().nullable(),
      notifiedOn: IsoDateSchema.nullable(),
    })
    .nullable(),
  reply: z
    .object({
      text: z.string().nullable(),
      approvedBy: z.string().nullable(),
      approvedOn: IsoDateSchema.nullable(),
      form: z.string().nullable(),
      sentOn: IsoDateSchema.nullable(),
      outgoingNumber: z.string().nullable(),
      signatory: z.string().nullable(),
      /** An oral answer at a personal reception: the applicant agreed to it (59-FZ Art. 13 p.2). */
      consent: z.boolean(),
    })
    .nullable(),
  reviewedLate: z.boolean().nullable(),
  resolutions: z.array(
    z.object({
      id: IdSchema,
      requestId: IdSchema.nullable(),
      authorName: z.string(),
      resolvedOn: IsoDateSchema,
      text: z.string(),
      decision: z.string(),
    }),
  ),
  requests: z.array(RequestSchema),
});
export type AppealCard = z.infer<typeof AppealCardSchema>;

export const SORT_FIELDS = [
  'regNumber',
  'registeredOn',
  'receivedOn',
  'dueDate',
  'applicantName',
  'status',
  'kind',
  'channel',
  'responsibleName',
] as const;

export const AppealFilterSchema = z.object({
  q: z.string().trim().max(200).optional(),
  status: z.array(AppealStatusSchema).optional(),
  open: z.boolean().optional(),
  responsibleId: IdSchema.optional(),
  /** Appeals with nobody responsible (an office head's list to hand out). */
  unassigned: z.boolean().optional(),
  topic: z
    .string()
    .regex(/^\d{4}(\.\d{4}){0,4}$/, { message: 'expected a classifier code or its prefix' })
    .optional(),
  channel: z.array(ChannelSchema).optional(),
  kind: z.array(AppealKindSchema).optional(),
  receivedFrom: IsoDateSchema.optional(),
  receivedTo: IsoDateSchema.optional(),
  dueFrom: IsoDateSchema.optional(),
  dueTo: IsoDateSchema.optional(),
  overdue: z.boolean().optional(),
  /** Registered later than three days after receipt (59-FZ Art. 8 p.2), on the office's production calendar. */
  registeredLate: z.boolean().optional(),
  /** Whose appeals: all when not given. Only HQ's analyst view holds more than one office. */
  officeIds: z.array(IdSchema).min(1).max(200).optional(),
});
export type AppealFilter = z.infer<typeof AppealFilterSchema>;

/** The most appeals one batch registration takes: a transaction short enough not to hold the desk up. */
export const REGISTER_BATCH_MAX = 1000;

export const appealMethods = {
  'appeals.register': method({
    summary: 'Register a citizen’s appeal (the applicant is matched among contacts first)',
    access: ['assistant', 'office_head', 'admin', 'deputy'],
    kind: 'write',
    input: RegisterAppealSchema,
    output: AppealCardSchema,
  }),
  'appeals.registerBatch': method({
    summary:
      'Register many appeals in one transaction (an import, a reception day’s pile); one refused item refuses all',
    access: ['assistant', 'office_head', 'admin', 'deputy'],
    kind: 'write',
    input: z.object({ appeals: z.array(RegisterAppealSchema).min(1).max(REGISTER_BATCH_MAX) }),
    output: z.object({ registered: z.array(z.object({ id: IdSchema, regNumber: z.string() })) }),
  }),
  'appeals.update': method({
    summary: 'Edit the registration card',
    access: ['assistant', 'office_head', 'admin', 'deputy'],
    kind: 'write',
    input: UpdateAppealSchema,
    output: AppealCardSchema,
  }),
  'appeals.get': method({
    summary: 'The appeal card with its history and tasks',
    access: 'signed_in',
    kind: 'read',
    audited: true,
    input: z.object({ id: IdSchema }),
    output: AppealCardSchema,
  }),
  'appeals.list': method({
    summary: 'The registry: filters, full-text search, sort by any column, cursor paging',
    access: 'signed_in',
    kind: 'read',
    input: z.object({
      filter: AppealFilterSchema.default({}),
      sort: z
        .object({ field: z.enum(SORT_FIELDS), dir: z.enum(['asc', 'desc']) })
        .default({ field: 'registeredOn', dir: 'desc' }),
      limit: z.number().int().min(1).max(500).default(50),
      cursor: z.string().max(2000).nullable().optional(),
    }),
    output: z.object({ rows: z.array(AppealRowSchema), nextCursor: z.string().nullable() }),
  }),
  'appeals.count': method({
    summary: 'How many appeals match a filter',
    access: 'signed_in',
    kind: 'read',
    input: z.object({ filter: AppealFilterSchema.default({}) }),
    output: z.object({ count: z.number().int() }),
  }),
  'appeals.previewTerm': method({
    summary: 'The term and control date an appeal registered on a date would get',
    access: 'signed_in',
    kind: 'read',
    input: z.object({
      registeredOn: IsoDateSchema,
      kind: AppealKindSchema.optional(),
      /** When given: whether registering on `registeredOn` keeps the 3-day registration term (Art. 8 p.2). */
      receivedOn: IsoDateSchema.optional(),
    }),
    output: z.object({
      termDate: IsoDateSchema,
      controlDate: IsoDateSchema,
      /** The last day to register an appeal received on `receivedOn` (a day off moves it to the next working day). */
      registerBy: IsoDateSchema.optional(),
      /** Registered after `registerBy`. */
      registeredLate: z.boolean().optional(),
    }),
  }),
  'contacts.lookup': method({
    summary: 'Find an applicant among contacts by phone, e-mail, surname, or name with address',
    access: 'signed_in',
    kind: 'read',
    input: z.object({
      phone: z.string().trim().max(50).optional(),
      email: z.string().trim().max(200).optional(),
      lastName: z.string().trim().max(100).optional(),
      firstName: z.string().trim().max(100).optional(),
      middleName: z.string().trim().max(100).optional(),
      address: z.string().trim().max(400).optional(),
      limit: z.number().int().min(1).max(50).default(10),
    }),
    output: z.array(
      ContactSummarySchema.extend({
        matchedBy: z.enum(['phone', 'email', 'name_address', 'name']),
        appealsCount: z.number().int(),
      }),
    ),
  }),
} as const;
