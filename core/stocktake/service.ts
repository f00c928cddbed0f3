/**
 * Stock-take (lageroptælling): the warehouse scans everything on a shelf, and the core compares the scans with
 * what is recorded there. The scanned list lives in the browser while the count goes on (it survives a reload
 * in sessionStorage); this domain only computes the comparison, and "moved here" goes through `devices.move`
 * one device at a time, so each correction is its own trail event.
 *
 * Future work: a stored stock-take record (who counted which location when, and what was found), so counts
 * can be audited over time. Today a count leaves no record of its own beyond the moves it leads to.
 */
import type { ProcedureArgs, StockTakeReport } from '../../shared/contract';
import { transitionFor } from '../../shared/lifecycle';
import { tagsFromScans } from '../tags/service';
import type { Device, DeviceStatus } from '../../shared/schemas';
import type { ServiceContext } from '../context';
import { warehouseLocation } from '../lifecycle/step';
import type { StoreReads } from '../store/store';

/**
 * The states in which a device sits on a warehouse shelf: exactly the states the lifecycle lets the warehouse
 * move a device between shelves in. Asking the table keeps the two from drifting apart.
 */
const HELD_STATES: ReadonlySet<DeviceStatus> = new Set(transitionFor('move').from);

/** How many devices one search page reads while collecting a location's devices. */
const PAGE = 1000;

/** Every device recorded at the location, in any state, one search page at a time. */
async function devicesAt(ctx: ServiceContext, locationId: string): Promise<Device[]> {
  const all: Device[] = [];
  for (;;) {
    const page = await ctx.store.searchDevices({ locationId, sort: 'model_asc', limit: PAGE, offset: all.length });
    all.push(...page.items);
    if (page.items.length === 0 || all.length >= page.total) return all;
  }
}

/** "Centrallager IT, Sydhavnen · Hylde A-01" for a shelf, the name alone for a place without a parent. */
async function placeName(reads: StoreReads, id: string, cache: Map<string, string>): Promise<string> {
  const known = cache.get(id);
  if (known !== undefined) return known;
  const place = await reads.getLocation(id);
  const parent = place?.parentId ? await reads.getLocation(place.parentId) : undefined;
  const name = !place ? id : parent ? `${parent.name} · ${place.name}` : place.name;
  cache.set(id, name);
  return name;
}

const byTag = (a: Device, b: Device) => (a.assetTag < b.assetTag ? -1 : a.assetTag > b.assetTag ? 1 : 0);

/**
 * Compare the tags scanned at a location with the devices recorded there.
 * @throws NOT_FOUND (location), NOT_A_WAREHOUSE_LOCATION, ASSET_TAG_MALFORMED
 */
export async function compareStockTake(ctx: ServiceContext, input: ProcedureArgs<'stocktake.compare'>): Promise<StockTakeReport> {
  // A stock-take counts a warehouse or one of its shelves; a department's site is not the warehouse's to count.
  const location = await warehouseLocation(ctx.store, input.locationId);
  const tags = [...new Set(await tagsFromScans(ctx.store, input.tags))];

  const expected = (await devicesAt(ctx, location.id)).filter((d) => HELD_STATES.has(d.status)).sort(byTag);
  const expectedIds = new Set(expected.map((d) => d.id));
  const scanned = await Promise.all(tags.map(async (tag) => ({ tag, device: await ctx.store.getDeviceByTag(tag) })));

  const foundIds = new Set<string>();
  const unexpectedDevices: Device[] = [];
  const unknown: string[] = [];
  for (const { tag, device } of scanned) {
    if (!device) unknown.push(tag);
    else if (expectedIds.has(device.id)) foundIds.add(device.id);
    else unexpectedDevices.push(device);
  }

  const names = new Map<string, string>();
  const unexpected = [];
  for (const device of unexpectedDevices.sort(byTag)) {
    unexpected.push({ device, recordedLocationName: await placeName(ctx.store, device.locationId, names) });
  }
  return {
    location,
    expected,
    found: expected.filter((d) => foundIds.has(d.id)),
    missing: expected.filter((d) => !foundIds.has(d.id)),
    unexpected,
    unknown: unknown.sort(),
  };
}
