import { z } from 'zod';
import { method } from './define';
import { IdSchema, IsoDateSchema } from './common';
import { AppealFilterSchema, AppealStatusSchema } from './appeals';
import { EventFilterSchema, EventStateSchema } from './events';
import { RequestFilterSchema } from './requests';
import { TaskFilterSchema } from './tasks';
import { QueueFilterSchema } from './workflow';

/**
 * Where a figure of the home screen leads: a list and the filter that list takes, the very filter its
 * method accepts, so following the link shows exactly the objects counted.
 */
export const HomeLinkSchema = z.discriminatedUnion('list', [
  z.object({ list: z.literal('appeals'), filter: AppealFilterSchema }),
  z.object({ list: z.literal('queue'), filter: QueueFilterSchema }),
  z.object({ list: z.literal('tasks'), filter: TaskFilterSchema }),
  z.object({ list: z.literal('requests'), filter: RequestFilterSchema }),
  z.object({ list: z.literal('events'), filter: EventFilterSchema }),
]);
export type HomeLink = z.infer<typeof HomeLinkSchema>;

export const FigureSchema = z.object({ count: z.number().int().min(0), link: HomeLinkSchema });
export type Figure = z.infer<typeof FigureSchema>;

const Day = { today: IsoDateSchema };

export const HomeEventSchema = z.object({
  id: IdSchema,
  title: z.string(),
  date: IsoDateSchema,
  startTime: z.string().nullable(),
  place: z.string().nullable(),
  stage: EventStateSchema,
});

/** The deputy: what waits for his decision, what is late, and his days. */
export const DeputyHomeSchema = z.object({
  view: z.literal('deputy'),
  ...Day,
  /** The whole queue «На резолюцию», and its parts. */
  queue: FigureSchema,
  resolutions: FigureSchema,
  letters: FigureSchema,
  /** Queue items whose appeal is already past its control date. */
  queueOverdue: FigureSchema,
  overdueAppeals: FigureSchema,
  overdueRequests: FigureSchema,
  week: z.object({ from: IsoDateSchema, to: IsoDateSchema }),
  eventsToday: FigureSchema,
  eventsWeek: FigureSchema,
  /** This week's open events, in date order (the first few). */
  events: z.array(HomeEventSchema),
});

/** An assistant: my tasks for today and the late ones, my appeals by stage. */
export const AssistantHomeSchema = z.object({
  view: z.literal('assistant'),
  ...Day,
  tasksToday: FigureSchema,
  tasksOverdue: FigureSchema,
  openAppeals: FigureSchema,
  overdueAppeals: FigureSchema,
  byStage: z.array(z.object({ status: AppealStatusSchema, figure: FigureSchema })),
});

export const StaffLoadSchema = z.object({
  userId: IdSchema.nullable(),
  name: z.string().nullable(),
  /** In HQ's analyst view, the code of the person's office (staff of every office are listed there). */
  officeCode: z.string().nullable(),
  openAppeals: FigureSchema,
  overdueAppeals: FigureSchema,
  /** Tasks are shown to those who may open another person's task list (null for others). */
  openTasks: FigureSchema.nullable(),
  overdueTasks: FigureSchema.nullable(),
});

/** The office head: the whole office — workload and lateness by person, requests late by outside body. */
export const OfficeHomeSchema = z.object({
  view: z.literal('office'),
  ...Day,
  openAppeals: FigureSchema,
  overdueAppeals: FigureSchema,
  overdueTasks: FigureSchema.nullable(),
  overdueRequests: FigureSchema,
  /** The deputy's queue, for those who may open it. */
  queue: FigureSchema.nullable(),
  staff: z.array(StaffLoadSchema),
  /** In HQ's analyst view, each office's open and overdue appeals; null in an office's own database. */
  offices: z
    .array(
      z.object({
        officeId: IdSchema,
        code: z.string(),
        name: z.string(),
        openAppeals: FigureSchema,
        overdueAppeals: FigureSchema,
      }),
    )
    .nullable(),
  requestsByBody: z.array(z.object({ bodyId: IdSchema, body: z.string().nullable(), overdue: FigureSchema })),
});

export const HomeSchema = z.discriminatedUnion('view', [
  DeputyHomeSchema,
  AssistantHomeSchema,
  OfficeHomeSchema,
]);
export type Home = z.infer<typeof HomeSchema>;
export type HomeView = Home['view'];

export const homeMethods = {
  'home.get': method({
    summary:
      'The home screen for the caller’s role: each figure with the filtered list it opens (deputy, assistant, office)',
    access: 'signed_in',
    kind: 'read',
    input: z.object({}).strict(),
    output: HomeSchema,
  }),
} as const;
