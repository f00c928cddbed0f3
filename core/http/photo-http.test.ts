/**
 * Photos over the real HTTP server: added by POST /api/devices.addPhoto (its own body limit, so a 16 MB photo
 * is refused by name, not by the transport), read back by GET /photo/<device>/<sha256> behind the secret and a
 * session, with long cache headers; a refused photo leaves the attachment folder unchanged.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ATTACHMENTS_DIR } from '../store/attachment-dir';
import { API_HEADERS, TEST_WEB_SECRET, useHttpCore } from '../testing/http';
import { jpegOfSize, jpegWithGps, textFile } from '../testing/photos';

const served = useHttpCore();
let token: string;
let deviceId: string;

async function call(procedure: string, body: unknown) {
  const res = await fetch(`${served.base}/api/${procedure}`, { method: 'POST', headers: { ...API_HEADERS, authorization: `Bearer ${token}`, 'accept-language': 'en' }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as { ok: boolean; data?: any; error?: any } };
}

const attachmentFiles = () => {
  const dir = path.join(served.dir, ATTACHMENTS_DIR);
  return fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
};

beforeAll(async () => {
  const res = await fetch(`${served.base}/api/session.signIn`, { method: 'POST', headers: API_HEADERS, body: JSON.stringify({ userId: 'user-warehouse-1' }) });
  token = ((await res.json()) as { data: { token: string } }).data.token;
  deviceId = (await call('devices.search', { status: 'in_stock', limit: 1 })).body.data.items[0].id as string;
});

describe('photos over HTTP', () => {
  it('adds a photo and serves its images with long cache headers, only with the secret and a session', async () => {
    const added = await call('devices.addPhoto', { deviceId, fileName: 'hylde.jpg', dataBase64: (await jpegWithGps()).toString('base64') });
    expect(added.status).toBe(200);
    const photo = added.body.data.photos.at(-1) as { sha256: string; thumbSha256: string };
    const url = `${served.base}/photo/${deviceId}/${photo.thumbSha256}`;
    const res = await fetch(url, { headers: { 'x-kredslob-secret': TEST_WEB_SECRET, authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/webp');
    expect(res.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
    expect(Buffer.from(await res.arrayBuffer()).subarray(8, 12).toString('latin1')).toBe('WEBP');
    expect((await fetch(url, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
    const noSession = await fetch(url, { headers: { 'x-kredslob-secret': TEST_WEB_SECRET } });
    expect(noSession.status).toBe(401);
    expect(((await noSession.json()) as { error: { code: string } }).error.code).toBe('UNAUTHENTICATED');
    expect((await fetch(`${served.base}/photo/${deviceId}/${'0'.repeat(64)}`, { headers: { 'x-kredslob-secret': TEST_WEB_SECRET, authorization: `Bearer ${token}` } })).status).toBe(404);
  });

  it.each([
    ['notes.jpg', async () => textFile(), 'PHOTO_NOT_IMAGE', 'The photo notes.jpg was not saved: the file is not a JPEG, PNG or WebP image.'],
    ['big.jpg', () => jpegOfSize(16 * 1024 * 1024), 'PHOTO_TOO_LARGE', 'The photo big.jpg was not saved: it is 16.0 MB, and a photo may be at most 15 MB.'],
  ])('refuses %s by name and reason, with the attachment folder unchanged', async (fileName, make, code, message) => {
    const before = attachmentFiles();
    const refused = await call('devices.addPhoto', { deviceId, fileName, dataBase64: (await make()).toString('base64') });
    expect(refused.body).toMatchObject({ ok: false, error: { code, message } });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(attachmentFiles()).toEqual(before);
  });
});
