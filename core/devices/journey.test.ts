import { describe, expect, it } from 'vitest';
import {
  BUF_CONTACT,
  BUF_SITE,
  SHELF,
  SUF_CONTACT,
  TMF_CONTACT,
  WAREHOUSE,
  WIPE,
  deviceCount,
  listedLaptop,
  onPaper,
  refusal,
  run,
  siteOf,
  useHarness,
} from '../testing/harness';

describe('the device journey', () => {
  const h = useHarness();

  it('runs from report to reuse, with the owner changed and every step on the trail', async () => {
    const buf = await h.as(BUF_CONTACT);
    const wh = await h.as(WAREHOUSE);
    const suf = await h.as(SUF_CONTACT);
    const tmf = await h.as(TMF_CONTACT);
    const d = await run(buf, 'devices.report', { category: 'laptop', manufacturer: 'Lenovo', model: 'ThinkPad T14', serial: 'PF-1', locationId: BUF_SITE });
    expect(d.status).toBe('reported');
    expect(d.dataBearing).toBe(true);
    await run(wh, 'devices.checkIn', { assetTag: d.assetTag, condition: 'B', locationId: SHELF });
    expect(await refusal(run(wh, 'devices.publish', { deviceId: d.id }))).toBe('SANITIZATION_REQUIRED');
    await run(wh, 'devices.recordSanitization', { deviceId: d.id, ...WIPE });
    await run(wh, 'devices.publish', { deviceId: d.id });
    const r = await run(suf, 'reservations.create', { deviceId: d.id, locationId: siteOf('dep-suf') });
    expect(r.departmentId).toBe('dep-suf');
    expect(await refusal(run(tmf, 'reservations.create', { deviceId: d.id, locationId: siteOf('dep-tmf') }))).toBe('RESERVED_BY_OTHER');
    const done = await run(wh, 'devices.handOver', { assetTag: d.assetTag, replacesNewPurchase: true, ...onPaper('dep-suf') });
    expect(done.status).toBe('reused');
    expect(done.departmentId).toBe('dep-suf');

    const detail = await run(wh, 'devices.get', { id: d.id });
    expect(detail.trail.map((e) => e.type)).toEqual(['reported', 'checked_in', 'sanitized', 'listed', 'reserved', 'handed_over']);
    expect(detail.trail.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(detail.trail[0]!.actor).toMatchObject({ id: BUF_CONTACT, role: 'department_contact', departmentCode: 'BUF' });
    expect(detail.trail[4]!.actor).toMatchObject({ id: SUF_CONTACT, departmentCode: 'SUF' });
    expect(detail.trail[1]!.locationName).toBe('Hylde A-01');
    expect(detail.device.trailLength).toBe(6);
    expect(await h.store.verifyTrails()).toEqual([]);
  });

  it('refuses a refused step without writing anything', async () => {
    const buf = await h.as(BUF_CONTACT);
    const wh = await h.as(WAREHOUSE);
    const d = await run(buf, 'devices.report', { category: 'laptop', manufacturer: 'Dell', model: 'Latitude', serial: 'S1', locationId: BUF_SITE });
    await run(wh, 'devices.checkIn', { assetTag: d.assetTag, condition: 'A', locationId: SHELF });
    const before = await h.store.trail(d.id);
    expect(await refusal(run(wh, 'devices.publish', { deviceId: d.id }))).toBe('SANITIZATION_REQUIRED');
    expect(await refusal(run(wh, 'devices.checkIn', { assetTag: d.assetTag, condition: 'A', locationId: SHELF }))).toBe('TRANSITION_NOT_ALLOWED');
    expect(await h.store.trail(d.id)).toEqual(before);
    expect((await h.store.getDevice(d.id))?.status).toBe('in_stock');
  });

  it('refuses check-in onto a department site and a check-in by a department contact', async () => {
    const buf = await h.as(BUF_CONTACT);
    const wh = await h.as(WAREHOUSE);
    const d = await run(buf, 'devices.report', { category: 'monitor', manufacturer: 'Dell', model: 'P2422H', serial: 'M1', locationId: BUF_SITE });
    expect(d.dataBearing).toBe(false);
    expect(await refusal(run(wh, 'devices.checkIn', { assetTag: d.assetTag, condition: 'A', locationId: BUF_SITE }))).toBe('NOT_A_WAREHOUSE_LOCATION');
    expect(await refusal(run(buf, 'devices.checkIn', { assetTag: d.assetTag, condition: 'A', locationId: SHELF }))).toBe('ROLE_NOT_ALLOWED');
  });

  it('lists a monitor without a sanitization record (it carries no data)', async () => {
    const buf = await h.as(BUF_CONTACT);
    const wh = await h.as(WAREHOUSE);
    const d = await run(buf, 'devices.report', { category: 'monitor', manufacturer: 'Dell', model: 'P2422H', serial: 'M2', locationId: BUF_SITE });
    await run(wh, 'devices.checkIn', { assetTag: d.assetTag, condition: 'A', locationId: SHELF });
    expect((await run(wh, 'devices.publish', { deviceId: d.id })).status).toBe('listed');
  });

  it('treats a printer overridden as data-bearing like a laptop', async () => {
    const buf = await h.as(BUF_CONTACT);
    const wh = await h.as(WAREHOUSE);
    const d = await run(buf, 'devices.report', { category: 'printer', manufacturer: 'HP', model: 'M404', serial: 'P1', locationId: BUF_SITE, dataBearing: true });
    expect(d.dataBearing).toBe(true);
    await run(wh, 'devices.checkIn', { assetTag: d.assetTag, condition: 'A', locationId: SHELF });
    expect(await refusal(run(wh, 'devices.publish', { deviceId: d.id }))).toBe('SANITIZATION_REQUIRED');
  });

  it('lets only the warehouse say that a laptop carries no data, and writes the override on the trail', async () => {
    const buf = await h.as(BUF_CONTACT);
    const wh = await h.as(WAREHOUSE);
    const laptop = { category: 'laptop' as const, manufacturer: 'Dell', model: 'Latitude', serial: 'L1', locationId: BUF_SITE };
    expect(await refusal(run(buf, 'devices.report', { ...laptop, dataBearing: false }))).toBe('DATA_BEARING_OVERRIDE');
    expect(await deviceCount(h)).toBe(0);
    const d = await run(wh, 'devices.report', { ...laptop, dataBearing: false });
    expect(d.dataBearing).toBe(false);
    expect((await h.store.trail(d.id))[0]).toMatchObject({ type: 'reported', dataBearingOverride: false, actor: { id: WAREHOUSE } });
  });

  it('lets a department contact report only at a site of their own administration', async () => {
    const buf = await h.as(BUF_CONTACT);
    const monitor = { category: 'monitor' as const, manufacturer: 'Dell', model: 'P1', serial: 'X' };
    expect(await refusal(run(buf, 'devices.report', { ...monitor, locationId: 'dep-suf-site-1' }))).toBe('NOT_OWN_DEPARTMENT');
    expect(await refusal(run(buf, 'devices.report', { ...monitor, locationId: SHELF }))).toBe('NOT_OWN_DEPARTMENT');
    expect(await deviceCount(h)).toBe(0);
  });

  it('refuses a serial number already on record, naming the device that has it, until the person says it is another device', async () => {
    const buf = await h.as(BUF_CONTACT);
    const monitor = { category: 'monitor' as const, manufacturer: 'Dell', model: 'P1', locationId: BUF_SITE };
    const first = await run(buf, 'devices.report', { ...monitor, serial: 'CN0ABC123' });
    const again = await run(buf, 'devices.report', { ...monitor, serial: ' cn0abc123 ' }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(again).toMatchObject({ code: 'SERIAL_EXISTS', params: { assetTag: first.assetTag, deviceId: first.id, status: 'reported' }, fields: { serial: 'serial_exists' } });
    expect(await deviceCount(h)).toBe(1);
    // A serial that only contains the known one is another serial.
    await run(buf, 'devices.report', { ...monitor, serial: 'CN0ABC1234' });
    const second = await run(buf, 'devices.report', { ...monitor, serial: 'CN0ABC123', acceptDuplicateSerial: true });
    expect(second.assetTag).not.toBe(first.assetTag);
    expect(await deviceCount(h)).toBe(3);
  });

  it('takes a pre-printed tag Kredsløb issued, refuses one already in use and one it never issued', async () => {
    const buf = await h.as(BUF_CONTACT);
    const { tags } = await run(await h.as(WAREHOUSE), 'tags.allocate', { count: 2 });
    const [first = '', second = ''] = tags;
    const monitor = { category: 'monitor' as const, manufacturer: 'Dell', model: 'P1', locationId: BUF_SITE };
    const d = await run(buf, 'devices.report', { ...monitor, serial: 'A', assetTag: first });
    expect(d.assetTag).toBe(first);
    expect(await refusal(run(buf, 'devices.report', { ...monitor, serial: 'B', assetTag: first }))).toBe('ASSET_TAG_TAKEN');
    expect(await refusal(run(buf, 'devices.report', { ...monitor, serial: 'B', assetTag: 'KK-0500000' }))).toBe('TAG_NOT_ISSUED');
    expect(await deviceCount(h)).toBe(1);
    // The next report without a tag gets a number after the pre-printed ones, never one of them.
    const next = await run(buf, 'devices.report', { ...monitor, serial: 'C' });
    expect(next.assetTag > second).toBe(true);
  });

  it('links a pre-printed tag to the reported device the warehouse picks at check-in, on the trail', async () => {
    const buf = await h.as(BUF_CONTACT);
    const wh = await h.as(WAREHOUSE);
    const reported = await run(buf, 'devices.report', { category: 'laptop', manufacturer: 'HP', model: 'EliteBook', serial: 'E1', locationId: BUF_SITE });
    const { tags } = await run(wh, 'tags.allocate', { count: 1 });
    const label = tags[0] ?? '';
    const checkIn = { assetTag: label, condition: 'B' as const, locationId: SHELF };
    expect(await refusal(run(wh, 'devices.checkIn', checkIn))).toBe('TAG_NOT_LINKED');
    expect(await refusal(run(wh, 'devices.checkIn', { ...checkIn, assetTag: 'KK-0900000', deviceId: reported.id }))).toBe('TAG_NOT_ISSUED');
    expect((await h.store.getDevice(reported.id))?.assetTag).toBe(reported.assetTag);

    const done = await run(wh, 'devices.checkIn', { ...checkIn, deviceId: reported.id });
    expect(done).toMatchObject({ id: reported.id, assetTag: label, status: 'in_stock' });
    expect((await h.store.getDeviceByTag(label))?.id).toBe(reported.id);
    expect(await h.store.getDeviceByTag(reported.assetTag)).toBeUndefined();
    const trail = await h.store.trail(reported.id);
    expect(trail.map((e) => e.type)).toEqual(['reported', 'tag_linked', 'checked_in']);
    expect(trail[1]).toMatchObject({ fromTag: reported.assetTag, toTag: label, actor: { id: WAREHOUSE } });
    // The tag is now on a device: naming another device with it is refused.
    const other = await run(buf, 'devices.report', { category: 'monitor', manufacturer: 'Dell', model: 'P1', serial: 'M9', locationId: BUF_SITE });
    expect(await refusal(run(wh, 'devices.checkIn', { ...checkIn, deviceId: other.id }))).toBe('ASSET_TAG_TAKEN');
    expect(await h.store.verifyTrails()).toEqual([]);
  });

  it('hands over only a reserved device', async () => {
    const d = await listedLaptop(h);
    expect(await refusal(run(await h.as(WAREHOUSE), 'devices.handOver', { assetTag: d.assetTag, replacesNewPurchase: false, ...onPaper('dep-suf') }))).toBe('TRANSITION_NOT_ALLOWED');
  });
});

describe('moving a device between shelves', () => {
  const h = useHarness();

  it('moves a device to another shelf, keeps its state, and the undo is a second move with both on the trail', async () => {
    const d = await listedLaptop(h);
    const wh = await h.as(WAREHOUSE);
    const moved = await run(wh, 'devices.move', { assetTag: d.assetTag, locationId: 'loc-shelf-B2' });
    expect(moved).toMatchObject({ fromLocationId: SHELF, device: { status: 'listed', locationId: 'loc-shelf-B2' } });
    const back = await run(wh, 'devices.move', { assetTag: d.assetTag, locationId: moved.fromLocationId, undo: true });
    expect(back.device.locationId).toBe(SHELF);
    const trail = await h.store.trail(d.id);
    expect(trail.slice(-2)).toMatchObject([
      { type: 'moved', fromLocationId: SHELF, fromLocationName: 'Hylde A-01', locationId: 'loc-shelf-B2' },
      { type: 'moved', fromLocationId: 'loc-shelf-B2', locationId: SHELF, undo: true },
    ]);
    expect(await h.store.verifyTrails()).toEqual([]);
  });

  it('refuses a move onto a department site, onto the shelf it is on, of a device not in the warehouse, and by a contact', async () => {
    const d = await listedLaptop(h);
    const wh = await h.as(WAREHOUSE);
    const before = await h.store.trail(d.id);
    expect(await refusal(run(wh, 'devices.move', { assetTag: d.assetTag, locationId: BUF_SITE }))).toBe('NOT_A_WAREHOUSE_LOCATION');
    expect(await refusal(run(wh, 'devices.move', { assetTag: d.assetTag, locationId: SHELF }))).toBe('ALREADY_AT_LOCATION');
    expect(await refusal(run(await h.as(BUF_CONTACT), 'devices.move', { assetTag: d.assetTag, locationId: 'loc-shelf-B2' }))).toBe(
      'ROLE_NOT_ALLOWED',
    );
    const reported = await run(await h.as(BUF_CONTACT), 'devices.report', {
      category: 'monitor',
      manufacturer: 'Dell',
      model: 'P2422H',
      serial: 'MV-1',
      locationId: BUF_SITE,
    });
    expect(await refusal(run(wh, 'devices.move', { assetTag: reported.assetTag, locationId: SHELF }))).toBe('TRANSITION_NOT_ALLOWED');
    expect(await h.store.trail(d.id)).toEqual(before);
  });
});

describe("the warehouse's pick-up list", () => {
  const h = useHarness();

  it('lists reported devices by the site they wait at, oldest first, and drops them once checked in', async () => {
    const buf = await h.as(BUF_CONTACT);
    const wh = await h.as(WAREHOUSE);
    const report = async (serial: string, locationId: string) => {
      const d = await run(buf, 'devices.report', { category: 'monitor', manufacturer: 'Dell', model: 'P1', serial, locationId });
      h.clock.advance(60_000);
      return d;
    };
    const a = await report('A', BUF_SITE);
    const b = await report('B', 'dep-buf-site-2');
    const c = await report('C', BUF_SITE);
    const list = await run(wh, 'devices.awaitingPickup', {});
    expect(list.total).toBe(3);
    expect(list.sites.map((s) => [s.location.id, s.devices.map((d) => d.id)])).toEqual([
      [BUF_SITE, [a.id, c.id]],
      ['dep-buf-site-2', [b.id]],
    ]);
    await run(wh, 'devices.checkIn', { assetTag: a.assetTag, condition: 'A', locationId: SHELF });
    expect((await run(wh, 'devices.awaitingPickup', {})).sites[0]?.devices.map((d) => d.id)).toEqual([c.id]);
  });
});
