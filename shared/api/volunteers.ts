import { z } from 'zod';
import { method } from './define';
import { IdSchema, InstantSchema, Text } from './common';
import { DEPUTY, DESK } from '../domain/workflow/appeal';

/** The pipeline of a volunteer or supporter who signed up: new → checked → interview → accepted / declined. */
export const VOLUNTEER_STAGES = ['new', 'checked', 'interview', 'accepted', 'declined'] as const;
export type VolunteerStage = (typeof VOLUNTEER_STAGES)[number];
export const VolunteerStageSchema = z.enum(VOLUNTEER_STAGES);

/** The contact status a candidate carries until accepted (then `volunteer`) or declined. */
export const CANDIDATE_STATUS = 'volunteer_candidate';
/** The task the volunteer coordinator gets for each new candidate. */
export const VOLUNTEER_TASK_KINDS = ['volunteer_candidate'] as const;
/** The form a candidate came from (the web reception's «Стать волонтёром / сторонником»). */
export const VOLUNTEER_FORM = 'web_volunteer';

/** Where a candidate may go from each stage, the usual next first; an interview may be set again (moved). */
export const VOLUNTEER_NEXT: Record<VolunteerStage, readonly VolunteerStage[]> = {
  new: ['checked', 'declined'],
  checked: ['interview', 'declined'],
  interview: ['accepted', 'interview', 'declined'],
  accepted: [],
  declined: [],
};

/** A local date and time in the office's time zone, minutes: `2026-12-09T15:30`. */
export const LocalDateTimeSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { message: 'expected a date and time YYYY-MM-DDTHH:mm' })
  .refine((s) => !Number.isNaN(Date.parse(`${s}:00Z`)) && Number(s.slice(11, 13)) < 24, {
    message: 'no such date or time',
  });

export const VolunteerStepSchema = z.object({
  stage: VolunteerStageSchema,
  at: InstantSchema,
  userName: z.string().nullable(),
  interviewAt: z.string().nullable(),
  reason: z.string().nullable(),
});

export const VolunteerCandidateSchema = z.object({
  id: IdSchema,
  contactId: IdSchema,
  fullName: z.string(),
  applicationId: IdSchema.nullable(),
  stage: VolunteerStageSchema,
  stageAt: InstantSchema,
  form: z.string(),
  campaign: z.string().nullable(),
  region: z.string().nullable(),
  district: z.string().nullable(),
  consent: z.object({ version: z.string(), text: z.string(), at: InstantSchema }),
  taskId: IdSchema.nullable(),
  interviewAt: z.string().nullable(),
  eventId: IdSchema.nullable(),
  declineReason: z.string().nullable(),
  steps: z.array(VolunteerStepSchema),
  /** The row's stamp: a move names it, and is refused when someone moved the candidate meanwhile. */
  version: z.string(),
});
export type VolunteerCandidate = z.infer<typeof VolunteerCandidateSchema>;

export const VolunteerRowSchema = VolunteerCandidateSchema.omit({ steps: true, consent: true });
export type VolunteerRow = z.infer<typeof VolunteerRowSchema>;

export const VolunteerCountsSchema = z.object({
  byStage: z.array(z.object({ stage: VolunteerStageSchema, count: z.number().int() })),
  /** Per region (`''` where none was given), the candidates at each stage. */
  byRegion: z.array(z.object({ region: z.string(), stage: VolunteerStageSchema, count: z.number().int() })),
});
export type VolunteerCounts = z.infer<typeof VolunteerCountsSchema>;

const READERS = [...DESK, ...DEPUTY] as const;

export const volunteerMethods = {
  'volunteers.candidate': method({
    summary: 'A contact’s volunteer candidacy (its stage, steps and consent), or null',
    access: READERS,
    kind: 'read',
    input: z.object({ contactId: IdSchema }),
    output: VolunteerCandidateSchema.nullable(),
  }),
  'volunteers.list': method({
    summary: 'Volunteer candidates at a stage (all when none is given), the newest step first',
    access: READERS,
    kind: 'read',
    input: z.object({
      stage: VolunteerStageSchema.optional(),
      limit: z.number().int().min(1).max(1000).default(500),
    }),
    output: z.array(VolunteerRowSchema),
  }),
  'volunteers.move': method({
    summary:
      'Move a candidate to the next stage: checked, an interview (its date and time), accepted, declined',
    access: DESK,
    kind: 'write',
    input: z.object({
      id: IdSchema,
      stage: VolunteerStageSchema,
      /** For `interview`: when, in the office's time zone. */
      interviewAt: LocalDateTimeSchema.optional(),
      /** For `declined`: why. */
      reason: Text(500).optional(),
      version: z.string().min(1),
    }),
    output: VolunteerCandidateSchema,
  }),
  'volunteers.counts': method({
    summary: 'Volunteer candidates by stage and region: the office’s own, or (HQ) every office’s',
    access: 'signed_in',
    kind: 'read',
    input: z.object({ officeIds: z.array(IdSchema).min(1).max(200).optional() }),
    output: VolunteerCountsSchema,
  }),
  'volunteers.settings': method({
    summary: 'Who coordinates volunteers in the office (null: the office head)',
    access: READERS,
    kind: 'read',
    input: z.object({}),
    output: z.object({ coordinatorId: IdSchema.nullable() }),
  }),
  'volunteers.updateSettings': method({
    summary: 'Name the office’s volunteer coordinator (null: the office head)',
    access: ['office_head', 'admin'],
    kind: 'write',
    input: z.object({ coordinatorId: IdSchema.nullable() }),
    output: z.object({ coordinatorId: IdSchema.nullable() }),
  }),
} as const;
