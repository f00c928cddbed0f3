/** The recycler register as a table: who, CVR, address, contact and each certification with its standing today. */
import { CERTIFICATION_WARN_DAYS, certificationStanding } from '../../shared/certifications';
import type { Recycler } from '../../shared/schemas';
import { formatDay } from '../../shared/format';
import { useI18n } from '../i18n';
import { TableHead } from './TableHead';

interface Props {
  recyclers: readonly Recycler[];
  /** Today in Copenhagen (YYYY-MM-DD): what "expired" is measured against. */
  today: string;
  onEdit(recycler: Recycler): void;
}

export function RecyclerList({ recyclers, today, onEdit }: Props) {
  const { t, locale } = useI18n();
  return (
    <table className="data-table" data-testid="recycler-list">
      <TableHead columns={['recyclers.col.legalName', 'recyclers.col.cvr', 'recyclers.col.address', 'recyclers.col.contact', 'recyclers.col.certifications', { key: 'recyclers.edit', hidden: true }]} />
      <tbody>
        {recyclers.map((r) => (
          <tr key={r.id} data-cvr={r.cvr}>
            <td>{r.legalName}</td>
            <td className="mono">{r.cvr}</td>
            <td>{r.address}</td>
            <td>
              {[r.contactName, r.contactEmail, r.contactPhone].filter(Boolean).map((line) => (
                <div key={line}>{line}</div>
              ))}
              {!r.contactName && !r.contactEmail && !r.contactPhone && t('common.none')}
            </td>
            <td>
              {r.certifications.length === 0 ? (
                <span className="warning-text">{t('recyclers.noCertifications')}</span>
              ) : (
                <ul className="plain-list">
                  {r.certifications.map((c) => {
                    const standing = certificationStanding(c.validUntil, today);
                    return (
                      <li key={`${c.scheme}-${c.number}`} data-testid="certification" data-standing={standing}>
                        {c.scheme} <span className="mono">{c.number}</span>{' '}
                        <span className="muted">{t('recyclers.validUntil', { date: formatDay(c.validUntil, locale) })}</span>
                        {standing !== 'valid' && (
                          <>
                            {' '}
                            <span className={`badge badge-cert-${standing}`}>
                              {t(standing === 'expired' ? 'certificationStanding.expired' : 'certificationStanding.expiring', { days: CERTIFICATION_WARN_DAYS })}
                            </span>
                          </>
                        )}
                      </li>
                    );
                  })}
                </ul>
              )}
            </td>
            <td>
              <button type="button" className="button button-secondary button-small" aria-label={t('recyclers.editOne', { name: r.legalName })} onClick={() => onEdit(r)}>
                {t('recyclers.edit')}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
