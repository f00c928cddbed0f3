/**
 * "Beskeder" in the header with the unread count. Asks the core for the count (one cheap call) every
 * POLL_MS and on every navigation; in the desktop app, main turns a rising count into an OS notification.
 */
import { useEffect, useState } from 'react';
import { client } from '../api/instance';
import { useI18n } from '../i18n';
import { href, useRoute } from '../router';
import { onUnread } from '../unread';

/** Often enough that a listing reaches a contact within the minute; a count is a map lookup in the core. */
export const POLL_MS = 30_000;

export function NotificationBell() {
  const { t, tPlural } = useI18n();
  const { path } = useRoute();
  const [unread, setUnread] = useState(0);

  useEffect(() => onUnread(setUnread), []);

  useEffect(() => {
    let live = true;
    const ask = () =>
      client.call('notifications.unreadCount', {}).then(
        (r) => live && setUnread(r.unread),
        () => {}, // why: a missed count is asked again at the next poll; the header must not show an error for it
      );
    void ask();
    const timer = window.setInterval(() => void ask(), POLL_MS);
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, [path]);

  return (
    <a
      className="button button-ghost notification-bell"
      href={href('/notifications')}
      data-testid="notification-bell"
      data-unread={unread}
      aria-label={unread > 0 ? tPlural('notifications.bellUnread', unread) : t('notifications.bell')}
    >
      {/* An outline bell drawn here: the emoji needs a colour-emoji font that municipal PCs and Linux may lack. */}
      <svg className="bell-icon" aria-hidden="true" viewBox="0 0 24 24" width="16" height="16">
        <path d="M12 3a6 6 0 0 0-6 6v4l-2 3h16l-2-3V9a6 6 0 0 0-6-6zm-2 15a2 2 0 0 0 4 0" fill="none" stroke="currentColor" strokeWidth="2" strokeLinejoin="round" />
      </svg>{' '}
      {t('notifications.bell')}
      {unread > 0 && (
        <span className="badge badge-count" aria-hidden="true">
          {unread}
        </span>
      )}
    </a>
  );
}
