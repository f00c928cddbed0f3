/**
 * Beskeder: the person's notifications, newest first. Each links to the device page, where a contact reserves;
 * opening one marks it read, and "Markér alle som læst" marks the rest.
 */
import { useState } from 'react';
import type { Notification } from '../../shared/wanted';
import { client, errorText } from '../api/instance';
import { Banner } from '../components/Banner';
import { EmptyState } from '../components/EmptyState';
import { LoadError } from '../components/LoadError';
import { Loading } from '../components/Loading';
import { useI18n } from '../i18n';
import { devicePath, href, navigate } from '../router';
import { useAsync } from '../use-async';
import { announceUnread } from '../unread';
import { mayCall } from '../may-call';
import { useUser } from '../session-context';

export function Notifications() {
  const { t, dateTime } = useI18n();
  const list = useAsync(() => client.call('notifications.list', {}), []);
  const [error, setError] = useState<string | undefined>();
  const mayWant = mayCall(useUser().role, 'wanted.create');

  async function markRead(ids?: string[]) {
    setError(undefined);
    try {
      announceUnread((await client.call('notifications.markRead', ids ? { ids } : {})).unread);
    } catch (e) {
      setError(errorText(e, t('common.unexpectedError')));
    }
  }

  async function open(n: Notification) {
    if (n.readAt === undefined) await markRead([n.id]);
    navigate(devicePath(n.deviceId));
  }

  const unread = list.data?.unread ?? 0;
  return (
    <>
      <h1>{t('notifications.title')}</h1>
      <p className="lead">
        {t('notifications.intro')} {mayWant && <a href={href('/wanted')}>{t('notifications.toWanted')}</a>}
      </p>
      {error && <Banner kind="error">{error}</Banner>}
      {list.loading && !list.data && <Loading />}
      {list.error !== undefined && <LoadError error={list.error} onRetry={list.reload} />}
      {list.data && list.data.items.length === 0 && <EmptyState>{t('notifications.empty')}</EmptyState>}
      {unread > 0 && (
        <div className="button-row">
          <button type="button" className="button button-secondary" onClick={() => void markRead().then(list.reload)}>
            {t('notifications.markAllRead')}
          </button>
        </div>
      )}
      {list.data && list.data.items.length > 0 && (
        <ul className="notification-list" data-testid="notifications">
          {list.data.items.map((n) => (
            <li key={n.id} className={n.readAt === undefined ? 'notification notification-unread' : 'notification'} data-testid="notification" data-unread={n.readAt === undefined}>
              {n.readAt === undefined && <span className="badge badge-new">{t('notifications.new')}</span>}{' '}
              <span>{t('notifications.wantedMatchShort', { title: n.title, assetTag: n.assetTag })}</span>{' '}
              <span className="muted">{dateTime(n.createdAt)}</span>{' '}
              <a
                href={href(devicePath(n.deviceId))}
                onClick={(e) => {
                  e.preventDefault();
                  void open(n);
                }}
              >
                {t('notifications.open')}
              </a>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
