import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { cancelReservation, createReservation, expireDueReservations } from '../reservations/service';
import { BUF_CONTACT, BUF_SITE, SHELF, SUF_CONTACT, TMF_CONTACT, WAREHOUSE, harness, type Harness } from '../testing/harness';
import { checkIn, getDeviceDetail, handOver, publishDevice, recordSanitization, reportDevice } from './service';

const wipe = {
  method: 'purge' as const,
  technique: 'Kryptografisk sletning',
  mediaType: 'ssd' as const,
  tool: 'Blancco Drive Eraser',
  toolVersion: '7.9.1',
  verificationMethod: 'full' as const,
  verified: true,
  verifierName: 'Lars Nielsen',
};

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) return err.code;
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('the device journey', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await harness();
  });
  afterEach(async () => {
    await h.close();
  });

  async function listedLaptop() {
    const buf = await h.as(BUF_CONTACT);
    const wh = await h.as(WAREHOUSE);
    const d = await reportDevice(buf, { category: 'laptop', manufacturer: 'Lenovo', model: 'ThinkPad T14', serial: 'PF-1', locationId: BUF_SITE });
    await checkIn(wh, { assetTag: d.assetTag, condition: 'B', locationId: SHELF });
    await recordSanitization(wh, { deviceId: d.id, ...wipe });
    await publishDevice(wh, { deviceId: d.id });
    return d;
  }

  it('runs from report to reuse, with the owner changed and every step on the trail', async () => {
    const buf = await h.as(BUF_CONTACT);
    const wh = await h.as(WAREHOUSE);
    const suf = await h.as(SUF_CONTACT);
    const tmf = await h.as(TMF_CONTACT);
    const d = await reportDevice(buf, { category: 'laptop', manufacturer: 'Lenovo', model: 'ThinkPad T14', serial: 'PF-1', locationId: BUF_SITE });
    expect(d.status).toBe('reported');
    expect(d.dataBearing).toBe(true);
    await checkIn(wh, { assetTag: d.assetTag, condition: 'B', locationId: SHELF });
    expect(await refusal(publishDevice(wh, { deviceId: d.id }))).toBe('SANITIZATION_REQUIRED');
    await recordSanitization(wh, { deviceId: d.id, ...wipe });
    await publishDevice(wh, { deviceId: d.id });
    const r = await createReservation(suf, { deviceId: d.id });
    expect(r.departmentId).toBe('dep-suf');
    expect(await refusal(createReservation(tmf, { deviceId: d.id }))).toBe('RESERVED_BY_OTHER');
    const done = await handOver(wh, { assetTag: d.assetTag, replacesNewPurchase: true });
    expect(done.status).toBe('reused');
    expect(done.departmentId).toBe('dep-suf');

    const detail = await getDeviceDetail(wh, { id: d.id });
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
    const d = await reportDevice(buf, { category: 'laptop', manufacturer: 'Dell', model: 'Latitude', serial: 'S1', locationId: BUF_SITE });
    await checkIn(wh, { assetTag: d.assetTag, condition: 'A', locationId: SHELF });
    const before = await h.store.trail(d.id);
    expect(await refusal(publishDevice(wh, { deviceId: d.id }))).toBe('SANITIZATION_REQUIRED');
    expect(await refusal(checkIn(wh, { assetTag: d.assetTag, condition: 'A', locationId: SHELF }))).toBe('TRANSITION_NOT_ALLOWED');
    expect(await h.store.trail(d.id)).toEqual(before);
    expect((await h.store.getDevice(d.id))?.status).toBe('in_stock');
  });

  it('refuses check-in onto a department site and a check-in by a department contact', async () => {
    const buf = await h.as(BUF_CONTACT);
    const wh = await h.as(WAREHOUSE);
    const d = await reportDevice(buf, { category: 'monitor', manufacturer: 'Dell', model: 'P2422H', serial: 'M1', locationId: BUF_SITE });
    expect(d.dataBearing).toBe(false);
    expect(await refusal(checkIn(wh, { assetTag: d.assetTag, condition: 'A', locationId: BUF_SITE }))).toBe('NOT_A_WAREHOUSE_LOCATION');
    expect(await refusal(checkIn(buf, { assetTag: d.assetTag, condition: 'A', locationId: SHELF }))).toBe('ROLE_NOT_ALLOWED');
  });

  it('lists a monitor without a sanitization record (it carries no data)', async () => {
    const buf = await h.as(BUF_CONTACT);
    const wh = await h.as(WAREHOUSE);
    const d = await reportDevice(buf, { category: 'monitor', manufacturer: 'Dell', model: 'P2422H', serial: 'M2', locationId: BUF_SITE });
    await checkIn(wh, { assetTag: d.assetTag, condition: 'A', locationId: SHELF });
    expect((await publishDevice(wh, { deviceId: d.id })).status).toBe('listed');
  });

  it('treats a printer overridden as data-bearing like a laptop', async () => {
    const buf = await h.as(BUF_CONTACT);
    const wh = await h.as(WAREHOUSE);
    const d = await reportDevice(buf, { category: 'printer', manufacturer: 'HP', model: 'M404', serial: 'P1', locationId: BUF_SITE, dataBearing: true });
    expect(d.dataBearing).toBe(true);
    await checkIn(wh, { assetTag: d.assetTag, condition: 'A', locationId: SHELF });
    expect(await refusal(publishDevice(wh, { deviceId: d.id }))).toBe('SANITIZATION_REQUIRED');
  });

  it('lets only the warehouse say that a laptop carries no data, and writes the override on the trail', async () => {
    const buf = await h.as(BUF_CONTACT);
    const wh = await h.as(WAREHOUSE);
    const laptop = { category: 'laptop' as const, manufacturer: 'Dell', model: 'Latitude', serial: 'L1', locationId: BUF_SITE };
    expect(await refusal(reportDevice(buf, { ...laptop, dataBearing: false }))).toBe('DATA_BEARING_OVERRIDE');
    expect(await h.store.deviceCount()).toBe(0);
    const d = await reportDevice(wh, { ...laptop, dataBearing: false });
    expect(d.dataBearing).toBe(false);
    expect((await h.store.trail(d.id))[0]).toMatchObject({ type: 'reported', dataBearingOverride: false, actor: { id: WAREHOUSE } });
  });

  it('lets a department contact report only at a site of their own administration', async () => {
    const buf = await h.as(BUF_CONTACT);
    const monitor = { category: 'monitor' as const, manufacturer: 'Dell', model: 'P1', serial: 'X' };
    expect(await refusal(reportDevice(buf, { ...monitor, locationId: 'dep-suf-site-1' }))).toBe('NOT_OWN_DEPARTMENT');
    expect(await refusal(reportDevice(buf, { ...monitor, locationId: SHELF }))).toBe('NOT_OWN_DEPARTMENT');
    expect(await h.store.deviceCount()).toBe(0);
  });

  it('refuses a pre-printed asset tag that is already in use', async () => {
    const buf = await h.as(BUF_CONTACT);
    const d = await reportDevice(buf, { category: 'monitor', manufacturer: 'Dell', model: 'P1', serial: 'A', locationId: BUF_SITE, assetTag: 'KK-0500000' });
    expect(d.assetTag).toBe('KK-0500000');
    expect(
      await refusal(reportDevice(buf, { category: 'monitor', manufacturer: 'Dell', model: 'P1', serial: 'B', locationId: BUF_SITE, assetTag: 'KK-0500000' })),
    ).toBe('ASSET_TAG_TAKEN');
  });

  it('a cancelled reservation puts the device back on the marketplace', async () => {
    const d = await listedLaptop();
    const suf = await h.as(SUF_CONTACT);
    const r = await createReservation(suf, { deviceId: d.id });
    expect(await refusal(cancelReservation(await h.as(TMF_CONTACT), { reservationId: r.id }))).toBe('NOT_OWN_DEPARTMENT');
    await cancelReservation(suf, { reservationId: r.id });
    expect((await h.store.getDevice(d.id))?.status).toBe('listed');
    const again = await createReservation(await h.as(TMF_CONTACT), { deviceId: d.id });
    expect(again.departmentId).toBe('dep-tmf');
  });

  it('an expired reservation puts the device back on the marketplace, by the system', async () => {
    const d = await listedLaptop();
    await createReservation(await h.as(SUF_CONTACT), { deviceId: d.id });
    expect(await expireDueReservations({ store: h.store, clock: h.clock })).toBe(0);
    h.clock.advance(7 * 24 * 3600_000 + 1000);
    expect(await expireDueReservations({ store: h.store, clock: h.clock })).toBe(1);
    const detail = await getDeviceDetail(await h.as(WAREHOUSE), { id: d.id });
    expect(detail.device.status).toBe('listed');
    expect(detail.reservation).toBeUndefined();
    expect(detail.trail.at(-1)).toMatchObject({ type: 'reservation_expired', actor: { role: 'system' } });
  });

  it('of two reservations racing for one device, exactly one wins', async () => {
    const d = await listedLaptop();
    const results = await Promise.allSettled([
      createReservation(await h.as(SUF_CONTACT), { deviceId: d.id }),
      createReservation(await h.as(TMF_CONTACT), { deviceId: d.id }),
      createReservation(await h.as('user-kff-1'), { deviceId: d.id }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const codes = results.flatMap((r) => (r.status === 'rejected' ? [(r.reason as AppError).code] : []));
    expect(codes).toEqual(['RESERVED_BY_OTHER', 'RESERVED_BY_OTHER']);
  });

  it('hands over only a reserved device', async () => {
    const d = await listedLaptop();
    expect(await refusal(handOver(await h.as(WAREHOUSE), { assetTag: d.assetTag, replacesNewPurchase: false }))).toBe('TRANSITION_NOT_ALLOWED');
  });
});
