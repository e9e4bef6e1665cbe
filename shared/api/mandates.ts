/**
 * Наказы избирателей: the register, the card with its history and links, and the report «Выполнение
 * наказов» (DOCX, XLSX) for the deputy's report to voters.
 */
import { z } from 'zod';
import { method } from './define';
import {
  IdSchema,
  InstantSchema,
  IsoDateSchema,
  PageInput,
  pageOf,
  RequiredText,
  Text,
  TopicCodeSchema,
} from './common';
import { AssignmentFileSchema, KeptFileContentSchema, UploadSchema } from './assignments';
import { DocFileSchema } from './documents';
import { MANDATE_LINK_KINDS, MANDATE_ROLES, MANDATE_STATES } from '../domain/mandates';

const Year = z.number().int().min(2000).max(2100);

export const MandateSchema = z.object({
  id: IdSchema,
  number: z.number().int(),
  text: z.string(),
  givers: z.string().nullable(),
  district: z.string().nullable(),
  settlement: z.string().nullable(),
  address: z.string().nullable(),
  topic: z.string().nullable(),
  topicName: z.string().nullable(),
  bodyId: IdSchema.nullable(),
  bodyName: z.string().nullable(),
  planYear: z.number().int().nullable(),
  budgetLine: z.string().nullable(),
  status: z.enum(MANDATE_STATES),
  statusReason: z.string().nullable(),
  statusOn: IsoDateSchema,
  givenOn: IsoDateSchema,
  responsibleId: IdSchema.nullable(),
});
export type Mandate = z.infer<typeof MandateSchema>;

const Fields = {
  text: RequiredText(10_000),
  givers: Text(1000).optional(),
  district: Text(200).optional(),
  settlement: Text(200).optional(),
  address: Text(400).optional(),
  topic: TopicCodeSchema.nullable().optional(),
  bodyId: IdSchema.nullable().optional(),
  planYear: Year.nullable().optional(),
  budgetLine: Text(300).optional(),
  givenOn: IsoDateSchema.optional(),
  responsibleId: IdSchema.nullable().optional(),
};

/** One thing a наказ is tied to, as its card lists it. */
export const MandateLinkSchema = z.object({
  kind: z.enum(MANDATE_LINK_KINDS),
  targetId: IdSchema,
  /** The contact's name, the appeal's number, the request's addressee, the event's title. */
  title: z.string(),
  /** Its date: the appeal's registration, the request's sending, the event's day. */
  date: IsoDateSchema.nullable(),
  linkedAt: InstantSchema,
});
export type MandateLink = z.infer<typeof MandateLinkSchema>;

/**
 * One line of a наказ's history: its own actions (recorded, edited, a status set, a link made or undone)
 * and what its linked requests and events did (a request sent, its answer, the event held), by date.
 */
export const MandateHistorySchema = z.object({
  at: z.string(),
  action: z.string(),
  userName: z.string().nullable(),
  changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })),
  comment: z.string().nullable(),
  link: z.object({ kind: z.enum(MANDATE_LINK_KINDS), targetId: IdSchema, title: z.string() }).nullable(),
});
export type MandateHistoryLine = z.infer<typeof MandateHistorySchema>;

export const MandateFilterSchema = z.object({
  status: z.array(z.enum(MANDATE_STATES)).optional(),
  district: z.string().trim().max(200).optional(),
  settlement: z.string().trim().max(200).optional(),
  year: Year.optional(),
  bodyId: IdSchema.optional(),
  /** Words of the наказ's text, who gave it or its address (any form of each word: «дорог» finds «дороги»). */
  q: z.string().trim().max(200).optional(),
  /** The наказы tied to one appeal, request, event or contact. */
  linked: z.object({ kind: z.enum(MANDATE_LINK_KINDS), targetId: IdSchema }).optional(),
});
export type MandateFilter = z.infer<typeof MandateFilterSchema>;

export const MandateReportInput = z.object({
  format: z.enum(['docx', 'xlsx']).default('docx'),
  /** The planned year; none: every year. */
  year: Year.optional(),
  district: z.string().trim().max(200).optional(),
  status: z.array(z.enum(MANDATE_STATES)).optional(),
});

export const mandateMethods = {
  'mandates.create': method({
    summary: 'Record a наказ избирателей: its text, who gave it, the territory, the body, the plan',
    access: MANDATE_ROLES,
    kind: 'write',
    input: z.object({
      ...Fields,
      /** The voters who gave it, from the contact base. */
      contactIds: z.array(IdSchema).max(50).optional(),
      /** The event it was recorded at. */
      eventId: IdSchema.optional(),
    }),
    output: MandateSchema,
  }),
  'mandates.update': method({
    summary: 'Change a наказ’s text, territory, body or plan',
    access: MANDATE_ROLES,
    kind: 'write',
    input: z
      .object({ id: IdSchema, ...Fields })
      .partial()
      .required({ id: true }),
    output: MandateSchema,
  }),
  'mandates.setStatus': method({
    summary: 'Move a наказ: в работе, выполнен, выполнен частично or не выполнен (with the reason)',
    access: MANDATE_ROLES,
    kind: 'write',
    input: z.object({
      id: IdSchema,
      status: z.enum(MANDATE_STATES),
      reason: Text(2000).optional(),
      comment: Text(2000).optional(),
    }),
    output: MandateSchema,
  }),
  'mandates.link': method({
    summary: 'Tie an appeal, a request, an event or a contact to a наказ',
    access: MANDATE_ROLES,
    kind: 'write',
    input: z.object({ id: IdSchema, kind: z.enum(MANDATE_LINK_KINDS), targetId: IdSchema }),
    output: MandateSchema,
  }),
  'mandates.unlink': method({
    summary: 'Undo a link of a наказ',
    access: MANDATE_ROLES,
    kind: 'write',
    input: z.object({ id: IdSchema, kind: z.enum(MANDATE_LINK_KINDS), targetId: IdSchema }),
    output: MandateSchema,
  }),
  'mandates.list': method({
    summary: 'The register of наказы by territory: filtered by status, district, settlement, year, body',
    access: 'signed_in',
    kind: 'read',
    input: MandateFilterSchema.extend(PageInput),
    output: pageOf(MandateSchema),
  }),
  'mandates.districts': method({
    summary: 'The districts the register holds, with how many наказы each',
    access: 'signed_in',
    kind: 'read',
    input: z.object({}),
    output: z.array(z.object({ district: z.string().nullable(), count: z.number().int() })),
  }),
  'mandates.card': method({
    summary: 'A наказ with its links and its history',
    access: 'signed_in',
    kind: 'read',
    input: z.object({ id: IdSchema }),
    output: z.object({
      mandate: MandateSchema,
      links: z.array(MandateLinkSchema),
      history: z.array(MandateHistorySchema),
      files: z.array(AssignmentFileSchema),
    }),
  }),
  'mandates.attach': method({
    summary: 'Attach a document to a наказ (a scan of the protocol, a photo, an answer)',
    access: MANDATE_ROLES,
    kind: 'write',
    input: UploadSchema,
    output: MandateSchema,
  }),
  'mandates.file': method({
    summary: 'A document of a наказ with its content, checked against its hash',
    access: 'signed_in',
    kind: 'read',
    input: z.object({ id: IdSchema }),
    output: KeptFileContentSchema,
  }),
  'mandates.report': method({
    summary: 'The report «Выполнение наказов» by status, territory and year, as DOCX or XLSX',
    access: 'signed_in',
    kind: 'read',
    input: MandateReportInput,
    output: DocFileSchema,
  }),
} as const;
