import { z } from 'zod';
import { method } from './define';
import { IdSchema, IsoDateSchema, RequiredText, Text } from './common';
import { AppealCardSchema, AppealResultSchema, AppealRowSchema } from './appeals';
import { ART11_GROUNDS } from '../domain/workflow/art11';
import { DEPUTY, DESK } from '../domain/workflow/appeal';

export const Art11GroundSchema = z.enum(ART11_GROUNDS);

/** What an item of the deputy's queue waits for: one of his tasks. */
export const QUEUE_WAITS = [
  'resolution',
  'art11_decision',
  'reply_approval',
  'request_approval',
  'answer_resolution',
] as const;
export const QueueWaitSchema = z.enum(QUEUE_WAITS);
export type QueueWait = z.infer<typeof QueueWaitSchema>;

/** The queue narrowed: to some of what it waits for, and to the appeals already past their control date. */
export const QueueFilterSchema = z.object({
  waitingFor: z.array(QueueWaitSchema).max(QUEUE_WAITS.length).optional(),
  overdue: z.boolean().optional(),
});
export type QueueFilter = z.infer<typeof QueueFilterSchema>;
export const SendFormSchema = z.enum(['post', 'email', 'in_person']);

const Target = { id: IdSchema, comment: Text(2000).optional() };
const Sent = {
  sentOn: IsoDateSchema,
  form: SendFormSchema,
  outgoingNumber: Text(60).optional(),
};
const card = AppealCardSchema;

export const workflowMethods = {
  'workflow.sendToDeputy': method({
    summary: 'Review on the merits: pass the appeal to the deputy for a resolution',
    access: DESK,
    kind: 'write',
    input: z.object(Target),
    output: card,
  }),
  'workflow.requestContactData': method({
    summary: 'Ask the applicant for the missing contact data (the appeal waits, with a task)',
    access: DESK,
    kind: 'write',
    input: z.object({ ...Target, comment: RequiredText(2000) }),
    output: card,
  }),
  'workflow.contactDataReceived': method({
    summary: 'The contact data arrived: fill it into the applicant and return the appeal to review',
    access: DESK,
    kind: 'write',
    input: z.object({
      ...Target,
      lastName: Text(100).optional(),
      firstName: Text(100).optional(),
      address: Text(400).optional(),
      email: Text(200).optional(),
      phone: Text(50).optional(),
    }),
    output: card,
  }),
  'workflow.applyArt11': method({
    summary: 'No answer on the merits on a ground of 59-FZ Art. 11',
    access: [...DESK, ...DEPUTY],
    kind: 'write',
    input: z.object({
      ...Target,
      ground: Art11GroundSchema,
      comment: RequiredText(2000),
      /** Part 1: the appeal reports a crime and goes to the competent body all the same. */
      reportsCrime: z.boolean().default(false),
      /** Part 4: whether the name and address can be read (a notice is owed only then). */
      readable: z.boolean().default(true),
      /** Part 5: the earlier answered appeals of the same applicant on the same question. */
      linkedAppealIds: z.array(IdSchema).max(50).default([]),
      /** Part 5.1: the address (URL) of the page where the answer is published; required there only. */
      publishedAnswerUrl: z
        .url({ protocol: /^https?$/, message: 'expected a web address (https://…)' })
        .max(2000)
        .optional(),
    }),
    output: card,
  }),
  'workflow.decideArt11': method({
    summary: 'The deputy ends the correspondence (Art. 11 part 5), or sends the appeal back to review',
    access: DEPUTY,
    kind: 'write',
    input: z.object({ ...Target, approve: z.boolean(), text: RequiredText(2000) }),
    output: card,
  }),
  'workflow.sendArt11Notice': method({
    summary: 'The Art. 11 notice went to the applicant; the appeal closes without an answer',
    access: DESK,
    kind: 'write',
    input: z.object({ ...Target, ...Sent }),
    output: card,
  }),
  'workflow.forward': method({
    summary: 'Forward out of competence (59-FZ Art. 8 p.3): within 7 days of registration',
    access: DESK,
    kind: 'write',
    input: z.object({
      ...Target,
      addressee: RequiredText(300),
      /** For a complaint: the body whose actions it complains of; the appeal never goes there. */
      complainedBody: Text(300).optional(),
    }),
    output: card,
  }),
  'workflow.completeForward': method({
    summary: 'The forwarding letter went out and the applicant was told; the appeal closes',
    access: DESK,
    kind: 'write',
    input: z.object({
      ...Target,
      outgoingNumber: RequiredText(60),
      sentOn: IsoDateSchema,
      applicantNotifiedOn: IsoDateSchema,
    }),
    output: card,
  }),
  'workflow.resolve': method({
    summary: 'The deputy’s resolution: a request to an outside body is needed, or a reply',
    access: DEPUTY,
    kind: 'write',
    input: z.object({
      ...Target,
      text: RequiredText(4000),
      resolvedOn: IsoDateSchema.optional(),
      requestNeeded: z.boolean(),
    }),
    output: card,
  }),
  'workflow.saveReply': method({
    summary: 'Save the draft of the reply to the applicant',
    access: DESK,
    kind: 'write',
    input: z.object({ ...Target, text: RequiredText(100_000) }),
    output: card,
  }),
  'workflow.submitReply': method({
    summary: 'Pass the reply to the deputy for approval',
    access: DESK,
    kind: 'write',
    input: z.object(Target),
    output: card,
  }),
  'workflow.approveReply': method({
    summary: 'The deputy approves the reply',
    access: DEPUTY,
    kind: 'write',
    input: z.object(Target),
    output: card,
  }),
  'workflow.returnReply': method({
    summary: 'The deputy returns the reply for rework',
    access: DEPUTY,
    kind: 'write',
    input: z.object({ ...Target, comment: RequiredText(2000) }),
    output: card,
  }),
  'workflow.sendReply': method({
    summary: 'The reply went out; the appeal closes with its result ("reviewed late" is computed)',
    access: DESK,
    kind: 'write',
    input: z.object({ ...Target, ...Sent, signatory: RequiredText(200), result: AppealResultSchema }),
    output: card,
  }),
  'workflow.extend': method({
    summary: 'Extend the term by up to 30 days (59-FZ Art. 12 p.2), with a notice to the applicant',
    access: [...DESK, ...DEPUTY],
    kind: 'write',
    input: z.object({ ...Target, days: z.number().int().min(1).max(30), reason: RequiredText(1000) }),
    output: card,
  }),
  'workflow.notifyExtension': method({
    summary: 'The applicant was told of the extension',
    access: DESK,
    kind: 'write',
    input: z.object({ ...Target, notifiedOn: IsoDateSchema }),
    output: card,
  }),
  'workflow.deputyQueue': method({
    summary: 'What awaits the deputy, oldest first, with the due dates',
    access: [...DEPUTY, 'office_head', 'admin'],
    kind: 'read',
    input: QueueFilterSchema,
    output: z.array(
      AppealRowSchema.extend({
        waitingFor: QueueWaitSchema,
        requestId: IdSchema.nullable(),
        since: z.string(),
      }),
    ),
  }),
} as const;
