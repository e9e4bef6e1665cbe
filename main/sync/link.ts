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

export async function postJson(url: string, body: unknown, token: string | null): Promise<unknown> {
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  const text = await res.text();
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

export function httpLink(baseUrl: string, token: string): HqLink {
  const base = baseUrl.replace(/\/+$/, '');
  return {
    push: async (req) => PushResponseSchema.parse(await postJson(`${base}/sync/v1/push`, req, token)),
    pull: async (cursor, limit) =>
      PullResponseSchema.parse(
        await postJson(`${base}/sync/v1/pull`, { v: PROTOCOL_VERSION, cursor, limit }, token),
      ),
    putFile: async (sha256, data) => {
      const body = { v: PROTOCOL_VERSION, sha256, dataBase64: data.toString('base64') };
      await postJson(`${base}/sync/v1/files/put`, body, token);
    },
    getFile: async (sha256) => {
      const answer = await postJson(`${base}/sync/v1/files/get`, { v: PROTOCOL_VERSION, sha256 }, token);
      const { dataBase64 } = FileGetResponseSchema.parse(answer);
      return dataBase64 === null ? null : Buffer.from(dataBase64, 'base64');
    },
  };
}
