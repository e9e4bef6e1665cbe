import type { Envelope } from '../../shared/api/define';
import type { Api } from '../services/api';

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
