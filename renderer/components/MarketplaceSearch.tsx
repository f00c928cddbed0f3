/**
 * The marketplace search: text, filters with facet counts, sort and a virtualised list of cards that pages in
 * from the core as one scrolls. The search lives in the URL (market-query.ts): a filter or sort change is a
 * history entry (back undoes it), typing replaces the entry (no entry per key).
 */
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { MarketFacets } from '../../shared/market-facets';
import type { MarketFilter } from '../../shared/market-filter';
import type { Device } from '../../shared/schemas';
import { client } from '../api/instance';
import { useI18n } from '../i18n';
import { hasFilters, marketSearchQuery, readMarketSearch, type MarketSearch } from '../market-query';
import { navigate, replaceQuery, useQueryWriteLater, useRoute } from '../router';
import { EmptyState } from './EmptyState';
import { LoadError } from './LoadError';
import { Loading } from './Loading';
import { MarketCard, MARKET_CARD_HEIGHT } from './MarketCard';
import { MarketFilters } from './MarketFilters';
import { SearchTextField, SortField } from './SearchFields';

const PATH = '/marketplace';
/** Devices per call: several screenfuls (a card is 112 px), small enough that the first page of each keystroke comes back quickly. */
const PAGE = 50;
/**
 * How long typing pauses before the URL follows the text. Writing the URL is work for the page and the browser on
 * every key (a history entry replaced), done while the keystroke's results are on their way; a filter or sort
 * change still writes it at once, and leaving the field or the page writes a pending one (so back returns to what
 * was typed, and to what a scan put back in the field before it opened the device).
 */
const URL_TEXT_DELAY_MS = 400;
/** How long results may be out of date before a spinner (and aria-busy) says so; most keystrokes answer sooner. */
const BUSY_AFTER_MS = 300;

interface Results {
  /** The search these results answer (compared by its JSON). */
  key: string;
  text: string;
  total: number;
  facets: MarketFacets | undefined;
  /** Page number → its devices. */
  pages: Map<number, Device[]>;
}

export function MarketplaceSearch({ emptyText }: { emptyText: string }) {
  const { t, tPlural, number } = useI18n();
  const { query, path } = useRoute();
  const fromUrl = useMemo(() => readMarketSearch(query), [query]);
  const [text, setText] = useState(fromUrl.text);

  // Back/forward (or a pasted link) brings a text of its own. A text this screen wrote itself is not one: the
  // field may already be keys ahead of it, and taking it back would drop what was typed since.
  const written = useRef(fromUrl.text);
  const urlText = fromUrl.text;
  useEffect(() => {
    if (urlText !== written.current) setText(urlText);
  }, [urlText]);

  const search: MarketSearch = { text: text.trim(), filter: fromUrl.filter, sort: fromUrl.sort };
  const key = JSON.stringify(search);
  // `key` is `search` as a value: the effects run when the search really changed.
  const flushUrl = useQueryWriteLater(
    () => {
      written.current = search.text;
      replaceQuery(marketSearchQuery(search), path);
    },
    URL_TEXT_DELAY_MS,
    key,
  );

  const setSearch = (next: Partial<MarketSearch>) => {
    written.current = search.text;
    navigate(PATH, marketSearchQuery({ ...search, ...next }));
  };
  // One function for the whole life of the screen, reading the newest search: the memoised filters then do not
  // re-render on every keystroke (a keystroke's budget is 100 ms to results at 100,000 devices).
  const latest = useRef(setSearch);
  latest.current = setSearch;
  const setFilter = useCallback((filter: MarketFilter) => latest.current({ filter }), []);

  const [results, setResults] = useState<Results>();
  const [error, setError] = useState<unknown>();
  const [attempt, setAttempt] = useState(0);
  const loadingPages = useRef(new Set<string>());

  useEffect(() => {
    let live = true;
    setError(undefined);
    client
      .call('marketplace.search', { text: search.text || undefined, filter: search.filter, sort: search.sort, limit: PAGE, offset: 0, facets: true })
      .then(
        (r) => live && setResults({ key, text: search.text, total: r.total, facets: r.facets, pages: new Map([[0, r.items]]) }),
        (e: unknown) => live && setError(e),
      );
    return () => {
      live = false;
    };
  }, [key, attempt]);

  // The newest results and search for ensurePage, which stays one function so the memoised list does not
  // re-render on a keystroke (it shows the previous results until the new ones come).
  const current = useRef({ results, key });
  current.current = { results, key };

  /** Loads the page holding `index` of the current results, once. */
  const ensurePage = useCallback(
    (index: number) => {
      const { results, key } = current.current;
      if (!results || results.key !== key) return;
      const page = Math.floor(index / PAGE);
      const ticket = `${key}#${page}`;
      if (results.pages.has(page) || loadingPages.current.has(ticket)) return;
      loadingPages.current.add(ticket);
      const s = JSON.parse(key) as MarketSearch; // why: `key` is the JSON of a MarketSearch, made above
      client
        .call('marketplace.search', { text: s.text || undefined, filter: s.filter, sort: s.sort, limit: PAGE, offset: page * PAGE })
        .then(
          (r) => setResults((cur) => (cur?.key === key ? { ...cur, total: r.total, pages: new Map(cur.pages).set(page, r.items) } : cur)),
          (e: unknown) => setError(e),
        )
        .finally(() => loadingPages.current.delete(ticket));
    },
    [],
  );

  const stale = results !== undefined && results.key !== key;
  // The results that have been out of date for BUSY_AFTER_MS: typing on does not restart the wait.
  const [slowFor, setSlowFor] = useState<Results>();
  useEffect(() => {
    if (!stale) return;
    const timer = window.setTimeout(() => setSlowFor(results), BUSY_AFTER_MS);
    return () => window.clearTimeout(timer);
  }, [stale, results]);
  const busy = stale && slowFor === results;
  const filtered = search.text !== '' || hasFilters(search.filter);
  const idp = 'market';

  return (
    <div className="market-search">
      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()} onBlur={flushUrl}>
        <SearchTextField idPrefix={idp} value={text} onChange={setText} />
        <SortField idPrefix={idp} value={search.sort} onChange={(sort) => setSearch({ sort })} />
      </form>

      <div className="market-body">
        <MarketFilters filter={search.filter} facets={results?.facets} onChange={setFilter} />

        {/* data-results-for: the text whose results are on screen (what bench:ui times a keystroke to). */}
        <div className="market-results" data-results-for={results?.text}>
          <div className="results-bar">
            <p className="result-count" aria-live="polite" data-testid="search-total">
              {results && tPlural('search.total', results.total, { count: number(results.total) })}
            </p>
            {busy && <span className="spinner" aria-hidden="true" />}
          </div>
          {error !== undefined && <LoadError error={error} onRetry={() => setAttempt((n) => n + 1)} />}
          {!results && error === undefined && <Loading />}
          {results && results.total === 0 && <EmptyState>{filtered ? t('search.noMatch') : emptyText}</EmptyState>}
          {results && results.total > 0 && <ResultList results={results} busy={busy} ensurePage={ensurePage} />}
        </div>
      </div>
    </div>
  );
}

/** The cards of the results, only those in view rendered; missing pages are fetched as they come into view. */
const ResultList = memo(function ResultList({ results, busy, ensurePage }: { results: Results; busy: boolean; ensurePage: (index: number) => void }) {
  const { t } = useI18n();
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: results.total,
    getScrollElement: () => scroller.current,
    estimateSize: () => MARKET_CARD_HEIGHT,
    // A few cards beyond the view: each new search renders every card afresh, so fewer is faster per keystroke.
    overscan: 3,
    // why: rows have one fixed height, so nothing needs measuring synchronously (React 19 warns on flushSync)
    useFlushSync: false,
  });
  const rows = virtualizer.getVirtualItems();
  const first = rows[0]?.index;
  const last = rows.at(-1)?.index;
  useEffect(() => {
    if (first === undefined || last === undefined) return;
    ensurePage(first);
    ensurePage(last);
  }, [first, last, ensurePage, results]);

  // A new search starts at the top.
  useEffect(() => {
    const el = scroller.current;
    if (el && el.scrollTop !== 0) el.scrollTo({ top: 0 });
  }, [results.key]);

  const deviceAt = (i: number) => results.pages.get(Math.floor(i / PAGE))?.[i % PAGE];
  return (
    <div
      ref={scroller}
      className="market-scroller"
      role="region"
      aria-label={t('market.resultsLabel')}
      aria-busy={busy}
      tabIndex={0}
      data-testid="market-results"
    >
      <ul className="market-list" style={{ height: virtualizer.getTotalSize() }}>
        {rows.map((row) => {
          const d = deviceAt(row.index);
          return (
            <li
              key={row.key}
              className="market-row"
              aria-setsize={results.total}
              aria-posinset={row.index + 1}
              style={{ transform: `translateY(${row.start}px)`, height: MARKET_CARD_HEIGHT }}
            >
              {d ? <MarketCard device={d} /> : <div className="market-card market-card-pending">{t('market.loadingMore')}</div>}
            </li>
          );
        })}
      </ul>
    </div>
  );
});
