/** Device photos: add (checked and re-encoded, see photo-image.ts), remove, and read back one stored image. */
import type { ProcedureArgs, ProcedureOutput } from '../../shared/contract';
import { PHOTO_MAX_PER_DEVICE } from '../../shared/contract';
import { photoChangeRefusal } from '../../shared/photos';
import type { Device, DevicePhoto } from '../../shared/schemas';
import { sha256Hex } from '../store/attachment-dir';
import { nowIso, requireUser, type ServiceContext } from '../context';
import { AppError, notFound } from '../errors';
import { appendTrailEvent, deviceById, locationById } from '../lifecycle/step';
import { derivePhoto, sniffFormat } from './photo-image';

/** @throws NOT_OWN_DEPARTMENT, ROLE_NOT_ALLOWED (shared/photos.ts says who may) */
function requireMayChangePhotos(ctx: ServiceContext, device: Device): void {
  const refusal = photoChangeRefusal(requireUser(ctx.actor), device);
  if (refusal) throw new AppError(refusal, refusal === 'ROLE_NOT_ALLOWED' ? { action: 'changePhotos' } : {});
}

function requireRoom(device: Device, fileName: string): void {
  if ((device.photos?.length ?? 0) >= PHOTO_MAX_PER_DEVICE) throw new AppError('PHOTO_LIMIT', { fileName, max: PHOTO_MAX_PER_DEVICE });
}

/**
 * Add one photo. Every check runs before anything is written, so a refused photo leaves the attachment store
 * and the device as they were; the same photo added again is kept once and changes nothing.
 * @throws NOT_FOUND, NOT_OWN_DEPARTMENT, ROLE_NOT_ALLOWED, PHOTO_LIMIT, PHOTO_TOO_LARGE, PHOTO_NOT_IMAGE,
 * PHOTO_TOO_MANY_PIXELS, PHOTO_DAMAGED
 */
export async function addPhoto(ctx: ServiceContext, input: ProcedureArgs<'devices.addPhoto'>): Promise<Device> {
  const bytes = Buffer.from(input.dataBase64, 'base64');
  const before = await deviceById(ctx.store, input.deviceId);
  requireMayChangePhotos(ctx, before);
  requireRoom(before, input.fileName);
  // Decoding takes a fifth of a second: done outside the transaction, which then checks again.
  const derived = await derivePhoto(input.fileName, bytes);
  const sha256 = sha256Hex(derived.display);
  return ctx.store.transaction(async (tx) => {
    const device = await deviceById(tx, input.deviceId);
    requireMayChangePhotos(ctx, device);
    const photos = device.photos ?? [];
    if (photos.some((p) => p.sha256 === sha256)) return device;
    requireRoom(device, input.fileName);
    const at = nowIso(ctx.clock);
    const photo: DevicePhoto = {
      sha256: await ctx.store.putAttachment(derived.display),
      thumbSha256: await ctx.store.putAttachment(derived.thumb),
      width: derived.width,
      height: derived.height,
      addedAt: at,
    };
    const next: Device = { ...device, photos: [...photos, photo], updatedAt: at };
    tx.putDevice(next);
    const event = await appendTrailEvent(ctx, tx, {
      deviceId: device.id,
      at,
      location: await locationById(tx, device.locationId),
      body: { type: 'photo_added', sha256, fileName: input.fileName },
    });
    return { ...next, trailLength: event.seq };
  });
}

/**
 * Remove a photo from the device (its images stay in the attachment store, whose files never change; no
 * record names them any more).
 * @throws NOT_FOUND, NOT_OWN_DEPARTMENT, ROLE_NOT_ALLOWED
 */
export async function removePhoto(ctx: ServiceContext, input: ProcedureArgs<'devices.removePhoto'>): Promise<Device> {
  return ctx.store.transaction(async (tx) => {
    const device = await deviceById(tx, input.deviceId);
    requireMayChangePhotos(ctx, device);
    const photos = device.photos ?? [];
    if (!photos.some((p) => p.sha256 === input.sha256)) throw notFound('photo', input.sha256);
    const at = nowIso(ctx.clock);
    const next: Device = { ...device, photos: photos.filter((p) => p.sha256 !== input.sha256), updatedAt: at };
    tx.putDevice(next);
    const event = await appendTrailEvent(ctx, tx, {
      deviceId: device.id,
      at,
      location: await locationById(tx, device.locationId),
      body: { type: 'photo_removed', sha256: input.sha256 },
    });
    return { ...next, trailLength: event.seq };
  });
}

/**
 * One image of a device's photos (display size or thumbnail); only images a photo of this device names are
 * handed out, so the attachment store cannot be read by guessing hashes (certificate PDFs live there too).
 * @throws NOT_FOUND
 */
export async function photoImage(ctx: ServiceContext, input: ProcedureArgs<'devices.photo'>): Promise<ProcedureOutput<'devices.photo'>> {
  const device = await deviceById(ctx.store, input.deviceId);
  if (!(device.photos ?? []).some((p) => p.sha256 === input.sha256 || p.thumbSha256 === input.sha256)) throw notFound('photo', input.sha256);
  const bytes = await ctx.store.getAttachment(input.sha256);
  if (!bytes) throw notFound('photo', input.sha256);
  return { contentType: sniffFormat(bytes) === 'webp' ? 'image/webp' : 'image/jpeg', dataBase64: Buffer.from(bytes).toString('base64') };
}
