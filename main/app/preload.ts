/**
 * Preload (sandboxed renderer, bundled to CommonJS). The renderer's whole view of main: one function.
 * No ipcRenderer, no channels, no process: the page gets `window.priemnaya.call` and nothing else.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { Envelope } from '../../shared/api/define';
import { IPC_CHANNEL } from '../transport/ipc';

export interface PriemnayaBridge {
  call(method: string, input: unknown, session: string | null): Promise<Envelope<unknown>>;
}

const bridge: PriemnayaBridge = {
  // Exactly three arguments cross, whatever the page passes.
  call: (method, input, session) => ipcRenderer.invoke(IPC_CHANNEL, method, input, session),
};

contextBridge.exposeInMainWorld('priemnaya', bridge);
