/**
 * The contract's shapes of the contact model beyond the row: several e-mails, social-network links,
 * the office's own fields (their definitions, a contact's values, a segment's conditions on them), and the
 * household (people at one address).
 */
import { z } from 'zod';
import { IdSchema, RequiredText } from './common';
import { method } from './define';
import { normalizeSocial, SOCIAL_NETWORKS } from '../domain/socials';

export const EMAIL_KINDS = ['personal', 'work', 'other'] as const;
export const CONTACT_FIELD_TYPES = ['text', 'number', 'date', 'list'] as const;
export type ContactFieldType = (typeof CONTACT_FIELD_TYPES)[number];

export const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const ContactEmailInputSchema = z.object({
  email: z.string().trim().max(200).regex(EMAIL_RE, { message: 'not an e-mail address' }),
  kind: z.enum(EMAIL_KINDS).default('personal'),
});

const NETWORK_NAMES = { vk: 'a VK id or short name', telegram: 'a Telegram username', ok: 'an OK profile' };

/** A link as typed: checked and normalised here, so a malformed one is refused naming its place. */
export const ContactSocialInputSchema = z
  .object({ network: z.enum(SOCIAL_NETWORKS), handle: z.string().trim().min(1).max(200) })
  .transform((s, ctx) => {
    const handle = normalizeSocial(s.network, s.handle);
    if (handle === null) {
      ctx.addIssue({ code: 'custom', path: ['handle'], message: `not ${NETWORK_NAMES[s.network]}` });
      return z.NEVER;
    }
    return { network: s.network, handle };
  });

/** A value of a custom field as entered: text, a number, a date (YYYY-MM-DD), one of the list; null clears. */
export const FieldValueInputSchema = z.union([z.string().trim().max(1000), z.number(), z.null()]);

export const ContactEmailSchema = z.object({
  email: z.string(),
  kind: z.enum(EMAIL_KINDS),
  /** The sending side found mail to this address bouncing. */
  failing: z.boolean(),
});
export const ContactSocialSchema = z.object({
  network: z.enum(SOCIAL_NETWORKS),
  handle: z.string(),
  url: z.string(),
});
export const ContactFieldValueSchema = z.object({
  fieldId: IdSchema,
  name: z.string(),
  type: z.enum(CONTACT_FIELD_TYPES),
  value: z.union([z.string(), z.number()]),
});
export const HouseholdMemberSchema = z.object({ id: IdSchema, fullName: z.string() });

export const ContactFieldDefSchema = z.object({
  id: IdSchema,
  name: z.string(),
  type: z.enum(CONTACT_FIELD_TYPES),
  options: z.array(z.string()),
  required: z.boolean(),
  position: z.number().int(),
});
export type ContactFieldDef = z.infer<typeof ContactFieldDefSchema>;

/** A segment's condition on a custom field. */
const Operand = z.union([z.string().trim().min(1).max(200), z.number()]);
export const FieldConditionSchema = z.discriminatedUnion('op', [
  z.object({ fieldId: IdSchema, op: z.literal('equals'), value: Operand }),
  z.object({ fieldId: IdSchema, op: z.literal('contains'), value: z.string().trim().min(1).max(200) }),
  z
    .object({ fieldId: IdSchema, op: z.literal('range'), from: Operand.optional(), to: Operand.optional() })
    .refine((r) => r.from !== undefined || r.to !== undefined, { message: 'a range needs from or to' }),
  z.object({ fieldId: IdSchema, op: z.literal('in'), values: z.array(Operand).min(1).max(100) }),
]);
export type FieldCondition = z.infer<typeof FieldConditionSchema>;

const FieldDefInput = z
  .object({
    id: IdSchema.optional(),
    name: RequiredText(100),
    type: z.enum(CONTACT_FIELD_TYPES),
    options: z.array(z.string().trim().min(1).max(200)).max(200).default([]),
    required: z.boolean().default(false),
    /** Place in the list; left out, a new field goes last and an existing one stays. */
    position: z.number().int().min(0).optional(),
  })
  .refine((d) => d.type !== 'list' || d.options.length > 0, {
    message: 'a list needs its values',
    path: ['options'],
  })
  .refine((d) => new Set(d.options).size === d.options.length, {
    message: 'the values repeat',
    path: ['options'],
  });

export const contactFieldMethods = {
  'contactFields.list': method({
    summary: 'The office’s custom contact fields, in order',
    access: 'signed_in',
    kind: 'read',
    input: z.object({}),
    output: z.array(ContactFieldDefSchema),
  }),
  'contactFields.save': method({
    summary: 'Add or change a custom contact field (a new one without id)',
    access: ['office_head', 'admin'],
    kind: 'write',
    input: FieldDefInput,
    output: z.array(ContactFieldDefSchema),
  }),
  'contactFields.delete': method({
    summary: 'Remove a custom contact field; its values leave the cards',
    access: ['office_head', 'admin'],
    kind: 'write',
    input: z.object({ id: IdSchema }),
    output: z.array(ContactFieldDefSchema),
  }),
} as const;
