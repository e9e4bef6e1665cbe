import { z } from 'zod';
import { method } from './define';
import { AttachmentMimeSchema, AttachmentNameSchema, Base64Schema } from './attachments';
import { IdSchema, InstantSchema, IsoDateSchema, RequiredText } from './common';
import {
  ASSIGNMENT_AUTHORS,
  ASSIGNMENT_PRIORITIES,
  ASSIGNMENT_STATUSES,
  RECURRENCES,
} from '../domain/assignments';

export const AssignmentPrioritySchema = z.enum(ASSIGNMENT_PRIORITIES);
export const AssignmentStatusSchema = z.enum(ASSIGNMENT_STATUSES);

/** Any other record a поручение is about (a наказ, say), by its kind and id. */
export const EntityLinkSchema = z.object({
  entity: z.string().regex(/^[a-z][a-z_]{0,39}$/, { message: 'a record kind like mandate' }),
  id: IdSchema,
});

const AssigneesSchema = z
  .array(IdSchema)
  .min(1, { message: 'at least one person' })
  .max(20)
  .refine((ids) => new Set(ids).size === ids.length, { message: 'a person is named twice' });

/** The control date: a date, or a number of working days from today by the office's calendar. */
const ControlSchema = {
  controlDate: IsoDateSchema.optional(),
  termDays: z.number().int().min(1).max(365).optional(),
};

export const AssignmentInputSchema = z.object({
  text: RequiredText(4000),
  assigneeIds: AssigneesSchema,
  ...ControlSchema,
  priority: AssignmentPrioritySchema.default('normal'),
  appealId: IdSchema.nullable().optional(),
  eventId: IdSchema.nullable().optional(),
  contactId: IdSchema.nullable().optional(),
  link: EntityLinkSchema.nullable().optional(),
});

const Person = z.object({ id: IdSchema, name: z.string().nullable() });

export const AssignmentSchema = z.object({
  id: IdSchema,
  text: z.string(),
  author: Person,
  assignees: z.array(Person),
  controlDate: IsoDateSchema,
  priority: AssignmentPrioritySchema,
  status: AssignmentStatusSchema,
  overdue: z.boolean(),
  appeal: z.object({ id: IdSchema, regNumber: z.string().nullable() }).nullable(),
  event: z.object({ id: IdSchema, title: z.string().nullable() }).nullable(),
  contact: z.object({ id: IdSchema, name: z.string().nullable() }).nullable(),
  link: EntityLinkSchema.nullable(),
  report: z.object({ text: z.string(), at: InstantSchema, by: Person }).nullable(),
  returnReason: z.string().nullable(),
  accepted: z.object({ at: InstantSchema, by: Person }).nullable(),
  templateId: IdSchema.nullable(),
  period: z.string().nullable(),
  createdAt: InstantSchema,
  /** What the caller may do with it now. */
  may: z.object({ start: z.boolean(), report: z.boolean(), review: z.boolean(), reassign: z.boolean() }),
  version: z.string(),
});
export type Assignment = z.infer<typeof AssignmentSchema>;

export const AssignmentCommentSchema = z.object({
  id: IdSchema,
  author: Person,
  text: z.string(),
  at: InstantSchema,
});

export const AssignmentFileSchema = z.object({
  id: IdSchema,
  name: z.string(),
  mime: AttachmentMimeSchema,
  size: z.number().int(),
  sha256: z.string(),
  createdAt: InstantSchema,
});

/** A file given to a поручение or a наказ (`id` names the record). */
export const UploadSchema = z.object({
  id: IdSchema,
  name: AttachmentNameSchema,
  mime: AttachmentMimeSchema,
  dataBase64: Base64Schema,
});

/** A file of a поручение or a наказ, kept by its hash. */
export type KeptFile = z.infer<typeof AssignmentFileSchema>;
/** A kept file with its content, as a download gets it. */
export const KeptFileContentSchema = AssignmentFileSchema.extend({ dataBase64: z.string() });

export const AssignmentCardSchema = AssignmentSchema.extend({
  comments: z.array(AssignmentCommentSchema),
  files: z.array(AssignmentFileSchema),
});
export type AssignmentCard = z.infer<typeof AssignmentCardSchema>;

export const TemplateInputSchema = z.object({
  text: RequiredText(4000),
  assigneeIds: AssigneesSchema,
  priority: AssignmentPrioritySchema.default('normal'),
  recurrence: z.enum(RECURRENCES),
  /** Weekly: 1 (Monday) … 7; monthly: 1 … 31 (past a month's end: its last day). */
  day: z.number().int().min(1).max(31),
  /** The control date: this many working days after the day it is given. */
  termDays: z.number().int().min(1).max(60),
});

export const TemplateSchema = z.object({
  id: IdSchema,
  text: z.string(),
  author: Person,
  assignees: z.array(Person),
  priority: AssignmentPrioritySchema,
  recurrence: z.enum(RECURRENCES),
  day: z.number().int(),
  termDays: z.number().int(),
  active: z.boolean(),
});
export type AssignmentTemplate = z.infer<typeof TemplateSchema>;

const Id = z.object({ id: IdSchema });
const AUTHORS = [...ASSIGNMENT_AUTHORS];

export const assignmentMethods = {
  'assignments.create': method({
    summary: 'Give a поручение to one or several people, with a control date',
    access: AUTHORS,
    kind: 'write',
    input: AssignmentInputSchema,
    output: AssignmentCardSchema,
  }),
  'assignments.get': method({
    summary: 'A поручение with its comment thread and files',
    access: 'signed_in',
    kind: 'read',
    input: Id,
    output: AssignmentCardSchema,
  }),
  'assignments.list': method({
    summary: 'Поручения about an appeal, an event, a contact or another record, or given by the caller',
    access: 'signed_in',
    kind: 'read',
    input: z.object({
      appealId: IdSchema.optional(),
      eventId: IdSchema.optional(),
      contactId: IdSchema.optional(),
      link: EntityLinkSchema.optional(),
      givenByMe: z.boolean().optional(),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    output: z.array(AssignmentSchema),
  }),
  'assignments.start': method({
    summary: 'An assignee takes the поручение into work',
    access: 'signed_in',
    kind: 'write',
    input: Id,
    output: AssignmentCardSchema,
  }),
  'assignments.report': method({
    summary: 'An assignee reports the поручение done; the author is to accept or return it',
    access: 'signed_in',
    kind: 'write',
    input: z.object({ id: IdSchema, text: RequiredText(4000) }),
    output: AssignmentCardSchema,
  }),
  'assignments.accept': method({
    summary: 'The author, the office head or the deputy accepts the report',
    access: 'signed_in',
    kind: 'write',
    input: Id,
    output: AssignmentCardSchema,
  }),
  'assignments.return': method({
    summary: 'The author, the office head or the deputy returns the report with a reason',
    access: 'signed_in',
    kind: 'write',
    input: z.object({ id: IdSchema, reason: RequiredText(2000), controlDate: IsoDateSchema.optional() }),
    output: AssignmentCardSchema,
  }),
  'assignments.reassign': method({
    summary: 'The author or the office head gives the поручение to other people',
    access: 'signed_in',
    kind: 'write',
    input: z.object({ id: IdSchema, assigneeIds: AssigneesSchema }),
    output: AssignmentCardSchema,
  }),
  'assignments.comment': method({
    summary: 'Add a comment to the поручение’s thread',
    access: 'signed_in',
    kind: 'write',
    input: z.object({ id: IdSchema, text: RequiredText(4000) }),
    output: AssignmentCardSchema,
  }),
  'assignments.attach': method({
    summary: 'Attach a file to the поручение',
    access: 'signed_in',
    kind: 'write',
    input: UploadSchema,
    output: AssignmentCardSchema,
  }),
  'assignments.file': method({
    summary: 'A file of a поручение with its content, checked against its hash',
    access: 'signed_in',
    kind: 'read',
    input: Id,
    output: KeptFileContentSchema,
  }),
  'assignments.templates': method({
    summary: 'The recurring поручения (weekly, monthly)',
    access: 'signed_in',
    kind: 'read',
    input: z.object({}).strict(),
    output: z.array(TemplateSchema),
  }),
  'assignments.createTemplate': method({
    summary: 'Start a recurring поручение: one is given each week or month',
    access: AUTHORS,
    kind: 'write',
    input: TemplateInputSchema,
    output: TemplateSchema,
  }),
  'assignments.updateTemplate': method({
    summary: 'Change a recurring поручение: the ones it gives from now on follow; those given stay',
    access: AUTHORS,
    kind: 'write',
    input: TemplateInputSchema.extend({ priority: AssignmentPrioritySchema })
      .partial()
      .extend({ id: IdSchema }),
    output: TemplateSchema,
  }),
  'assignments.deleteTemplate': method({
    summary: 'Remove a recurring поручение: it gives no more; those it gave stay',
    access: AUTHORS,
    kind: 'write',
    input: Id,
    output: Id,
  }),
  'assignments.setTemplateActive': method({
    summary: 'Pause or resume a recurring поручение',
    access: AUTHORS,
    kind: 'write',
    input: z.object({ id: IdSchema, active: z.boolean() }),
    output: TemplateSchema,
  }),
} as const;
