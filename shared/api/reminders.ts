import { z } from 'zod';
import { method } from './define';
import { IdSchema, InstantSchema, IsoDateSchema } from './common';
import { REMINDER_ENTITIES, REMINDER_RULES } from '../domain/reminders';
import { TASK_KINDS } from '../domain/workflow/appeal';
import { EVENT_STAGES } from '../domain/workflow/event';

/** What a reminder says, kept with it: the inbox and the desktop notification read the same words. */
export const ReminderParamsSchema = z.object({
  regNumber: z.string().optional(),
  applicantName: z.string().optional(),
  /**
   * The date the reminder is about: the control date, the request's sending date, the task's due date,
   * the event's date, the day an event entered its stage.
   */
  date: IsoDateSchema.optional(),
  taskKind: z.enum(TASK_KINDS).optional(),
  bodyName: z.string().optional(),
  eventTitle: z.string().optional(),
  /** The stage an event is held in (the "stuck" rule). */
  eventStage: z.enum(EVENT_STAGES).optional(),
  /** A message of «Входящие»: its sender and subject. */
  mailFrom: z.string().optional(),
  mailSubject: z.string().optional(),
  /** The digest's number of overdue appeals. */
  count: z.number().int().optional(),
  /** A поручение's text (its beginning); the digest's number of overdue поручения. */
  text: z.string().optional(),
  assignments: z.number().int().optional(),
});
export type ReminderParams = z.infer<typeof ReminderParamsSchema>;

export const ReminderItemSchema = z.object({
  id: IdSchema,
  rule: z.enum(REMINDER_RULES),
  entity: z.enum(REMINDER_ENTITIES),
  entityId: IdSchema,
  appealId: IdSchema.nullable(),
  requestId: IdSchema.nullable(),
  dueAt: InstantSchema,
  params: ReminderParamsSchema,
  read: z.boolean(),
});
export type ReminderItem = z.infer<typeof ReminderItemSchema>;

/**
 * The reminders of one kind on one office day. On a day with a daily digest the day's single «срок
 * нарушен» reminders are in the digest's group: the digest stands for them.
 */
export const ReminderGroupSchema = z.object({
  rule: z.enum(REMINDER_RULES),
  day: IsoDateSchema,
  count: z.number().int(),
  unread: z.number().int(),
});
export type ReminderGroup = z.infer<typeof ReminderGroupSchema>;

/** A group named by its kind and day. */
export const ReminderGroupKeySchema = z.object({ rule: z.enum(REMINDER_RULES), day: IsoDateSchema });

export const reminderMethods = {
  'reminders.inbox': method({
    summary: 'My reminders, newest first, with the number unread',
    access: 'signed_in',
    kind: 'read',
    input: z.object({
      unreadOnly: z.boolean().default(false),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    output: z.object({ unread: z.number().int(), items: z.array(ReminderItemSchema) }),
  }),
  'reminders.groups': method({
    summary: 'My reminders grouped by kind and office day, newest day first, with the counts of each kind',
    access: 'signed_in',
    kind: 'read',
    input: z.object({
      unreadOnly: z.boolean().default(false),
      rule: z.enum(REMINDER_RULES).optional(),
      limit: z.number().int().min(1).max(500).default(120),
    }),
    output: z.object({
      unread: z.number().int(),
      kinds: z.array(
        z.object({ rule: z.enum(REMINDER_RULES), count: z.number().int(), unread: z.number().int() }),
      ),
      groups: z.array(ReminderGroupSchema),
    }),
  }),
  'reminders.group': method({
    summary: 'The reminders behind one group, newest first',
    access: 'signed_in',
    kind: 'read',
    input: ReminderGroupKeySchema.extend({
      unreadOnly: z.boolean().default(false),
      limit: z.number().int().min(1).max(500).default(200),
    }),
    output: z.object({ items: z.array(ReminderItemSchema) }),
  }),
  'reminders.unread': method({
    summary: 'How many of my reminders are unread (the bell)',
    access: 'signed_in',
    kind: 'read',
    input: z.object({}).strict(),
    output: z.object({ unread: z.number().int() }),
  }),
  'reminders.markRead': method({
    summary: 'Mark my reminders read: the ones named, a group, or all',
    access: 'signed_in',
    kind: 'write',
    input: z
      .object({
        ids: z.array(IdSchema).max(500).optional(),
        group: ReminderGroupKeySchema.optional(),
        all: z.boolean().default(false),
      })
      .refine((i) => i.all || i.group || (i.ids && i.ids.length > 0), {
        message: 'name the reminders, a group, or all',
        path: ['ids'],
      }),
    output: z.object({ unread: z.number().int() }),
  }),
  'reminders.scan': method({
    summary: 'Raise every reminder due now (the scheduler does this by itself; for the command line)',
    access: ['admin', 'office_head'],
    kind: 'write',
    input: z.object({}).strict(),
    output: z.object({ raised: z.number().int() }),
  }),
} as const;
