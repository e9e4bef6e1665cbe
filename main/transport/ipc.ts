import path from 'node:path';
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

const DOCUMENT_NAME = /^[^/\\\0:*?"<>|]{1,200}\.(docx|xlsx|csv|zip)$/;

/**
 * What the desktop shell does with a generated document: checks the name (a plain file name of a kind we
 * make) and the content, writes it under `dir`, and returns the path to open; null when refused.
 */
export function documentFile(
  dir: string,
  name: unknown,
  dataBase64: unknown,
): { file: string; data: Buffer } | null {
  if (typeof name !== 'string' || !DOCUMENT_NAME.test(name) || name.startsWith('.')) return null;
  if (typeof dataBase64 !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(dataBase64)) return null;
  return { file: path.join(dir, name), data: Buffer.from(dataBase64, 'base64') };
}
