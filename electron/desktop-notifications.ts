/**
 * Desktop notifications for new in-app notifications, kept thin: the renderer's header already asks the core for
 * the unread count through the one IPC channel (notifications.unreadCount), so main watches those answers go by
 * and, when a person's count rises, shows one OS notification through Electron's Notification. No new bridge API,
 * no second poll: the renderer's interval and navigation decide how often.
 */
import { Notification } from 'electron';
import type { CallMeta } from '../core/api/dispatch';
import type { ApiResult } from '../shared/errors';
import { translate, translatePlural } from '../shared/i18n';

/** Sees each answer the IPC channel returns (bindIpc's `observe`). */
export type CallObserver = (procedure: string, result: ApiResult<unknown>, meta: CallMeta) => void;

export interface DesktopNote {
  title: string;
  body: string;
}

/**
 * An observer that calls `show` when the unread count a session is told rises above what it was last told. The
 * first count a session sees is where it starts (no notification for what was already waiting at sign-in).
 */
export function createUnreadWatcher(show: (note: DesktopNote) => void): CallObserver {
  const lastBySession = new Map<string, number>();
  return (procedure, result, meta) => {
    if (procedure !== 'notifications.unreadCount' || !result.ok || meta.token === undefined) return;
    const unread = (result.data as { unread?: unknown }).unread; // why: the dispatcher checked the output against the contract
    if (typeof unread !== 'number') return;
    const last = lastBySession.get(meta.token);
    lastBySession.set(meta.token, unread);
    if (last === undefined || unread <= last) return;
    show({ title: translate(meta.locale, 'notifications.desktopTitle'), body: translatePlural(meta.locale, 'notifications.desktopBody', unread - last) });
  };
}

/** Shows a note with the OS's notifications, where the OS has them. */
export function showDesktopNote(note: DesktopNote): void {
  if (Notification.isSupported()) new Notification({ title: note.title, body: note.body, silent: false }).show();
}
