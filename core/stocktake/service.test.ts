import { describe, expect, it } from 'vitest';
import type { Locale } from '../../shared/i18n';
import { BUF_CONTACT, BUF_SITE, SHELF, SUSTAINABILITY, SUF_CONTACT, WAREHOUSE, callAs, listedLaptop, onPaper, refusal, run, siteOf, useHarness } from '../testing/harness';

const ADMIN = 'user-admin-1';
const OTHER_SHELF = 'loc-shelf-A2';
const UNKNOWN = 'KK-9999999';

describe('stocktake.compare', () => {
  const h = useHarness();

  /** A monitor reported by BUF and checked in on `shelf`. */
  async function onShelf(serial: string, shelf = SHELF) {
    const d = await run(await h.as(BUF_CONTACT), 'devices.report', { category: 'monitor', manufacturer: 'Dell', model: 'P2419H', serial, locationId: BUF_SITE });
    return run(await h.as(WAREHOUSE), 'devices.checkIn', { assetTag: d.assetTag, condition: 'B', locationId: shelf });
  }

  const tagsOf = (devices: readonly { assetTag: string }[]) => devices.map((d) => d.assetTag);

  it('lists what is missing, what is unexpected with where it is recorded, and unknown tags', async () => {
    const [a, b, c] = [await onShelf('ST-1'), await onShelf('ST-2'), await onShelf('ST-3')];
    const elsewhere = await onShelf('ST-4', OTHER_SHELF);
    const reportedOnly = await run(await h.as(BUF_CONTACT), 'devices.report', { category: 'monitor', manufacturer: 'Dell', model: 'P2419H', serial: 'ST-5', locationId: BUF_SITE });

    const report = await run(await h.as(WAREHOUSE), 'stocktake.compare', {
      locationId: SHELF,
      tags: [a.assetTag, elsewhere.assetTag, UNKNOWN, c.assetTag, reportedOnly.assetTag],
    });

    expect(report.location.name).toBe('Hylde A-01');
    expect(tagsOf(report.expected)).toEqual([a.assetTag, b.assetTag, c.assetTag]);
    expect(tagsOf(report.found)).toEqual([a.assetTag, c.assetTag]);
    expect(tagsOf(report.missing)).toEqual([b.assetTag]);
    expect(report.unexpected.map((u) => [u.device.assetTag, u.recordedLocationName])).toEqual([
      [elsewhere.assetTag, 'Centrallager IT, Sydhavnen · Hylde A-02'],
      [reportedOnly.assetTag, 'BUF, Gyldenløvesgade 15'],
    ]);
    expect(report.unknown).toEqual([UNKNOWN]);
  });

  it('expects every state the warehouse holds on a shelf: in stock, on the marketplace and reserved', async () => {
    const inStock = await onShelf('HELD-1');
    const listed = await listedLaptop(h, 'HELD-2');
    const reserved = await listedLaptop(h, 'HELD-3');
    await run(await h.as(SUF_CONTACT), 'reservations.create', { deviceId: reserved.id, locationId: siteOf('dep-suf') });
    // Handed over, it is recorded at the receiving site, no longer on the shelf.
    const handedOver = await listedLaptop(h, 'HELD-4');
    await run(await h.as(SUF_CONTACT), 'reservations.create', { deviceId: handedOver.id, locationId: siteOf('dep-suf') });
    await run(await h.as(WAREHOUSE), 'devices.handOver', { assetTag: handedOver.assetTag, replacesNewPurchase: false, ...onPaper('dep-suf') });

    const report = await run(await h.as(WAREHOUSE), 'stocktake.compare', { locationId: SHELF, tags: [] });

    expect(tagsOf(report.expected).sort()).toEqual([inStock.assetTag, listed.assetTag, reserved.assetTag].sort());
    expect(report.missing).toEqual(report.expected);
    expect(report.found).toEqual([]);
  });

  it('counts a tag scanned twice once, also in the link form and in lower case', async () => {
    const a = await onShelf('TWICE-1');
    const b = await onShelf('TWICE-2', OTHER_SHELF);
    const report = await run(await h.as(WAREHOUSE), 'stocktake.compare', {
      locationId: SHELF,
      tags: [a.assetTag, `kredslob://device/${a.assetTag}`, a.assetTag.toLowerCase(), b.assetTag, ` ${b.assetTag} `, UNKNOWN, UNKNOWN],
    });
    expect(tagsOf(report.found)).toEqual([a.assetTag]);
    expect(report.unexpected.map((u) => u.device.assetTag)).toEqual([b.assetTag]);
    expect(report.unknown).toEqual([UNKNOWN]);
  });

  it('turns an unexpected device into a found one once it is recorded as moved here, with its own trail event', async () => {
    const stray = await onShelf('STRAY-1', OTHER_SHELF);
    const wh = await h.as(WAREHOUSE);
    const before = await run(wh, 'stocktake.compare', { locationId: SHELF, tags: [stray.assetTag] });
    expect(before.unexpected).toHaveLength(1);

    await run(wh, 'devices.move', { assetTag: stray.assetTag, locationId: SHELF });

    const after = await run(wh, 'stocktake.compare', { locationId: SHELF, tags: [stray.assetTag] });
    expect(tagsOf(after.found)).toEqual([stray.assetTag]);
    expect(after.unexpected).toEqual([]);
    const last = (await h.store.trail(stray.id)).at(-1);
    expect(last).toMatchObject({ type: 'moved', fromLocationId: OTHER_SHELF, locationId: SHELF });
  });

  it('refuses a department site and an unknown location', async () => {
    const wh = await h.as(WAREHOUSE);
    expect(await refusal(run(wh, 'stocktake.compare', { locationId: BUF_SITE, tags: [] }))).toBe('NOT_A_WAREHOUSE_LOCATION');
    expect(await refusal(run(wh, 'stocktake.compare', { locationId: 'loc-nowhere', tags: [] }))).toBe('NOT_FOUND');
  });
});

describe('stocktake.compare through the dispatcher', () => {
  const h = useHarness();
  const call = (userId: string, input: unknown, locale: Locale = 'da') => callAs(h, userId, 'stocktake.compare', input, locale);

  it('refuses a malformed tag by name, in the caller’s language, and says how it should look', async () => {
    const da = await call(WAREHOUSE, { locationId: SHELF, tags: ['KK-0000001', 'KK-12X', 'serienummer'] });
    expect(da.ok ? undefined : da.error).toMatchObject({
      code: 'ASSET_TAG_MALFORMED',
      message: '"KK-12X" er ikke et inventarnummer. Et inventarnummer har formen KK-0001234.',
    });
    const en = await call(WAREHOUSE, { locationId: SHELF, tags: ['https://example.com/KK-0000001'] }, 'en');
    expect(en.ok ? undefined : en.error.message).toBe('"https://example.com/KK-0000001" is not an asset tag. An asset tag looks like KK-0001234.');
  });

  it('is for the warehouse and admins only', async () => {
    expect((await call(WAREHOUSE, { locationId: SHELF, tags: [] })).ok).toBe(true);
    expect((await call(ADMIN, { locationId: SHELF, tags: [] })).ok).toBe(true);
    for (const user of [BUF_CONTACT, SUSTAINABILITY]) {
      const r = await call(user, { locationId: SHELF, tags: [] });
      expect(r.ok ? undefined : r.error.code, user).toBe('FORBIDDEN');
    }
  });

  it('takes up to 5000 tags in one comparison', async () => {
    const tags = (n: number) => Array.from({ length: n }, (_, i) => `KK-${String(9_000_000 + i).padStart(7, '0')}`);
    const full = await call(WAREHOUSE, { locationId: SHELF, tags: tags(5000) });
    expect(full.ok && full.data).toMatchObject({ unknown: expect.arrayContaining(['KK-9000000', 'KK-9004999']) });
    const tooMany = await call(WAREHOUSE, { locationId: SHELF, tags: tags(5001) });
    expect(tooMany.ok ? undefined : tooMany.error.code).toBe('VALIDATION');
  });
});
