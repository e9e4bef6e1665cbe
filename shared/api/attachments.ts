import { z } from 'zod';
import { method } from './define';
import { IdSchema, InstantSchema, RequiredText } from './common';
import { DEPUTY, DESK } from '../domain/workflow/appeal';

/** What an office keeps: scans, photos, Word documents and plain text; nothing executable. */
export const ATTACHMENT_MIMES = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/tiff',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/msword',
  'text/plain',
] as const;
export const AttachmentMimeSchema = z.enum(ATTACHMENT_MIMES, { message: 'this file type is not accepted' });
export type AttachmentMime = z.infer<typeof AttachmentMimeSchema>;

/** A file's decoded size limit; the HTTP body limit of `attachments.add` is set from it. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
const MAX_BASE64_CHARS = Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4;

/** Bytes a base64 text decodes to, without decoding it. */
export function base64Size(b64: string): number {
  const padding = b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0;
  return (b64.length / 4) * 3 - padding;
}

/** A file name as shown and offered on download: never a path, so it cannot point elsewhere on disk. */
export const AttachmentNameSchema = RequiredText(200).refine(
  (s) => !/[/\\\0]/.test(s) && s !== '.' && s !== '..',
  { message: 'a file name without path separators' },
);

const Base64Schema = z
  .string()
  .max(MAX_BASE64_CHARS, { message: `larger than ${MAX_ATTACHMENT_BYTES} bytes` })
  .regex(/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/, { message: 'not base64' });

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
