import { z } from 'zod';

/**
 * The sync protocol between an office and HQ, the same over HTTP and in a bundle file. A row travels
 * as its whole state with a clock per field (state-based: merging the same state twice, or two states
 * in either order, gives the same result), so a batch is idempotent and may be replayed or reordered.
 */

export const PROTOCOL_VERSION = 1;
const HLC_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z-[0-9a-f]{4}-[0-9a-f]{16}$/;
export const HlcSchema = z.string().regex(HLC_RE);
const Id = z.string().min(1).max(64);
const Json = z.union([z.string(), z.number(), z.boolean(), z.null()]);
type Json = z.infer<typeof Json>;

/** A row's values are flat (SQLite columns): checked in one loop, a batch has 5,000 rows of 50 fields. */
function isFlatRecord(v: unknown): v is Record<string, Json> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  for (const x of Object.values(v)) {
    const t = typeof x;
    if (x !== null && t !== 'string' && t !== 'boolean' && !(t === 'number' && Number.isFinite(x)))
      return false;
  }
  return true;
}
const FlatRecord = z.custom<Record<string, Json>>(
  isFlatRecord,
  'values must be strings, numbers, booleans or null',
);

/** One row: table, id, owning office, the newest field clock, the values, and the exceptions. */
export const RowStateSchema = z.object({
  t: z.string().min(1).max(64),
  id: Id,
  o: Id,
  h: HlcSchema,
  d: FlatRecord,
  /** Fields whose clock is not `h`. */
  c: z.record(z.string(), HlcSchema).optional(),
  /** Per field, the newest clock its writer had seen from other nodes (absent: none). */
  b: z.record(z.string(), HlcSchema).optional(),
});
export type RowState = z.infer<typeof RowStateSchema>;

/** A merge that dropped a value: both values and their clocks; `id` is derived from what was lost. */
export const ConflictSchema = z.object({
  id: Id,
  o: Id,
  t: z.string().min(1).max(64),
  r: Id,
  f: z.string().min(1).max(64),
  keptValue: Json,
  keptHlc: HlcSchema,
  lostValue: Json,
  lostHlc: HlcSchema,
  detectedAt: z.string(),
  resolvedAt: z.string().nullable(),
  resolution: z.enum(['kept', 'restored']).nullable(),
});
export type Conflict = z.infer<typeof ConflictSchema>;

export const MAX_BATCH_ROWS = 5000;

export const PushRequestSchema = z.object({
  v: z.literal(PROTOCOL_VERSION),
  /** Unique per node and batch: HQ answers a replayed batch from its record without applying it again. */
  batchId: Id,
  /** The sender's wall clock, for the drift report. */
  now: z.string(),
  rows: z.array(RowStateSchema).max(MAX_BATCH_ROWS),
  conflicts: z.array(ConflictSchema).max(MAX_BATCH_ROWS),
});
export type PushRequest = z.infer<typeof PushRequestSchema>;

/**
 * Attachments' files. Rows carry an attachment's record only; the computer it was attached on sends the
 * file to HQ after a sync, and the office's other computers (and HQ's analyst view) fetch it from there.
 * HQ keeps each office's files apart: a computer sends and fetches its own office's only.
 */
const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, { message: 'expected a SHA-256 in hex' });
export const FilePutSchema = z.object({
  v: z.literal(PROTOCOL_VERSION),
  sha256: Sha256,
  dataBase64: z.string(),
});
export type FilePut = z.infer<typeof FilePutSchema>;
export const FileGetSchema = z.object({ v: z.literal(PROTOCOL_VERSION), sha256: Sha256 });
export const FileGetResponseSchema = z.object({ dataBase64: z.string().nullable() });

export const PushResponseSchema = z.object({
  applied: z.number().int(),
  replayed: z.boolean(),
  hqNow: z.string(),
});
export type PushResponse = z.infer<typeof PushResponseSchema>;

export const PullRequestSchema = z.object({
  v: z.literal(PROTOCOL_VERSION),
  /** HQ's change sequence the office has applied up to. */
  cursor: z.number().int().min(0),
  limit: z.number().int().min(1).max(MAX_BATCH_ROWS).default(2000),
});
export type PullRequest = z.infer<typeof PullRequestSchema>;

export const PullResponseSchema = z.object({
  rows: z.array(RowStateSchema),
  conflicts: z.array(ConflictSchema),
  cursor: z.number().int(),
  more: z.boolean(),
  hqNow: z.string(),
});
export type PullResponse = z.infer<typeof PullResponseSchema>;

export const EnrolRequestSchema = z.object({
  v: z.literal(PROTOCOL_VERSION),
  code: z.string().min(6).max(64),
  officeId: Id,
  officeCode: z.string().min(1).max(32),
  officeName: z.string().min(1).max(500),
  node: z.string().regex(/^[0-9a-f]{16}$/),
  /** The node's Ed25519 public key (SPKI, base64): HQ checks the node's bundles with it. */
  publicKey: z.string().min(1).max(500),
  /** The node's current sync token, when a computer HQ knows enrols again (a node id alone is public). */
  token: z.string().min(1).max(200).optional(),
});
export type EnrolRequest = z.infer<typeof EnrolRequestSchema>;

export const EnrolResponseSchema = z.object({
  token: z.string(),
  hqOfficeId: Id,
  /** HQ's Ed25519 public key, for the bundles HQ writes back. */
  hqPublicKey: z.string(),
});
export type EnrolResponse = z.infer<typeof EnrolResponseSchema>;

/** A bundle file: one direction's batch, signed by its writer (Ed25519 over `payload` as written). */
export const BundleSchema = z.object({
  format: z.literal('priemnaya-sync-bundle'),
  v: z.literal(PROTOCOL_VERSION),
  /** The office the bundle is from or for, and the writing node ('hq' for HQ). */
  officeId: Id,
  from: z.string(),
  /** JSON text, signed as it stands, so no re-serialisation can change what was signed. */
  payload: z.string(),
  signature: z.string(),
});
export type Bundle = z.infer<typeof BundleSchema>;

const BundleFileSchema = z.object({ sha256: Sha256, dataBase64: z.string() });

/** An office bundle's files: those not sent yet (up to the attachment `upTo`), and those it lacks. */
export const BundleFilesRequestSchema = z.object({
  upTo: z.number().int().min(0),
  /** The same for the other tables naming files (a поручение's, a наказ's), by table. */
  more: z.record(z.string(), z.number().int().min(0)).optional(),
  items: z.array(BundleFileSchema),
  wanted: z.array(Sha256).max(5000),
});
export type BundleFilesRequest = z.infer<typeof BundleFilesRequestSchema>;

/** HQ's answer: the office's files taken (up to `upTo`), and those of the wanted ones HQ holds. */
export const BundleFilesAnswerSchema = z.object({
  upTo: z.number().int().min(0),
  more: z.record(z.string(), z.number().int().min(0)).optional(),
  items: z.array(BundleFileSchema),
});
export type BundleFilesAnswer = z.infer<typeof BundleFilesAnswerSchema>;

export const OfficeBundlePayloadSchema = z.object({
  kind: z.literal('office'),
  node: z.string(),
  /** Everything HQ has not acknowledged, in batches as over HTTP. */
  pushes: z.array(PushRequestSchema),
  /** Where HQ's answer bundle should start. */
  cursor: z.number().int().min(0),
  /** Attachments' files (absent in bundles written before files travelled). */
  files: BundleFilesRequestSchema.optional(),
});
export type OfficeBundlePayload = z.infer<typeof OfficeBundlePayloadSchema>;

/** What HQ took from an office bundle: the office clears exactly these states (a later edit stays pending). */
export const AcknowledgementSchema = z.object({
  rows: z.array(
    z.object({ t: z.string(), id: Id, h: HlcSchema, b: z.record(z.string(), HlcSchema).optional() }),
  ),
  conflicts: z.array(z.object({ id: Id, resolvedAt: z.string().nullable() })),
});

export const HqBundlePayloadSchema = z.object({
  kind: z.literal('hq'),
  node: z.string(),
  acknowledges: AcknowledgementSchema,
  /** HQ's answer from the office's cursor, page by page as over HTTP. */
  pulls: z.array(PullResponseSchema),
  files: BundleFilesAnswerSchema.optional(),
});
export type HqBundlePayload = z.infer<typeof HqBundlePayloadSchema>;

/**
 * HQ-wide reference data an office receives besides its own rows: the directory of bodies, letter
 * templates, the calendar, event kinds and checklists, contact statuses.
 */
export const SHARED_TABLES = [
  'calendar_years',
  'bodies',
  'letter_templates',
  'event_kinds',
  'checklist_templates',
  'contact_statuses',
] as const;

/** A row state as both ends store it: values and exceptions as JSON text. */
export interface RowStateRecord {
  table_name: string;
  row_id: string;
  office_id: string;
  hlc: string;
  data: string;
  clocks: string | null;
  bases: string | null;
}

export function stateFromRecord(r: RowStateRecord): RowState {
  const s: RowState = { t: r.table_name, id: r.row_id, o: r.office_id, h: r.hlc, d: JSON.parse(r.data) };
  if (r.clocks) s.c = JSON.parse(r.clocks);
  if (r.bases) s.b = JSON.parse(r.bases);
  return s;
}

/** A conflict as both ends store it: the values as JSON text. */
export interface ConflictRecord {
  id: string;
  office_id: string;
  table_name: string;
  row_id: string;
  field: string;
  kept_value: string | null;
  kept_hlc: string;
  lost_value: string | null;
  lost_hlc: string;
  detected_at: string;
  resolved_at: string | null;
  resolution: string | null;
}

export function conflictFromRecord(r: ConflictRecord): Conflict {
  return {
    id: r.id,
    o: r.office_id,
    t: r.table_name,
    r: r.row_id,
    f: r.field,
    keptValue: r.kept_value === null ? null : JSON.parse(r.kept_value),
    keptHlc: r.kept_hlc,
    lostValue: r.lost_value === null ? null : JSON.parse(r.lost_value),
    lostHlc: r.lost_hlc,
    detectedAt: r.detected_at,
    resolvedAt: r.resolved_at,
    resolution: r.resolution as Conflict['resolution'],
  };
}
