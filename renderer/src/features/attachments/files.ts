import {
  ATTACHMENT_MIMES,
  MAX_ATTACHMENT_BYTES,
  nameForOpening,
  type AttachmentMime,
} from '../../../../shared/api/attachments';
import { call } from '../../api/client';
import { attachmentsText } from '../../i18n';

/** Browsers leave `type` empty for some files (and Windows for .docx without Office): the extension decides then. */
const BY_EXTENSION: Readonly<Record<string, AttachmentMime>> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  doc: 'application/msword',
  odt: 'application/vnd.oasis.opendocument.text',
  txt: 'text/plain',
};

export function mimeOf(file: File): AttachmentMime | null {
  const declared = (ATTACHMENT_MIMES as readonly string[]).find((m) => m === file.type);
  if (declared) return declared as AttachmentMime;
  const ext = /\.([^.]+)$/.exec(file.name)?.[1]?.toLowerCase();
  return ext ? (BY_EXTENSION[ext] ?? null) : null;
}

export const tooLarge = (file: File): boolean => file.size > MAX_ATTACHMENT_BYTES;

/** A picked file's type, or why it cannot be attached (its type, its size). */
export function attachable(file: File): { mime: AttachmentMime } | { refused: string } {
  const mime = mimeOf(file);
  if (!mime) return { refused: attachmentsText.wrongType };
  if (tooLarge(file)) return { refused: attachmentsText.tooLarge(MAX_ATTACHMENT_BYTES) };
  return { mime };
}

/** The file's bytes as base64, the way the API carries them. */
export function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error(`cannot read ${file.name}`));
    reader.readAsDataURL(file);
  });
}

/**
 * Hands a file to the user: the desktop shell writes it to a temporary folder and opens it in the
 * system's program for it (Electron's `shell.openPath`, which a sandboxed page cannot call); browser
 * mode saves it the browser's way, through a Blob URL and a temporary `<a download>`.
 */
export async function deliverFile(name: string, mime: string, dataBase64: string): Promise<void> {
  if (window.priemnaya?.openDocument) {
    const error = await window.priemnaya.openDocument(nameForOpening(name, mime), dataBase64);
    if (error) throw new Error(error);
    return;
  }
  const binary = atob(dataBase64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  try {
    a.click();
  } finally {
    a.remove();
    // The download has taken the URL by the next task; revoking at once can cancel it in some browsers.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}

/** Text as UTF-8 base64, for `deliverFile`. */
export function textAsBase64(text: string): string {
  let binary = '';
  for (const b of new TextEncoder().encode(text)) binary += String.fromCharCode(b);
  return btoa(binary);
}

export async function downloadAttachment(id: string): Promise<void> {
  const file = await call('attachments.get', { id });
  await deliverFile(file.name, file.mime, file.dataBase64);
}
