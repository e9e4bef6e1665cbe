import { z } from 'zod';
import { method } from './define';
import { ConsentPurposeSchema } from './contact-card';
import { IdSchema, InstantSchema, RequiredText } from './common';

/** Who sends the office's mailings. */
const SENDERS = ['assistant', 'office_head', 'admin'] as const;

export const MAILING_STATUSES = ['draft', 'running', 'paused', 'done'] as const;

export const MailingSchema = z.object({
  id: IdSchema,
  name: z.string(),
  segmentId: IdSchema,
  consentPurpose: ConsentPurposeSchema,
  subject: z.string(),
  body: z.string(),
  status: z.enum(MAILING_STATUSES),
  createdAt: InstantSchema,
  startedAt: InstantSchema.nullable(),
  finishedAt: InstantSchema.nullable(),
  /** Recipients chosen at the start (consenting contacts of the segment with an address); 0 before. */
  total: z.number().int(),
  /** Each recipient's state: the progress and the report. */
  pending: z.number().int(),
  sent: z.number().int(),
  failed: z.number().int(),
  withdrawn: z.number().int(),
  bounced: z.number().int(),
  /** Why messages still to send are waiting (the server could not be reached), in plain words. */
  lastError: z.string().nullable(),
});
export type Mailing = z.infer<typeof MailingSchema>;

export const mailingMethods = {
  'mailings.create': method({
    summary: 'A mailing to a segment from a template with fields ({{имя}}, {{район}}…)',
    access: SENDERS,
    kind: 'write',
    input: z.object({
      name: RequiredText(200),
      segmentId: IdSchema,
      consentPurpose: ConsentPurposeSchema.default('mailing'),
      subject: RequiredText(500),
      body: RequiredText(50_000),
    }),
    output: MailingSchema,
  }),
  'mailings.start': method({
    summary: 'Start (or go on with) a mailing: only contacts who consented receive it, at the office’s rate',
    access: SENDERS,
    kind: 'write',
    input: z.object({ id: IdSchema }),
    output: MailingSchema,
  }),
  'mailings.pause': method({
    summary: 'Pause a mailing; started again, it goes on where it stopped',
    access: SENDERS,
    kind: 'write',
    input: z.object({ id: IdSchema }),
    output: MailingSchema,
  }),
  'mailings.status': method({
    summary: 'A mailing’s progress and report: sent, failed, withdrawn, bounced',
    access: SENDERS,
    kind: 'read',
    input: z.object({ id: IdSchema }),
    output: MailingSchema,
  }),
  'mailings.list': method({
    summary: 'The office’s mailings, newest first',
    access: SENDERS,
    kind: 'read',
    input: z.object({}).strict(),
    output: z.array(MailingSchema),
  }),
} as const;
