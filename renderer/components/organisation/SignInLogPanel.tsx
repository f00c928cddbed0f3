/**
 * Log ind og ud (issue 13): the sign-in log (auth.audit), newest first: when, what happened, the e-mail tried or the
 * person, and the client's address. Shared mode writes it; standalone has no sign-ins to show.
 */
import { client } from '../../api/instance';
import { useI18n } from '../../i18n';
import { useAsync } from '../../use-async';
import { LoadError } from '../LoadError';
import { Loading } from '../Loading';
import { TableHead } from '../TableHead';

export function SignInLogPanel() {
  const { t, dateTime } = useI18n();
  const list = useAsync(() => client.call('auth.audit', { limit: 500 }), []);
  const entries = list.data?.entries ?? [];
  return (
    <>
      <p className="lead">{t('signInLog.intro')}</p>
      {list.loading && !list.data && <Loading />}
      {list.error !== undefined && <LoadError error={list.error} onRetry={list.reload} />}
      {list.data && entries.length === 0 && <p className="muted">{t('signInLog.empty')}</p>}
      {entries.length > 0 && (
        <table className="data-table" data-testid="sign-in-log">
          <TableHead columns={['audit.col.when', 'signInLog.col.event', 'signInLog.col.who', 'signInLog.col.address']} />
          <tbody>
            {entries.map((e) => (
              <tr key={e.id} data-event={e.event}>
                <td>{dateTime(e.at)}</td>
                <td>{t(`signInLog.event.${e.event}`)}</td>
                <td>
                  {e.userName ?? e.email} {e.userName && <span className="muted">({e.email})</span>}
                  {e.by && <span className="muted"> · {t('signInLog.by', { name: e.by })}</span>}
                </td>
                <td>{e.address ?? t('common.none')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
