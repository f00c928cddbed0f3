/** The demo's warehouse always has stock to show, whatever the hour it is first started. */
import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../shared/schemas';
import { tempDir } from '../testing/harness';
import { FileStore } from '../store/file/file-store';
import { seedDemo } from './generate';
import { STANDING_STOCK } from './stock';

/** Copenhagen local times (UTC+1 in winter) across a day, including the two seen with too little stock (10:30, 13:20 UTC). */
const STARTS = ['2026-11-29T23:30:00.000Z', '2026-11-30T09:30:00.000Z', '2026-11-30T10:30:00.000Z', '2026-11-30T13:20:00.000Z', '2026-11-30T22:50:00.000Z'];

describe('the demo’s standing stock', () => {
  it.each(STARTS)('seeded at %s, has laptops, monitors, desktops, phones and tablets in stock, checked in before now', async (start) => {
    const store = await FileStore.open(tempDir('kredslob-stock-'));
    try {
      const now = new Date(start);
      await seedDemo(store, now);
      for (const category of CATEGORIES) {
        const want = STANDING_STOCK[category];
        if (want === undefined) continue;
        const { items } = await store.searchDevices({ category, status: 'in_stock', sort: 'updated_desc', limit: 1000, offset: 0 });
        expect(items.length, `${category} in stock`).toBeGreaterThanOrEqual(want);
      }
      const laptops = await store.searchDevices({ category: 'laptop', status: 'in_stock', sort: 'updated_desc', limit: 1000, offset: 0 });
      // What the wipe form and e-waste need: a data-bearing laptop on a shelf that is not wiped yet.
      expect(laptops.items.filter((d) => d.dataBearing && !d.sanitizationId).length).toBeGreaterThanOrEqual(3);
      for (const d of laptops.items) {
        const trail = await store.trail(d.id);
        expect(trail.at(-1)!.at <= now.toISOString(), d.assetTag).toBe(true);
      }
      expect(await store.verifyTrails()).toEqual([]);
    } finally {
      await store.close();
    }
  }, 60_000);
});
