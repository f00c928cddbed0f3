/**
 * Photo files made at test time with sharp (nothing binary committed): the photos a person picks, good and bad.
 * Used by the unit tests and by the e2e specs (test/e2e), which write them to files to attach.
 */
import sharp from 'sharp';

/** A camera JPEG: `width`×`height` pixels as stored, with an EXIF orientation and a GPS position (Copenhagen City Hall). */
export async function jpegWithGps(width = 640, height = 480, orientation = 6): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 60, b: 40 } } })
    .composite([{ input: { create: { width: Math.round(width / 4), height: Math.round(height / 4), channels: 3, background: 'white' } }, left: 0, top: 0 }])
    .jpeg({ quality: 90 })
    .withMetadata({ orientation })
    .withExif({
      IFD0: { Make: 'TestCam', Model: 'GPS 1' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '55/1 40/1 3/1', GPSLongitudeRef: 'E', GPSLongitude: '12/1 34/1 11/1' },
    })
    .toBuffer();
}

/** A small PNG (no metadata). */
export const png = (width = 320, height = 240): Promise<Buffer> =>
  sharp({ create: { width, height, channels: 4, background: { r: 20, g: 120, b: 200, alpha: 1 } } }).png().toBuffer();

/** A small WebP. */
export const webp = (width = 320, height = 240): Promise<Buffer> =>
  sharp({ create: { width, height, channels: 3, background: { r: 20, g: 160, b: 60 } } }).webp().toBuffer();

/** A GIF: a real image, of a type photos may not be. */
export const gif = (): Promise<Buffer> => sharp({ create: { width: 32, height: 32, channels: 3, background: 'blue' } }).gif().toBuffer();

/** An SVG drawing. */
export const svg = (): Buffer => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>');

/** The first bytes of a HEIC file (an ISO BMFF 'ftypheic' box), as an iPhone writes it. */
export const heicHead = (): Buffer =>
  Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic'), Buffer.alloc(4), Buffer.from('mif1heic'), Buffer.alloc(64)]);

/** A text file, as someone renames notes.txt to photo.jpg. */
export const textFile = (): Buffer => Buffer.from('Dette er ikke et billede.\nBare en tekstfil, der hedder .jpg.\n', 'utf8');

/** A JPEG cut off halfway (an interrupted copy). */
export async function truncatedJpeg(): Promise<Buffer> {
  const whole = await jpegWithGps(640, 480, 1);
  return whole.subarray(0, Math.floor(whole.length / 2));
}

/**
 * A JPEG whose header says 8000×6000 (48 megapixels): a small JPEG with its frame size rewritten, made in
 * milliseconds where encoding a real one takes seconds. Its pixels cannot be decoded, so a check that
 * decoded before reading the header would call it damaged instead of too large.
 */
export async function hugeJpeg(width = 8000, height = 6000): Promise<Buffer> {
  const bytes = Buffer.from(await sharp({ create: { width: 64, height: 48, channels: 3, background: 'grey' } }).jpeg({ progressive: false, mozjpeg: false }).toBuffer());
  const sof = bytes.indexOf(Buffer.from([0xff, 0xc0]));
  bytes.writeUInt16BE(height, sof + 5);
  bytes.writeUInt16BE(width, sof + 7);
  return bytes;
}

/** A valid JPEG header followed by filler up to `bytes` (a 16 MB photo without spending time encoding one). */
export async function jpegOfSize(bytes: number): Promise<Buffer> {
  const head = await jpegWithGps(64, 48, 1);
  return Buffer.concat([head, Buffer.alloc(Math.max(0, bytes - head.length))]);
}
