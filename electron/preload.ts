/**
 * The preload: exposes `window.kredslob` with exactly `invoke`, `on`, `saveFile`, `connection` and
 * `signInWithProvider`, and `server` when the desktop is connected to one (issue 13), nothing else.
 * Runs sandboxed, where only 'electron' can be required; the other imports are types or
 * import-free constants that esbuild inlines.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ApiResult } from '../shared/errors';
import { CONNECTION_CHANNEL, EVENT_CHANNEL, INVOKE_CHANNEL, PROVIDER_SIGN_IN_CHANNEL, SAVE_FILE_CHANNEL, SERVER_ARGUMENT_PREFIX } from './channels';

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
  /** "Forbind til server": connect (checked, saved) or go back to the local database; main then reopens the window. */
  connection(request: unknown, meta: unknown): Promise<ApiResult<unknown>>;
  /** Signs in through the server's identity provider in the person's browser (electron/provider-sign-in.ts). */
  signInWithProvider(meta: unknown): Promise<ApiResult<{ token: string }>>;
  /** The origin of the server this desktop is connected to; absent while it runs its local database. */
  server?: string;
}

/** The server main named in this renderer's arguments (connection.ts decides it); undefined when local. */
function serverFromArguments(argv: readonly string[]): string | undefined {
  return argv.find((a) => a.startsWith(SERVER_ARGUMENT_PREFIX))?.slice(SERVER_ARGUMENT_PREFIX.length);
}

const bridge: PreloadBridge = {
  invoke(procedure, input, meta) {
    return ipcRenderer.invoke(INVOKE_CHANNEL, procedure, input, meta);
  },
  saveFile(procedure, input, meta) {
    return ipcRenderer.invoke(SAVE_FILE_CHANNEL, procedure, input, meta);
  },
  connection(request, meta) {
    return ipcRenderer.invoke(CONNECTION_CHANNEL, request, meta);
  },
  signInWithProvider(meta) {
    return ipcRenderer.invoke(PROVIDER_SIGN_IN_CHANNEL, meta);
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

const server = serverFromArguments(process.argv);
contextBridge.exposeInMainWorld('kredslob', server === undefined ? bridge : { ...bridge, server });
