/**
 * A signature drawn on screen at hand-over arrives as a base64 PNG. It is checked by its content before
 * anything is stored: the PNG signature bytes, its size, a real decode (sharp) and sane dimensions. What is
 * kept is sharp's re-encoding: a plain 8-bit PNG without ancillary chunks, which pdfmake can embed in the receipt.
 */
import {
  SIGNATURE_MAX_BYTES,
  SIGNATURE_MAX_HEIGHT,
  SIGNATURE_MAX_WIDTH,
  SIGNATURE_MIN_SIDE,
} from '../../shared/handover';
import { AppError } from '../errors';
import { loadSharp } from '../photos/load-sharp';

/** Every PNG starts with these eight bytes (PNG specification §5.2). */
const PNG_MAGIC = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const FIELD = 'acceptance.signaturePng';

const notPng = (why: string, cause?: unknown) =>
  new AppError('SIGNATURE_NOT_PNG', {}, `signature refused: ${why}`, { [FIELD]: 'signature_unreadable' }, { cause });

/**
 * The drawn signature's PNG, checked and re-encoded.
 * @throws SIGNATURE_NOT_PNG, SIGNATURE_TOO_LARGE, SIGNATURE_BAD_DIMENSIONS
 */
export async function checkedSignature(base64: string): Promise<Uint8Array> {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length > SIGNATURE_MAX_BYTES) {
    throw new AppError(
      'SIGNATURE_TOO_LARGE',
      { sizeKb: Math.ceil(bytes.length / 1024), maxKb: SIGNATURE_MAX_BYTES / 1024 },
      `signature of ${bytes.length} bytes`,
      { [FIELD]: 'signature_too_large' },
    );
  }
  if (bytes.length < PNG_MAGIC.length || !PNG_MAGIC.every((b, i) => bytes[i] === b)) throw notPng('no PNG magic bytes');
  const sharp = loadSharp();
  // The header's dimensions are checked before the pixels are decoded, so a tiny file claiming a huge image costs nothing.
  const meta = await sharp(bytes, { limitInputPixels: SIGNATURE_MAX_WIDTH * SIGNATURE_MAX_HEIGHT })
    .metadata()
    .catch((err: unknown) => {
      throw notPng('unreadable header', err);
    });
  const { width, height } = meta;
  if (meta.format !== 'png') throw notPng(`format ${meta.format}`);
  if (width < SIGNATURE_MIN_SIDE || height < SIGNATURE_MIN_SIDE || width > SIGNATURE_MAX_WIDTH || height > SIGNATURE_MAX_HEIGHT) {
    throw new AppError(
      'SIGNATURE_BAD_DIMENSIONS',
      { width, height, min: SIGNATURE_MIN_SIDE, maxWidth: SIGNATURE_MAX_WIDTH, maxHeight: SIGNATURE_MAX_HEIGHT },
      `signature of ${width}x${height}`,
      { [FIELD]: 'signature_unreadable' },
    );
  }
  try {
    // failOn 'error': a truncated or corrupt image is refused rather than decoded half-way.
    return new Uint8Array(await sharp(bytes, { failOn: 'error' }).png({ compressionLevel: 9 }).toBuffer());
  } catch (err) {
    throw notPng('decode failed', err);
  }
}
