/** The contract's shapes of a contact card: consents by purpose, the timeline, the card itself. */
import { z } from 'zod';
import { IdSchema, InstantSchema } from './common';
import {
  ContactEmailSchema,
  ContactFieldValueSchema,
  ContactSocialSchema,
  HouseholdMemberSchema,
} from './contact-fields';

export const CONSENT_PURPOSES = ['mailing', 'calls', 'events'] as const;
export const ConsentPurposeSchema = z.enum(CONSENT_PURPOSES);

export const ConsentSchema = z.object({
  id: IdSchema,
  purpose: ConsentPurposeSchema,
  wordingVersion: z.string(),
  givenAt: InstantSchema,
  givenBy: z.string().nullable(),
  withdrawnAt: InstantSchema.nullable(),
  withdrawnBy: z.string().nullable(),
});
export type Consent = z.infer<typeof ConsentSchema>;

export const TimelineEntrySchema = z.object({
  at: z.string(),
  kind: z.enum(['appeal', 'note', 'consent_given', 'consent_withdrawn', 'merge', 'created', 'volunteer']),
  title: z.string(),
  /** The appeal or merge this entry opens. */
  refId: z.string().nullable(),
});
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>;

export const ContactCardSchema = z.object({
  id: IdSchema,
  fullName: z.string(),
  lastName: z.string().nullable(),
  firstName: z.string().nullable(),
  middleName: z.string().nullable(),
  phones: z.array(z.object({ phone: z.string(), raw: z.string() })),
  /** The first of `emails`. */
  email: z.string().nullable(),
  emails: z.array(ContactEmailSchema),
  socials: z.array(ContactSocialSchema),
  /** Values of the office's own fields, in the fields' order; a field without a value is left out. */
  fieldValues: z.array(ContactFieldValueSchema),
  address: z.string().nullable(),
  region: z.string().nullable(),
  district: z.string().nullable(),
  settlement: z.string().nullable(),
  street: z.string().nullable(),
  house: z.string().nullable(),
  flat: z.string().nullable(),
  birthDate: z.string().nullable(),
  socialCategory: z.string().nullable(),
  statuses: z.array(z.string()),
  tags: z.array(z.string()),
  source: z.string().nullable(),
  comment: z.string().nullable(),
  erased: z.boolean(),
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
  consents: z.array(ConsentSchema),
  /** Other people at the same address (the normalised address key). */
  household: z.array(HouseholdMemberSchema),
  timeline: z.array(TimelineEntrySchema),
});
export type ContactCard = z.infer<typeof ContactCardSchema>;
