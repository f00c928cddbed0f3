/**
 * The Electron transport: the core's dispatcher bound to ONE IPC channel, and events pushed back on
 * another. As thin as core/http/server.ts; it adds only what IPC needs: a check of who is calling.
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type { CallMeta, Dispatcher } from '../core/api/dispatch';
import type { ApiResult, ErrorCode } from '../shared/errors';
import { errorBody, fieldText, toLocale, type FieldKey, type Locale } from '../shared/messages';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from './channels';
import { isAppIndexUrl } from './security';

export { EVENT_CHANNEL, INVOKE_CHANNEL };
export const MAX_PROCEDURE_LENGTH = 100;

export type SenderCheck = (event: IpcMainInvokeEvent) => boolean;

/**
 * Trusted = the call comes from the top frame of one of our own windows, showing our own index page.
 * A frame that navigated elsewhere, a sub-frame, or any other webContents is refused.
 */
export function createSenderCheck(indexUrl: string, ownWebContents: () => readonly WebContents[]): SenderCheck {
  return (event) => {
    const frame = event.senderFrame;
    if (!frame) return false;
    try {
      if (frame.parent) return false;
      if (!isAppIndexUrl(frame.url, indexUrl)) return false;
    } catch {
      return false; // why: reading a disposed frame throws; a caller that is gone is not trusted
    }
    return ownWebContents().includes(event.sender);
  };
}

/** The caller's language hint, read once from the raw meta before its shape is checked (for early refusals). */
export function localeOf(raw: unknown): Locale {
  return toLocale(raw !== null && typeof raw === 'object' && Object.hasOwn(raw, 'locale') ? (raw as { locale?: unknown }).locale : undefined); // why: own property checked just before
}

export function fail(code: ErrorCode, locale: Locale, detail?: FieldKey): ApiResult<never> {
  return { ok: false, error: errorBody(code, locale, detail ? { detail: fieldText(detail, locale) } : {}) };
}

/** The meta we pass on: the token (a string when present) and the locale. Null when the shape is wrong. */
export function parseMeta(raw: unknown, locale: Locale): CallMeta | null {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return null;
  // why: own properties only; each is type-checked below (structured clone drops prototypes anyway)
  const own = (key: string): unknown => (Object.hasOwn(raw, key) ? (raw as Record<string, unknown>)[key] : undefined);
  const token = own('token');
  const rawLocale = own('locale');
  if (token !== undefined && typeof token !== 'string') return null;
  if (rawLocale !== undefined && typeof rawLocale !== 'string') return null;
  return token === undefined ? { locale } : { token, locale };
}

/** Handles 'kredslob:invoke' with the dispatcher; returns the function that removes the handler. */
export function bindIpc(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  dispatch: Dispatcher,
  isTrustedSender: SenderCheck,
  /** Sees each answer on its way back (desktop notifications watch the unread count go by). */
  observe?: (procedure: string, result: ApiResult<unknown>, meta: CallMeta) => void,
): () => void {
  ipcMain.handle(INVOKE_CHANNEL, async (event, procedure: unknown, input: unknown, rawMeta: unknown) => {
    const locale = localeOf(rawMeta);
    if (!isTrustedSender(event)) return fail('UNTRUSTED_SENDER', locale);
    if (typeof procedure !== 'string' || procedure.length === 0 || procedure.length > MAX_PROCEDURE_LENGTH) {
      return fail('BAD_REQUEST', locale, 'procedure_name');
    }
    const meta = parseMeta(rawMeta, locale);
    if (!meta) return fail('BAD_REQUEST', locale, 'call_meta');
    try {
      const result = await dispatch(procedure, input, meta);
      observe?.(procedure, result, meta);
      return result;
    } catch (err) {
      // why: the dispatcher promises never to throw; if it does, the renderer still gets plain data
      console.error('[kredslob ipc]', err);
      return fail('INTERNAL', locale);
    }
  });
  return () => ipcMain.removeHandler(INVOKE_CHANNEL);
}

/** Pushes an event to one window's renderer, where the preload's `on(event, listener)` receives the payload. */
export function sendEvent(webContents: Pick<WebContents, 'send' | 'isDestroyed'>, event: string, payload: unknown): void {
  if (webContents.isDestroyed()) return;
  webContents.send(EVENT_CHANNEL, { event, payload });
}
