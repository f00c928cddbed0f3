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
  /** "Forbind til server" (electron/connection.ts): connect to a server, checked and saved, or go back to the local database. */
  connection(request: { action: 'connect'; url: string } | { action: 'local' }, meta: CallMeta): Promise<ApiResult<unknown>>;
  /** Connected to a server: sign in through its identity provider in the person's browser (electron/provider-sign-in.ts). */
  signInWithProvider(meta: CallMeta): Promise<ApiResult<{ token: string }>>;
  /** The origin of the server the desktop is connected to; absent while it runs its local database. */
  server?: string;
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

/** How long a call may wait for the server's answer before it counts as unreachable. */
export const CALL_TIMEOUT_MS = 20_000;

/** What a reverse proxy answers when the Kredsløb server behind it is down or slow. */
const PROXY_GATEWAY_STATUSES: ReadonlySet<number> = new Set([502, 503, 504]);

/**
 * fetch, or undefined when the network failed: refused, cut, or no answer (headers) within `timeoutMs`. Only the
 * wait for the answer is timed; a long download that has started streams for as long as it takes.
 */
async function reach(url: string, init: RequestInit, timeoutMs: number): Promise<Response | undefined> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  try {
    return await fetch(url, { ...init, signal: abort.signal });
  } catch {
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The server's ApiResult, or SERVER_UNREACHABLE when what answered is not the Kredsløb server: a proxy's
 * 502/503/504 page, or any body that is not our JSON (a captive portal, a half-written answer). Never a success
 * that did not come from the core.
 */
async function answerOf<T>(res: Response, meta: CallMeta): Promise<ApiResult<T>> {
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    body = undefined;
  }
  if (isApiResult(body) && !(PROXY_GATEWAY_STATUSES.has(res.status) && body.ok)) return body as ApiResult<T>; // why: checked as an ApiResult just before; the core validated data against the contract
  return { ok: false, error: errorBody('SERVER_UNREACHABLE', meta.locale) };
}

function isApiResult(body: unknown): body is ApiResult<unknown> {
  if (body === null || typeof body !== 'object') return false;
  const { ok, error } = body as { ok?: unknown; error?: unknown }; // why: read to check the shape
  if (ok === true) return 'data' in body;
  return ok === false && error !== null && typeof error === 'object' && typeof (error as { code?: unknown }).code === 'string'; // why: read to check the shape
}

export function httpTransport(baseUrl = '', timeoutMs = CALL_TIMEOUT_MS): Transport {
  const post = async (path: string, input: unknown, meta: CallMeta): Promise<Response | undefined> => {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'accept-language': meta.locale,
      // A shared server (issue 13) keeps this browser's session in an HttpOnly cookie and never hands its scripts the token.
      'x-kredslob-session': 'cookie',
    };
    if (meta.token) headers.authorization = `Bearer ${meta.token}`;
    return reach(`${baseUrl}${path}`, { method: 'POST', headers, body: JSON.stringify(input ?? {}) }, timeoutMs);
  };
  const unreachable = (meta: CallMeta) => ({ ok: false as const, error: errorBody('SERVER_UNREACHABLE', meta.locale) });
  return {
    name: 'http',
    async call(procedure, input, meta) {
      const res = await post(`/api/${procedure}`, input, meta);
      return res ? answerOf<unknown>(res, meta) : unreachable(meta);
    },
    async photo(deviceId, sha256, meta) {
      const headers: Record<string, string> = { 'accept-language': meta.locale };
      if (meta.token) headers.authorization = `Bearer ${meta.token}`;
      const res = await reach(`${baseUrl}/photo/${encodeURIComponent(deviceId)}/${sha256}`, { headers }, timeoutMs);
      if (!res) return unreachable(meta);
      if (!res.ok) return answerOf<Blob>(res, meta);
      return { ok: true, data: await res.blob() };
    },
    async saveFile(procedure, input, meta, onProgress) {
      const res = await post(`/download/${procedure}`, input, meta);
      if (!res) return unreachable(meta);
      if (!res.ok || !res.body) return answerOf<SavedFile>(res, meta);
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
  const bridge = typeof window !== 'undefined' ? window.kredslob : undefined;
  if (!bridge) return httpTransport();
  // A desktop connected to a server: main decided it (electron/connection.ts), the preload names the server.
  return bridge.server ? httpTransport(bridge.server) : ipcTransport(bridge);
}

/** The desktop shell, when the UI runs in it (the connection setting needs it); undefined in a browser. */
export function desktopBridge(): KredslobBridge | undefined {
  return typeof window !== 'undefined' ? window.kredslob : undefined;
}

/** Where the data is: this PC's own database (the desktop's embedded core), or a server, named by its host. */
export function dataLocation(): { kind: 'local' } | { kind: 'server'; host: string } {
  const bridge = desktopBridge();
  if (bridge && !bridge.server) return { kind: 'local' };
  return { kind: 'server', host: new URL(bridge?.server ?? window.location.href).host };
}
