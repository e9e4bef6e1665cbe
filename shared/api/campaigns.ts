/**
 * Campaigns as funnels: a signature collection, a meeting or a survey, its stages named by the office, the
 * contacts taken into it (one by one, from a saved segment, from an import), each moved along the funnel;
 * the field team's tasks by stage, and the figures per campaign and per staff member, on screen and in XLSX.
 */
import { z } from 'zod';
import { method } from './define';
import { IdSchema, InstantSchema, IsoDateSchema, RequiredText, Text } from './common';
import { ImportOptionsSchema, ImportSourceSchema, ImportSummarySchema } from './contact-import';
import { DocFileSchema } from './documents';
import { DEPUTY, DESK } from '../domain/workflow/appeal';

export const CAMPAIGN_KINDS = ['signatures', 'meeting', 'survey'] as const;
export const CampaignKindSchema = z.enum(CAMPAIGN_KINDS);
export type CampaignKind = z.infer<typeof CampaignKindSchema>;

/** The task a campaign gives the field team for a member at a stage (a row of Задачи). */
export const CAMPAIGN_TASK_KINDS = ['campaign_contact'] as const;

/** Who runs campaigns: the desk; the deputy reads them. */
const RUNNERS = DESK;
const READERS = [...DESK, ...DEPUTY] as const;

/** A campaign may have this many stages at most (and two at least: a funnel goes somewhere). */
export const MAX_STAGES = 20;
const StageName = RequiredText(100);

const Dates = {
  startsOn: IsoDateSchema.nullable().optional(),
  endsOn: IsoDateSchema.nullable().optional(),
};
const endsAfterStart = (c: { startsOn?: string | null; endsOn?: string | null }): boolean =>
  !c.startsOn || !c.endsOn || c.endsOn >= c.startsOn;
const ENDS_AFTER_START = { message: 'the end is before the start', path: ['endsOn'] };

export const CampaignStageSchema = z.object({
  id: IdSchema,
  name: z.string(),
  position: z.number().int(),
  /** Contacts at this stage now. */
  count: z.number().int(),
});
export type CampaignStage = z.infer<typeof CampaignStageSchema>;

export const CampaignSchema = z.object({
  id: IdSchema,
  name: z.string(),
  kind: CampaignKindSchema,
  startsOn: IsoDateSchema.nullable(),
  endsOn: IsoDateSchema.nullable(),
  description: z.string().nullable(),
  stages: z.array(CampaignStageSchema),
  members: z.number().int(),
  version: z.string(),
});
export type Campaign = z.infer<typeof CampaignSchema>;

export const CampaignMemberSchema = z.object({
  id: IdSchema,
  contactId: IdSchema,
  fullName: z.string(),
  phones: z.array(z.string()),
  address: z.string().nullable(),
  stageId: IdSchema,
  movedAt: InstantSchema,
  movedByName: z.string().nullable(),
  /** Open tasks of the field team for this contact in this campaign. */
  openTasks: z.number().int(),
});
export type CampaignMember = z.infer<typeof CampaignMemberSchema>;

export const CampaignMoveSchema = z.object({
  id: IdSchema,
  at: InstantSchema,
  /** Null for the move that took the contact into the campaign. */
  fromStage: z.string().nullable(),
  toStage: z.string(),
  userName: z.string().nullable(),
});

const StageFigures = z.object({ stageId: IdSchema, name: z.string(), count: z.number().int() });

export const CampaignFiguresSchema = z.object({
  campaignId: IdSchema,
  name: z.string(),
  /** The office's week (Monday to Sunday in its time zone) «moved this week» counts. */
  week: z.object({ from: IsoDateSchema, to: IsoDateSchema }),
  stages: z.array(StageFigures.extend({ openTasks: z.number().int() })),
  total: z.number().int(),
  /** Contacts moved to another stage this week (each counted once). */
  movedThisWeek: z.number().int(),
  /**
   * Per staff member: the contacts at each stage whose stage he set last, and the contacts he moved this
   * week. Staff with neither are left out.
   */
  staff: z.array(
    z.object({
      userId: IdSchema.nullable(),
      name: z.string().nullable(),
      stages: z.array(z.object({ stageId: IdSchema, count: z.number().int() })),
      total: z.number().int(),
      movedThisWeek: z.number().int(),
    }),
  ),
});
export type CampaignFigures = z.infer<typeof CampaignFiguresSchema>;

const CampaignFields = z.object({
  name: RequiredText(200),
  kind: CampaignKindSchema,
  ...Dates,
  description: Text(4000).optional(),
});

const CampaignId = z.object({ campaignId: IdSchema });

export const campaignMethods = {
  'campaigns.list': method({
    summary: 'The office’s campaigns, the latest first, with their stages and counts',
    access: READERS,
    kind: 'read',
    input: z.object({}).strict(),
    output: z.array(CampaignSchema),
  }),
  'campaigns.get': method({
    summary: 'A campaign with its stages and the contacts at each',
    access: READERS,
    kind: 'read',
    input: z.object({ id: IdSchema }),
    output: CampaignSchema,
  }),
  'campaigns.create': method({
    summary: 'A new campaign; its stages default to the four of a signature collection',
    access: RUNNERS,
    kind: 'write',
    input: CampaignFields.extend({ stages: z.array(StageName).min(2).max(MAX_STAGES).optional() }).refine(
      endsAfterStart,
      ENDS_AFTER_START,
    ),
    output: CampaignSchema,
  }),
  'campaigns.update': method({
    summary:
      'Change a campaign and its stages: stages kept by id (renamed, reordered), new ones added, empty ones removed',
    access: RUNNERS,
    kind: 'write',
    input: CampaignFields.extend({
      id: IdSchema,
      version: z.string().min(1),
      stages: z
        .array(z.object({ id: IdSchema.optional(), name: StageName }))
        .min(2)
        .max(MAX_STAGES),
    }).refine(endsAfterStart, ENDS_AFTER_START),
    output: CampaignSchema,
  }),
  'campaigns.members': method({
    summary: 'A campaign’s contacts, at one stage or all, in the funnel’s order then by name',
    access: READERS,
    kind: 'read',
    input: CampaignId.extend({
      stageId: IdSchema.optional(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(1000).default(500),
    }),
    output: z.object({ rows: z.array(CampaignMemberSchema), total: z.number().int() }),
  }),
  'campaigns.addContacts': method({
    summary: 'Take contacts into a campaign at its first stage: given ones, or a saved segment’s members',
    access: RUNNERS,
    kind: 'write',
    input: CampaignId.extend({
      contactIds: z.array(IdSchema).min(1).max(1000).optional(),
      segmentId: IdSchema.optional(),
    }),
    output: z.object({ added: z.number().int(), already: z.number().int(), members: z.number().int() }),
  }),
  'campaigns.import': method({
    summary: 'Import a contact file with the campaign as its source; every contact of the file joins it',
    access: RUNNERS,
    kind: 'write',
    input: CampaignId.extend({ source: ImportSourceSchema, options: ImportOptionsSchema.prefault({}) }),
    output: ImportSummarySchema.extend({ added: z.number().int(), already: z.number().int() }),
  }),
  'campaigns.move': method({
    summary: 'Move a contact of a campaign to the next or previous stage, or to a named one',
    access: RUNNERS,
    kind: 'write',
    input: z.object({
      memberId: IdSchema,
      step: z.enum(['next', 'previous']).optional(),
      stageId: IdSchema.optional(),
    }),
    output: CampaignMemberSchema,
  }),
  'campaigns.history': method({
    summary: 'A campaign contact’s moves, who made each and when, the first first',
    access: READERS,
    kind: 'read',
    input: z.object({ memberId: IdSchema }),
    output: z.array(CampaignMoveSchema),
  }),
  'campaigns.createTasks': method({
    summary: 'A task for the chosen staff member for each contact at a stage (none twice while one is open)',
    access: RUNNERS,
    kind: 'write',
    input: CampaignId.extend({
      stageId: IdSchema,
      assigneeId: IdSchema,
      title: RequiredText(200),
      dueDate: IsoDateSchema.nullable().optional(),
    }),
    output: z.object({ created: z.number().int(), skipped: z.number().int() }),
  }),
  'campaigns.figures': method({
    summary: 'A campaign’s figures: contacts at each stage, moved this week, per staff member',
    access: READERS,
    kind: 'read',
    input: CampaignId,
    output: CampaignFiguresSchema,
  }),
  'campaigns.figuresXlsx': method({
    summary: 'A campaign’s figures as an XLSX workbook',
    access: READERS,
    kind: 'read',
    input: CampaignId,
    output: DocFileSchema,
  }),
} as const;
