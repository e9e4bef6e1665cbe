import { z } from 'zod';
import { method } from './define';
import { IdSchema } from './common';

const Value = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const SyncStatusSchema = z.object({
  enrolled: z.boolean(),
  hqUrl: z.string().nullable(),
  lastSyncAt: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  /** The last failure in plain words (null after a sync that went through). */
  lastError: z.string().nullable(),
  /** Changes HQ has not acknowledged yet. */
  pending: z.number().int(),
  /** Attachments' files this computer holds and has not sent to HQ yet. */
  filesToSend: z.number().int(),
  /** Attachments of the office whose files have not reached this computer yet. */
  filesToFetch: z.number().int(),
  /** HQ's clock minus this computer's at the last sync, ms. */
  driftMs: z.number().nullable(),
  /** Set when the drift is beyond the limit: what to tell the user. */
  driftWarning: z.string().nullable(),
  intervalMinutes: z.number().int(),
  driftLimitMinutes: z.number(),
  openConflicts: z.number().int(),
  /** This computer's desk number (АРМ in registration numbers); null until a joined computer holds one. */
  desk: z.number().int().nullable(),
  /** The desks of the office this computer knows of. */
  desks: z.number().int(),
});
export type SyncStatus = z.infer<typeof SyncStatusSchema>;

export const SyncConflictSchema = z.object({
  id: z.string(),
  table: z.string(),
  rowId: IdSchema,
  field: z.string(),
  keptValue: Value,
  lostValue: Value,
  detectedAt: z.string(),
  resolvedAt: z.string().nullable(),
  resolution: z.enum(['kept', 'restored']).nullable(),
});
export type SyncConflictView = z.infer<typeof SyncConflictSchema>;

const Outcome = z.object({
  ok: z.boolean(),
  sent: z.number().int(),
  received: z.number().int(),
  conflicts: z.number().int(),
  error: z.string().nullable(),
});

const OfficeStaff = ['assistant', 'deputy', 'office_head', 'admin'] as const;

export const syncMethods = {
  'sync.status': method({
    summary: 'Sync with HQ: last sync, pending changes, the last error in plain words, clock drift',
    access: 'signed_in',
    kind: 'read',
    input: z.object({}),
    output: SyncStatusSchema,
  }),
  'sync.enrol': method({
    summary: 'Connect the office to HQ with the enrolment code HQ gave',
    access: ['admin'],
    kind: 'write',
    input: z.object({ url: z.url({ protocol: /^https?$/ }), code: z.string().trim().min(6).max(64) }),
    output: SyncStatusSchema,
  }),
  'sync.now': method({
    summary: 'Sync with HQ now: send what HQ lacks, take what HQ holds for the office',
    access: OfficeStaff,
    kind: 'write',
    input: z.object({}),
    output: Outcome,
  }),
  'sync.settings': method({
    summary: 'How often to sync by itself (0: only by hand) and the clock drift to report',
    access: ['admin', 'office_head'],
    kind: 'write',
    input: z.object({
      intervalMinutes: z.number().int().min(0).max(1440),
      driftLimitMinutes: z
        .number()
        .min(1)
        .max(24 * 60),
    }),
    output: SyncStatusSchema,
  }),
  'sync.conflicts': method({
    summary: 'Values a merge replaced, with both values; open first',
    access: 'signed_in',
    kind: 'read',
    input: z.object({ limit: z.number().int().min(1).max(500).default(100) }),
    output: z.array(SyncConflictSchema),
  }),
  'sync.resolve': method({
    summary: 'Keep the merged value, or put the replaced one back (a new edit that syncs as any other)',
    access: OfficeStaff,
    kind: 'write',
    input: z.object({ id: z.string().min(1).max(64), choice: z.enum(['kept', 'restored']) }),
    output: SyncConflictSchema,
  }),
  'sync.exportBundle': method({
    summary:
      'A signed bundle with everything HQ lacks, for a USB stick (nothing is cleared until HQ answers)',
    access: OfficeStaff,
    // It folds the change log into the sync states first: bookkeeping, but a write.
    kind: 'write',
    input: z.object({}),
    output: z.object({ bundle: z.string() }),
  }),
  'sync.importBundle': method({
    summary: 'Take HQ’s signed answer bundle: checked, then merged as an HTTP sync would be',
    access: OfficeStaff,
    kind: 'write',
    input: z.object({ bundle: z.string().min(2) }),
    output: Outcome,
  }),
} as const;
