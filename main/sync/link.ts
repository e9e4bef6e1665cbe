import {
  FileGetResponseSchema,
  PROTOCOL_VERSION,
  PullResponseSchema,
  PushResponseSchema,
  type PullResponse,
  type PushRequest,
  type PushResponse,
} from '../../shared/sync/protocol';
import type { FileLink } from './files';

/**
 * The office's link to HQ over HTTP (`/sync/v1/…`, Bearer token): rows pushed and pulled in batches, and
 * attachments' files one at a time. `engine.ts` runs a sync over any `HqLink`.
 */

/** How an office reaches HQ: over HTTP, or (for tests of failure) anything with the same calls. */
export interface HqLink extends Partial<FileLink> {
  push(req: PushRequest): Promise<PushResponse>;
  pull(cursor: number, limit: number): Promise<PullResponse>;
}

export class SyncHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'SyncHttpError';
  }
}

/**
 * How long the office waits for HQ's answer, on purpose rather than fetch's defaults (five minutes
 * without a byte, then a bare `fetch failed`): a batch of 5,000 rows merged at a busy HQ on PostgreSQL
 * takes seconds, not minutes; a file up to the attachment limit travels slower.
 */
export const SYNC_TIMEOUT_MS = { enrol: 30_000, batch: 120_000, file: 300_000 } as const;

/**
 * What went wrong on the way, named so `plainSyncError` can say it: HQ not reached at all, the
 * connection cut off mid-request (HQ stopped or restarted), or no answer in time.
 */
function networkError(e: unknown, timeoutMs: number): SyncHttpError {
  const name = e instanceof Error ? e.name : '';
  if (name === 'TimeoutError' || name === 'AbortError')
    return new SyncHttpError(0, `HQ did not answer within ${Math.round(timeoutMs / 1000)} s (timeout)`);
  const cause = (e as { cause?: { code?: string; message?: string } }).cause;
  const code = cause?.code ?? '';
  if (/ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH/.test(code))
    return new SyncHttpError(0, `HQ cannot be reached (${code})`);
  const detail = code || cause?.message || (e instanceof Error ? e.message : String(e));
  return new SyncHttpError(0, `the connection to HQ was cut off (${detail})`);
}

export async function postJson(
  url: string,
  body: unknown,
  token: string | null,
  timeoutMs: number = SYNC_TIMEOUT_MS.batch,
): Promise<unknown> {
  let res: Response;
  let text: string;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
      // Bytes, not a string: a string body is checked for lone surrogates character by character.
      body: Buffer.from(JSON.stringify(body)),
      signal: AbortSignal.timeout(timeoutMs),
    });
    text = await res.text();
  } catch (e) {
    throw networkError(e, timeoutMs);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new SyncHttpError(res.status, `HQ answered with something that is not JSON (HTTP ${res.status})`);
  }
  if (!res.ok) {
    const message = (parsed as { error?: string }).error ?? `HTTP ${res.status}`;
    throw new SyncHttpError(res.status, message);
  }
  return parsed;
}

/**
 * A request cut off on a kept-alive connection (HQ closed it idle just as it was reused, or restarted)
 * is sent once more on a fresh one. Every request of the link may be: a push is answered from HQ's
 * record if HQ merged it already (its id is its content), a pull and a file's fetch only read, and a
 * file is kept under its hash. Refused connections and timeouts are not retried: HQ is away or busy.
 */
async function postAgainIfCutOff(
  url: string,
  body: unknown,
  token: string,
  timeoutMs?: number,
): Promise<unknown> {
  try {
    return await postJson(url, body, token, timeoutMs);
  } catch (e) {
    if (!(e instanceof SyncHttpError && e.status === 0 && e.message.includes('was cut off'))) throw e;
    return postJson(url, body, token, timeoutMs);
  }
}

export function httpLink(baseUrl: string, token: string): HqLink {
  const base = baseUrl.replace(/\/+$/, '');
  const post = (endpoint: string, body: unknown, timeoutMs?: number): Promise<unknown> =>
    postAgainIfCutOff(`${base}/sync/v1/${endpoint}`, body, token, timeoutMs);
  return {
    push: async (req) => PushResponseSchema.parse(await post('push', req)),
    pull: async (cursor, limit) =>
      PullResponseSchema.parse(await post('pull', { v: PROTOCOL_VERSION, cursor, limit })),
    putFile: async (sha256, data) => {
      const body = { v: PROTOCOL_VERSION, sha256, dataBase64: data.toString('base64') };
      await post('files/put', body, SYNC_TIMEOUT_MS.file);
    },
    getFile: async (sha256) => {
      const answer = await post('files/get', { v: PROTOCOL_VERSION, sha256 }, SYNC_TIMEOUT_MS.file);
      const { dataBase64 } = FileGetResponseSchema.parse(answer);
      return dataBase64 === null ? null : Buffer.from(dataBase64, 'base64');
    },
  };
}
