import type { AttachmentTable } from '../../../db/schema';
import type { WriteDb } from '../../../db/sql';
import type { AttachmentMime } from '../../../shared/api/attachments';
import type { IntakeItem } from '../../../shared/api/mail-intake';
import { insertSynced, newSyncColumns, type Stamp } from '../../kernel/bookkeeping';

/** A file of a taken message, kept by hash when the message was taken. */
export type StoredFile = IntakeItem['attachments'][number];

/** The files of a message become attachments of an appeal (and of one of its requests, when given). */
export function attachFiles(
  db: WriteDb,
  st: Stamp,
  officeId: string,
  to: { appealId: string; requestId: string | null },
  files: readonly StoredFile[],
): void {
  for (const f of files) {
    const row: AttachmentTable = {
      appeal_id: to.appealId,
      request_id: to.requestId,
      sha256: f.sha256,
      name: f.name,
      mime: f.mime as AttachmentMime,
      size: f.size,
      ...newSyncColumns(st, officeId),
    };
    insertSynced(db, 'attachments', row);
  }
}
