/**
 * The one device search, used by the marketplace (only listed devices) and by "Alle enheder" (every state,
 * with status and administration filters). Filters live in the URL so "back" from a device keeps them.
 */
import { useEffect, useState } from 'react';
import { SEARCH_SORTS } from '../../shared/contract';
import { CATEGORIES, DEVICE_STATUSES, type Category, type DeviceStatus } from '../../shared/schemas';
import { client } from '../api/instance';
import { useI18n } from '../i18n';
import { categoryKey, sortKey, statusKey } from '../labels';
import { useReference } from '../reference-context';
import { replaceQuery, useRoute } from '../router';
import { useAsync } from '../use-async';
import { useDebouncedValue } from '../use-debounced-value';
import { DeviceTable } from './DeviceTable';
import { EmptyState } from './EmptyState';
import { LoadError } from './LoadError';
import { Loading } from './Loading';
import { Pager } from './Pager';

const PAGE_SIZE = 50;
type Sort = (typeof SEARCH_SORTS)[number];

function oneOf<T extends string>(values: readonly T[], v: string | null): T | undefined {
  return v !== null && (values as readonly string[]).includes(v) ? (v as T) : undefined; // why: membership checked
}

interface DeviceSearchProps {
  /** 'marketplace': listed devices only; 'all': every state, with status and administration filters. */
  mode: 'marketplace' | 'all';
  /** Shown when nothing exists at all (no text or filter given). */
  emptyText: string;
}

export function DeviceSearch({ mode, emptyText }: DeviceSearchProps) {
  const { t, tPlural, number } = useI18n();
  const ref = useReference();
  const { query } = useRoute();
  const all = mode === 'all';

  const [text, setText] = useState(query.get('q') ?? '');
  const [category, setCategory] = useState<Category | undefined>(oneOf(CATEGORIES, query.get('category')));
  const [status, setStatus] = useState<DeviceStatus | undefined>(all ? oneOf(DEVICE_STATUSES, query.get('status')) : undefined);
  const [departmentId, setDepartmentId] = useState<string | undefined>(all ? (query.get('department') ?? undefined) : undefined);
  const [sort, setSort] = useState<Sort>(oneOf(SEARCH_SORTS, query.get('sort')) ?? 'updated_desc');
  const [offset, setOffset] = useState(Math.max(0, Number(query.get('offset') ?? 0) || 0));
  const debouncedText = useDebouncedValue(text.trim(), 250);

  useEffect(() => {
    replaceQuery({ q: debouncedText, category, status, department: departmentId, sort: sort === 'updated_desc' ? undefined : sort, offset: offset || undefined });
  }, [debouncedText, category, status, departmentId, sort, offset]);

  const result = useAsync(
    () =>
      client.call('devices.search', {
        text: debouncedText || undefined,
        category,
        status: all ? status : 'listed',
        departmentId,
        sort,
        limit: PAGE_SIZE,
        offset,
      }),
    [debouncedText, category, status, departmentId, sort, offset, all],
  );

  // A new filter starts from the first page.
  const filter = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setOffset(0);
  };
  const filtered = debouncedText !== '' || category !== undefined || status !== undefined || departmentId !== undefined;
  const idp = `search-${mode}`;

  return (
    <div className="device-search">
      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <div className="field field-grow">
          <label htmlFor={`${idp}-text`}>{t('search.text')}</label>
          <input
            id={`${idp}-text`}
            type="search"
            data-testid="search-text"
            placeholder={t('search.textHint')}
            value={text}
            onChange={(e) => filter(setText)(e.target.value)}
            autoComplete="off"
          />
        </div>
        <div className="field">
          <label htmlFor={`${idp}-category`}>{t('search.category')}</label>
          <select
            id={`${idp}-category`}
            data-testid="filter-category"
            value={category ?? ''}
            onChange={(e) => filter(setCategory)(oneOf(CATEGORIES, e.target.value))}
          >
            <option value="">{t('search.allCategories')}</option>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(categoryKey(c))}
              </option>
            ))}
          </select>
        </div>
        {all && (
          <div className="field">
            <label htmlFor={`${idp}-status`}>{t('search.status')}</label>
            <select
              id={`${idp}-status`}
              data-testid="filter-status"
              value={status ?? ''}
              onChange={(e) => filter(setStatus)(oneOf(DEVICE_STATUSES, e.target.value))}
            >
              <option value="">{t('search.allStatuses')}</option>
              {DEVICE_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(statusKey(s))}
                </option>
              ))}
            </select>
          </div>
        )}
        {all && (
          <div className="field">
            <label htmlFor={`${idp}-department`}>{t('search.department')}</label>
            <select
              id={`${idp}-department`}
              data-testid="filter-department"
              value={departmentId ?? ''}
              onChange={(e) => filter(setDepartmentId)(e.target.value || undefined)}
            >
              <option value="">{t('search.allDepartments')}</option>
              {ref.departments.map((d) => (
                <option key={d.id} value={d.id}>
                  {ref.departmentLabel(d.id)}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field">
          <label htmlFor={`${idp}-sort`}>{t('search.sort')}</label>
          <select
            id={`${idp}-sort`}
            data-testid="search-sort"
            value={sort}
            onChange={(e) => filter(setSort)(oneOf(SEARCH_SORTS, e.target.value) ?? 'updated_desc')}
          >
            {SEARCH_SORTS.map((s) => (
              <option key={s} value={s}>
                {t(sortKey(s))}
              </option>
            ))}
          </select>
        </div>
      </form>

      <div className="results-bar">
        <p className="result-count" aria-live="polite" data-testid="search-total">
          {result.data && tPlural('search.total', result.data.total, { count: number(result.data.total) })}
        </p>
        {result.loading && result.data && <span className="spinner" aria-hidden="true" />}
      </div>

      {result.error !== undefined && <LoadError error={result.error} onRetry={result.reload} />}
      {result.loading && !result.data && <Loading />}
      {result.data && result.data.items.length === 0 && (
        <EmptyState>{filtered || offset > 0 ? t('search.noMatch') : emptyText}</EmptyState>
      )}
      {result.data && result.data.items.length > 0 && (
        <section aria-label={t('search.resultsLabel')} aria-busy={result.loading}>
          <DeviceTable devices={result.data.items} showStatus={all} />
          <Pager offset={offset} limit={PAGE_SIZE} total={result.data.total} onChange={setOffset} />
        </section>
      )}
    </div>
  );
}
