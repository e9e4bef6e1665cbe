import { z } from 'zod';
import { method } from './define';
import { IdSchema, InstantSchema, IsoDateSchema, RequiredText, Text } from './common';
import {
  CHECKLIST_ASSIGNEES,
  EVENT_STAGES,
  EVENT_STATES,
  EVENT_DESK,
  CHECKLIST_OVERRIDE,
} from '../domain/workflow/event';
import { ChecklistItemTemplateSchema, ChecklistTemplateSchema } from '../domain/workflow/event-checklists';
import { AppealStatusSchema } from './appeals';

export const EventStageSchema = z.enum(EVENT_STAGES);
export const EventStateSchema = z.enum(EVENT_STATES);

const TimeSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'expected a time HH:MM' })
  .nullable();

const KindCodeSchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9_-]{1,40}$/, { message: 'expected a kind code' });

export const ParticipantInputSchema = z.object({ contactId: IdSchema, attended: z.boolean().default(false) });

/** The card's editable fields, with no defaults: an edit must never reset a field it does not name. */
const EventFieldsSchema = z.object({
  title: RequiredText(300),
  kind: KindCodeSchema,
  date: IsoDateSchema,
  startTime: TimeSchema.optional(),
  endTime: TimeSchema.optional(),
  place: Text(300).optional(),
  address: Text(400).optional(),
  district: Text(200).optional(),
  responsibleId: IdSchema.nullable().optional(),
  escortId: IdSchema.nullable().optional(),
  /** A trip with transport there and back; an event in the office skips the transfer stages. */
  transferNeeded: z.boolean(),
  transferTransport: Text(300).optional(),
  transferOutAt: TimeSchema.optional(),
  transferBackAt: TimeSchema.optional(),
  expectedCount: z.number().int().min(0).max(1_000_000).nullable().optional(),
  actualCount: z.number().int().min(0).max(1_000_000).nullable().optional(),
  programme: Text(20_000).optional(),
  agenda: Text(20_000).optional(),
  pressReleaseSentOn: IsoDateSchema.nullable().optional(),
  pressAnswerOn: IsoDateSchema.nullable().optional(),
  pressNote: Text(2000).optional(),
  outcome: Text(20_000).optional(),
  participants: z.array(ParticipantInputSchema).max(5000),
});

export const CreateEventSchema = EventFieldsSchema.extend({
  transferNeeded: z.boolean().default(false),
  participants: z.array(ParticipantInputSchema).max(5000).default([]),
});
export type CreateEventInput = z.input<typeof CreateEventSchema>;
export type EventPatch = z.input<typeof EventFieldsSchema>;

export const ChecklistItemSchema = z.object({
  id: IdSchema,
  text: z.string(),
  mandatory: z.boolean(),
  dueDate: IsoDateSchema.nullable(),
  done: z.boolean(),
  doneAt: InstantSchema.nullable(),
  doneByName: z.string().nullable(),
});

export const EventTaskSchema = z.object({
  id: IdSchema,
  title: z.string(),
  stage: EventStageSchema,
  role: z.enum(CHECKLIST_ASSIGNEES),
  assigneeId: IdSchema.nullable(),
  assigneeName: z.string().nullable(),
  dueDate: IsoDateSchema.nullable(),
  status: z.enum(['open', 'done', 'cancelled']),
  items: z.array(ChecklistItemSchema),
});
export type EventTask = z.infer<typeof EventTaskSchema>;

export const ProgressSchema = z.object({
  done: z.number().int(),
  total: z.number().int(),
  /** Mandatory items of the current stage not yet done: leaving the stage waits for them. */
  mandatoryLeft: z.number().int(),
});

export const EventRowSchema = z.object({
  id: IdSchema,
  title: z.string(),
  kind: z.string(),
  kindName: z.string(),
  date: IsoDateSchema,
  startTime: z.string().nullable(),
  place: z.string().nullable(),
  district: z.string().nullable(),
  stage: EventStateSchema,
  responsibleId: IdSchema.nullable(),
  responsibleName: z.string().nullable(),
  escortName: z.string().nullable(),
  progress: ProgressSchema,
  /** An open checklist item of the current stage is past its due date. */
  overdue: z.boolean(),
  /** Where the board may move it in one step: the next stage (or closing) and earlier stages. */
  moves: z.array(EventStateSchema),
});
export type EventRow = z.infer<typeof EventRowSchema>;

export const EventCardSchema = EventRowSchema.extend({
  version: z.string(),
  endTime: z.string().nullable(),
  address: z.string().nullable(),
  escortId: IdSchema.nullable(),
  transferNeeded: z.boolean(),
  transferTransport: z.string().nullable(),
  transferOutAt: z.string().nullable(),
  transferBackAt: z.string().nullable(),
  expectedCount: z.number().int().nullable(),
  actualCount: z.number().int().nullable(),
  programme: z.string().nullable(),
  agenda: z.string().nullable(),
  pressReleaseSentOn: IsoDateSchema.nullable(),
  pressAnswerOn: IsoDateSchema.nullable(),
  pressNote: z.string().nullable(),
  outcome: z.string().nullable(),
  stageSince: InstantSchema,
  cancelReason: z.string().nullable(),
  closedOn: IsoDateSchema.nullable(),
  /**
   * The day an event still in Создание moves to Согласование by itself (3 weeks ahead, an office
   * setting); null when the office has turned that reminder rule off.
   */
  approvalOn: IsoDateSchema.nullable(),
  stages: z.array(
    z.object({ stage: EventStageSchema, state: z.enum(['passed', 'current', 'ahead', 'skipped']) }),
  ),
  next: EventStateSchema.nullable(),
  participants: z.array(
    z.object({
      contactId: IdSchema,
      fullName: z.string(),
      phone: z.string().nullable(),
      attended: z.boolean(),
    }),
  ),
  tasks: z.array(EventTaskSchema),
  appeals: z.array(
    z.object({
      id: IdSchema,
      regNumber: z.string(),
      applicantName: z.string(),
      summary: z.string(),
      status: AppealStatusSchema,
    }),
  ),
  history: z.array(
    z.object({
      id: IdSchema,
      at: InstantSchema,
      userName: z.string().nullable(),
      action: z.string(),
      changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })),
      comment: z.string().nullable(),
    }),
  ),
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
});
export type EventCard = z.infer<typeof EventCardSchema>;

export const EventKindSchema = z.object({
  code: z.string(),
  name: z.string(),
  builtin: z.boolean(),
  hidden: z.boolean(),
});
export type EventKind = z.infer<typeof EventKindSchema>;

export const ChecklistTemplateRowSchema = ChecklistTemplateSchema.extend({
  /** The office's own edition (else the one shipped with the app). */
  edited: z.boolean(),
});

const MANAGERS = CHECKLIST_OVERRIDE;

/** Events by date, as the board and a link to it (from the home screen) narrow them. */
export const EventFilterSchema = z.object({
  from: IsoDateSchema.optional(),
  to: IsoDateSchema.optional(),
});
export type EventFilter = z.infer<typeof EventFilterSchema>;

export const eventMethods = {
  'events.list': method({
    summary: 'Events by date range (the board and the calendar); closed and cancelled ones on request',
    access: 'signed_in',
    kind: 'read',
    input: EventFilterSchema.extend({
      includeFinished: z.boolean().default(false),
      limit: z.number().int().min(1).max(5000).default(1000),
    }),
    output: z.array(EventRowSchema),
  }),
  'events.get': method({
    summary: 'The event card: fields, stages, checklists, participants, linked appeals, history',
    access: 'signed_in',
    kind: 'read',
    audited: true,
    input: z.object({ id: IdSchema }),
    output: EventCardSchema,
  }),
  'events.create': method({
    summary: 'Create an event; it enters Создание with its checklist',
    access: EVENT_DESK,
    kind: 'write',
    input: CreateEventSchema,
    output: EventCardSchema,
  }),
  'events.update': method({
    summary: 'Change the event card',
    access: EVENT_DESK,
    kind: 'write',
    input: z.object({ id: IdSchema, version: z.string(), patch: EventFieldsSchema.partial().strict() }),
    output: EventCardSchema,
  }),
  'events.move': method({
    summary:
      'Move an event to the next stage (its mandatory checklist done, or an office head’s override), back to an earlier one, or close it after Подведение итогов',
    access: EVENT_DESK,
    kind: 'write',
    input: z.object({
      id: IdSchema,
      to: EventStateSchema,
      /** The office head leaves a stage with mandatory items undone; the reason is recorded. */
      override: z.object({ reason: RequiredText(1000) }).optional(),
    }),
    output: EventCardSchema,
  }),
  'events.cancel': method({
    summary: 'Cancel an event from any stage, with a reason; its open tasks are cancelled',
    access: EVENT_DESK,
    kind: 'write',
    input: z.object({ id: IdSchema, reason: RequiredText(1000) }),
    output: EventCardSchema,
  }),
  'events.checkItem': method({
    summary: 'Tick or untick a checklist item of an open stage task',
    access: 'signed_in',
    kind: 'write',
    input: z.object({ id: IdSchema, done: z.boolean() }),
    output: EventCardSchema,
  }),
  'events.kinds': method({
    summary: 'Kinds of events: shipped ones as the office renamed or hid them, and its own',
    access: 'signed_in',
    kind: 'read',
    input: z.object({ includeHidden: z.boolean().default(false) }),
    output: z.array(EventKindSchema),
  }),
  'events.putKind': method({
    summary: 'Rename or hide a kind of event, or add a new one (no code)',
    access: MANAGERS,
    kind: 'write',
    input: z.object({
      code: KindCodeSchema.optional(),
      name: RequiredText(100),
      hidden: z.boolean().default(false),
    }),
    output: z.array(EventKindSchema),
  }),
  'checklists.list': method({
    summary: 'Checklist templates of event stages, per kind (`*` for every kind)',
    access: 'signed_in',
    kind: 'read',
    input: z.object({}).strict(),
    output: z.array(ChecklistTemplateRowSchema),
  }),
  'checklists.put': method({
    summary:
      'The office’s checklist for a stage and kind; new stage entries use it, tasks already made keep theirs',
    access: MANAGERS,
    kind: 'write',
    input: ChecklistTemplateSchema.extend({ items: z.array(ChecklistItemTemplateSchema).max(40) }),
    output: z.array(ChecklistTemplateRowSchema),
  }),
  'checklists.reset': method({
    summary: 'Drop the office’s edition of a stage’s checklist: the shipped one applies again',
    access: MANAGERS,
    kind: 'write',
    input: z.object({ stage: EventStageSchema, kind: z.string().trim().min(1).max(40) }),
    output: z.array(ChecklistTemplateRowSchema),
  }),
} as const;
