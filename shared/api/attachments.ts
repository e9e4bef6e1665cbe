import { z } from 'zod';
import { method } from './define';
import { IdSchema, InstantSchema, RequiredText } from './common';
import { DEPUTY, DESK } from '../domain/workflow/appeal';

/** What an office keeps: scans, photos, Word and OpenDocument texts and plain text; nothing executable. */
export const ATTACHMENT_MIMES = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/tiff',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/msword',
  'application/vnd.oasis.opendocument.text',
  'text/plain',
] as const;
export const AttachmentMimeSchema = z.enum(ATTACHMENT_MIMES, { message: 'this file type is not accepted' });
export type AttachmentMime = z.infer<typeof AttachmentMimeSchema>;

/** The extensions of each accepted type, the usual one first. */
const EXTENSIONS: Readonly<Record<AttachmentMime, readonly string[]>> = {
  'application/pdf': ['pdf'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
  'image/tiff': ['tif', 'tiff'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/msword': ['doc'],
  'application/vnd.oasis.opendocument.text': ['odt'],
  'text/plain': ['txt'],
};

/** The accepted type a file's name says by its extension (`скан.PDF` → PDF); null for any other. */
export function mimeByExtension(name: string): AttachmentMime | null {
  const ext = /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase();
  if (!ext) return null;
  return (Object.keys(EXTENSIONS) as AttachmentMime[]).find((m) => EXTENSIONS[m].includes(ext)) ?? null;
}

/**
 * The name a file is opened under on the desktop: the system picks the program by the extension, so an
 * attachment named «Скан обращения» (or «ответ.pdf» holding a PNG) gets its type's own added.
 */
export function nameForOpening(name: string, mime: string): string {
  const extensions = EXTENSIONS[mime as AttachmentMime];
  if (!extensions) return name;
  const ext = /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase();
  return ext && extensions.includes(ext) ? name : `${name}.${extensions[0]}`;
}

/** A file's decoded size limit; the HTTP body limit of `attachments.add` is set from it. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
const MAX_BASE64_CHARS = Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4;

/** Bytes a base64 text decodes to, without decoding it. */
export function base64Size(b64: string): number {
  const padding = b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0;
  return (b64.length / 4) * 3 - padding;
}

/** Characters that turn text's direction around: «отчёт<U+202E>fdp.exe» shows as «отчётexe.pdf». */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
/** Names Windows keeps for devices, whatever the extension (`con.pdf` opens the console, not a file). */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\.|$)/i;

/**
 * Why a name cannot be a file name on every desk (Windows included), or null. Used by the contract and by
 * the desktop shell before it writes a file to open.
 */
export function fileNameProblem(s: string): string | null {
  if (/[/\\]/.test(s) || s === '.' || s === '..') return 'a file name without path separators';
  if (BIDI_CONTROLS.test(s)) return 'a file name without direction-control characters';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f<>:"|?*]/.test(s) || /[. ]$/.test(s) || WINDOWS_RESERVED.test(s.trimStart()))
    return 'a file name Windows can keep';
  return null;
}

/** A file name as shown and offered on download: never a path, so it cannot point elsewhere on disk. */
export const AttachmentNameSchema = RequiredText(200).superRefine((s, ctx) => {
  const problem = fileNameProblem(s);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

/**
 * Base64 as the API carries it, checked in one pass. A regular expression that repeats a group once per
 * four characters overflowed V8's stack from some 3.5 MiB of file; this check keeps no stack at all.
 */
export function isBase64(b64: string): boolean {
  if (b64.length % 4 !== 0) return false;
  const body = b64.endsWith('==') ? b64.slice(0, -2) : b64.endsWith('=') ? b64.slice(0, -1) : b64;
  return !/[^A-Za-z0-9+/]/.test(body);
}

export const Base64Schema = z
  .string()
  .min(1, { message: 'the file is empty' })
  .max(MAX_BASE64_CHARS, { message: `larger than ${MAX_ATTACHMENT_BYTES} bytes` })
  .refine(isBase64, { message: 'not base64' });

export const AttachmentSchema = z.object({
  id: IdSchema,
  appealId: IdSchema,
  /** The request whose answer this file is; null for the appeal's own files. */
  requestId: IdSchema.nullable(),
  name: z.string(),
  mime: AttachmentMimeSchema,
  size: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  createdAt: InstantSchema,
});
export type Attachment = z.infer<typeof AttachmentSchema>;

export const attachmentMethods = {
  'attachments.add': method({
    summary: 'Attach a file to an appeal, or to the answer of one of its requests',
    access: [...DESK, ...DEPUTY],
    kind: 'write',
    input: z.object({
      appealId: IdSchema,
      requestId: IdSchema.nullable().optional(),
      name: AttachmentNameSchema,
      mime: AttachmentMimeSchema,
      dataBase64: Base64Schema,
    }),
    output: AttachmentSchema,
  }),
  'attachments.list': method({
    summary: 'The files of an appeal and of its requests’ answers, oldest first',
    access: 'signed_in',
    kind: 'read',
    input: z.object({ appealId: IdSchema }),
    output: z.array(AttachmentSchema),
  }),
  'attachments.get': method({
    summary: 'One file with its content, checked against its hash',
    access: 'signed_in',
    kind: 'read',
    input: z.object({ id: IdSchema }),
    output: AttachmentSchema.extend({ dataBase64: z.string() }),
  }),
} as const;
