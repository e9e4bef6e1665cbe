import { z } from 'zod';
import { method } from './define';
import { IdSchema, IsoDateSchema, PageInput, pageOf, RequiredText, Text } from './common';
import { RequestSchema } from './appeals';
import { DEPUTY, DESK } from '../domain/workflow/appeal';
import { REQUEST_KINDS, REQUEST_STATES } from '../domain/workflow/request';
import { ownRequestMethods } from './own-requests';

export const BodySchema = z.object({
  id: IdSchema,
  name: z.string(),
  address: z.string().nullable(),
  email: z.string().nullable(),
  head: z.string().nullable(),
  answerDays: z.number().int(),
});
export type Body = z.infer<typeof BodySchema>;

const BodyInput = {
  name: RequiredText(300),
  address: Text(400).optional(),
  email: Text(200).optional(),
  head: Text(200).optional(),
  /** The answer term: 30 days for a deputy's request (3-FZ Art. 14), 15 for documents (59-FZ Art. 10). */
  answerDays: z.number().int().min(1).max(90).default(30),
};

const Target = { id: IdSchema, comment: Text(2000).optional() };

/** The requests register's filter; a link to it (from the home screen) carries the same fields. */
export const RequestFilterSchema = z.object({
  status: z.array(z.enum(REQUEST_STATES)).optional(),
  awaitingAnswer: z.boolean().optional(),
  overdue: z.boolean().optional(),
  bodyId: IdSchema.optional(),
  appealId: IdSchema.optional(),
});
export type RequestFilter = z.infer<typeof RequestFilterSchema>;

export const requestMethods = {
  'bodies.list': method({
    summary: 'The directory of outside bodies requests go to',
    access: 'signed_in',
    kind: 'read',
    input: z.object({ q: z.string().trim().max(200).optional() }),
    output: z.array(BodySchema),
  }),
  'bodies.create': method({
    summary: 'Add an outside body to the directory',
    access: [...DESK, ...DEPUTY],
    kind: 'write',
    input: z.object(BodyInput),
    output: BodySchema,
  }),
  'bodies.update': method({
    summary: 'Change an outside body in the directory',
    access: [...DESK, ...DEPUTY],
    kind: 'write',
    input: z
      .object({ id: IdSchema, ...BodyInput })
      .partial()
      .required({ id: true }),
    output: BodySchema,
  }),
  'requests.create': method({
    summary: 'Start another request on an appeal in the request direction',
    access: DESK,
    kind: 'write',
    input: z.object({
      appealId: IdSchema,
      bodyId: IdSchema.nullable().optional(),
      kind: z.enum(REQUEST_KINDS).default('deputy_request'),
      text: Text(100_000).optional(),
    }),
    output: RequestSchema,
  }),
  'requests.update': method({
    summary: 'Edit a request’s draft: addressee, kind, text',
    access: DESK,
    kind: 'write',
    input: z.object({
      id: IdSchema,
      bodyId: IdSchema.nullable().optional(),
      kind: z.enum(REQUEST_KINDS).optional(),
      text: Text(100_000).optional(),
    }),
    output: RequestSchema,
  }),
  'requests.submit': method({
    summary: 'Pass the request to the deputy for approval',
    access: DESK,
    kind: 'write',
    input: z.object(Target),
    output: RequestSchema,
  }),
  'requests.approve': method({
    summary: 'The deputy approves the request',
    access: DEPUTY,
    kind: 'write',
    input: z.object(Target),
    output: RequestSchema,
  }),
  'requests.return': method({
    summary: 'The deputy returns the request for rework',
    access: DEPUTY,
    kind: 'write',
    input: z.object({ ...Target, comment: RequiredText(2000) }),
    output: RequestSchema,
  }),
  'requests.send': method({
    summary: 'The request went out; its answer is due by the body’s term',
    access: DESK,
    kind: 'write',
    input: z.object({
      ...Target,
      sentOn: IsoDateSchema,
      outgoingNumber: RequiredText(60),
      /** A documents request may extend the appeal's term by up to 30 days (59-FZ Art. 12 p.2). */
      extendDays: z.number().int().min(1).max(30).optional(),
      extensionReason: Text(1000).optional(),
    }),
    output: RequestSchema,
  }),
  'requests.recordAnswer': method({
    summary: 'Record the body’s answer; the deputy then resolves on it',
    access: DESK,
    kind: 'write',
    input: z.object({
      ...Target,
      answeredOn: IsoDateSchema,
      incomingNumber: RequiredText(60),
      summary: RequiredText(4000),
    }),
    output: RequestSchema,
  }),
  'requests.resolveAnswer': method({
    summary: 'The deputy’s resolution on the answer: reply to the applicant, or another request',
    access: DEPUTY,
    kind: 'write',
    input: z.object({ ...Target, text: RequiredText(4000), next: z.enum(['reply', 'request']) }),
    output: RequestSchema,
  }),
  'requests.cancel': method({
    summary: 'Withdraw a request that has not been sent',
    access: [...DESK, ...DEPUTY],
    kind: 'write',
    input: z.object({ ...Target, comment: RequiredText(2000) }),
    output: RequestSchema,
  }),
  'requests.list': method({
    summary: 'All requests, a page at a time: awaiting an answer, overdue, by body',
    access: 'signed_in',
    kind: 'read',
    input: RequestFilterSchema.extend(PageInput),
    output: pageOf(RequestSchema),
  }),
  ...ownRequestMethods,
} as const;
