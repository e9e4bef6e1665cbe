/**
 * The oral appeal at a personal reception (59-FZ Art. 13 p.2): when the facts are evident and the
 * applicant agrees, the answer is given orally during the reception and recorded on the card, so the
 * appeal is registered and closed in one step.
 */
import { z } from 'zod';
import { method } from './define';
import { RequiredText, Text } from './common';
import { AppealCardSchema, RegisterAppealSchema } from './appeals';

/** What an oral answer may conclude: the question was explained, or answered. */
export const ORAL_RESULTS = ['explained', 'answered'] as const;
export type OralResult = (typeof ORAL_RESULTS)[number];

export const OralAnswerSchema = z.object({
  result: z.enum(ORAL_RESULTS),
  /** What the applicant was told, as the card keeps it. */
  text: RequiredText(20_000),
  /** The applicant agreed to an oral answer; without it the appeal goes on as a written one. */
  consent: z.literal(true, { message: 'the applicant’s agreement is required' }),
  /** Who gave the answer at the reception (the deputy, or whoever received the citizen). */
  answeredBy: Text(200).optional(),
});
export type OralAnswer = z.input<typeof OralAnswerSchema>;

export const RegisterOralAppealSchema = RegisterAppealSchema.extend({ oralAnswer: OralAnswerSchema });
export type RegisterOralAppealInput = z.input<typeof RegisterOralAppealSchema>;

export const oralAnswerMethods = {
  'appeals.registerOral': method({
    summary:
      'Register an oral appeal at a personal reception answered on the spot, and close it with the answer (59-FZ Art. 13 p.2)',
    access: ['assistant', 'office_head', 'admin', 'deputy'],
    kind: 'write',
    input: RegisterOralAppealSchema,
    output: AppealCardSchema,
  }),
} as const;
