import { describe, expect, it } from 'vitest';
import type { MarketFilter } from '../../shared/market-filter';
import type { Condition, Specs } from '../../shared/schemas';
import { errorMessage } from '../../shared/messages';
import { AppError } from '../errors';
import { BUF_CONTACT, BUF_SITE, SHELF, SUF_CONTACT, TMF_CONTACT, WAREHOUSE, WIPE, refusal, run, siteOf, useHarness, type Harness } from '../testing/harness';

const ADMIN = 'user-admin-1';
const DAY_MS = 86_400_000;

interface Spec {
  category?: 'laptop' | 'monitor';
  specs?: Specs;
  year?: number;
  condition?: Condition;
  /** Record a wipe (a data-bearing laptop must have one to be listed). */
  wipe?: boolean;
}

/** A BUF device reported, checked in and (when data-bearing) wiped: ready to be listed. */
async function inStock(h: Harness, spec: Spec = {}, serial = `S-${Math.random().toString(36).slice(2, 8)}`) {
  const wh = await h.as(WAREHOUSE);
  const d = await run(await h.as(BUF_CONTACT), 'devices.report', {
    category: spec.category ?? 'laptop',
    manufacturer: 'Lenovo',
    model: 'ThinkPad T14',
    serial,
    specs: spec.specs ?? { ramGb: 16, storageGb: 512, screenInch: 14 },
    ...(spec.year ? { year: spec.year } : { year: 2022 }),
    locationId: BUF_SITE,
  });
  await run(wh, 'devices.checkIn', { assetTag: d.assetTag, condition: spec.condition ?? 'B', locationId: SHELF });
  if (spec.wipe ?? d.dataBearing) await run(wh, 'devices.recordSanitization', { deviceId: d.id, ...WIPE });
  return d;
}

async function publish(h: Harness, deviceId: string, availableFrom?: string) {
  return run(await h.as(WAREHOUSE), 'devices.publish', { deviceId, ...(availableFrom ? { availableFrom } : {}) });
}

async function want(h: Harness, userId: string, filter: MarketFilter, over: { quantity?: number; endsOn?: string } = {}) {
  return run(await h.as(userId), 'wanted.create', { filter, quantity: over.quantity ?? 1, endsOn: over.endsOn ?? '2026-12-31' });
}

async function inbox(h: Harness, userId: string) {
  return run(await h.as(userId), 'notifications.list', {});
}

describe('wanted requests: matching at listing time', () => {
  const h = useHarness();

  // Each filter once with a device that passes it (SUF asks) and a request it fails (TMF asks).
  const laptop16: Spec = { specs: { ramGb: 16, storageGb: 512, screenInch: 14 }, year: 2022, condition: 'B' };
  const cases: { name: string; pass: MarketFilter; fail: MarketFilter }[] = [
    { name: 'category', pass: { category: 'laptop' }, fail: { category: 'monitor' } },
    { name: 'administration (the owner on offer)', pass: { departmentId: 'dep-buf' }, fail: { departmentId: 'dep-suf' } },
    { name: 'condition grades', pass: { conditions: ['A', 'B'] }, fail: { conditions: ['A'] } },
    { name: 'RAM at least', pass: { ramMinGb: 16 }, fail: { ramMinGb: 32 } },
    { name: 'storage at least', pass: { storageMinGb: 256 }, fail: { storageMinGb: 1024 } },
    { name: 'screen range', pass: { screenMinInch: 13, screenMaxInch: 14 }, fail: { screenMinInch: 15, screenMaxInch: 17 } },
    { name: 'year from', pass: { yearMin: 2021 }, fail: { yearMin: 2023 } },
    { name: 'wiped', pass: { wiped: true }, fail: { wiped: false } },
    { name: 'available by', pass: { availableBy: '2026-11-02' }, fail: { availableBy: '2026-11-01' } },
  ];

  it.each(cases)('notifies the contact whose request matches by $name, and not the one whose request does not', async ({ pass, fail }) => {
    const d = await inStock(h, laptop16);
    const matching = await want(h, SUF_CONTACT, pass);
    await want(h, TMF_CONTACT, fail);
    await publish(h, d.id, '2026-11-02');
    const suf = await inbox(h, SUF_CONTACT);
    expect(suf.unread).toBe(1);
    expect(suf.items[0]).toMatchObject({ deviceId: d.id, assetTag: d.assetTag, requestId: matching.id, kind: 'wanted_match' });
    expect((await inbox(h, TMF_CONTACT)).unread).toBe(0);
  });

  it("matches a device another administration owns: a request is about what is on offer, not whose it was", async () => {
    const d = await inStock(h); // owned by BUF
    await want(h, SUF_CONTACT, { category: 'laptop' });
    await want(h, BUF_CONTACT, { category: 'laptop' });
    await publish(h, d.id);
    expect((await inbox(h, SUF_CONTACT)).unread).toBe(1);
    expect((await inbox(h, BUF_CONTACT)).unread).toBe(1);
  });

  it('sends one notification per contact when two of their requests match the same device', async () => {
    const d = await inStock(h);
    const first = await want(h, SUF_CONTACT, { category: 'laptop' });
    await want(h, SUF_CONTACT, { ramMinGb: 8 });
    await publish(h, d.id);
    const suf = await inbox(h, SUF_CONTACT);
    expect(suf.items.map((n) => n.requestId)).toEqual([first.id]);
  });

  it('stops matching once the administration has reserved the quantity from its notifications', async () => {
    const request = await want(h, SUF_CONTACT, { category: 'laptop' }, { quantity: 1 });
    const first = await inStock(h);
    await publish(h, first.id);
    const [told] = (await inbox(h, SUF_CONTACT)).items;
    await run(await h.as(SUF_CONTACT), 'reservations.create', { deviceId: told!.deviceId, locationId: siteOf('dep-suf') });
    const second = await inStock(h);
    await publish(h, second.id);
    expect((await inbox(h, SUF_CONTACT)).items.map((n) => n.deviceId)).toEqual([first.id]);
    const listed = await run(await h.as(SUF_CONTACT), 'wanted.list', {});
    expect(listed.items).toEqual([{ request: { ...request, reservedDeviceIds: [first.id] }, state: 'fulfilled' }]);
  });

  it("does not count another administration's reservation of the device towards the request", async () => {
    await want(h, SUF_CONTACT, { category: 'laptop' }, { quantity: 1 });
    const first = await inStock(h);
    await publish(h, first.id);
    await run(await h.as(TMF_CONTACT), 'reservations.create', { deviceId: first.id, locationId: siteOf('dep-tmf') });
    const second = await inStock(h);
    await publish(h, second.id);
    expect((await inbox(h, SUF_CONTACT)).unread).toBe(2);
  });

  it('stops matching after its end day, and shows it as expired', async () => {
    await want(h, SUF_CONTACT, { category: 'laptop' }, { endsOn: '2026-11-03' });
    h.clock.advance(2 * DAY_MS); // 2026-11-04 in Copenhagen
    const d = await inStock(h);
    await publish(h, d.id);
    expect((await inbox(h, SUF_CONTACT)).unread).toBe(0);
    expect((await run(await h.as(SUF_CONTACT), 'wanted.list', {})).items.map((i) => i.state)).toEqual(['expired']);
  });

  it('still matches on its end day', async () => {
    await want(h, SUF_CONTACT, { category: 'laptop' }, { endsOn: '2026-11-03' });
    h.clock.advance(DAY_MS);
    await publish(h, (await inStock(h)).id);
    expect((await inbox(h, SUF_CONTACT)).unread).toBe(1);
  });

  it('stops matching once closed', async () => {
    const r = await want(h, SUF_CONTACT, { category: 'laptop' });
    const closed = await run(await h.as(SUF_CONTACT), 'wanted.close', { id: r.id });
    expect(closed.status).toBe('closed');
    await publish(h, (await inStock(h)).id);
    expect((await inbox(h, SUF_CONTACT)).unread).toBe(0);
  });

  it('writes the notifications in the listing itself: a refused listing notifies nobody', async () => {
    await want(h, SUF_CONTACT, { category: 'laptop' });
    const unwiped = await inStock(h, { wipe: false });
    expect(await refusal(publish(h, unwiped.id))).toBe('SANITIZATION_REQUIRED');
    expect((await inbox(h, SUF_CONTACT)).unread).toBe(0);
  });
});

describe('wanted requests: who sees and closes them', () => {
  const h = useHarness();

  it("shows a contact their administration's requests and an admin every one", async () => {
    const suf = await want(h, SUF_CONTACT, { category: 'laptop' });
    const tmf = await want(h, TMF_CONTACT, { category: 'monitor' });
    expect((await run(await h.as(SUF_CONTACT), 'wanted.list', {})).items.map((i) => i.request.id)).toEqual([suf.id]);
    expect((await run(await h.as(ADMIN), 'wanted.list', {})).items.map((i) => i.request.id).sort()).toEqual([suf.id, tmf.id].sort());
  });

  it("refuses a contact closing another administration's request, and leaves it open", async () => {
    const tmf = await want(h, TMF_CONTACT, { category: 'monitor' });
    expect(await refusal(run(await h.as(SUF_CONTACT), 'wanted.close', { id: tmf.id }))).toBe('NOT_OWN_DEPARTMENT');
    expect((await h.store.getWantedRequest(tmf.id))?.status).toBe('open');
  });

  it('refuses an end day before today, naming today, and saves nothing', async () => {
    const err = await run(await h.as(SUF_CONTACT), 'wanted.create', { filter: {}, quantity: 1, endsOn: '2026-11-01' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    const e = err as AppError; // why: checked just above
    expect(e.code).toBe('WANTED_ENDS_PAST');
    expect(e.fields).toEqual({ endsOn: 'not_before_today' });
    expect(errorMessage(e.code, e.params, 'da')).toContain('02.11.2026');
    expect(await h.store.listWantedRequests()).toEqual([]);
  });
});

describe('notifications: read and unread', () => {
  const h = useHarness();

  it("marks the given ones read, ignores another person's, and marks all when none are given", async () => {
    await want(h, SUF_CONTACT, {});
    await want(h, TMF_CONTACT, {});
    for (const serial of ['N-1', 'N-2']) await publish(h, (await inStock(h, {}, serial)).id);
    const suf = await inbox(h, SUF_CONTACT);
    const tmf = await inbox(h, TMF_CONTACT);
    expect(suf.unread).toBe(2);
    const one = await run(await h.as(SUF_CONTACT), 'notifications.markRead', { ids: [suf.items[0]!.id, tmf.items[0]!.id] });
    expect(one.unread).toBe(1);
    expect((await run(await h.as(TMF_CONTACT), 'notifications.unreadCount', {})).unread).toBe(2);
    expect((await run(await h.as(SUF_CONTACT), 'notifications.markRead', {})).unread).toBe(0);
    expect((await inbox(h, SUF_CONTACT)).items.every((n) => n.readAt !== undefined)).toBe(true);
  });
});

describe('availability: "available from" and "on offer until"', () => {
  const h = useHarness();

  it('lists with an available-from day, on offer the category\'s days from then, and refuses reserving before it, naming the day', async () => {
    const d = await inStock(h);
    const listed = await publish(h, d.id, '2026-11-10');
    expect(listed).toMatchObject({ status: 'listed', availableFrom: '2026-11-10', offerUntil: '2027-01-09' });
    const suf = await h.as(SUF_CONTACT);
    const err = await run(suf, 'reservations.create', { deviceId: d.id, locationId: siteOf('dep-suf') }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    const e = err as AppError; // why: checked just above
    expect(e.code).toBe('NOT_YET_AVAILABLE');
    expect(errorMessage(e.code, e.params, 'da')).toBe(`${d.assetTag} kan først reserveres fra den 10.11.2026.`);
    expect((await h.store.getDevice(d.id))?.status).toBe('listed');
    h.clock.advance(8 * DAY_MS); // 2026-11-10
    expect((await run(suf, 'reservations.create', { deviceId: d.id, locationId: siteOf('dep-suf') })).status).toBe('active');
  });

  it('refuses an available-from day in the past with AVAILABLE_FROM_PAST and leaves the device in stock', async () => {
    const d = await inStock(h);
    expect(await refusal(publish(h, d.id, '2026-11-01'))).toBe('AVAILABLE_FROM_PAST');
    expect((await h.store.getDevice(d.id))?.status).toBe('in_stock');
  });

  it("takes the offer days from the category's setting, and the older single setting as their default", async () => {
    await h.store.transaction(async (tx) => tx.putSettings({ ...(await tx.getSettings()), ewasteUnclaimedDays: 30, offerDays: { monitor: 10 } }));
    const laptop = await publish(h, (await inStock(h)).id);
    const monitor = await publish(h, (await inStock(h, { category: 'monitor', specs: {} })).id);
    expect(laptop.offerUntil).toBe('2026-12-02');
    expect(monitor.offerUntil).toBe('2026-11-12');
    expect(laptop.availableFrom).toBeUndefined();
  });

  it('suggests a listed device for e-waste as unclaimed only after its last day on offer', async () => {
    await h.store.transaction(async (tx) => tx.putSettings({ ...(await tx.getSettings()), offerDays: { laptop: 5 } }));
    const d = await publish(h, (await inStock(h)).id); // on offer until 2026-11-07
    const suggested = async () => (await run(await h.as(WAREHOUSE), 'ewaste.suggestions', {})).items.filter((i) => i.device.id === d.id).map((i) => i.reason);
    h.clock.advance(5 * DAY_MS); // 2026-11-07: the last day
    expect(await suggested()).toEqual([]);
    h.clock.advance(DAY_MS);
    expect(await suggested()).toEqual(['unclaimed']);
  });
});
