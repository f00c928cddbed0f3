/** A disposal batch's facts: container, destruction flag, who created it, its seal, its collection and when it closed. */
import type { Batch } from '../../shared/schemas';
import { useI18n } from '../i18n';
import { containerKey } from '../labels';

export function BatchFacts({ batch }: { batch: Batch }) {
  const { t, dateTime, day } = useI18n();
  const { seal, collection } = batch;
  return (
    <section className="card" aria-labelledby="batch-facts-title" data-testid="batch-facts">
      <h2 id="batch-facts-title">{t('batch.facts')}</h2>
      <dl className="facts">
        <dt>{t('batch.number')}</dt>
        <dd className="mono">{batch.number}</dd>
        <dt>{t('batch.container')}</dt>
        <dd>{t(containerKey(batch.containerType))}</dd>
        <dt>{t('batch.destruction')}</dt>
        <dd data-testid="batch-destruction">{batch.certifiedDestruction ? t('common.yes') : t('common.no')}</dd>
        <dt>{t('batch.createdBy')}</dt>
        <dd>{t('batch.byAt', { by: batch.createdBy.name, at: dateTime(batch.createdAt) })}</dd>
        {batch.note && (
          <>
            <dt>{t('batch.note')}</dt>
            <dd className="notes">{batch.note}</dd>
          </>
        )}
        {seal && (
          <>
            <dt>{t('batch.seal')}</dt>
            <dd className="mono" data-testid="batch-seal">
              {seal.sealId}
            </dd>
            <dt>{t('batch.sealedBy')}</dt>
            <dd>{t('batch.byAt', { by: seal.sealedBy.name, at: dateTime(seal.sealedAt) })}</dd>
          </>
        )}
        {collection && (
          <>
            <dt>{t('batch.recycler')}</dt>
            <dd data-testid="batch-recycler">{t('batch.recyclerValue', { name: collection.recyclerName, cvr: collection.recyclerCvr })}</dd>
            <dt>{t('batch.waybill')}</dt>
            <dd className="mono" data-testid="batch-waybill">
              {collection.waybill}
            </dd>
            <dt>{t('batch.collectedOn')}</dt>
            <dd>{t('batch.byAt', { by: collection.collectedBy.name, at: day(collection.date) })}</dd>
          </>
        )}
        {batch.closedAt && (
          <>
            <dt>{t('batch.closedAt')}</dt>
            <dd>{dateTime(batch.closedAt)}</dd>
          </>
        )}
      </dl>
    </section>
  );
}
