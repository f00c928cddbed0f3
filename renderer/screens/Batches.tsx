/**
 * Affaldspartier: every disposal batch, newest first, filtered by status (kept in the address so "back" from a
 * batch keeps it), and for those who may start one, the "Nyt affaldsparti" form that opens the new batch.
 */
import { useEffect, useState } from 'react';
import { BATCH_STATUSES, CONTAINER_TYPES, type BatchStatus } from '../../shared/schemas';
import { client } from '../api/instance';
import { BatchStatusBadge } from '../components/BatchStatusBadge';
import { EmptyState } from '../components/EmptyState';
import { EnumOptions } from '../components/EnumOptions';
import { ErrorSummary } from '../components/ErrorSummary';
import { Field } from '../components/Field';
import { LoadError } from '../components/LoadError';
import { Loading } from '../components/Loading';
import { TableHead } from '../components/TableHead';
import type { FormFields } from '../form-model';
import { useI18n } from '../i18n';
import { batchStatusKey, containerKey } from '../labels';
import { memberOf } from '../member-of';
import { batchPath, href, navigate, replaceQuery, useRoute } from '../router';
import { mayCall } from '../screens';
import { useUser } from '../session-context';
import { useAsync } from '../use-async';
import { useContractForm } from '../use-contract-form';

const CREATE_FIELDS = {
  containerType: { label: 'batches.containerType' },
  certifiedDestruction: { label: 'batches.certifiedDestruction', checkbox: true },
  note: { label: 'batches.note' },
} as const satisfies FormFields<'batches.create'>;

export function Batches() {
  const { t, tPlural, number, dateTime } = useI18n();
  const user = useUser();
  const { query } = useRoute();
  const [status, setStatus] = useState<BatchStatus | undefined>(memberOf(BATCH_STATUSES, query.get('status')));
  useEffect(() => replaceQuery({ status }), [status]);
  const list = useAsync(() => client.call('batches.search', { status, limit: 500 }), [status]);

  return (
    <>
      <h1>{t('batches.title')}</h1>
      <p className="lead">{t('batches.intro')}</p>
      {mayCall(user.role, 'batches.create') && <NewBatchForm />}

      <form className="filters batches-filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="batches-status">{t('batches.filterStatus')}</label>
          <select id="batches-status" value={status ?? ''} onChange={(e) => setStatus(memberOf(BATCH_STATUSES, e.target.value))}>
            <EnumOptions values={BATCH_STATUSES} label={batchStatusKey} empty={t('batches.allStatuses')} />
          </select>
        </div>
      </form>
      {list.data && (
        <p className="muted" data-testid="batches-total">
          {tPlural('batches.total', list.data.total)}
        </p>
      )}
      {list.loading && !list.data && <Loading />}
      {list.error !== undefined && <LoadError error={list.error} onRetry={list.reload} />}
      {list.data && list.data.items.length === 0 && <EmptyState>{t(status ? 'batches.emptyFiltered' : 'batches.empty')}</EmptyState>}
      {list.data && list.data.items.length > 0 && (
        <div className="table-wrap">
          <table className="data-table" data-testid="batches-table">
            <TableHead
              columns={[
                'batch.number',
                'batch.container',
                'batch.status',
                { key: 'batch.devices', numeric: true },
                { key: 'batch.declaredKg', numeric: true },
                { key: 'batch.missing', numeric: true },
                'batch.created',
              ]}
            />
            <tbody>
              {list.data.items.map(({ batch, missingCount }) => (
                <tr key={batch.id} data-batch={batch.number} className="clickable" onClick={() => navigate(batchPath(batch.id))}>
                  <td className="mono">
                    <a href={href(batchPath(batch.id))}>{batch.number}</a>
                  </td>
                  <td>{t(containerKey(batch.containerType))}</td>
                  <td>
                    <BatchStatusBadge status={batch.status} />
                  </td>
                  <td className="num">{number(batch.deviceCount)}</td>
                  <td className="num">{number(batch.declaredKg, 1)}</td>
                  <td className="num">{missingCount > 0 ? number(missingCount) : t('common.none')}</td>
                  <td>{dateTime(batch.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

/** "Nyt affaldsparti": container, certified destruction and a note; the new batch's page opens at once to scan into. */
function NewBatchForm() {
  const { t } = useI18n();
  const form = useContractForm('batches.create', { idPrefix: 'batch-new', fields: CREATE_FIELDS });
  return (
    <form className="form card" noValidate aria-labelledby="batch-new-title" onSubmit={(e) => void form.onSubmit((b) => navigate(batchPath(b.id)))(e)}>
      <h2 id="batch-new-title">{t('batches.newTitle')}</h2>
      {form.summary && <ErrorSummary {...form.summary} />}
      <div className="form-grid">
        <Field {...form.field('containerType')}>
          <select {...form.control('containerType')}>
            <EnumOptions values={CONTAINER_TYPES} label={containerKey} empty={t('batches.chooseContainer')} />
          </select>
        </Field>
        <Field {...form.field('note')}>
          <input {...form.control('note')} type="text" maxLength={2000} autoComplete="off" />
        </Field>
      </div>
      <div className="checkbox-field">
        <input {...form.checkbox('certifiedDestruction')} aria-describedby="batch-new-certifiedDestruction-hint" />
        <label htmlFor={form.id('certifiedDestruction')}>{t('batches.certifiedDestruction')}</label>
        <p id="batch-new-certifiedDestruction-hint" className="hint">
          {t('batches.certifiedDestructionHint')}
        </p>
      </div>
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={form.busy}>
          {form.busy ? t('common.working') : t('batches.create')}
        </button>
      </div>
    </form>
  );
}
