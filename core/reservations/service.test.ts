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

// Reservation approval (issue 11): KFF requires approval within 3 days; user-kff-1 approves, user-kff-2 reserves.
describe('reservations needing approval', () => {
  const h = useHarness();
  const KFF_APPROVER = 'user-kff-1';
  const KFF_CONTACT = 'user-kff-2';
  const DAY = 24 * 3600_000;

  async function approvalInKff(): Promise<void> {
    await run(await h.as(ADMIN), 'departments.setApproval', { departmentId: 'dep-kff', required: true, days: 3, approverIds: [KFF_APPROVER] });
  }

  async function pendingLaptop() {
    await approvalInKff();
    const d = await listedLaptop(h);
    const r = await run(await h.as(KFF_CONTACT), 'reservations.create', { deviceId: d.id, locationId: siteOf('dep-kff') });
    return { d, r };
  }

  it('makes a reservation pending approval for the approval days; it holds the device so nobody else can reserve it', async () => {
    const { d, r } = await pendingLaptop();
    expect(r).toMatchObject({ status: 'pending', departmentId: 'dep-kff' });
    expect(Date.parse(r.expiresAt) - Date.parse(r.createdAt)).toBe(3 * DAY);
    expect((await h.store.getDevice(d.id))?.status).toBe('pending_approval');
    expect((await h.store.trail(d.id)).at(-1)).toMatchObject({ type: 'reservation_requested', approvalDueAt: r.expiresAt });
    expect(await refusal(run(await h.as(SUF_CONTACT), 'reservations.create', { deviceId: d.id, locationId: siteOf('dep-suf') }))).toBe('RESERVED_BY_OTHER');
    expect((await run(await h.as(SUF_CONTACT), 'marketplace.search', { text: d.assetTag })).items).toEqual([]);
  });

  it('other administrations still reserve at once', async () => {
    await approvalInKff();
    const d = await listedLaptop(h);
    expect((await run(await h.as(SUF_CONTACT), 'reservations.create', { deviceId: d.id, locationId: siteOf('dep-suf') })).status).toBe('active');
  });

  it('approval by the approver starts the normal reservation period from the approval, and the device is reserved', async () => {
    const { d, r } = await pendingLaptop();
    h.clock.advance(DAY);
    const approved = await run(await h.as(KFF_APPROVER), 'reservations.approve', { reservationId: r.id });
    expect(approved.status).toBe('active');
    expect(Date.parse(approved.expiresAt)).toBe(h.clock.now().getTime() + 7 * DAY);
    expect((await h.store.getDevice(d.id))?.status).toBe('reserved');
    expect((await h.store.trail(d.id)).at(-1)).toMatchObject({ type: 'reservation_approved', actor: { id: KFF_APPROVER } });
    // The approval deadline no longer applies: at 3 days nothing expires, at 1 + 7 days the reservation does.
    h.clock.advance(3 * DAY);
    expect(await expireDueReservations({ store: h.store, clock: h.clock })).toBe(0);
    h.clock.advance(4 * DAY + 1000);
    expect(await expireDueReservations({ store: h.store, clock: h.clock })).toBe(1);
    expect((await h.store.trail(d.id)).at(-1)).toMatchObject({ type: 'reservation_expired' });
  });

  it('only an approver of that administration, or an admin, may approve; the contact who asked may not', async () => {
    const { d, r } = await pendingLaptop();
    expect(await refusal(run(await h.as(KFF_CONTACT), 'reservations.approve', { reservationId: r.id }))).toBe('NOT_APPROVER');
    // An approver of another administration.
    await run(await h.as(ADMIN), 'departments.setApproval', { departmentId: 'dep-tmf', required: true, days: 3, approverIds: [TMF_CONTACT] });
    expect(await refusal(run(await h.as(TMF_CONTACT), 'reservations.approve', { reservationId: r.id }))).toBe('NOT_OWN_DEPARTMENT');
    expect(await refusal(run(await h.as(WAREHOUSE), 'reservations.approve', { reservationId: r.id }))).toBe('ROLE_NOT_ALLOWED');
    expect((await h.store.getDevice(d.id))?.status).toBe('pending_approval');
    expect((await run(await h.as(ADMIN), 'reservations.approve', { reservationId: r.id })).status).toBe('active');
    expect(await refusal(run(await h.as(KFF_APPROVER), 'reservations.approve', { reservationId: r.id }))).toBe('TRANSITION_NOT_ALLOWED');
  });

  it('a rejection with a reason frees the device back to the marketplace, for anyone to reserve', async () => {
    const { d, r } = await pendingLaptop();
    await expect(run(await h.as(KFF_APPROVER), 'reservations.reject', { reservationId: r.id, reason: '   ' })).rejects.toThrow();
    expect((await h.store.getDevice(d.id))?.status).toBe('pending_approval');
    const rejected = await run(await h.as(KFF_APPROVER), 'reservations.reject', { reservationId: r.id, reason: ' Vi har fået nye maskiner ' });
    expect(rejected.status).toBe('rejected');
    expect((await h.store.getDevice(d.id))?.status).toBe('listed');
    expect((await h.store.trail(d.id)).at(-1)).toMatchObject({ type: 'reservation_rejected', reason: 'Vi har fået nye maskiner' });
    expect((await run(await h.as(SUF_CONTACT), 'reservations.create', { deviceId: d.id, locationId: siteOf('dep-suf') })).status).toBe('active');
  });

  it('a request not approved within the days lapses by the system, and the device is back on the marketplace', async () => {
    const { d, r } = await pendingLaptop();
    h.clock.advance(3 * DAY - 1000);
    expect(await expireDueReservations({ store: h.store, clock: h.clock })).toBe(0);
    h.clock.advance(2000);
    expect(await expireDueReservations({ store: h.store, clock: h.clock })).toBe(1);
    expect((await h.store.getReservation(r.id))?.status).toBe('expired');
    expect((await h.store.getDevice(d.id))?.status).toBe('listed');
    expect((await h.store.trail(d.id)).at(-1)).toMatchObject({ type: 'approval_expired', actor: { role: 'system' } });
    expect(await refusal(run(await h.as(KFF_APPROVER), 'reservations.approve', { reservationId: r.id }))).toBe('TRANSITION_NOT_ALLOWED');
  });

  it('the contact who asked can withdraw the request', async () => {
    const { d, r } = await pendingLaptop();
    expect((await run(await h.as(KFF_CONTACT), 'reservations.cancel', { reservationId: r.id })).status).toBe('cancelled');
    expect((await h.store.getDevice(d.id))?.status).toBe('listed');
  });

  it('an approver sees the pending reservations of their administration only', async () => {
    const { d } = await pendingLaptop();
    const pending = await run(await h.as(KFF_APPROVER), 'reservations.search', { status: 'pending' });
    expect(pending.items.map((i) => i.device.id)).toEqual([d.id]);
    expect(await refusal(run(await h.as(SUF_CONTACT), 'reservations.search', { departmentId: 'dep-kff' }))).toBe('NOT_OWN_DEPARTMENT');
  });

  it('turning approval off lets the next reservation hold at once', async () => {
    await approvalInKff();
    await run(await h.as(ADMIN), 'departments.setApproval', { departmentId: 'dep-kff', required: false, days: 3, approverIds: [KFF_APPROVER] });
    const d = await listedLaptop(h);
    expect((await run(await h.as(KFF_CONTACT), 'reservations.create', { deviceId: d.id, locationId: siteOf('dep-kff') })).status).toBe('active');
  });
});
