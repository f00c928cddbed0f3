/**
 * The renderer's transports. Both carry the same call: procedure name, input, and meta (session token
 * and locale). The desktop app goes through the preload's `invoke`; the browser build through HTTP.
 */
import type { ApiResult } from '../../shared/errors';
import { errorBody, type Locale } from '../messages';

export interface CallMeta {
  token?: string | undefined;
  locale: Locale;
}

export interface Transport {
  readonly name: 'ipc' | 'http';
  call(procedure: string, input: unknown, meta: CallMeta): Promise<ApiResult<unknown>>;
}

/** What the preload exposes on window.kredslob (electron/preload.ts). */
export interface KredslobBridge {
  invoke(procedure: string, input: unknown, meta: CallMeta): Promise<ApiResult<unknown>>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    kredslob?: KredslobBridge;
  }
}

export function ipcTransport(bridge: KredslobBridge): Transport {
  return { name: 'ipc', call: (procedure, input, meta) => bridge.invoke(procedure, input, meta) };
}

export function httpTransport(baseUrl = ''): Transport {
  return {
    name: 'http',
    async call(procedure, input, meta) {
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        'accept-language': meta.locale,
      };
      if (meta.token) headers.authorization = `Bearer ${meta.token}`;
      let res: Response;
      try {
        res = await fetch(`${baseUrl}/api/${procedure}`, { method: 'POST', headers, body: JSON.stringify(input ?? {}) });
      } catch {
        return { ok: false, error: errorBody('SERVER_UNREACHABLE', meta.locale) };
      }
      return (await res.json()) as ApiResult<unknown>; // why: the server always answers with ApiResult JSON
    },
  };
}

export function defaultTransport(): Transport {
  return typeof window !== 'undefined' && window.kredslob ? ipcTransport(window.kredslob) : httpTransport();
}
