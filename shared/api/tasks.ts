import { z } from 'zod';
import { method } from './define';
import { IdSchema, InstantSchema, IsoDateSchema, PageInput, pageOf } from './common';
import { TASK_KINDS } from '../domain/workflow/appeal';
import { EVENT_TASK_KINDS } from '../domain/workflow/event';
import { ASSIGNMENT_TASK_KINDS } from '../domain/assignments';
import { RECEPTION_TASK_KINDS } from '../domain/reception';
import { CAMPAIGN_TASK_KINDS } from './campaigns';
import { VOLUNTEER_TASK_KINDS } from './volunteers';

export const TaskRowSchema = z.object({
  id: IdSchema,
  /** Whose task: the office's own, or any office's in HQ's analyst view. */
  officeId: IdSchema,
  title: z.string(),
  kind: z.enum([
    ...TASK_KINDS,
    ...EVENT_TASK_KINDS,
    ...ASSIGNMENT_TASK_KINDS,
    ...RECEPTION_TASK_KINDS,
    ...CAMPAIGN_TASK_KINDS,
    ...VOLUNTEER_TASK_KINDS,
  ]),
  /** An appeal's task names the appeal; an event stage's task names the event. */
  appealId: IdSchema.nullable(),
  regNumber: z.string().nullable(),
  applicantName: z.string().nullable(),
  eventId: IdSchema.nullable(),
  eventTitle: z.string().nullable(),
  requestId: IdSchema.nullable(),
  /** A поручение's task names the поручение. */
  assignmentId: IdSchema.nullable(),
  assigneeId: IdSchema.nullable(),
  assigneeName: z.string().nullable(),
  dueDate: IsoDateSchema.nullable(),
  overdue: z.boolean(),
  createdAt: InstantSchema,
});

/**
 * Which open tasks a list shows: mine, one person's (null: nobody's), or everyone's; narrowed to those
 * due today or past their due date.
 */
export const TaskFilterSchema = z.object({
  assigneeId: IdSchema.nullable().optional(),
  everyone: z.boolean().default(false),
  due: z.enum(['today', 'overdue']).optional(),
});
export type TaskFilter = z.input<typeof TaskFilterSchema>;

export const taskMethods = {
  'tasks.list': method({
    summary: 'Open tasks, overdue first, a page at a time: mine, or (office head, admin) anyone’s',
    access: 'signed_in',
    kind: 'read',
    input: TaskFilterSchema.extend(PageInput),
    output: pageOf(TaskRowSchema),
  }),
  'tasks.reassign': method({
    summary: 'Give an open task to another person',
    access: ['office_head', 'admin'],
    kind: 'write',
    input: z.object({ id: IdSchema, assigneeId: IdSchema }),
    output: TaskRowSchema,
  }),
} as const;
