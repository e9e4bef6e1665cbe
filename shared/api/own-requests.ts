/**
 * The deputy's requests on his own initiative (3-FZ Art. 14 and the regional laws): no citizen's appeal —
 * the addressee from the bodies' directory, the text and its legal basis, the deputy's approval, sending
 * with the answer due by the office's jurisdiction, the answer, and the deputy's closing note. The moves
 * are the appeal requests' (draft → approval → approved → sent → answered → resolved, or cancelled).
 */
import { z } from 'zod';
import { method } from './define';
import { IdSchema, IsoDateSchema, PageInput, pageOf, RequiredText, Text } from './common';
import { DEPUTY, DESK } from '../domain/workflow/appeal';
import { REQUEST_ACTIONS, REQUEST_STATES } from '../domain/workflow/request';
import { JURISDICTIONS } from '../domain/own-requests';

export const OwnRequestSchema = z.object({
  id: IdSchema,
  number: z.number().int(),
  bodyId: IdSchema.nullable(),
  bodyName: z.string().nullable(),
  text: z.string().nullable(),
  legalBasis: z.string().nullable(),
  status: z.enum(REQUEST_STATES),
  responsibleId: IdSchema.nullable(),
  approvedOn: IsoDateSchema.nullable(),
  sentOn: IsoDateSchema.nullable(),
  outgoingNumber: z.string().nullable(),
  termDays: z.number().int().nullable(),
  dueDate: IsoDateSchema.nullable(),
  answeredOn: IsoDateSchema.nullable(),
  answerNumber: z.string().nullable(),
  answerSummary: z.string().nullable(),
  overdue: z.boolean(),
  /** What the caller may do with it now. */
  actions: z.array(z.enum(REQUEST_ACTIONS)),
});
export type OwnRequest = z.infer<typeof OwnRequestSchema>;

export const OwnRequestFilterSchema = z.object({
  status: z.array(z.enum(REQUEST_STATES)).optional(),
  awaitingAnswer: z.boolean().optional(),
  overdue: z.boolean().optional(),
  bodyId: IdSchema.optional(),
});
export type OwnRequestFilter = z.infer<typeof OwnRequestFilterSchema>;

export const JurisdictionSchema = z.object({
  jurisdiction: z.enum(JURISDICTIONS),
  /** The answer term in calendar days. */
  days: z.number().int(),
});

const Target = { id: IdSchema, comment: Text(2000).optional() };
const Draft = {
  bodyId: IdSchema.nullable().optional(),
  text: Text(100_000).optional(),
  legalBasis: Text(1000).optional(),
};

export const ownRequestMethods = {
  'ownRequests.create': method({
    summary: 'Draft a deputy’s request on his own initiative, with no citizen’s appeal',
    access: DESK,
    kind: 'write',
    input: z.object({
      ...Draft,
      responsibleId: IdSchema.nullable().optional(),
      mandateId: IdSchema.optional(),
    }),
    output: OwnRequestSchema,
  }),
  'ownRequests.update': method({
    summary: 'Edit the draft: addressee, text, legal basis',
    access: DESK,
    kind: 'write',
    input: z.object({ id: IdSchema, ...Draft }),
    output: OwnRequestSchema,
  }),
  'ownRequests.submit': method({
    summary: 'Pass the request to the deputy for approval',
    access: DESK,
    kind: 'write',
    input: z.object(Target),
    output: OwnRequestSchema,
  }),
  'ownRequests.approve': method({
    summary: 'The deputy approves the request',
    access: DEPUTY,
    kind: 'write',
    input: z.object(Target),
    output: OwnRequestSchema,
  }),
  'ownRequests.return': method({
    summary: 'The deputy returns the request for rework',
    access: DEPUTY,
    kind: 'write',
    input: z.object({ ...Target, comment: RequiredText(2000) }),
    output: OwnRequestSchema,
  }),
  'ownRequests.send': method({
    summary: 'The request went out; its answer is due by the term of the office’s jurisdiction',
    access: DESK,
    kind: 'write',
    input: z.object({ ...Target, sentOn: IsoDateSchema, outgoingNumber: RequiredText(60) }),
    output: OwnRequestSchema,
  }),
  'ownRequests.recordAnswer': method({
    summary: 'Record the body’s answer',
    access: DESK,
    kind: 'write',
    input: z.object({
      ...Target,
      answeredOn: IsoDateSchema,
      incomingNumber: RequiredText(60),
      summary: RequiredText(4000),
    }),
    output: OwnRequestSchema,
  }),
  'ownRequests.resolve': method({
    summary: 'The deputy closes the request on its answer',
    access: DEPUTY,
    kind: 'write',
    input: z.object({ ...Target, comment: RequiredText(4000) }),
    output: OwnRequestSchema,
  }),
  'ownRequests.cancel': method({
    summary: 'Withdraw a request that has not been sent',
    access: [...DESK, ...DEPUTY],
    kind: 'write',
    input: z.object({ ...Target, comment: RequiredText(2000) }),
    output: OwnRequestSchema,
  }),
  'ownRequests.list': method({
    summary: 'The deputy’s own requests, a page at a time: awaiting an answer, overdue, by body',
    access: 'signed_in',
    kind: 'read',
    input: OwnRequestFilterSchema.extend(PageInput),
    output: pageOf(OwnRequestSchema),
  }),
  'ownRequests.jurisdiction': method({
    summary: 'Whose law sets the answer term of the deputy’s requests, and the term',
    access: 'signed_in',
    kind: 'read',
    input: z.object({}),
    output: JurisdictionSchema,
  }),
  'ownRequests.setJurisdiction': method({
    summary: 'Set the office’s jurisdiction: federal (30 days, 3-FZ Art. 14) or a region’s law and its term',
    access: ['admin', 'office_head'],
    kind: 'write',
    input: z.object({
      jurisdiction: z.enum(JURISDICTIONS),
      /** Another region's term; the listed jurisdictions have their own. */
      days: z.number().int().min(1).max(90).optional(),
    }),
    output: JurisdictionSchema,
  }),
} as const;
