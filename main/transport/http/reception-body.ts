import busboy from 'busboy';
import type http from 'node:http';
import type { Upload, UploadProblem, Uploads } from '../../hq/reception/uploads';

/**
 * The bodies the reception's forms post: url-encoded (the code form, and a form without files) and
 * `multipart/form-data` (the appeal form, which may carry files), read as streams with hard limits.
 * Past a file's or the files' limit the bytes are read on and dropped, so the citizen gets the page
 * naming the limit instead of a cut connection; past `drainBytes` the post is cut off.
 */

export class TooBig extends Error {}
/** A body that is not the multipart it says it is (no boundary, broken parts). */
export class BadBody extends Error {}

export interface PostedForm {
  fields: Record<string, string>;
  uploads: Uploads;
}

/** An url-encoded body up to `limit` bytes, as its fields (a field given twice keeps the last). */
export async function readUrlEncoded(
  req: http.IncomingMessage,
  limit: number,
  drainBytes: number,
): Promise<Record<string, string>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > drainBytes) throw new TooBig();
    if (size <= limit) chunks.push(chunk as Buffer);
  }
  if (size > limit) throw new TooBig();
  return Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
}

export interface MultipartLimits {
  /** The file field's name; a file under any other name is reported as that field, to be refused. */
  fileField: string;
  maxFiles: number;
  maxFileBytes: number;
  maxTotalBytes: number;
  /** The largest text field, in bytes; a longer one refuses the post (413). */
  fieldBytes: number;
  maxFields: number;
  drainBytes: number;
}

/**
 * A `multipart/form-data` body. The first limit passed is reported in `uploads.problem` and no more
 * file bytes are kept after it; a file input left empty (no name, no bytes) is no file.
 */
export function readMultipart(req: http.IncomingMessage, limits: MultipartLimits): Promise<PostedForm> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        defParamCharset: 'utf8',
        limits: {
          // One more than allowed, so the extra one is seen (and refused) rather than silently dropped.
          files: limits.maxFiles + 1,
          fileSize: limits.maxFileBytes,
          fieldSize: limits.fieldBytes,
          fields: limits.maxFields,
          parts: limits.maxFields + limits.maxFiles + 1,
        },
      });
    } catch {
      return reject(new BadBody());
    }
    const fields: Record<string, string> = {};
    const files: Upload[] = [];
    let problem: UploadProblem | null = null;
    let kept = 0;
    let seen = 0;
    let failed = false;
    const fail = (e: Error): void => {
      if (failed) return;
      failed = true;
      req.unpipe(parser);
      req.resume();
      reject(e);
    };
    const note = (p: UploadProblem): void => {
      problem ??= p;
    };
    parser.on('field', (name, value, info) => {
      if (info.valueTruncated || info.nameTruncated) return fail(new TooBig());
      fields[name] = value;
    });
    parser.on('file', (name, stream, info) => {
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (problem) return;
        kept += chunk.length;
        if (kept > limits.maxTotalBytes) note({ kind: 'total' });
        else chunks.push(chunk);
      });
      stream.on('limit', () => note({ kind: 'size', name: info.filename ?? '' }));
      stream.on('close', () => {
        if (!info.filename && size === 0) return;
        if (name !== limits.fileField) {
          fields[name] = '';
          return;
        }
        if (++seen > limits.maxFiles) note({ kind: 'count' });
        if (!problem) files.push({ name: info.filename ?? '', data: Buffer.concat(chunks) });
      });
    });
    parser.on('filesLimit', () => note({ kind: 'count' }));
    parser.on('fieldsLimit', () => fail(new TooBig()));
    parser.on('partsLimit', () => fail(new TooBig()));
    parser.on('error', () => fail(new BadBody()));
    parser.on('close', () => {
      if (!failed) resolve({ fields, uploads: { files: problem ? [] : files, problem } });
    });
    let total = 0;
    req.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > limits.drainBytes) fail(new TooBig());
    });
    req.on('error', (e) => fail(e));
    req.pipe(parser);
  });
}
