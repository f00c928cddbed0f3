/**
 * The device search of "Alle enheder" (every state, with status and administration filters); the marketplace
 * has its own (MarketplaceSearch.tsx). Filters live in the URL so "back" from a device keeps them.
 * On "Alle enheder" devices can be selected (across pages and filters) and their QR labels printed.
 */
import { useState } from 'react';
import { SEARCH_SORTS } from '../../shared/contract';
import { CATEGORIES, DEVICE_STATUSES, type Category, type DeviceStatus } from '../../shared/schemas';
import { client } from '../api/instance';
import { useI18n } from '../i18n';
import { toggleDevice, togglePage, type Selection } from '../label-print';
import { categoryKey, statusKey } from '../labels';
import { memberOf } from '../member-of';
import { replaceQuery, useQueryWriteLater, useRoute } from '../router';
import { useAsync } from '../use-async';
import { useDebouncedValue } from '../use-debounced-value';
import { DeviceTable } from './DeviceTable';
import { EmptyState } from './EmptyState';
import { DepartmentOptions } from './DepartmentOptions';
import { EnumOptions } from './EnumOptions';
import { LoadError } from './LoadError';
import { Loading } from './Loading';
import { Pager } from './Pager';
import { SelectedLabels } from './SelectedLabels';
import { SearchTextField, SortField } from './SearchFields';

const PAGE_SIZE = 50;
/** How long typing pauses before the text is searched for and written to the URL. */
const TEXT_DELAY_MS = 250;
type Sort = (typeof SEARCH_SORTS)[number];

interface DeviceSearchProps {
  /** 'all': every state, with status and administration filters (the marketplace has MarketplaceSearch). */
  mode: 'all';
  /** Shown when nothing exists at all (no text or filter given). */
  emptyText: string;
}

export function DeviceSearch({ mode, emptyText }: DeviceSearchProps) {
  const { t, tPlural, number } = useI18n();
  const { query, path } = useRoute();
  const all = mode === 'all';

  const [text, setText] = useState(query.get('q') ?? '');
  const [category, setCategory] = useState<Category | undefined>(memberOf(CATEGORIES, query.get('category')));
  const [status, setStatus] = useState<DeviceStatus | undefined>(all ? memberOf(DEVICE_STATUSES, query.get('status')) : undefined);
  const [departmentId, setDepartmentId] = useState<string | undefined>(all ? (query.get('department') ?? undefined) : undefined);
  const [sort, setSort] = useState<Sort>(memberOf(SEARCH_SORTS, query.get('sort')) ?? 'updated_desc');
  const [offset, setOffset] = useState(Math.max(0, Number(query.get('offset') ?? 0) || 0));
  const debouncedText = useDebouncedValue(text.trim(), TEXT_DELAY_MS);
  const [selected, setSelected] = useState<Selection>(() => new Map());

  // The URL follows once typing pauses, like the results; a pending write is done on leaving the field or the page.
  const urlQuery = { q: text.trim(), category, status, department: departmentId, sort: sort === 'updated_desc' ? undefined : sort, offset: offset || undefined };
  const flushUrl = useQueryWriteLater(() => replaceQuery(urlQuery, path), TEXT_DELAY_MS, JSON.stringify(urlQuery));

  const result = useAsync(
    () => {
      const filters = { text: debouncedText || undefined, category, departmentId, sort, limit: PAGE_SIZE, offset };
      // The marketplace has its own search (MarketplaceSearch.tsx) with the marketplace filters.
      return client.call('devices.search', { ...filters, status });
    },
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
      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()} onBlur={flushUrl}>
        <SearchTextField idPrefix={idp} value={text} onChange={filter(setText)} />
        <div className="field">
          <label htmlFor={`${idp}-category`}>{t('search.category')}</label>
          <select
            id={`${idp}-category`}
            data-testid="filter-category"
            value={category ?? ''}
            onChange={(e) => filter(setCategory)(memberOf(CATEGORIES, e.target.value))}
          >
            <EnumOptions values={CATEGORIES} label={categoryKey} empty={t('search.allCategories')} />
          </select>
        </div>
        {all && (
          <div className="field">
            <label htmlFor={`${idp}-status`}>{t('search.status')}</label>
            <select
              id={`${idp}-status`}
              data-testid="filter-status"
              value={status ?? ''}
              onChange={(e) => filter(setStatus)(memberOf(DEVICE_STATUSES, e.target.value))}
            >
              <EnumOptions values={DEVICE_STATUSES} label={statusKey} empty={t('search.allStatuses')} />
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
              <DepartmentOptions />
            </select>
          </div>
        )}
        <SortField idPrefix={idp} value={sort} onChange={filter(setSort)} />
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
          <DeviceTable
            devices={result.data.items}
            showStatus={all}
            reservedFor={result.data.reservedFor}
            selection={
              all
                ? {
                    selected,
                    onToggle: (d, on) => setSelected((s) => toggleDevice(s, d, on)),
                    onTogglePage: () => setSelected((s) => togglePage(s, result.data?.items ?? [])),
                  }
                : undefined
            }
          />
          <Pager offset={offset} limit={PAGE_SIZE} total={result.data.total} onChange={setOffset} />
        </section>
      )}
      {/* Below the results and sticky, so ticking the first box does not push the table away from the pointer. */}
      {all && selected.size > 0 && <SelectedLabels selected={selected} onClear={() => setSelected(new Map())} />}
    </div>
  );
}
