/**
 * A device photo as it is received (any bytes a person picked) turned into what is kept: checked by content
 * (magic bytes, then sharp's header, then a full decode), turned upright by its EXIF orientation, and
 * re-encoded without any metadata (EXIF with its GPS position, XMP, ICC, comments) as a display size (JPEG)
 * and a thumbnail (WebP). The original is never kept: it is the one that carries where the photo was taken.
 */
import type { Metadata } from 'sharp';
import { AppError } from '../errors';
import { PHOTO_MAX_BYTES, PHOTO_MAX_PIXELS } from '../../shared/contract';
import { loadSharp } from './load-sharp';

/** The long side of the display size and of the thumbnail, in pixels. */
export const DISPLAY_LONG_SIDE = 1600;
export const THUMB_LONG_SIDE = 400;

export type PhotoFormat = 'jpeg' | 'png' | 'webp';

/** The derived images of one accepted photo. */
export interface DerivedPhoto {
  display: Uint8Array;
  thumb: Uint8Array;
  width: number;
  height: number;
}

const startsWith = (bytes: Uint8Array, at: number, sig: readonly number[]) => sig.every((b, i) => bytes[at + i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** The format the first bytes announce (JPEG SOI, PNG signature, RIFF…WEBP), or undefined for anything else. */
export function sniffFormat(bytes: Uint8Array): PhotoFormat | undefined {
  if (startsWith(bytes, 0, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, 0, ascii('RIFF')) && startsWith(bytes, 8, ascii('WEBP'))) return 'webp';
  return undefined;
}

const megabytes = (n: number) => (n / 1024 / 1024).toFixed(1);

/**
 * The photo's display size and thumbnail, or a refusal naming the file and the reason.
 * @throws PHOTO_TOO_LARGE, PHOTO_NOT_IMAGE, PHOTO_TOO_MANY_PIXELS, PHOTO_DAMAGED
 */
export async function derivePhoto(fileName: string, bytes: Uint8Array): Promise<DerivedPhoto> {
  if (bytes.length > PHOTO_MAX_BYTES) {
    throw new AppError('PHOTO_TOO_LARGE', { fileName, sizeMb: megabytes(bytes.length), maxMb: PHOTO_MAX_BYTES / 1024 / 1024 });
  }
  const format = sniffFormat(bytes);
  if (!format) throw new AppError('PHOTO_NOT_IMAGE', { fileName });
  // The header first: a 40-megapixel limit must refuse an 8000×6000 photo before anything is decoded.
  const sharp = loadSharp();
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch (err) {
    throw new AppError('PHOTO_DAMAGED', { fileName }, `photo ${fileName}: unreadable header`, undefined, { cause: err });
  }
  if (meta.format !== format) throw new AppError('PHOTO_NOT_IMAGE', { fileName });
  const pixels = (meta.width ?? 0) * (meta.height ?? 0);
  if (pixels > PHOTO_MAX_PIXELS) {
    throw new AppError('PHOTO_TOO_MANY_PIXELS', {
      fileName,
      megapixels: (pixels / 1e6).toFixed(1),
      maxMegapixels: PHOTO_MAX_PIXELS / 1e6,
    });
  }
  try {
    // failOn 'truncated' refuses a cut-off file sharp would otherwise fill with grey; autoOrient applies EXIF rotation.
    const upright = sharp(bytes, { limitInputPixels: PHOTO_MAX_PIXELS, failOn: 'truncated', autoOrient: true });
    const [display, thumb] = await Promise.all([
      upright.clone().resize(DISPLAY_LONG_SIDE, DISPLAY_LONG_SIDE, { fit: 'inside', withoutEnlargement: true }).jpeg({ quality: 82, mozjpeg: true }).toBuffer({ resolveWithObject: true }),
      upright.clone().resize(THUMB_LONG_SIDE, THUMB_LONG_SIDE, { fit: 'inside', withoutEnlargement: true }).webp({ quality: 75 }).toBuffer(),
    ]);
    return { display: display.data, thumb, width: display.info.width, height: display.info.height };
  } catch (err) {
    throw new AppError('PHOTO_DAMAGED', { fileName }, `photo ${fileName}: decode failed`, undefined, { cause: err });
  }
}
