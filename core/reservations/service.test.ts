import { describe, expect, it } from 'vitest';
import type { AppError } from '../errors';
import { SUSTAINABILITY, SUF_CONTACT, TMF_CONTACT, WAREHOUSE, listedLaptop, onPaper, refusal, run, siteOf, useHarness } from '../testing/harness';
import { expireDueReservations } from './service';

const ADMIN = 'user-admin-1';

describe('reservations', () => {
  const h = useHarness();

  it('holds a listed device for the reserving administration, at the site it names, for the configured days', async () => {
    const d = await listedLaptop(h);
    const r = await run(await h.as(SUF_CONTACT), 'reservations.create', { deviceId: d.id, locationId: siteOf('dep-suf') });
    expect(r).toMatchObject({ departmentId: 'dep-suf', locationId: 'dep-suf-site-1', status: 'active' });
    expect(Date.parse(r.expiresAt) - Date.parse(r.createdAt)).toBe(7 * 24 * 3600_000);
    expect((await h.store.getDevice(d.id))?.status).toBe('reserved');
  });

  it('refuses a site of another administration, and a shelf, with NOT_A_RECEIVING_SITE and nothing written', async () => {
    const d = await listedLaptop(h);
    const suf = await h.as(SUF_CONTACT);
    const before = await h.store.trail(d.id);
    expect(await refusal(run(suf, 'reservations.create', { deviceId: d.id, locationId: siteOf('dep-tmf') }))).toBe('NOT_A_RECEIVING_SITE');
    expect(await refusal(run(suf, 'reservations.create', { deviceId: d.id, locationId: 'loc-shelf-A1' }))).toBe('NOT_A_RECEIVING_SITE');
    expect(await h.store.trail(d.id)).toEqual(before);
    expect(await h.store.activeReservation(d.id)).toBeUndefined();
  });

  it("shows a department contact only their own administration's reservations, and refuses asking for another's", async () => {
    const [a, b] = [await listedLaptop(h), await listedLaptop(h)];
    await run(await h.as(SUF_CONTACT), 'reservations.create', { deviceId: a.id, locationId: siteOf('dep-suf') });
    await run(await h.as(TMF_CONTACT), 'reservations.create', { deviceId: b.id, locationId: siteOf('dep-tmf') });
    const own = await run(await h.as(SUF_CONTACT), 'reservations.search', {});
    expect(own.items.map((i) => i.device.id)).toEqual([a.id]);
    expect(await refusal(run(await h.as(SUF_CONTACT), 'reservations.search', { departmentId: 'dep-tmf' }))).toBe('NOT_OWN_DEPARTMENT');
    const all = await run(await h.as(WAREHOUSE), 'reservations.search', { status: 'active' });
    expect(all.items.map((i) => i.device.id).sort()).toEqual([a.id, b.id].sort());
  });

  it('lets an admin reserve for another administration, but not a department contact', async () => {
    const d = await listedLaptop(h);
    expect(
      await refusal(run(await h.as(SUF_CONTACT), 'reservations.create', { deviceId: d.id, departmentId: 'dep-tmf', locationId: siteOf('dep-tmf') })),
    ).toBe('NOT_OWN_DEPARTMENT');
    const r = await run(await h.as(ADMIN), 'reservations.create', { deviceId: d.id, departmentId: 'dep-tmf', locationId: siteOf('dep-tmf') });
    expect(r.departmentId).toBe('dep-tmf');
  });

  it('refuses a reservation by the warehouse or the sustainability team (the lifecycle table names who reserves)', async () => {
    const d = await listedLaptop(h);
    // The warehouse staff belong to ØKF, the sustainability analyst to TMF: each names a site of their own.
    expect(await refusal(run(await h.as(WAREHOUSE), 'reservations.create', { deviceId: d.id, locationId: siteOf('dep-okf') }))).toBe(
      'ROLE_NOT_ALLOWED',
    );
    expect(await refusal(run(await h.as(SUSTAINABILITY), 'reservations.create', { deviceId: d.id, locationId: siteOf('dep-tmf') }))).toBe(
      'ROLE_NOT_ALLOWED',
    );
    expect((await h.store.getDevice(d.id))?.status).toBe('listed');
  });

  it('hands the device over to the site the reservation named, owned by the reserving administration', async () => {
    const d = await listedLaptop(h);
    await run(await h.as(SUF_CONTACT), 'reservations.create', { deviceId: d.id, locationId: 'dep-suf-site-2' });
    const done = await run(await h.as(WAREHOUSE), 'devices.handOver', { assetTag: d.assetTag, replacesNewPurchase: true, ...onPaper('dep-suf', ' Jonas Holm, Plejecenter Sølund ') });
    expect(done).toMatchObject({ status: 'reused', departmentId: 'dep-suf', locationId: 'dep-suf-site-2' });
    const trail = await h.store.trail(d.id);
    // Handed over at the warehouse shelf; the device then belongs at the SUF site.
    expect(trail.at(-1)).toMatchObject({
      type: 'handed_over',
      locationId: 'loc-shelf-A1',
      toDepartmentId: 'dep-suf',
      pickedUpBy: 'Jonas Holm, Plejecenter Sølund',
    });
    expect((await h.store.getReservation((await h.store.searchReservations({ limit: 1 }))[0]!.id))?.status).toBe('fulfilled');
  });

  it('a cancelled reservation puts the device back on the marketplace; only the holder (or warehouse, admin) may cancel', async () => {
    const d = await listedLaptop(h);
    const suf = await h.as(SUF_CONTACT);
    const r = await run(suf, 'reservations.create', { deviceId: d.id, locationId: siteOf('dep-suf') });
    expect(await refusal(run(await h.as(TMF_CONTACT), 'reservations.cancel', { reservationId: r.id }))).toBe('NOT_OWN_DEPARTMENT');
    await run(suf, 'reservations.cancel', { reservationId: r.id });
    expect((await h.store.getDevice(d.id))?.status).toBe('listed');
    expect(await refusal(run(suf, 'reservations.cancel', { reservationId: r.id }))).toBe('TRANSITION_NOT_ALLOWED');
    const again = await run(await h.as(TMF_CONTACT), 'reservations.create', { deviceId: d.id, locationId: siteOf('dep-tmf') });
    expect(again.departmentId).toBe('dep-tmf');
    await run(await h.as(WAREHOUSE), 'reservations.cancel', { reservationId: again.id });
    expect((await h.store.getDevice(d.id))?.status).toBe('listed');
  });

  it('an expired reservation puts the device back on the marketplace, by the system', async () => {
    const d = await listedLaptop(h);
    await run(await h.as(SUF_CONTACT), 'reservations.create', { deviceId: d.id, locationId: siteOf('dep-suf') });
    expect(await expireDueReservations({ store: h.store, clock: h.clock })).toBe(0);
    h.clock.advance(7 * 24 * 3600_000 + 1000);
    expect(await expireDueReservations({ store: h.store, clock: h.clock })).toBe(1);
    const detail = await run(await h.as(WAREHOUSE), 'devices.get', { id: d.id });
    expect(detail.device.status).toBe('listed');
    expect(detail.reservation).toBeUndefined();
    expect(detail.trail.at(-1)).toMatchObject({ type: 'reservation_expired', actor: { role: 'system' } });
    expect(await expireDueReservations({ store: h.store, clock: h.clock })).toBe(0);
  });

  it('of three reservations racing for one device, exactly one wins; the others get RESERVED_BY_OTHER', async () => {
    const d = await listedLaptop(h);
    const results = await Promise.allSettled([
      run(await h.as(SUF_CONTACT), 'reservations.create', { deviceId: d.id, locationId: siteOf('dep-suf') }),
      run(await h.as(TMF_CONTACT), 'reservations.create', { deviceId: d.id, locationId: siteOf('dep-tmf') }),
      run(await h.as('user-kff-1'), 'reservations.create', { deviceId: d.id, locationId: siteOf('dep-kff') }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const codes = results.flatMap((r) => (r.status === 'rejected' ? [(r.reason as AppError).code] : []));
    expect(codes).toEqual(['RESERVED_BY_OTHER', 'RESERVED_BY_OTHER']);
    expect(await h.store.searchReservations({ status: 'active', limit: 10 })).toHaveLength(1);
  });
});
