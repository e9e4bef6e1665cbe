import { z } from 'zod';
import { method } from './define';
import { AppealKindSchema, ChannelSchema } from './appeals';
import { ClassifierCodeSchema, Empty, IdSchema, Text } from './common';

/** Who keeps the office's settings: the routing rules are edited by them, read by everyone. */
const MANAGERS = ['office_head', 'admin'] as const;

/** A rule's conditions: every one given must hold; one at least is required. */
export const RoutingConditionsSchema = z.object({
  /** A classifier code of any level: a section's rule matches every question under it. */
  topic: ClassifierCodeSchema.nullable().optional(),
  channel: ChannelSchema.nullable().optional(),
  kind: AppealKindSchema.nullable().optional(),
  /** The applicant's district or settlement, as the contact base writes it (case and ё do not matter). */
  district: Text(200).optional(),
  settlement: Text(200).optional(),
});
export type RoutingConditions = z.infer<typeof RoutingConditionsSchema>;

export const RoutingRuleInputSchema = z.object({
  name: z.string().trim().min(1, { message: 'required' }).max(200),
  when: RoutingConditionsSchema,
  /** The responsible person the rule sets; an active user of the office. */
  responsibleId: IdSchema.nullable().optional(),
  /** The appeal goes straight to the deputy's review (the workflow's «Передать депутату» step). */
  toDeputy: z.boolean().default(false),
});

export const RoutingRuleSchema = z.object({
  id: IdSchema,
  position: z.number().int(),
  name: z.string(),
  when: z.object({
    topic: z.string().nullable(),
    channel: ChannelSchema.nullable(),
    kind: AppealKindSchema.nullable(),
    district: z.string().nullable(),
    settlement: z.string().nullable(),
  }),
  responsibleId: IdSchema.nullable(),
  responsibleName: z.string().nullable(),
  toDeputy: z.boolean(),
  /** The rule names a user who is no longer active: registration passes it over to the next rule. */
  inactiveResponsible: z.boolean(),
  version: z.string(),
});
export type RoutingRule = z.infer<typeof RoutingRuleSchema>;

/** What a new appeal's routing is decided on: the registration form's fields as typed so far. */
export const RoutingDraftSchema = z.object({
  topics: z.array(ClassifierCodeSchema).max(20).default([]),
  channel: ChannelSchema,
  kind: AppealKindSchema,
  applicant: z.object({ contactId: IdSchema.optional(), address: Text(400).optional() }).default({}),
});

export const RoutingDecisionSchema = z.object({
  /** The first rule that matches and may apply; null when none does. */
  rule: z.object({ id: IdSchema, name: z.string(), position: z.number().int() }).nullable(),
  responsibleId: IdSchema.nullable(),
  responsibleName: z.string().nullable(),
  toDeputy: z.boolean(),
  /** Earlier rules that matched but were passed over because their responsible is not active. */
  skipped: z.array(z.object({ id: IdSchema, name: z.string() })),
});
export type RoutingDecision = z.infer<typeof RoutingDecisionSchema>;

const RulesOut = z.array(RoutingRuleSchema);

export const routingMethods = {
  'routing.list': method({
    summary: 'The office’s routing rules in the order they are tried',
    access: 'signed_in',
    kind: 'read',
    input: Empty,
    output: RulesOut,
  }),
  'routing.create': method({
    summary: 'Add a routing rule at the end of the list (or at a position)',
    access: MANAGERS,
    kind: 'write',
    input: RoutingRuleInputSchema.extend({ position: z.number().int().min(0).max(10_000).optional() }),
    output: RulesOut,
  }),
  'routing.update': method({
    summary: 'Edit a routing rule',
    access: MANAGERS,
    kind: 'write',
    input: RoutingRuleInputSchema.extend({ id: IdSchema, version: z.string() }),
    output: RulesOut,
  }),
  'routing.move': method({
    summary: 'Move a routing rule to another place in the order',
    access: MANAGERS,
    kind: 'write',
    input: z.object({ id: IdSchema, position: z.number().int().min(0).max(10_000) }),
    output: RulesOut,
  }),
  'routing.delete': method({
    summary: 'Delete a routing rule',
    access: MANAGERS,
    kind: 'write',
    input: z.object({ id: IdSchema }),
    output: RulesOut,
  }),
  'routing.preview': method({
    summary: 'The routing rule a registration with these fields would apply, and what it sets',
    access: 'signed_in',
    kind: 'read',
    input: RoutingDraftSchema,
    output: RoutingDecisionSchema,
  }),
} as const;
