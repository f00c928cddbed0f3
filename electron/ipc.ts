/**
 * The Electron transport: the core's dispatcher bound to ONE IPC channel, and events pushed back on
 * another. As thin as core/http/server.ts; it adds only what IPC needs: a check of who is calling.
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type { CallMeta, Dispatcher } from '../core/api/dispatch';
import type { ApiErrorBody, ApiResult } from '../shared/errors';
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

function isEnglish(meta: unknown): boolean {
  const locale = meta && typeof meta === 'object' ? (meta as { locale?: unknown }).locale : undefined; // why: shape checked next
  return typeof locale === 'string' && locale.trim().toLowerCase().startsWith('en');
}

function fail(code: ApiErrorBody['code'], english: boolean, da: string, en: string): ApiResult<never> {
  return { ok: false, error: { code, message: english ? en : da } };
}

/** The meta we pass on: only token and locale, each a string when present. Null when the shape is wrong. */
function parseMeta(raw: unknown): CallMeta | null {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return null;
  // why: own properties only; each is type-checked below (structured clone drops prototypes anyway)
  const own = (key: string): unknown => (Object.hasOwn(raw, key) ? (raw as Record<string, unknown>)[key] : undefined);
  const token = own('token');
  const locale = own('locale');
  if (token !== undefined && typeof token !== 'string') return null;
  if (locale !== undefined && typeof locale !== 'string') return null;
  const meta: CallMeta = {};
  if (token !== undefined) meta.token = token;
  if (locale !== undefined) meta.locale = locale;
  return meta;
}

/** Handles 'kredslob:invoke' with the dispatcher; returns the function that removes the handler. */
export function bindIpc(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  dispatch: Dispatcher,
  isTrustedSender: SenderCheck,
): () => void {
  ipcMain.handle(INVOKE_CHANNEL, async (event, procedure: unknown, input: unknown, rawMeta: unknown) => {
    const english = isEnglish(rawMeta);
    if (!isTrustedSender(event)) {
      return fail('FORBIDDEN', english, 'Kaldet kommer ikke fra Kredsløbs eget vindue.', 'The call does not come from a Kredsløb window.');
    }
    if (typeof procedure !== 'string' || procedure.length === 0 || procedure.length > MAX_PROCEDURE_LENGTH) {
      return fail('VALIDATION', english, 'Ugyldigt procedurenavn.', 'Invalid procedure name.');
    }
    const meta = parseMeta(rawMeta);
    if (!meta) {
      return fail('VALIDATION', english, 'Ugyldige kaldoplysninger (token/sprog).', 'Invalid call details (token/locale).');
    }
    try {
      return await dispatch(procedure, input, meta);
    } catch (err) {
      // why: the dispatcher promises never to throw; if it does, the renderer still gets plain data
      console.error('[kredslob ipc]', err);
      return fail('INTERNAL', english, 'Der opstod en uventet fejl.', 'An unexpected error occurred.');
    }
  });
  return () => ipcMain.removeHandler(INVOKE_CHANNEL);
}

/** Pushes an event to one window's renderer, where the preload's `on(event, listener)` receives the payload. */
export function sendEvent(webContents: Pick<WebContents, 'send' | 'isDestroyed'>, event: string, payload: unknown): void {
  if (webContents.isDestroyed()) return;
  webContents.send(EVENT_CHANNEL, { event, payload });
}
