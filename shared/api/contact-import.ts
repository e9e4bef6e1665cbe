/** The contract's shapes of a contact import: column targets, options, rejected rows, the summary, jobs. */
import { z } from 'zod';
import { IdSchema, Text } from './common';

/** Where a column of the file goes. Several columns may hold phones, statuses or tags. */
export const IMPORT_TARGETS = [
  'skip',
  'fullName',
  'lastName',
  'firstName',
  'middleName',
  'phone',
  'email',
  'address',
  'region',
  'district',
  'settlement',
  'street',
  'house',
  'flat',
  'birthDate',
  'socialCategory',
  'statuses',
  'tags',
  'source',
  'comment',
] as const;
export const ImportTargetSchema = z.enum(IMPORT_TARGETS);
export type ImportTarget = z.infer<typeof ImportTargetSchema>;

/** A column that goes to one of the office's own fields: `field:<the field's id>`. */
export const FIELD_TARGET_PREFIX = 'field:';
export type FieldTarget = `field:${string}`;
export const FieldTargetSchema = z.custom<FieldTarget>(
  (v) =>
    typeof v === 'string' && /^field:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(v),
  { message: 'not a target: a field of the base or field:<id>' },
);
/** Where a column goes: a field of the base, or one of the office's own. */
export const ImportColumnSchema = z.union([ImportTargetSchema, FieldTargetSchema]);
export type ImportColumn = ImportTarget | FieldTarget;
export const isFieldTarget = (t: ImportColumn): t is FieldTarget => t.startsWith(FIELD_TARGET_PREFIX);

export const ImportOptionsSchema = z.object({
  encoding: z.enum(['auto', 'utf-8', 'cp1251']).default('auto'),
  delimiter: z.enum(['auto', ';', ',', '\t']).default('auto'),
  /** Column index → target; when left out, the mapping remembered for this layout or guessed from headers. */
  mapping: z.array(ImportColumnSchema).max(200).optional(),
  /** The source written on contacts this import creates, e.g. the campaign's name. */
  source: Text(200).optional(),
});
export type ImportOptions = z.input<typeof ImportOptionsSchema>;

/** A file uploaded for import (browser and desktop), or a path on this computer (the CLI only). */
export const ImportSourceSchema = z.union([
  z.object({ uploadId: IdSchema }),
  z.object({ path: z.string().min(1).max(4000) }),
]);

export const REJECT_REASONS = [
  'no_surname',
  'broken_quotes',
  'too_many_columns',
  'bad_phone',
  'bad_email',
  'bad_date',
  'bad_field',
  'no_contact_data',
  'missing_field',
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

export const RejectedRowSchema = z.object({
  /** The row's number in the file as a spreadsheet shows it (the header is row 1). */
  line: z.number().int(),
  reason: z.enum(REJECT_REASONS),
  /** The office's field the reason is about (a required field left empty): its name. */
  field: z.string().optional(),
  values: z.array(z.string()),
});
export type RejectedRow = z.infer<typeof RejectedRowSchema>;

export const ImportSummarySchema = z.object({
  dryRun: z.boolean(),
  cancelled: z.boolean(),
  format: z.enum(['csv', 'xlsx']),
  encoding: z.enum(['utf-8', 'cp1251']).nullable(),
  delimiter: z.string().nullable(),
  /** Data rows read (the header not counted). Always created + merged + unchanged + skipped. */
  rows: z.number().int(),
  created: z.number().int(),
  /** Matched a contact (in the base or earlier in the file) and added something to it. */
  merged: z.number().int(),
  /** Matched a contact and added nothing: a re-import of the same data. */
  unchanged: z.number().int(),
  skipped: z.number().int(),
  skippedBy: z.record(z.string(), z.number().int()),
  /** The first rejected rows; all of them are in `rejectedCsvBase64`. */
  rejected: z.array(RejectedRowSchema),
  rejectedCsvBase64: z.string().nullable(),
});
export type ImportSummary = z.infer<typeof ImportSummarySchema>;

export const ImportPreviewSchema = z.object({
  format: z.enum(['csv', 'xlsx']),
  encoding: z.enum(['utf-8', 'cp1251']).nullable(),
  delimiter: z.string().nullable(),
  headers: z.array(z.string()),
  mapping: z.array(ImportColumnSchema),
  /** Whether the mapping came from an earlier import of a file with the same columns. */
  remembered: z.boolean(),
  rows: z.array(
    z.object({
      line: z.number().int(),
      values: z.array(z.string()),
      /** What the row becomes: the normalised values, or why it is skipped. */
      normalized: z.record(z.string(), z.string()).nullable(),
      reason: z.string().nullable(),
    }),
  ),
});
export type ImportPreview = z.infer<typeof ImportPreviewSchema>;

export const ImportJobSchema = z.object({
  jobId: IdSchema,
  state: z.enum(['running', 'done', 'failed']),
  rows: z.number().int(),
  bytes: z.number().int(),
  totalBytes: z.number().int(),
  summary: ImportSummarySchema.nullable(),
  error: z.string().nullable(),
});
export type ImportJob = z.infer<typeof ImportJobSchema>;

/** Uploads for import: a cp1251 CSV of ~250k rows fits; bigger files go through `import-contacts`. */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;
