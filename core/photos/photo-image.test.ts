import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { errorMessage } from '../../shared/messages';
import { gif, heicHead, hugeJpeg, jpegOfSize, jpegWithGps, png, svg, textFile, truncatedJpeg, webp } from '../testing/photos';
import { DISPLAY_LONG_SIDE, THUMB_LONG_SIDE, derivePhoto, sniffFormat } from './photo-image';

/** The refusal's code and its Danish message, or a failure when the photo was accepted. */
async function refused(fileName: string, bytes: Uint8Array): Promise<{ code: string; message: string }> {
  try {
    await derivePhoto(fileName, bytes);
  } catch (err) {
    if (err instanceof AppError) return { code: err.code, message: errorMessage(err.code, err.params, 'da') };
    throw err;
  }
  throw new Error(`${fileName} was accepted`);
}

/** The GPS IFD pointer tag (0x8825) in either byte order: present in any EXIF block that holds a position. */
const hasGpsTag = (bytes: Uint8Array) => {
  const b = Buffer.from(bytes);
  return b.includes(Buffer.from([0x88, 0x25])) || b.includes(Buffer.from([0x25, 0x88]));
};

describe('a photo is checked by its content', () => {
  it('refuses a text file renamed .jpg, naming the file and saying it is no JPEG, PNG or WebP', async () => {
    const r = await refused('kontor.jpg', textFile());
    expect(r.code).toBe('PHOTO_NOT_IMAGE');
    expect(r.message).toBe('Fotoet kontor.jpg blev ikke gemt: filen er ikke et JPEG-, PNG- eller WebP-billede.');
  });

  it.each([
    ['animation.gif', gif],
    ['iphone.heic', async () => heicHead()],
    ['tegning.svg', async () => svg()],
  ])('refuses %s (a type photos may not be) with PHOTO_NOT_IMAGE', async (name, make) => {
    const r = await refused(name, await make());
    expect(r.code).toBe('PHOTO_NOT_IMAGE');
    expect(r.message).toContain(name);
  });

  it('refuses a GIF renamed .png although its bytes are a real image', async () => {
    expect((await refused('skjult.png', await gif())).code).toBe('PHOTO_NOT_IMAGE');
  });

  it('refuses a JPEG cut off halfway as damaged', async () => {
    const r = await refused('afbrudt.jpg', await truncatedJpeg());
    expect(r.code).toBe('PHOTO_DAMAGED');
    expect(r.message).toBe('Fotoet afbrudt.jpg blev ikke gemt: filen er beskadiget eller ufuldstændig, så billedet kan ikke åbnes.');
  });

  it('refuses a 16 MB file with its size and the limit', async () => {
    const r = await refused('stor.jpg', await jpegOfSize(16 * 1024 * 1024));
    expect(r.code).toBe('PHOTO_TOO_LARGE');
    expect(r.message).toBe('Fotoet stor.jpg blev ikke gemt: det fylder 16.0 MB, og et foto må højst fylde 15 MB.');
  });

  it('refuses an 8000×6000 photo (48 megapixels) from its header, with the count and the limit', async () => {
    const r = await refused('panorama.jpg', await hugeJpeg());
    expect(r.code).toBe('PHOTO_TOO_MANY_PIXELS');
    expect(r.message).toBe('Fotoet panorama.jpg blev ikke gemt: det har 48.0 megapixel, og et foto må højst have 40 megapixel.');
  });

  it('tells the formats apart by their first bytes', async () => {
    expect(sniffFormat(await jpegWithGps(16, 16))).toBe('jpeg');
    expect(sniffFormat(await png())).toBe('png');
    expect(sniffFormat(await webp())).toBe('webp');
    expect(sniffFormat(textFile())).toBeUndefined();
    expect(sniffFormat(new Uint8Array())).toBeUndefined();
  });
});

describe('an accepted photo', () => {
  it('is kept without its EXIF and GPS position, as a JPEG display size and a WebP thumbnail', async () => {
    const original = await jpegWithGps(640, 480, 1);
    expect((await sharp(original).metadata()).exif).toBeDefined();
    expect(hasGpsTag((await sharp(original).metadata()).exif!)).toBe(true);
    const out = await derivePhoto('kamera.jpg', original);
    for (const bytes of [out.display, out.thumb]) {
      const meta = await sharp(bytes).metadata();
      expect(meta.exif).toBeUndefined();
      expect(meta.icc).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
      expect(Buffer.from(bytes).includes(Buffer.from('Exif\0\0'))).toBe(false);
      expect(Buffer.from(bytes).includes(Buffer.from('TestCam'))).toBe(false);
    }
    expect((await sharp(out.display).metadata()).format).toBe('jpeg');
    expect((await sharp(out.thumb).metadata()).format).toBe('webp');
  });

  it('is turned upright by its EXIF orientation (a portrait shot stored sideways)', async () => {
    // Stored 640×480 with orientation 6 (rotate 90°): the person saw it 480×640.
    const out = await derivePhoto('portræt.jpg', await jpegWithGps(640, 480, 6));
    expect([out.width, out.height]).toEqual([480, 640]);
    const meta = await sharp(out.display).metadata();
    expect([meta.width, meta.height]).toEqual([480, 640]);
    expect(meta.orientation ?? 1).toBe(1);
  });

  it('is scaled to a display size and a thumbnail by its long side, and never enlarged', async () => {
    const big = await derivePhoto('stor.png', await png(4000, 3000));
    expect([big.width, big.height]).toEqual([DISPLAY_LONG_SIDE, 1200]);
    const thumb = await sharp(big.thumb).metadata();
    expect([thumb.width, thumb.height]).toEqual([THUMB_LONG_SIDE, 300]);
    const small = await derivePhoto('lille.webp', await webp(320, 240));
    expect([small.width, small.height]).toEqual([320, 240]);
  });

  it('gives the same bytes for the same photo, so it is stored once', async () => {
    const original = await png();
    const a = await derivePhoto('a.png', original);
    const b = await derivePhoto('b.png', original);
    expect(Buffer.from(a.display).equals(Buffer.from(b.display))).toBe(true);
    expect(Buffer.from(a.thumb).equals(Buffer.from(b.thumb))).toBe(true);
  });
});
