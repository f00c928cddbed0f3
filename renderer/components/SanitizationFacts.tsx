/** The sanitization record (NIST SP 800-88 "certificate of sanitization" fields), or a note that there is none. */
import type { SanitizationRecord } from '../../shared/schemas';
import { useI18n } from '../i18n';
import { mediaKey, methodKey, roleKey, verificationKey } from '../labels';

export function SanitizationFacts({ record, dataBearing }: { record: SanitizationRecord | undefined; dataBearing: boolean }) {
  const { t, dateTime } = useI18n();
  return (
    <section className="card" aria-labelledby="sanitization-title" data-testid="sanitization">
      <h2 id="sanitization-title">{t('sanitization.title')}</h2>
      {!record ? (
        <p className={dataBearing ? 'warning-text' : 'muted'}>{t('sanitization.none')}</p>
      ) : (
        <dl className="facts">
          <dt>{t('sanitization.method')}</dt>
          <dd data-testid="sanitization-method">{t(methodKey(record.method))}</dd>
          <dt>{t('sanitization.technique')}</dt>
          <dd>{record.technique}</dd>
          <dt>{t('sanitization.mediaType')}</dt>
          <dd>{t(mediaKey(record.mediaType))}</dd>
          <dt>{t('sanitization.tool')}</dt>
          <dd>{t('sanitization.toolAndVersion', { tool: record.tool, version: record.toolVersion })}</dd>
          <dt>{t('sanitization.verificationMethod')}</dt>
          <dd>{t(verificationKey(record.verificationMethod))}</dd>
          <dt>{t('sanitization.verified')}</dt>
          <dd className={record.verified ? undefined : 'warning-text'}>{record.verified ? t('common.yes') : t('common.no')}</dd>
          <dt>{t('sanitization.verifierName')}</dt>
          <dd>{record.verifierName}</dd>
          <dt>{t('sanitization.operator')}</dt>
          <dd>
            {record.operator.name} · {t(roleKey(record.operator.role))}
            {record.operator.departmentCode ? ` · ${record.operator.departmentCode}` : ''}
          </dd>
          <dt>{t('sanitization.performedAt')}</dt>
          <dd>{dateTime(record.performedAt)}</dd>
          {record.notes && (
            <>
              <dt>{t('sanitization.notes')}</dt>
              <dd className="notes">{record.notes}</dd>
            </>
          )}
        </dl>
      )}
    </section>
  );
}
