import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { ATTACHMENTS_DIR } from '../store/attachment-dir';
import { BUF_CONTACT, BUF_SITE, SHELF, SUF_CONTACT, WAREHOUSE, callAs, refusal, run, useHarness, type Harness } from '../testing/harness';
import { jpegWithGps, png, textFile, webp } from '../testing/photos';

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/** The attachment folder's file names, to compare before and after a refusal. */
const attachmentFiles = (h: Harness) => {
  const dir = path.join(h.dir, ATTACHMENTS_DIR);
  return fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
};

async function reported(h: Harness) {
  return run(await h.as(BUF_CONTACT), 'devices.report', { category: 'laptop', manufacturer: 'Lenovo', model: 'ThinkPad T14', serial: 'PH-1', locationId: BUF_SITE });
}

/** Six different small PNGs (one colour each). */
const sixColours = () =>
  Promise.all([0, 1, 2, 3, 4, 5].map((i) => sharp({ create: { width: 40, height: 30, channels: 3, background: { r: i * 40, g: 10, b: 10 } } }).png().toBuffer()));

describe('device photos', () => {
  const h = useHarness();

  it('the reporter adds a photo: the device lists it, the trail says so with the file name, both images can be read back', async () => {
    const d = await reported(h);
    const buf = await h.as(BUF_CONTACT);
    const after = await run(buf, 'devices.addPhoto', { deviceId: d.id, fileName: 'skærm.jpg', dataBase64: b64(await jpegWithGps()) });
    expect(after.photos).toHaveLength(1);
    const photo = after.photos![0]!;
    expect(photo).toMatchObject({ width: 480, height: 640, addedAt: '2026-11-02T08:00:00.000Z' });
    const trail = await h.store.trail(d.id);
    expect(trail.at(-1)).toMatchObject({ type: 'photo_added', sha256: photo.sha256, fileName: 'skærm.jpg', actor: { id: BUF_CONTACT } });
    const wh = await h.as(WAREHOUSE);
    const display = await run(wh, 'devices.photo', { deviceId: d.id, sha256: photo.sha256 });
    expect(display.contentType).toBe('image/jpeg');
    const stored = Buffer.from(display.dataBase64, 'base64');
    expect((await sharp(stored).metadata()).exif).toBeUndefined();
    expect((await run(wh, 'devices.photo', { deviceId: d.id, sha256: photo.thumbSha256 })).contentType).toBe('image/webp');
    // The attachment folder holds exactly the display size and the thumbnail: the original (with its GPS) is not kept.
    expect(attachmentFiles(h)).toEqual([photo.sha256, photo.thumbSha256].sort());
  });

  it('a refused photo saves nothing: the attachment folder, the device and its trail are as they were', async () => {
    const d = await reported(h);
    const buf = await h.as(BUF_CONTACT);
    await run(buf, 'devices.addPhoto', { deviceId: d.id, fileName: 'god.png', dataBase64: b64(await png()) });
    const files = attachmentFiles(h);
    const device = await h.store.getDevice(d.id);
    const result = await callAs(h, BUF_CONTACT, 'devices.addPhoto', { deviceId: d.id, fileName: 'noter.jpg', dataBase64: b64(textFile()) });
    expect(result).toMatchObject({ ok: false, error: { code: 'PHOTO_NOT_IMAGE', message: 'Fotoet noter.jpg blev ikke gemt: filen er ikke et JPEG-, PNG- eller WebP-billede.', params: { fileName: 'noter.jpg' } } });
    expect(attachmentFiles(h)).toEqual(files);
    expect(await h.store.getDevice(d.id)).toEqual(device);
  });

  it('the same photo added twice is kept once, with one trail event', async () => {
    const d = await reported(h);
    const buf = await h.as(BUF_CONTACT);
    const bytes = b64(await webp());
    await run(buf, 'devices.addPhoto', { deviceId: d.id, fileName: 'a.webp', dataBase64: bytes });
    const files = attachmentFiles(h);
    const again = await run(buf, 'devices.addPhoto', { deviceId: d.id, fileName: 'kopi af a.webp', dataBase64: bytes });
    expect(again.photos).toHaveLength(1);
    expect(attachmentFiles(h)).toEqual(files);
    expect((await h.store.trail(d.id)).filter((e) => e.type === 'photo_added')).toHaveLength(1);
  });

  it('takes six photos and refuses a seventh, naming it, with nothing stored', async () => {
    const d = await reported(h);
    const buf = await h.as(BUF_CONTACT);
    for (const [i, bytes] of (await sixColours()).entries()) {
      await run(buf, 'devices.addPhoto', { deviceId: d.id, fileName: `${i + 1}.png`, dataBase64: b64(bytes) });
    }
    const files = attachmentFiles(h);
    const result = await callAs(h, BUF_CONTACT, 'devices.addPhoto', { deviceId: d.id, fileName: 'syvende.jpg', dataBase64: b64(await jpegWithGps()) }, 'en');
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'PHOTO_LIMIT', message: 'The photo syvende.jpg was not saved: a device can have at most 6 photos. Remove a photo first.' },
    });
    expect(attachmentFiles(h)).toEqual(files);
    expect((await h.store.getDevice(d.id))?.photos).toHaveLength(6);
  });

  it('removes a photo with a trail event; its images are no longer handed out', async () => {
    const d = await reported(h);
    const buf = await h.as(BUF_CONTACT);
    const withPhoto = await run(buf, 'devices.addPhoto', { deviceId: d.id, fileName: 'a.png', dataBase64: b64(await png()) });
    const sha = withPhoto.photos![0]!.sha256;
    const after = await run(buf, 'devices.removePhoto', { deviceId: d.id, sha256: sha });
    expect(after.photos).toEqual([]);
    expect((await h.store.trail(d.id)).at(-1)).toMatchObject({ type: 'photo_removed', sha256: sha });
    expect(await refusal(run(buf, 'devices.photo', { deviceId: d.id, sha256: sha }))).toBe('NOT_FOUND');
  });

  it("hands out only images a photo of that device names (not a certificate's PDF by its hash)", async () => {
    const d = await reported(h);
    const pdfSha = await h.store.putAttachment(Buffer.from('%PDF-1.4 certificate'));
    expect(await refusal(run(await h.as(WAREHOUSE), 'devices.photo', { deviceId: d.id, sha256: pdfSha }))).toBe('NOT_FOUND');
  });

  it("another administration's contact may not add photos; the reporter may not once the warehouse has the device, the warehouse may", async () => {
    const d = await reported(h);
    const photo = b64(await png());
    expect(await refusal(run(await h.as(SUF_CONTACT), 'devices.addPhoto', { deviceId: d.id, fileName: 'a.png', dataBase64: photo }))).toBe('NOT_OWN_DEPARTMENT');
    await run(await h.as(WAREHOUSE), 'devices.checkIn', { assetTag: d.assetTag, condition: 'B', locationId: SHELF });
    expect(await refusal(run(await h.as(BUF_CONTACT), 'devices.addPhoto', { deviceId: d.id, fileName: 'a.png', dataBase64: photo }))).toBe('ROLE_NOT_ALLOWED');
    expect((await run(await h.as(WAREHOUSE), 'devices.addPhoto', { deviceId: d.id, fileName: 'a.png', dataBase64: photo })).photos).toHaveLength(1);
    const sustainability = await callAs(h, 'user-sustainability-1', 'devices.addPhoto', { deviceId: d.id, fileName: 'a.png', dataBase64: photo });
    expect(sustainability).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
