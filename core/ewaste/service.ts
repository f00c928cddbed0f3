/**
 * E-waste routing: what the rules propose for e-waste, and routing a device there (a person decides; every
 * routed device gets its own trail event through the lifecycle table).
 */
import { CATEGORY_FACTS, WEEE_SETTLED_STATUSES, weeeOf } from '../../shared/categories';
import type { ProcedureArgs, ProcedureOutput } from '../../shared/contract';
import type { Device, DeviceStatus, EwasteReason } from '../../shared/schemas';
import { nowIso, todayOf, type ServiceContext } from '../context';
import { AppError } from '../errors';
import { DEFAULT_OFFER_DAYS, offerDaysFor } from '../../shared/wanted';
import { appendTrailEvent, deviceById, deviceByTag, locationById, runStep } from '../lifecycle/step';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Route a device to e-waste (from reported, in stock or on the marketplace) with its reason and a note.
 * @throws NOT_FOUND, TRANSITION_NOT_ALLOWED, ROLE_NOT_ALLOWED
 */
export async function routeToEwaste(ctx: ServiceContext, input: ProcedureArgs<'devices.routeToEwaste'>): Promise<Device> {
  return ctx.store.transaction(async (tx) => {
    const device = input.deviceId ? await deviceById(tx, input.deviceId) : await deviceByTag(tx, input.assetTag ?? '');
    const step = await runStep(ctx, tx, device, 'routeToEwaste', {
      event: { type: 'routed_to_ewaste', reason: input.reason, ...(input.note ? { note: input.note } : {}) },
    });
    return step.device;
  });
}

type Suggestion = ProcedureOutput<'ewaste.suggestions'>['items'][number];

/** Whole days between two instants. */
const daysBetween = (from: string, to: Date) => Math.floor((to.getTime() - Date.parse(from)) / DAY_MS);

/**
 * What the rules propose, one reason per device (defective first, then unclaimed, then too old):
 * graded defective in stock; on the marketplace with no change for the configured days; older (by model
 * year) than the configured age for its category. Oldest first within each reason.
 */
export async function ewasteSuggestions(
  ctx: ServiceContext,
  input: ProcedureArgs<'ewaste.suggestions'>,
): Promise<ProcedureOutput<'ewaste.suggestions'>> {
  const settings = await ctx.store.getSettings();
  const unclaimedDays = settings.ewasteUnclaimedDays ?? DEFAULT_OFFER_DAYS;
  const now = ctx.clock.now();
  const today = todayOf(ctx);
  // A device listed with an offer period is unclaimed after its last day; one listed before offer periods
  // existed has been on offer its category's days since its last change.
  const unclaimed = (d: Device, idle: number) => (d.offerUntil !== undefined ? today > d.offerUntil : idle > offerDaysFor(settings, d.category));
  const maxAge = (d: Device) => settings.ewasteMaxAgeYears?.[d.category] ?? CATEGORY_FACTS[d.category].ewasteAfterYears;
  const found: Suggestion[] = [];
  for (const status of ['in_stock', 'listed', 'reported'] as const satisfies readonly DeviceStatus[]) {
    const { items } = await ctx.store.searchDevices({ status, sort: 'updated_desc', limit: Number.MAX_SAFE_INTEGER, offset: 0 });
    for (const device of items) {
      const idle = daysBetween(device.updatedAt, now);
      let reason: EwasteReason | undefined;
      if (device.condition === 'defective' && status === 'in_stock') reason = 'defective';
      else if (status === 'listed' && unclaimed(device, idle)) reason = 'unclaimed';
      else if (device.year !== undefined && now.getUTCFullYear() - device.year > maxAge(device)) reason = 'obsolete';
      if (reason) found.push({ device, reason, ...(reason === 'unclaimed' ? { days: idle } : {}) });
    }
  }
  const order: Record<EwasteReason, number> = { defective: 0, unclaimed: 1, obsolete: 2, decision: 3 };
  found.sort((a, b) => order[a.reason] - order[b.reason] || a.device.updatedAt.localeCompare(b.device.updatedAt));
  return { items: found.slice(0, input.limit), total: found.length, unclaimedDays };
}

/**
 * Set the WEEE category a device is declared under (null: back to its category's), with a trail event.
 * Refused once the device's batch is sealed, since the measured weights were taken per category.
 * @throws NOT_FOUND, BATCH_LOCKED, TRANSITION_NOT_ALLOWED (the device has left the warehouse)
 */
export async function setWeeeCategory(ctx: ServiceContext, input: ProcedureArgs<'devices.setWeeeCategory'>): Promise<Device> {
  return ctx.store.transaction(async (tx) => {
    const device = await deviceById(tx, input.deviceId);
    if (WEEE_SETTLED_STATUSES.includes(device.status)) {
      throw new AppError('TRANSITION_NOT_ALLOWED', { action: 'setWeeeCategory', status: device.status, assetTag: device.assetTag });
    }
    const batch = device.batchId ? await tx.getBatch(device.batchId) : undefined;
    if (batch && batch.status !== 'open') {
      throw new AppError('BATCH_LOCKED', { batch: batch.number, batchStatus: batch.status });
    }
    const { weeeOverride: _old, ...rest } = device;
    const next: Device = {
      ...rest,
      ...(input.weeeCategory !== null && input.weeeCategory !== CATEGORY_FACTS[device.category].weee ? { weeeOverride: input.weeeCategory } : {}),
      updatedAt: nowIso(ctx.clock),
    };
    if (next.weeeOverride === device.weeeOverride) return device;
    tx.putDevice(next);
    const event = await appendTrailEvent(ctx, tx, {
      deviceId: device.id,
      at: next.updatedAt,
      location: await locationById(tx, device.locationId),
      body: { type: 'weee_category_set', from: weeeOf(device), to: next.weeeOverride ?? null },
    });
    return { ...next, trailLength: event.seq };
  });
}
