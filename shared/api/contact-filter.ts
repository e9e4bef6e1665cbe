import { z } from 'zod';
import { IsoDateSchema } from './common';
import { ConsentPurposeSchema } from './contact-card';
import { FieldConditionSchema } from './contact-fields';

/** A status or tag as the office names it. */
export const Label = z.string().trim().min(1).max(60);

/** A saved or ad-hoc filter over the base; every given condition must hold. */
export const ContactFilterSchema = z.object({
  /** Surname in any grammatical case or its start, then first names (ё = е, any case); or a phone written any way. */
  q: z.string().trim().max(100).optional(),
  /** Any of these statuses. */
  statuses: z.array(Label).max(20).optional(),
  /** Any of these tags. */
  tags: z.array(Label).max(50).optional(),
  source: z.string().trim().max(200).optional(),
  region: z.string().trim().max(200).optional(),
  district: z.string().trim().max(200).optional(),
  settlement: z.string().trim().max(200).optional(),
  socialCategory: z.string().trim().max(100).optional(),
  hasPhone: z.boolean().optional(),
  /** Has a consent for this purpose in force (true), or has none (false). */
  consent: z.object({ purpose: ConsentPurposeSchema, given: z.boolean() }).optional(),
  /** Activity: appealed on or after this date, optionally about a classifier section or subject. */
  appealed: z
    .object({
      since: IsoDateSchema.optional(),
      topicPrefix: z
        .string()
        .regex(/^\d{4}(\.\d{4}){0,4}$/, { message: 'expected a classifier code or its prefix' })
        .optional(),
    })
    .optional(),
  /** Conditions on the office's own fields, all of which must hold. */
  fields: z.array(FieldConditionSchema).max(10).optional(),
});
export type ContactFilter = z.infer<typeof ContactFilterSchema>;
