import { z } from 'zod';
import { method } from './define';
import { IdSchema, InstantSchema, IsoDateSchema } from './common';
import { TASK_KINDS } from '../domain/workflow/appeal';

export const TaskRowSchema = z.object({
  id: IdSchema,
  title: z.string(),
  kind: z.enum(TASK_KINDS),
  appealId: IdSchema,
  regNumber: z.string(),
  applicantName: z.string(),
  requestId: IdSchema.nullable(),
  assigneeId: IdSchema.nullable(),
  assigneeName: z.string().nullable(),
  dueDate: IsoDateSchema.nullable(),
  overdue: z.boolean(),
  createdAt: InstantSchema,
});

export const taskMethods = {
  'tasks.list': method({
    summary: 'Open tasks, overdue first: mine, or (office head, admin) anyone’s',
    access: 'signed_in',
    kind: 'read',
    input: z.object({
      assigneeId: IdSchema.nullable().optional(),
      everyone: z.boolean().default(false),
      limit: z.number().int().min(1).max(500).default(200),
    }),
    output: z.array(TaskRowSchema),
  }),
  'tasks.reassign': method({
    summary: 'Give an open task to another person',
    access: ['office_head', 'admin'],
    kind: 'write',
    input: z.object({ id: IdSchema, assigneeId: IdSchema }),
    output: TaskRowSchema,
  }),
} as const;
