/** Previous / next paging with "Viser 1–50 af 123". */
import { useI18n } from '../i18n';

interface PagerProps {
  offset: number;
  limit: number;
  total: number;
  onChange(offset: number): void;
}

export function Pager({ offset, limit, total, onChange }: PagerProps) {
  const { t, number } = useI18n();
  if (total <= limit && offset === 0) return null;
  const from = total === 0 ? 0 : offset + 1;
  const to = Math.min(offset + limit, total);
  return (
    <nav className="pager" aria-label={t('search.pagination')}>
      <button type="button" className="button button-secondary" disabled={offset === 0} onClick={() => onChange(Math.max(0, offset - limit))}>
        ← {t('search.previous')}
      </button>
      <span className="pager-info">{t('search.showing', { from: number(from), to: number(to), total: number(total) })}</span>
      <button type="button" className="button button-secondary" disabled={to >= total} onClick={() => onChange(offset + limit)}>
        {t('search.next')} →
      </button>
    </nav>
  );
}
