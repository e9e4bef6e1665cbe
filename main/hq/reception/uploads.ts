import { createHash } from 'node:crypto';
import { fileNameProblem, type AttachmentMime } from '../../../shared/api/attachments';
import { webReceptionText as T } from '../../../shared/i18n/ru/web-reception';
import { contentMatches } from '../../attachments/signature';
import type { WebSettings } from './settings';

/**
 * Files a citizen attaches to the form. The limits on count and size are enforced while the post is
 * streamed (the transport stops keeping bytes past them and says which was passed); here each file kept
 * is checked by its name and by its content against the types HQ's settings allow, so a program renamed
 * `скан.pdf` is refused as surely as `скан.exe`.
 */

/** The types the form can allow, by the names HQ's settings use. */
export const RECEPTION_FILE_TYPES = ['pdf', 'jpeg', 'png', 'docx', 'odt', 'txt'] as const;
export type ReceptionFileType = (typeof RECEPTION_FILE_TYPES)[number];

const TYPES: Readonly<Record<ReceptionFileType, { mime: AttachmentMime; extensions: readonly string[] }>> = {
  pdf: { mime: 'application/pdf', extensions: ['pdf'] },
  jpeg: { mime: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
  png: { mime: 'image/png', extensions: ['png'] },
  docx: {
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
  },
  odt: { mime: 'application/vnd.oasis.opendocument.text', extensions: ['odt'] },
  txt: { mime: 'text/plain', extensions: ['txt'] },
};

/** The `accept` attribute of the form's file input: the allowed extensions. */
export function acceptOf(types: readonly ReceptionFileType[]): string {
  return types.flatMap((t) => TYPES[t].extensions.map((x) => `.${x}`)).join(',');
}

/** The allowed extensions as the citizen reads them: «PDF, JPG, PNG». */
export function typesLabel(types: readonly ReceptionFileType[]): string {
  return types.map((t) => TYPES[t].extensions[0]!.toUpperCase()).join(', ');
}

/** A limit the stream passed: one file too many, one file too big, all of them too big together. */
export type UploadProblem = { kind: 'count' } | { kind: 'size'; name: string } | { kind: 'total' };

/** A file as the post brought it, with the first limit the post passed, if any. */
export interface Upload {
  name: string;
  data: Buffer;
}
export interface Uploads {
  files: Upload[];
  problem: UploadProblem | null;
}
export const NO_UPLOADS: Uploads = { files: [], problem: null };

/** A file accepted: what HQ keeps with the application until its office takes it. */
export interface AcceptedFile {
  name: string;
  mime: AttachmentMime;
  size: number;
  sha256: string;
  data: Buffer;
}

/** Megabytes as the citizen reads them: «10 МБ», «2,5 МБ». */
export function megabytes(bytes: number): string {
  const mb = Math.round((bytes / (1024 * 1024)) * 10) / 10;
  return `${mb.toLocaleString('ru-RU')} МБ`;
}

/** The file's name as kept: the last part of whatever path the browser sent, trimmed, at most 200 characters. */
function cleanName(raw: string): string {
  const last = raw.split(/[/\\]/).pop() ?? '';
  return last.normalize('NFC').trim().slice(-200);
}

/** The files accepted, or the message for the form's file field (the first problem found). */
export function readUploads(
  up: Uploads,
  settings: WebSettings,
): { ok: true; files: AcceptedFile[] } | { ok: false; error: string } {
  const E = T.errors.files;
  if (up.problem?.kind === 'count') return { ok: false, error: E.count(settings.maxFiles) };
  if (up.problem?.kind === 'size')
    return { ok: false, error: E.size(cleanName(up.problem.name), megabytes(settings.maxFileBytes)) };
  if (up.problem?.kind === 'total') return { ok: false, error: E.total(megabytes(settings.maxTotalBytes)) };
  const allowed = settings.fileTypes;
  const files: AcceptedFile[] = [];
  for (const f of up.files) {
    const name = cleanName(f.name);
    if (name === '' || fileNameProblem(name)) return { ok: false, error: E.name(name) };
    const ext = /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
    const type = allowed.find((t) => TYPES[t].extensions.includes(ext));
    if (!type) return { ok: false, error: E.type(name, typesLabel(allowed)) };
    if (f.data.length === 0) return { ok: false, error: E.empty(name) };
    const mime = TYPES[type].mime;
    if (!contentMatches(mime, f.data)) return { ok: false, error: E.content(name, typesLabel([type])) };
    files.push({
      name,
      mime,
      size: f.data.length,
      sha256: createHash('sha256').update(f.data).digest('hex'),
      data: f.data,
    });
  }
  return { ok: true, files };
}
