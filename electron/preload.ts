/**
 * The preload: exposes `window.kredslob` with exactly `invoke`, `on` and `saveFile`, nothing else.
 * Runs sandboxed, where only 'electron' can be required; the other imports are types or
 * import-free constants that esbuild inlines.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ApiResult } from '../shared/errors';
import { EVENT_CHANNEL, INVOKE_CHANNEL, SAVE_FILE_CHANNEL } from './channels';

/**
 * What `window.kredslob` is. preload.test.ts checks at compile time that it satisfies the renderer's
 * KredslobBridge (renderer/api/transport.ts), which this file may not import (eslint boundary).
 * `meta` is unknown here on purpose: the main process validates it (ipc.ts).
 */
export interface PreloadBridge {
  invoke(procedure: string, input: unknown, meta: unknown): Promise<ApiResult<unknown>>;
  on(event: string, listener: (payload: unknown) => void): () => void;
  /** Main asks where to save with its dialog and writes the file there (electron/save-file.ts). */
  saveFile(procedure: string, input: unknown, meta: unknown): Promise<ApiResult<{ saved: true; fileName: string; rows: number } | { saved: false }>>;
}

const bridge: PreloadBridge = {
  invoke(procedure, input, meta) {
    return ipcRenderer.invoke(INVOKE_CHANNEL, procedure, input, meta);
  },
  saveFile(procedure, input, meta) {
    return ipcRenderer.invoke(SAVE_FILE_CHANNEL, procedure, input, meta);
  },
  on(event, listener) {
    const relay = (_ipcEvent: IpcRendererEvent, message: unknown): void => {
      if (message === null || typeof message !== 'object') return;
      const { event: name, payload } = message as { event?: unknown; payload?: unknown }; // why: checked by the comparison below
      if (name === event) listener(payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, relay);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, relay);
    };
  },
};

contextBridge.exposeInMainWorld('kredslob', bridge);
