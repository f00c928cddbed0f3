/**
 * Adding photos from the renderer: one devices.addPhoto call per file, so each refused photo is named with its
 * reason and the others are still saved. A file over the size limit is refused here with the core's own code
 * and words, before megabytes are sent for nothing.
 */
import { PHOTO_MAX_BYTES } from '../shared/contract';
import type { ErrorCode } from '../shared/errors';
import type { Device } from '../shared/schemas';
import { ApiError } from './api/client';
import { client } from './api/instance';

/** A photo that was not saved: its file and the refusal's code and parameters (said in the current language at render time). */
export interface RefusedPhoto {
  fileName: string;
  code: ErrorCode;
  params: Record<string, string | number>;
}

export interface PhotoUpload {
  /** The device after the last saved photo; absent when none was saved. */
  device?: Device;
  saved: number;
  refused: RefusedPhoto[];
}

/** A file as base64 (the import of registers sends its file the same way). */
export function base64Of(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    // why: a data: URL is "data:<type>;base64,<data>"; readAsDataURL always gives a string
    reader.onload = () => resolve((reader.result as string).slice((reader.result as string).indexOf(',') + 1));
    reader.onerror = () => reject(reader.error ?? new Error(`cannot read ${file.name}`));
    reader.readAsDataURL(file);
  });
}

/** Adds `files` to the device one by one; never throws for a refused photo (only when the session is gone). */
export async function uploadPhotos(deviceId: string, files: readonly File[]): Promise<PhotoUpload> {
  const out: PhotoUpload = { saved: 0, refused: [] };
  for (const file of files) {
    if (file.size > PHOTO_MAX_BYTES) {
      out.refused.push({ fileName: file.name, code: 'PHOTO_TOO_LARGE', params: { fileName: file.name, sizeMb: (file.size / 1024 / 1024).toFixed(1), maxMb: PHOTO_MAX_BYTES / 1024 / 1024 } });
      continue;
    }
    try {
      out.device = await client.call('devices.addPhoto', { deviceId, fileName: file.name, dataBase64: await base64Of(file) });
      out.saved++;
    } catch (e) {
      if (!(e instanceof ApiError) || e.code === 'UNAUTHENTICATED' || e.code === 'SECRET_REQUIRED') throw e;
      out.refused.push({ fileName: file.name, code: e.code, params: e.body.params ?? { fileName: file.name } });
    }
  }
  return out;
}
