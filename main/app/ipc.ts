/**
 * Main process. The one IPC channel: the renderer's `priemnaya.call(method, input, session)` arrives
 * here and goes to the same API every transport uses. Electron is imported for types only.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { Envelope } from '../../shared/api/define';
import type { Api } from '../services/api';
import { createIpcHandler, IPC_CHANNEL } from '../transport/ipc';
import { isAppUrl } from './window';

type SenderEvent = Pick<IpcMainInvokeEvent, 'senderFrame'>;

/**
 * Only a frame showing our own page may call: if anything foreign ever got a frame into the window
 * (it should not: navigation is blocked), it still could not reach the API.
 */
export function isTrustedSender(event: SenderEvent): boolean {
  const frame = event.senderFrame;
  return frame != null && isAppUrl(frame.url);
}

const untrusted: Envelope<never> = {
  ok: false,
  error: { code: 'forbidden', message: 'calls are accepted only from the app window' },
};

export function registerIpc(ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>, api: Api): () => void {
  const handler = createIpcHandler(api);
  ipcMain.handle(
    IPC_CHANNEL,
    async (
      event: SenderEvent,
      method: unknown,
      input: unknown,
      session: unknown,
    ): Promise<Envelope<unknown>> => (isTrustedSender(event) ? handler(method, input, session) : untrusted),
  );
  return () => ipcMain.removeHandler(IPC_CHANNEL);
}
