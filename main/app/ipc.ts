/**
 * Main process. The one IPC channel: the renderer's `priemnaya.call(method, input, session)` arrives
 * here and goes to the same API every transport uses. Electron is imported for types only.
 */
import path from 'node:path';
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { Envelope } from '../../shared/api/define';
import type { Api } from '../api/api';
import { createIpcHandler, documentFile, IPC_CHANNEL, OPEN_DOCUMENT_CHANNEL } from '../transport/ipc';
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

/**
 * Generated documents and attachments open in the system's program for them (Word, a PDF viewer, an image
 * viewer…): written to `dir` (a folder of the app's own under the temp folder), then handed to
 * `openPath`. When the system has no program for the type (`openPath` answers an error), the user is
 * offered to save the file instead (`saveAs`: null when saved or cancelled, else the error).
 */
export function registerOpenDocument(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  dir: string,
  write: (file: string, data: Buffer) => void,
  openPath: (file: string) => Promise<string>,
  saveAs?: (name: string, data: Buffer) => Promise<string | null>,
): () => void {
  ipcMain.handle(OPEN_DOCUMENT_CHANNEL, async (event: SenderEvent, name: unknown, data: unknown) => {
    if (!isTrustedSender(event)) return 'calls are accepted only from the app window';
    const doc = documentFile(dir, name, data);
    if (!doc) return 'not a document name or content';
    write(doc.file, doc.data);
    const error = await openPath(doc.file);
    if (!error) return null;
    return saveAs ? saveAs(path.basename(doc.file), doc.data) : error;
  });
  return () => ipcMain.removeHandler(OPEN_DOCUMENT_CHANNEL);
}
