import { z } from 'zod';
import { method } from './define';
import { RegisterAppealSchema } from './appeals';
import { AttachmentMimeSchema } from './attachments';
import { IdSchema, InstantSchema } from './common';

/**
 * Applications from the public web reception at HQ, as the office's sync brings them: the desk sees
 * them waiting, registers one as an appeal in one step (channel «интернет-приёмная»), or sets it aside
 * with a reason. What the office did travels back to HQ and the citizen's status page.
 */

/** Who works the applications: whoever registers appeals. */
const DESK = ['assistant', 'office_head', 'admin'] as const;

export const WEB_APPLICATION_STATES = ['new', 'registered', 'rejected'] as const;
export const WebApplicationStateSchema = z.enum(WEB_APPLICATION_STATES);

export const WEB_DISMISS_REASONS = ['spam', 'duplicate', 'not_appeal', 'other'] as const;
export const WebDismissReasonSchema = z.enum(WEB_DISMISS_REASONS);

export const WebApplicationSchema = z.object({
  id: IdSchema,
  kind: z.enum(['appeal', 'volunteer']),
  surname: z.string(),
  firstName: z.string(),
  patronymic: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  postalAddress: z.string().nullable(),
  region: z.string().nullable(),
  district: z.string().nullable(),
  settlement: z.string().nullable(),
  text: z.string(),
  source: z.string().nullable(),
  consentVersion: z.string(),
  consentText: z.string(),
  submittedAt: InstantSchema,
  confirmedAt: InstantSchema,
  confirmedBy: z.enum(['email', 'sms']),
  /** An earlier application of the same person with a similar text (HQ's flag), and what became of it. */
  repeatOf: z
    .object({ id: IdSchema, appealId: IdSchema.nullable(), regNumber: z.string().nullable() })
    .nullable(),
  state: WebApplicationStateSchema,
  appealId: IdSchema.nullable(),
  regNumber: z.string().nullable(),
  rejectedReason: z.string().nullable(),
  handledAt: InstantSchema.nullable(),
  /** The files attached on the form (their bytes come by the office's file sync). */
  attachments: z.array(
    z.object({
      name: z.string(),
      mime: AttachmentMimeSchema,
      size: z.number().int(),
      sha256: z.string(),
    }),
  ),
});
export type WebApplication = z.infer<typeof WebApplicationSchema>;

export const webApplicationMethods = {
  'web.applications': method({
    summary: 'Applications from the web reception, the waiting ones first, newest first',
    access: DESK,
    kind: 'read',
    input: z.object({
      state: WebApplicationStateSchema.optional(),
      limit: z.number().int().min(1).max(1000).default(200),
    }),
    output: z.object({ rows: z.array(WebApplicationSchema), waiting: z.number().int() }),
  }),
  'web.application': method({
    summary: 'One application with the registration it proposes',
    access: DESK,
    kind: 'read',
    input: z.object({ id: IdSchema }),
    output: z.object({ application: WebApplicationSchema, draft: RegisterAppealSchema }),
  }),
  'web.register': method({
    summary: 'Register an application of the web reception as an appeal and mark it registered',
    access: DESK,
    kind: 'write',
    input: z.object({
      id: IdSchema,
      /** The registration as the person edited it; absent: the one the application proposes, as is. */
      appeal: RegisterAppealSchema.optional(),
    }),
    output: z.object({ appealId: IdSchema, regNumber: z.string() }),
  }),
  'web.dismiss': method({
    summary: 'Set an application of the web reception aside as not an appeal, with the reason',
    access: DESK,
    kind: 'write',
    input: z.object({
      id: IdSchema,
      reason: WebDismissReasonSchema,
      note: z.string().trim().max(500).optional(),
    }),
    output: WebApplicationSchema,
  }),
} as const;
