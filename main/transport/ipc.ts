import path from 'node:path';
import { fileNameProblem, isBase64 } from '../../shared/api/attachments';
import type { Envelope } from '../../shared/api/define';
import type { Api } from '../api/api';

/**
 * The IPC transport without Electron: what `ipcMain.handle('api:call', …)` runs. The renderer is not
 * trusted, so every argument is checked here before the API sees it.
 */
export function createIpcHandler(api: Api) {
  return async (method: unknown, input: unknown, session: unknown): Promise<Envelope<unknown>> => {
    if (typeof method !== 'string')
      return {
        ok: false,
        error: { code: 'validation', message: 'method: expected a method name', field: 'method' },
      };
    return api.call('ipc', method, input, { token: typeof session === 'string' && session ? session : null });
  };
}

export const IPC_CHANNEL = 'api:call';
export const OPEN_DOCUMENT_CHANNEL = 'documents:open';

/**
 * The kinds the desktop opens in the system's program for them: what we make (Word and Excel documents,
 * CSV, ZIP of several, the 152-FZ personal-data JSON) and every type an attachment may be. Nothing that
 * runs: a name ending otherwise is refused, whatever its content.
 */
const DOCUMENT_NAME = /^.{1,200}\.(docx|xlsx|csv|zip|json|pdf|jpe?g|png|tiff?|doc|txt)$/i;

/**
 * What the desktop shell does with a document or an attachment: checks the name (a plain file name of a
 * kind above, one Windows can keep) and the content, and returns where under `dir` to write it and what
 * to write; null when refused.
 */
export function documentFile(
  dir: string,
  name: unknown,
  dataBase64: unknown,
): { file: string; data: Buffer } | null {
  if (typeof name !== 'string' || !DOCUMENT_NAME.test(name) || name.startsWith('.')) return null;
  if (fileNameProblem(name) !== null) return null;
  if (typeof dataBase64 !== 'string' || !isBase64(dataBase64)) return null;
  return { file: path.join(dir, name), data: Buffer.from(dataBase64, 'base64') };
}
