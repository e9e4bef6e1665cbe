import { z } from 'zod';
import { method } from './define';
import { InstantSchema, IsoDateSchema } from './common';

/** Who may see, make and restore backups: restoring replaces the whole office's data. */
const BACKUP_ROLES = ['office_head', 'admin'] as const;

export const BACKUP_KINDS = ['scheduled', 'manual', 'before_restore'] as const;

/** A backup's folder name as the list gives it (never a path: a restore names one of the listed). */
export const BackupNameSchema = z
  .string()
  .max(80)
  .regex(/^priemnaya-\d{4}-\d{2}-\d{2}_\d{6}(-\d+)?$/, 'not a backup of this list');

export const BackupSchema = z.object({
  name: BackupNameSchema,
  kind: z.enum(BACKUP_KINDS),
  createdAt: InstantSchema,
  localDate: IsoDateSchema,
  officeName: z.string(),
  schemaVersion: z.number().int(),
  /** Bytes: the database and the attached files. */
  size: z.number().int(),
  files: z.number().int(),
  /** Attached files this computer did not hold when the backup was made (attached on another one). */
  missingFiles: z.number().int(),
});
export type Backup = z.infer<typeof BackupSchema>;

export const BackupOverviewSchema = z.object({
  /** This computer's backup folder; null until the office chooses one (then nothing is backed up). */
  folder: z.string().nullable(),
  lastError: z.object({ at: InstantSchema, message: z.string() }).nullable(),
  keep: z.object({ daily: z.number().int(), weekly: z.number().int(), monthly: z.number().int() }),
  backups: z.array(BackupSchema),
});

export const backupMethods = {
  'backups.overview': method({
    summary: "This computer's backup folder and the office's backups in it, newest first",
    access: BACKUP_ROLES,
    kind: 'read',
    input: z.object({}).strict(),
    output: BackupOverviewSchema,
  }),
  'backups.setFolder': method({
    summary:
      'Choose the folder daily backups go to on this computer (a second disk, a network share); null stops them',
    access: BACKUP_ROLES,
    kind: 'write',
    input: z.object({ folder: z.string().trim().min(1).max(1000).nullable() }).strict(),
    output: BackupOverviewSchema,
  }),
  'backups.run': method({
    summary: 'Make a backup now (database and attached files), verify it and rotate the folder',
    access: BACKUP_ROLES,
    kind: 'write',
    input: z.object({}).strict(),
    output: z.object({ backup: BackupSchema, removed: z.array(z.string()), ms: z.number().int() }),
  }),
  'backups.restore': method({
    summary:
      'Restore a listed backup over the office: it is verified, the current state is backed up first, then replaced',
    access: BACKUP_ROLES,
    kind: 'write',
    input: z.object({ name: BackupNameSchema }).strict(),
    output: z.object({ restored: BackupNameSchema, before: BackupNameSchema }),
  }),
} as const;
