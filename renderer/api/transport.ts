/**
 * The renderer's transports. Both carry the same call: procedure name, input, and meta (session token
 * and locale). The desktop app goes through the preload's `invoke`; the browser build through HTTP.
 */
import type { ApiResult } from '../../shared/errors';
import { FILE_PROGRESS_EVENT } from '../../shared/contract';
import { saveFile } from '../download';
import { errorBody, type Locale } from '../messages';

export interface CallMeta {
  token?: string | undefined;
  locale: Locale;
}

/** How far a file has been written: data rows of `total`. */
export interface FileProgress {
  done: number;
  total: number;
}

/** A file saved (its name and rows), or not saved because the person cancelled the save dialog. */
export type SavedFile = { saved: true; fileName: string; rows: number } | { saved: false };

export interface Transport {
  readonly name: 'ipc' | 'http';
  call(procedure: string, input: unknown, meta: CallMeta): Promise<ApiResult<unknown>>;
  /**
   * A file procedure's file (stats.export), saved where the person says: the desktop app asks with its save
   * dialog and writes it there; the browser downloads it. Refused like a call, with nothing saved.
   */
  saveFile(procedure: string, input: unknown, meta: CallMeta, onProgress: (p: FileProgress) => void): Promise<ApiResult<SavedFile>>;
  /**
   * One stored photo image (devices.photo) as a Blob for an <img>: over HTTP a GET the browser caches (the image
   * never changes), in the desktop app the same IPC call as every procedure.
   */
  photo(deviceId: string, sha256: string, meta: CallMeta): Promise<ApiResult<Blob>>;
}

/** devices.photo's answer as a Blob. */
function photoBlob(result: ApiResult<unknown>): ApiResult<Blob> {
  if (!result.ok) return result;
  const { contentType, dataBase64 } = result.data as { contentType: string; dataBase64: string }; // why: devices.photo's output, checked by the core
  return { ok: true, data: new Blob([Uint8Array.from(atob(dataBase64), (c) => c.charCodeAt(0))], { type: contentType }) };
}

/** What the preload exposes on window.kredslob (electron/preload.ts). */
export interface KredslobBridge {
  invoke(procedure: string, input: unknown, meta: CallMeta): Promise<ApiResult<unknown>>;
  on(event: string, listener: (payload: unknown) => void): () => void;
  saveFile(procedure: string, input: unknown, meta: CallMeta): Promise<ApiResult<SavedFile>>;
}

declare global {
  interface Window {
    kredslob?: KredslobBridge;
  }
}

export function ipcTransport(bridge: KredslobBridge): Transport {
  return {
    name: 'ipc',
    call: (procedure, input, meta) => bridge.invoke(procedure, input, meta),
    photo: async (deviceId, sha256, meta) => photoBlob(await bridge.invoke('devices.photo', { deviceId, sha256 }, meta)),
    async saveFile(procedure, input, meta, onProgress) {
      const stop = bridge.on(FILE_PROGRESS_EVENT, (p) => onProgress(p as FileProgress)); // why: main sends FileProgress on this event only
      try {
        return await bridge.saveFile(procedure, input, meta);
      } finally {
        stop();
      }
    },
  };
}

/** The file's name from Content-Disposition (filename*=UTF-8''…, else filename="…"). */
export function fileNameOf(disposition: string | null): string | undefined {
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '');
  if (star) return decodeURIComponent(star[1]!);
  return /filename="([^"]*)"/i.exec(disposition ?? '')?.[1];
}

const LINE_FEED = 0x0a;

export function httpTransport(baseUrl = ''): Transport {
  const post = async (path: string, input: unknown, meta: CallMeta): Promise<Response | undefined> => {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'accept-language': meta.locale,
      // A shared server (issue 13) keeps this browser's session in an HttpOnly cookie and never hands its scripts the token.
      'x-kredslob-session': 'cookie',
    };
    if (meta.token) headers.authorization = `Bearer ${meta.token}`;
    try {
      return await fetch(`${baseUrl}${path}`, { method: 'POST', headers, body: JSON.stringify(input ?? {}) });
    } catch {
      return undefined;
    }
  };
  const unreachable = (meta: CallMeta) => ({ ok: false as const, error: errorBody('SERVER_UNREACHABLE', meta.locale) });
  return {
    name: 'http',
    async call(procedure, input, meta) {
      const res = await post(`/api/${procedure}`, input, meta);
      if (!res) return unreachable(meta);
      return (await res.json()) as ApiResult<unknown>; // why: the server always answers with ApiResult JSON
    },
    async photo(deviceId, sha256, meta) {
      const headers: Record<string, string> = { 'accept-language': meta.locale };
      if (meta.token) headers.authorization = `Bearer ${meta.token}`;
      let res: Response;
      try {
        res = await fetch(`${baseUrl}/photo/${encodeURIComponent(deviceId)}/${sha256}`, { headers });
      } catch {
        return unreachable(meta);
      }
      if (!res.ok) return (await res.json()) as ApiResult<Blob>; // why: a refusal is ApiResult JSON, like a call's
      return { ok: true, data: await res.blob() };
    },
    async saveFile(procedure, input, meta, onProgress) {
      const res = await post(`/download/${procedure}`, input, meta);
      if (!res) return unreachable(meta);
      if (!res.ok || !res.body) return (await res.json()) as ApiResult<SavedFile>; // why: a refusal is ApiResult JSON, like a call's
      const fileName = fileNameOf(res.headers.get('content-disposition')) ?? procedure;
      const total = Number(res.headers.get('x-export-rows') ?? 0);
      const type = res.headers.get('content-type') ?? 'application/octet-stream';
      // CSV progress counts its line ends as they arrive (less the header); a workbook arrives zipped, at the end.
      const countLines = type.startsWith('text/csv');
      const chunks: Uint8Array<ArrayBuffer>[] = [];
      let lines = 0;
      const reader = res.body.getReader();
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          chunks.push(value);
          if (countLines) {
            for (let i = value.indexOf(LINE_FEED); i >= 0; i = value.indexOf(LINE_FEED, i + 1)) lines++;
            onProgress({ done: Math.min(Math.max(lines - 1, 0), total), total });
          }
        }
      } catch {
        // The connection was cut halfway (the server failed while writing): no truncated file is saved.
        return unreachable(meta);
      }
      onProgress({ done: total, total });
      saveFile(new Blob(chunks, { type }), type, fileName);
      return { ok: true, data: { saved: true, fileName, rows: total } };
    },
  };
}

export function defaultTransport(): Transport {
  return typeof window !== 'undefined' && window.kredslob ? ipcTransport(window.kredslob) : httpTransport();
}
