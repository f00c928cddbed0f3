/** The search text field and the sort select that every device search shows (Genbrugsbørs, Alle enheder). */
import { SEARCH_SORTS } from '../../shared/contract';
import { useT } from '../i18n';
import { sortKey } from '../labels';
import { memberOf } from '../member-of';
import { EnumOptions } from './EnumOptions';

type Sort = (typeof SEARCH_SORTS)[number];

export function SearchTextField({ idPrefix, value, onChange }: { idPrefix: string; value: string; onChange(text: string): void }) {
  const t = useT();
  return (
    <div className="field field-grow">
      <label htmlFor={`${idPrefix}-text`}>{t('search.text')}</label>
      <input
        id={`${idPrefix}-text`}
        type="search"
        data-testid="search-text"
        placeholder={t('search.textHint')}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        autoComplete="off"
      />
    </div>
  );
}

export function SortField({ idPrefix, value, onChange }: { idPrefix: string; value: Sort; onChange(sort: Sort): void }) {
  const t = useT();
  return (
    <div className="field">
      <label htmlFor={`${idPrefix}-sort`}>{t('search.sort')}</label>
      <select id={`${idPrefix}-sort`} data-testid="search-sort" value={value} onChange={(e) => onChange(memberOf(SEARCH_SORTS, e.target.value) ?? 'updated_desc')}>
        <EnumOptions values={SEARCH_SORTS} label={sortKey} />
      </select>
    </div>
  );
}
