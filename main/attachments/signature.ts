import type { AttachmentMime } from '../../shared/api/attachments';

/**
 * Whether a file's content is of the type it is declared as, by the signature every file of that type
 * opens with: a Windows program renamed `скан.pdf` is not a PDF, and a viewer that sniffs content
 * must never be handed one. A table of our eight types rather than a library: the general detectors
 * (file-type and the like) answer "a CFB container" for a Word 97 document and nothing for plain text,
 * the two we would have to decide here anyway, and they pull in a stream toolkit for the other five,
 * which are a few bytes each.
 */
export function contentMatches(mime: AttachmentMime, data: Buffer): boolean {
  switch (mime) {
    case 'application/pdf':
      // Readers accept the header anywhere in the first kilobyte (some scanners put a line before it).
      return data.subarray(0, 1024).includes('%PDF-');
    case 'image/jpeg':
      return startsWith(data, [0xff, 0xd8, 0xff]);
    case 'image/png':
      return startsWith(data, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    case 'image/tiff':
      // Intel and Motorola byte order; 42 is TIFF, 43 BigTIFF.
      return (
        startsWith(data, [0x49, 0x49, 0x2a, 0x00]) ||
        startsWith(data, [0x4d, 0x4d, 0x00, 0x2a]) ||
        startsWith(data, [0x49, 0x49, 0x2b, 0x00]) ||
        startsWith(data, [0x4d, 0x4d, 0x00, 0x2b])
      );
    case 'application/vnd.openxmlformats-officedocument.wordprocessingml.document':
      // A ZIP whose entry names (kept uncompressed in its headers) include the document's folder.
      return startsWith(data, [0x50, 0x4b, 0x03, 0x04]) && data.includes('word/');
    case 'application/msword':
      return startsWith(data, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    case 'application/vnd.oasis.opendocument.text':
      return isOdfText(data);
    case 'text/plain':
      return isText(data);
  }
}

/**
 * An OpenDocument text: a ZIP whose first entry is `mimetype`, stored uncompressed, holding the type
 * (the ODF package rule, there so that a file's type can be read from its first bytes).
 */
function isOdfText(data: Buffer): boolean {
  if (!startsWith(data, [0x50, 0x4b, 0x03, 0x04]) || data.length < 30) return false;
  const nameLength = data.readUInt16LE(26);
  const extraLength = data.readUInt16LE(28);
  const name = data.subarray(30, 30 + nameLength).toString('latin1');
  const start = 30 + nameLength + extraLength;
  const type = 'application/vnd.oasis.opendocument.text';
  return name === 'mimetype' && data.subarray(start, start + type.length).toString('latin1') === type;
}

function startsWith(data: Buffer, bytes: readonly number[]): boolean {
  return data.length >= bytes.length && bytes.every((b, i) => data[i] === b);
}

/**
 * Text in any single-byte encoding or UTF-8 has no NUL byte; UTF-16 has them and says so by its byte
 * order mark. A program, an image or an archive has NULs within its first bytes.
 */
function isText(data: Buffer): boolean {
  if (startsWith(data, [0xff, 0xfe]) || startsWith(data, [0xfe, 0xff])) return data.length % 2 === 0;
  return !data.includes(0);
}
