/**
 * Preload (sandboxed renderer, bundled to CommonJS). The renderer's whole view of main: one function.
 * No ipcRenderer, no channels, no process: the page gets `window.priemnaya.call` and `openDocument`.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { Envelope } from '../../shared/api/define';
import { IPC_CHANNEL, OPEN_DOCUMENT_CHANNEL } from '../transport/ipc';

export interface PriemnayaBridge {
  call(method: string, input: unknown, session: string | null): Promise<Envelope<unknown>>;
  openDocument(name: string, dataBase64: string): Promise<string | null>;
}

const bridge: PriemnayaBridge = {
  // Exactly three arguments cross, whatever the page passes.
  call: (method, input, session) => ipcRenderer.invoke(IPC_CHANNEL, method, input, session),
  // A generated document, opened in the system's program for it.
  openDocument: (name, dataBase64) => ipcRenderer.invoke(OPEN_DOCUMENT_CHANNEL, name, dataBase64),
};

contextBridge.exposeInMainWorld('priemnaya', bridge);
