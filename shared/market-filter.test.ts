import { describe, expect, it } from 'vitest';
import { MarketFilter, matchesMarketFilter } from './market-filter';
import type { Device } from './schemas';

const laptop: Device = {
  id: 'd1',
  assetTag: 'KK-0000001',
  category: 'laptop',
  manufacturer: 'Lenovo',
  model: 'ThinkPad T14',
  serial: 'S1',
  specs: { ramGb: 16, storageGb: 512, screenInch: 14 },
  condition: 'B',
  dataBearing: true,
  departmentId: 'dep-suf',
  locationId: 'loc-1',
  status: 'listed',
  weightKg: 1.4,
  year: 2022,
  sanitizationId: 's1',
  availableFrom: '2026-12-10',
  reportedAt: '2026-11-01T10:00:00.000Z',
  updatedAt: '2026-11-01T10:00:00.000Z',
  trailLength: 4,
};

describe('matchesMarketFilter', () => {
  it('passes with no filters set', () => {
    expect(matchesMarketFilter(laptop, {})).toBe(true);
  });

  it.each([
    [{ category: 'desktop' }],
    [{ departmentId: 'dep-kff' }],
    [{ conditions: ['A'] }],
    [{ ramMinGb: 32 }],
    [{ storageMinGb: 1024 }],
    [{ screenMinInch: 15 }],
    [{ screenMaxInch: 13.3 }],
    [{ yearMin: 2023 }],
    [{ wiped: false }],
    [{ availableBy: '2026-12-09' }],
  ] as const)('refuses a device outside %j', (f) => {
    expect(matchesMarketFilter(laptop, MarketFilter.parse(f))).toBe(false);
  });

  it('keeps the bounds inclusive: 16 GB is "16 GB or more", 14" is inside 14–14', () => {
    const f = MarketFilter.parse({ ramMinGb: 16, storageMinGb: 512, screenMinInch: 14, screenMaxInch: 14, yearMin: 2022, availableBy: '2026-12-10', conditions: ['A', 'B'], wiped: true });
    expect(matchesMarketFilter(laptop, f)).toBe(true);
  });

  it('does not pass a device whose spec is unknown when that spec is filtered on', () => {
    const unknown: Device = { ...laptop, specs: {}, year: undefined, condition: undefined };
    for (const f of [{ ramMinGb: 0 }, { storageMinGb: 0 }, { screenMinInch: 0 }, { screenMaxInch: 99 }, { yearMin: 1990 }, { conditions: ['B' as const] }]) {
      expect(matchesMarketFilter(unknown, MarketFilter.parse(f))).toBe(false);
    }
  });

  it('tells wiped data-bearing devices from devices without data', () => {
    const monitor: Device = { ...laptop, category: 'monitor', dataBearing: false, sanitizationId: undefined };
    expect(matchesMarketFilter(monitor, { wiped: false })).toBe(true);
    expect(matchesMarketFilter(monitor, { wiped: true })).toBe(false);
    expect(matchesMarketFilter({ ...laptop, sanitizationId: undefined }, { wiped: true })).toBe(false);
  });

  it('refuses a screen range whose minimum is above its maximum, and unknown keys', () => {
    const range = MarketFilter.safeParse({ screenMinInch: 15, screenMaxInch: 13 });
    expect(range.success).toBe(false);
    expect(range.error?.issues[0]).toMatchObject({ message: 'screen_range', path: ['screenMaxInch'] });
    expect(MarketFilter.safeParse({ ram: 16 }).success).toBe(false);
  });
});
