import { describe, expect, it } from 'vitest';
import { hasFilters, marketSearchQuery, readMarketSearch, type MarketSearch } from './market-query';
import { href, parseHash } from './router';

const roundTrip = (s: MarketSearch) => readMarketSearch(parseHash(href('/marketplace', marketSearchQuery(s))).query);

describe('marketplace search in the URL', () => {
  it('reads back every filter, the text and the sort it wrote', () => {
    const s: MarketSearch = {
      text: 'latitude 14',
      filter: {
        category: 'laptop',
        departmentId: 'dep-buf',
        conditions: ['A', 'B'],
        ramMinGb: 16,
        storageMinGb: 256,
        screenMinInch: 14,
        screenMaxInch: 15.99,
        yearMin: 2020,
        wiped: true,
        availableBy: '2026-12-01',
      },
      sort: 'ram_desc',
    };
    expect(roundTrip(s)).toEqual(s);
    expect(roundTrip({ text: '', filter: { wiped: false, screenMinInch: 27 }, sort: 'updated_desc' })).toEqual({
      text: '',
      filter: { wiped: false, screenMinInch: 27 },
      sort: 'updated_desc',
    });
  });

  it('leaves out values a hand-edited link gets wrong, and keeps the rest', () => {
    const s = readMarketSearch(new URLSearchParams('category=toaster&ram=lots&grade=A,Z&screen=20-14&year=2021&wiped=maybe&sort=cheapest'));
    expect(s).toEqual({ text: '', filter: { yearMin: 2021 }, sort: 'updated_desc' });
  });

  it('says whether any filter is set', () => {
    expect(hasFilters({})).toBe(false);
    expect(hasFilters({ conditions: [] })).toBe(false);
    expect(hasFilters({ wiped: false })).toBe(true);
  });
});
