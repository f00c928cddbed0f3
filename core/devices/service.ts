/** Devices: report, check in, sanitize, list, hand over, read. Plain async functions over the store. */
import { randomUUID } from 'node:crypto';
import { effectiveDataBearing, mayDeclareNoData } from '../../shared/data-bearing';
import { CATEGORY_FACTS } from '../../shared/categories';
import { isTagOf, tagFormatOf, tagNumber } from '../../shared/tag-format';
import { actionsFrom, transitionFor } from '../../shared/lifecycle';
import type { DeviceDetail, ProcedureArgs } from '../../shared/contract';
import type { Device, DeviceStatus, Location, SanitizationRecord, Specs, Unit } from '../../shared/schemas';
import type { DevicePage, Store, StoreReads, StoreTx } from '../store/store';
import { actorRole, actorSnapshot, nowIso, requireUser, todayOf, type ServiceContext } from '../context';
import { addDays, offerDaysFor } from '../../shared/wanted';
import { notifyMatches } from '../wanted/service';
import { AppError, notFound } from '../errors';
import { nextFreeAssetTag } from '../tags/service';
import { sha256Hex } from '../store/attachment-dir';
import { checkedSignature } from './signature';
import { appendTrailEvent, deviceById, deviceByTag, locationById, runStep, warehouseLocation } from '../lifecycle/step';

/**
 * Where surplus waits: a department contact reports at a site of their own administration.
 * @throws NOT_OWN_DEPARTMENT
 */
function requireReportLocation(ctx: ServiceContext, location: Location, departmentId: string): void {
  if (ctx.actor.kind !== 'user' || ctx.actor.user.role !== 'department_contact') return;
  if (location.kind !== 'site' || location.departmentId !== departmentId) {
    throw new AppError('NOT_OWN_DEPARTMENT', {}, `location ${location.id} is not a site of ${departmentId}`, {
      locationId: 'own_department_site',
    });
  }
}

function cleanSpecs(specs: Specs): Specs {
  return Object.fromEntries(Object.entries(specs).filter(([, v]) => v !== undefined && v !== '')) as Specs; // why: same keys, empties dropped
}

/**
 * Report a surplus device; it stays at the department's site until the warehouse checks it in.
 * @throws NOT_FOUND (location, department), NOT_OWN_DEPARTMENT, ASSET_TAG_TAKEN
 */
export async function reportDevice(ctx: ServiceContext, input: ProcedureArgs<'devices.report'>): Promise<Device> {
  if (!input.acceptDuplicateSerial) await refuseKnownSerial(ctx, input.serial);
  return ctx.store.transaction(async (tx) => {
    const user = requireUser(ctx.actor);
    const departmentId = user.role === 'admin' && input.departmentId ? input.departmentId : user.departmentId;
    if (input.departmentId && input.departmentId !== departmentId) throw new AppError('NOT_OWN_DEPARTMENT');
    if (!(await tx.getDepartment(departmentId))) throw notFound('department', departmentId);
    const location = await locationById(tx, input.locationId);
    requireReportLocation(ctx, location, departmentId);
    // Only the warehouse (or an admin) may say a device of a data-bearing category carries no data:
    // otherwise a laptop could reach the marketplace without a wipe on record.
    if (input.dataBearing === false && !mayDeclareNoData(user.role, input.category)) {
      throw new AppError('DATA_BEARING_OVERRIDE', {}, 'contact lowered data-bearing', { dataBearing: 'data_bearing_lowered' });
    }
    let assetTag = input.assetTag;
    if (assetTag) {
      // A pre-printed label: Kredsløb must have issued it, and no device may carry it yet.
      await requireUnlinkedTag(tx, assetTag);
    } else {
      assetTag = await nextFreeAssetTag(tx);
    }
    const now = nowIso(ctx.clock);
    const device: Device = {
      id: randomUUID(),
      assetTag,
      category: input.category,
      manufacturer: input.manufacturer,
      model: input.model,
      serial: input.serial,
      specs: cleanSpecs(input.specs),
      dataBearing: effectiveDataBearing(input.category, input.dataBearing),
      ...(input.dataBearing === undefined ? {} : { dataBearingOverride: input.dataBearing }),
      departmentId,
      locationId: location.id,
      status: 'reported',
      weightKg: input.weightKg ?? CATEGORY_FACTS[input.category].typicalWeightKg,
      ...(input.year === undefined ? {} : { year: input.year }),
      ...(input.notes ? { notes: input.notes } : {}),
      reportedAt: now,
      updatedAt: now,
      trailLength: 0,
    };
    tx.putDevice(device);
    const event = await appendTrailEvent(ctx, tx, {
      deviceId: device.id,
      at: now,
      location,
      body: {
        type: 'reported',
        departmentId,
        ...(input.notes ? { note: input.notes } : {}),
        ...(input.dataBearing === undefined ? {} : { dataBearingOverride: input.dataBearing }),
      },
    });
    return { ...device, trailLength: event.seq };
  });
}

/**
 * A serial number already on record usually means the device was reported twice (or its label fell off):
 * refuse, naming the device that has it, so the person can look before saying it is another device. Read
 * outside the report's transaction: it is a warning to a person, not a rule the store must hold.
 * @throws SERIAL_EXISTS
 */
async function refuseKnownSerial(ctx: ServiceContext, serial: string): Promise<void> {
  const { items, total } = await ctx.store.searchDevices({ serial, sort: 'updated_desc', limit: 1, offset: 0 });
  const known = items[0];
  if (!known) return;
  throw new AppError(
    'SERIAL_EXISTS',
    { serial: known.serial, assetTag: known.assetTag, status: known.status, deviceId: known.id, device: `${known.manufacturer} ${known.model}`, count: total },
    `serial ${serial} is on ${known.assetTag}`,
    { serial: 'serial_exists' },
  );
}

/**
 * A reused device comes back as surplus: a new cycle on the same trail (it must be wiped again).
 * @throws NOT_FOUND, TRANSITION_NOT_ALLOWED, NOT_OWN_DEPARTMENT
 */
export async function reportAgain(ctx: ServiceContext, input: ProcedureArgs<'devices.reportAgain'>): Promise<Device> {
  return ctx.store.transaction(async (tx) => {
    const device = await deviceById(tx, input.deviceId);
    const location = await locationById(tx, input.locationId);
    requireReportLocation(ctx, location, device.departmentId);
    // A new cycle: the old wipe and grade do not carry over.
    const { sanitizationId: _wiped, condition: _graded, ...rest } = device;
    const step = await runStep(ctx, tx, rest, 'reportAgain', {
      patch: { locationId: location.id },
      event: { type: 'reported', departmentId: device.departmentId, ...(input.notes ? { note: input.notes } : {}) },
    });
    return step.device;
  });
}

/**
 * A tag typed or scanned as pre-printed: issued by Kredsløb (tags.allocate or an earlier report) and on no device.
 * A tag of another format (another prefix or width than the settings') was never issued by this store.
 * @throws TAG_NOT_ISSUED, ASSET_TAG_TAKEN
 */
async function requireUnlinkedTag(reads: StoreReads, assetTag: string): Promise<void> {
  const issuable = isTagOf(tagFormatOf(await reads.getSettings()), assetTag);
  if (!issuable || tagNumber(assetTag) > (await reads.lastAssetTagNumber())) {
    throw new AppError('TAG_NOT_ISSUED', { assetTag }, undefined, { assetTag: 'tag_not_issued' });
  }
  if (await reads.getDeviceByTag(assetTag)) {
    throw new AppError('ASSET_TAG_TAKEN', { assetTag }, undefined, { assetTag: 'asset_tag_taken' });
  }
}

/**
 * The device a scanned tag is on, for check-in. A pre-printed tag on no device yet is linked to the reported
 * device the warehouse picked (`deviceId`): the device's tag changes, and the trail says from which.
 * @throws NOT_FOUND, TAG_NOT_ISSUED, TAG_NOT_LINKED, ASSET_TAG_TAKEN, TRANSITION_NOT_ALLOWED
 */
async function deviceForCheckIn(ctx: ServiceContext, tx: StoreTx, input: ProcedureArgs<'devices.checkIn'>): Promise<Device> {
  const onTag = await tx.getDeviceByTag(input.assetTag);
  if (onTag) {
    if (input.deviceId && input.deviceId !== onTag.id) {
      throw new AppError('ASSET_TAG_TAKEN', { assetTag: input.assetTag }, undefined, { assetTag: 'asset_tag_taken' });
    }
    return onTag;
  }
  await requireUnlinkedTag(tx, input.assetTag);
  if (!input.deviceId) throw new AppError('TAG_NOT_LINKED', { assetTag: input.assetTag });
  const device = await deviceById(tx, input.deviceId);
  if (device.status !== 'reported') {
    throw new AppError('TRANSITION_NOT_ALLOWED', { action: 'checkIn', status: device.status, assetTag: device.assetTag });
  }
  const linked = { ...device, assetTag: input.assetTag };
  tx.putDevice(linked);
  const event = await appendTrailEvent(ctx, tx, {
    deviceId: device.id,
    at: nowIso(ctx.clock),
    location: await locationById(tx, device.locationId),
    body: { type: 'tag_linked', fromTag: device.assetTag, toTag: input.assetTag },
  });
  return { ...linked, trailLength: event.seq };
}

/**
 * Warehouse check-in by asset tag: grade the condition and put the device on a shelf. A pre-printed tag not
 * yet on a device is linked to the reported device named by `deviceId` in the same transaction.
 * @throws NOT_FOUND, NOT_A_WAREHOUSE_LOCATION, TRANSITION_NOT_ALLOWED, ROLE_NOT_ALLOWED, TAG_NOT_ISSUED, TAG_NOT_LINKED
 */
export async function checkIn(ctx: ServiceContext, input: ProcedureArgs<'devices.checkIn'>): Promise<Device> {
  return ctx.store.transaction(async (tx) => {
    const device = await deviceForCheckIn(ctx, tx, input);
    const shelf = await warehouseLocation(tx, input.locationId);
    const step = await runStep(ctx, tx, device, 'checkIn', {
      patch: { condition: input.condition, locationId: shelf.id },
      event: { type: 'checked_in', condition: input.condition },
    });
    return step.device;
  });
}

/**
 * Move a device to another shelf (the move station, a stock-take's "moved here", or the undo of a move).
 * The state stays; the trail records from where to where.
 * @throws NOT_FOUND, NOT_A_WAREHOUSE_LOCATION, ALREADY_AT_LOCATION, TRANSITION_NOT_ALLOWED, ROLE_NOT_ALLOWED
 */
export async function moveDevice(
  ctx: ServiceContext,
  input: ProcedureArgs<'devices.move'>,
): Promise<{ device: Device; fromLocationId: string }> {
  return ctx.store.transaction(async (tx) => {
    const device = await deviceByTag(tx, input.assetTag);
    const shelf = await warehouseLocation(tx, input.locationId);
    const from = await tx.getLocation(device.locationId);
    if (shelf.id === device.locationId) {
      throw new AppError('ALREADY_AT_LOCATION', { assetTag: device.assetTag, location: shelf.name });
    }
    const step = await runStep(ctx, tx, device, 'move', {
      patch: { locationId: shelf.id },
      event: {
        type: 'moved',
        fromLocationId: device.locationId,
        ...(from ? { fromLocationName: from.name } : {}),
        ...(input.undo ? { undo: true } : {}),
      },
    });
    return { device: step.device, fromLocationId: device.locationId };
  });
}

/**
 * Record a NIST SP 800-88 sanitization; it allows listing (and collection) of a data-bearing device.
 * @throws NOT_FOUND, TRANSITION_NOT_ALLOWED, ROLE_NOT_ALLOWED
 */
export async function recordSanitization(
  ctx: ServiceContext,
  input: ProcedureArgs<'devices.recordSanitization'>,
): Promise<{ device: Device; sanitization: SanitizationRecord }> {
  return ctx.store.transaction(async (tx) => {
    const device = await deviceById(tx, input.deviceId);
    const record: SanitizationRecord = {
      id: randomUUID(),
      deviceId: device.id,
      method: input.method,
      technique: input.technique,
      mediaType: input.mediaType,
      tool: input.tool,
      toolVersion: input.toolVersion,
      verificationMethod: input.verificationMethod,
      verified: input.verified,
      operator: actorSnapshot(ctx.actor),
      verifierName: input.verifierName,
      performedAt: nowIso(ctx.clock),
      ...(input.notes ? { notes: input.notes } : {}),
    };
    const step = await runStep(ctx, tx, device, 'recordSanitization', {
      patch: { sanitizationId: record.id },
      event: { type: 'sanitized', sanitizationId: record.id, method: record.method, verified: record.verified },
    });
    tx.putSanitization(record);
    return { device: step.device, sanitization: record };
  });
}

/**
 * Put a device on the reuse marketplace.
 * @throws NOT_FOUND, TRANSITION_NOT_ALLOWED, CONDITION_REQUIRED, SANITIZATION_REQUIRED, SANITIZATION_NOT_VERIFIED
 */
export async function publishDevice(ctx: ServiceContext, input: ProcedureArgs<'devices.publish'>): Promise<Device> {
  const today = todayOf(ctx);
  if (input.availableFrom !== undefined && input.availableFrom < today) {
    throw new AppError('AVAILABLE_FROM_PAST', { day: today }, undefined, { availableFrom: 'not_before_today' });
  }
  return ctx.store.transaction(async (tx) => {
    // A relisting replaces both days: an earlier "available from" is dropped, not kept as an undefined key.
    const { availableFrom: _earlier, ...device } = await deviceById(tx, input.deviceId);
    // The offer runs its category's days from when the device can first be reserved: a device listed today but
    // available in a month is not on offer for a month less.
    const start = input.availableFrom ?? today;
    const patch = { ...(input.availableFrom ? { availableFrom: input.availableFrom } : {}), offerUntil: addDays(start, offerDaysFor(await tx.getSettings(), device.category)) };
    const listed = (await runStep(ctx, tx, device, 'publish', { patch, event: { type: 'listed' } })).device;
    await notifyMatches(ctx, tx, listed);
    return listed;
  });
}

/**
 * Take a device off the marketplace, back to stock.
 * @throws NOT_FOUND, TRANSITION_NOT_ALLOWED
 */
export async function unpublishDevice(ctx: ServiceContext, input: ProcedureArgs<'devices.unpublish'>): Promise<Device> {
  return ctx.store.transaction(async (tx) => {
    const device = await deviceById(tx, input.deviceId);
    const event = { type: 'unlisted' as const, ...(input.reason ? { reason: input.reason } : {}) };
    return (await runStep(ctx, tx, device, 'unpublish', { event })).device;
  });
}

/**
 * The receiving unit of a hand-over: one of the reserving administration's units.
 * @throws NOT_FOUND (unit), UNIT_NOT_OF_DEPARTMENT
 */
async function receivingUnit(ctx: ServiceContext, tx: StoreReads, unitId: string, departmentId: string, assetTag: string): Promise<Unit> {
  // Units are reference data (a few hundred); the store lists them whole.
  const unit = (await ctx.store.listUnits()).find((u) => u.id === unitId);
  if (!unit) throw notFound('unit', unitId);
  if (unit.departmentId !== departmentId) {
    const department = await tx.getDepartment(departmentId);
    throw new AppError('UNIT_NOT_OF_DEPARTMENT', { unit: unit.name, department: department?.code ?? departmentId, assetTag }, undefined, {
      unitId: 'unit_of_reserving_department',
    });
  }
  return unit;
}

/**
 * Hand a reserved device over at pick-up: the reserving administration becomes the owner, and the device's
 * location becomes the site named in the reservation (checked and written in one transaction). The event names
 * who collected it, the receiving unit and the acceptance: 'paper', or the sha256 of the drawn signature, which
 * is checked before anything is written and kept in the attachment store only once every rule has passed.
 * @throws NOT_FOUND, TRANSITION_NOT_ALLOWED, SANITIZATION_REQUIRED, SANITIZATION_NOT_VERIFIED, UNIT_NOT_OF_DEPARTMENT,
 * SIGNATURE_NOT_PNG, SIGNATURE_TOO_LARGE, SIGNATURE_BAD_DIMENSIONS
 */
export async function handOver(ctx: ServiceContext, input: ProcedureArgs<'devices.handOver'>): Promise<Device> {
  const signaturePng = input.acceptance.kind === 'drawn' ? await checkedSignature(input.acceptance.signaturePng) : undefined;
  return ctx.store.transaction(async (tx) => {
    const device = await deviceByTag(tx, input.assetTag);
    const reservation = await tx.activeReservation(device.id);
    if (!reservation) {
      throw new AppError('TRANSITION_NOT_ALLOWED', { action: 'handOver', status: device.status, assetTag: device.assetTag });
    }
    const unit = await receivingUnit(ctx, tx, input.unitId, reservation.departmentId, device.assetTag);
    // Reservations made before they named a site (older data folders) leave the device where it is handed over.
    const site = reservation.locationId ? await locationById(tx, reservation.locationId) : undefined;
    const step = await runStep(ctx, tx, device, 'handOver', {
      patch: { departmentId: reservation.departmentId, locationId: site?.id ?? device.locationId },
      locationId: device.locationId, // handed over at the warehouse
      event: {
        type: 'handed_over',
        reservationId: reservation.id,
        fromDepartmentId: device.departmentId,
        toDepartmentId: reservation.departmentId,
        replacesNewPurchase: input.replacesNewPurchase,
        pickedUpBy: input.pickedUpBy,
        ...(input.pickedUpByUserId ? { pickedUpByUserId: input.pickedUpByUserId } : {}),
        unitId: unit.id,
        unitName: unit.name,
        signature: signaturePng ? sha256Hex(signaturePng) : 'paper',
      },
    });
    tx.putReservation({ ...reservation, status: 'fulfilled', endedAt: step.event.at });
    // Last, after every rule passed: a refused hand-over leaves no file behind (and a file no record names is harmless).
    if (signaturePng) await ctx.store.putAttachment(signaturePng);
    return step.device;
  });
}

/** A device and what its page shows: in one read where the store offers it (getDevicePage). @throws NOT_FOUND */
async function devicePage(store: Store, ref: { id: string } | { assetTag: string }): Promise<DevicePage> {
  if (store.getDevicePage) {
    const page = await store.getDevicePage(ref);
    if (!page) throw notFound('device', 'id' in ref ? ref.id : ref.assetTag);
    return page;
  }
  const device = 'id' in ref ? await deviceById(store, ref.id) : await deviceByTag(store, ref.assetTag);
  const [trail, reservation, sanitization] = await Promise.all([
    store.trail(device.id),
    store.activeReservation(device.id),
    device.sanitizationId ? store.getSanitization(device.sanitizationId) : Promise.resolve(undefined),
  ]);
  return { device, trail, reservation, sanitization };
}

/** One device with everything its page shows. @throws NOT_FOUND */
export async function getDeviceDetail(ctx: ServiceContext, input: ProcedureArgs<'devices.get'>): Promise<DeviceDetail> {
  const { device, trail, reservation, sanitization } = await devicePage(ctx.store, input.id ? { id: input.id } : { assetTag: input.assetTag ?? '' });
  return {
    device,
    trail,
    ...(reservation ? { reservation } : {}),
    ...(sanitization ? { sanitization } : {}),
    actions: actionsFrom(device.status, actorRole(ctx.actor)),
  };
}

/** How many reported devices the pick-up list shows at most (a day's rounds; the total says if there are more). */
export const PICKUP_LIST_LIMIT = 500;

/** Reported devices waiting for the warehouse, grouped by the site they wait at, oldest report first. */
export async function awaitingPickup(ctx: ServiceContext, input: ProcedureArgs<'devices.awaitingPickup'>) {
  const { items, total } = await ctx.store.searchDevices({
    status: 'reported',
    departmentId: input.departmentId,
    sort: 'reported_desc',
    limit: PICKUP_LIST_LIMIT,
    offset: 0,
  });
  const bySite = new Map<string, Device[]>();
  for (const d of [...items].reverse()) bySite.set(d.locationId, [...(bySite.get(d.locationId) ?? []), d]);
  const sites: { location: Location; devices: Device[] }[] = [];
  for (const [locationId, devices] of bySite) {
    const location = await ctx.store.getLocation(locationId);
    if (location) sites.push({ location, devices });
  }
  sites.sort((a, b) => a.location.name.localeCompare(b.location.name, 'da'));
  return { sites, total };
}

/** The states a reservation holds a device in (reserved, pending approval): those a reservation can be cancelled from. */
const HELD_BY_RESERVATION: ReadonlySet<DeviceStatus> = new Set(transitionFor('cancelReservation').from);

/** Devices matching text and filters, one page at a time, with the administration each reserved one is going to. */
export async function searchDevices(ctx: ServiceContext, input: ProcedureArgs<'devices.search'>) {
  const page = await ctx.store.searchDevices(input);
  const held = page.items.filter((d) => HELD_BY_RESERVATION.has(d.status)).map((d) => d.id);
  const reservations = ctx.store.activeReservations
    ? await ctx.store.activeReservations(held)
    : (await Promise.all(held.map((id) => ctx.store.activeReservation(id)))).filter((r) => r !== undefined);
  const reservedFor: Record<string, string> = {};
  for (const r of reservations) reservedFor[r.deviceId] = r.departmentId;
  return { ...page, reservedFor };
}

/** The devices on the reuse marketplace (published, not reserved) matching text and filters. */
export async function searchMarketplace(ctx: ServiceContext, input: ProcedureArgs<'marketplace.search'>) {
  return ctx.store.searchDevices({ ...input, status: 'listed' });
}

