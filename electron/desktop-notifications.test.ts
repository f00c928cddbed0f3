import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createUnreadWatcher, showDesktopNote } from './desktop-notifications';

// why: Electron's Notification exists only inside a running Electron; the OS notification is the external thing here
const shown = vi.hoisted(() => ({ notes: [] as { title: string; body: string }[], supported: true }));
vi.mock('electron', () => ({
  Notification: class {
    static isSupported = () => shown.supported;
    constructor(private readonly options: { title: string; body: string }) {}
    show() {
      shown.notes.push({ title: this.options.title, body: this.options.body });
    }
  },
}));

const unread = (n: number) => ({ ok: true as const, data: { unread: n } });

describe('desktop notifications for new in-app notifications', () => {
  beforeEach(() => {
    shown.notes.length = 0;
    shown.supported = true;
  });

  it('shows one OS notification when the unread count the header polls rises, in the caller\'s language', () => {
    const observe = createUnreadWatcher(showDesktopNote);
    observe('notifications.unreadCount', unread(1), { token: 't-1', locale: 'da' });
    expect(shown.notes).toEqual([]); // what was waiting at sign-in is the starting point
    observe('notifications.unreadCount', unread(1), { token: 't-1', locale: 'da' });
    observe('notifications.unreadCount', unread(3), { token: 't-1', locale: 'da' });
    expect(shown.notes).toEqual([{ title: 'Kredsløb: ny besked', body: '2 enheder passer til jeres efterlysninger.' }]);
    observe('notifications.unreadCount', unread(4), { token: 't-1', locale: 'en' });
    expect(shown.notes[1]).toEqual({ title: 'Kredsløb: new notification', body: 'A device matches your wanted request.' });
  });

  it('stays quiet when the count falls (read) and keeps each signed-in session apart', () => {
    const observe = createUnreadWatcher(showDesktopNote);
    observe('notifications.unreadCount', unread(2), { token: 't-1', locale: 'da' });
    observe('notifications.unreadCount', unread(0), { token: 't-1', locale: 'da' });
    observe('notifications.unreadCount', unread(5), { token: 't-2', locale: 'da' }); // another profile's first count
    expect(shown.notes).toEqual([]);
    observe('notifications.unreadCount', unread(1), { token: 't-1', locale: 'da' });
    expect(shown.notes).toHaveLength(1);
  });

  it('ignores other procedures, refused calls and anonymous callers, and shows nothing where the OS has no notifications', () => {
    const observe = createUnreadWatcher(showDesktopNote);
    observe('notifications.unreadCount', unread(0), { token: 't-1', locale: 'da' });
    observe('reservations.search', unread(9), { token: 't-1', locale: 'da' });
    observe('notifications.unreadCount', { ok: false, error: { code: 'INTERNAL', message: 'x' } }, { token: 't-1', locale: 'da' });
    observe('notifications.unreadCount', unread(9), { locale: 'da' });
    expect(shown.notes).toEqual([]);
    shown.supported = false;
    observe('notifications.unreadCount', unread(2), { token: 't-1', locale: 'da' });
    expect(shown.notes).toEqual([]);
  });
});
