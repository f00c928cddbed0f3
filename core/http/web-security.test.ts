/**
 * Who may use the web mode: only a caller holding this start's secret, naming this server as its Host, from no
 * foreign Origin, sending JSON. Anything else is refused in the error shape, lists no one and changes nothing.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { storeFingerprint } from '../testing/fingerprint';
import { API_HEADERS, rawRequest, TEST_WEB_SECRET, useHttpCore, type RawReply } from '../testing/http';

const staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kredslob-static-'));
fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Kredsløb</title>');
fs.mkdirSync(path.join(staticDir, 'assets'));
fs.writeFileSync(path.join(staticDir, 'assets', 'index.js'), 'console.log(1);\n//# sourceMappingURL=index.js.map');
fs.writeFileSync(path.join(staticDir, 'assets', 'index.js.map'), '{"version":3,"sources":["../../core/secret.ts"]}');
afterAll(() => fs.rmSync(staticDir, { recursive: true, force: true }));

const served = useHttpCore({ staticDir });

/** One request with full control of its headers (fetch would set Host and Origin itself). */
function request(method: string, pathname: string, headers: Record<string, string>, body?: string | ((req: http.ClientRequest) => void)): Promise<RawReply> {
  return rawRequest(served.port, method, pathname, headers, body);
}

const host = () => `127.0.0.1:${served.port}`;
const post = (procedure: string, body: unknown, headers: Record<string, string>) =>
  request('POST', `/api/${procedure}`, { host: host(), ...headers }, JSON.stringify(body));

async function signIn(userId: string): Promise<string> {
  const r = await post('session.signIn', { userId }, API_HEADERS);
  return r.json.data.token as string;
}

/** Names and e-mail addresses of the demo's staff, none of which a refused caller may see. */
async function staffNames(): Promise<string[]> {
  return (await served.core.store.listUsers()).flatMap((u) => [u.name, ...(u.email ? [u.email] : [])]);
}

async function expectNoNames(text: string) {
  for (const name of await staffNames()) expect(text).not.toContain(name);
}

const fingerprint = () => storeFingerprint(served.core.store, served.dir);

describe('the web mode secret', () => {
  it('refuses every API call without the secret with 401 SECRET_REQUIRED, listing no one and signing no one in', async () => {
    const before = await fingerprint();
    const refused: Record<string, string>[] = [
      { 'content-type': 'application/json' },
      { 'content-type': 'application/json', 'x-kredslob-secret': 'wrong-secret-0123456789' },
      { 'content-type': 'application/json', 'x-kredslob-secret': TEST_WEB_SECRET.slice(0, -1) },
      { 'content-type': 'application/json', cookie: `kredslob_secret_${served.port}=nope` },
      { 'content-type': 'application/json', cookie: `kredslob_secret_1=${TEST_WEB_SECRET}` },
    ];
    for (const headers of refused) {
      const profiles = await post('session.profiles', {}, headers);
      expect(profiles.status).toBe(401);
      expect(profiles.json).toMatchObject({ ok: false, error: { code: 'SECRET_REQUIRED', message: expect.stringContaining('?secret=') } });
      await expectNoNames(profiles.text);
      const admin = await post('session.signIn', { userId: 'user-admin-1' }, headers);
      expect(admin.status).toBe(401);
      expect(admin.json.data).toBeUndefined();
    }
    const contract = await request('GET', '/api/contract', { host: host() });
    expect(contract.status).toBe(401);
    // A file download is a call too: a session token alone (taken with the secret) does not open it.
    const token = await signIn('user-sustainability-1');
    const exportInput = JSON.stringify({ file: 'devices_csv', from: '2026-01-01', to: '2027-01-01', groupBy: 'month' });
    const download = await request('POST', '/download/stats.export', { host: host(), 'content-type': 'application/json', authorization: `Bearer ${token}` }, exportInput);
    expect(download.status).toBe(401);
    expect(download.json).toMatchObject({ ok: false, error: { code: 'SECRET_REQUIRED' } });
    const allowed = await request('POST', '/download/stats.export', { host: host(), ...API_HEADERS, authorization: `Bearer ${token}` }, exportInput);
    expect(allowed.status).toBe(200);
    const en = await post('session.profiles', {}, { 'content-type': 'application/json', 'accept-language': 'en' });
    expect(en.json.error.message).toMatch(/^Open Kredsløb with the link shown in the terminal/);
    expect(await fingerprint()).toBe(before);
  });

  it('answers the secret as a header', async () => {
    const profiles = await post('session.profiles', {}, API_HEADERS);
    expect(profiles.status).toBe(200);
    expect(profiles.json.data.users.length).toBeGreaterThan(0);
  });

  it('trades the printed link for an HttpOnly SameSite=Strict cookie and takes the secret out of the address', async () => {
    const opened = await request('GET', `/?secret=${TEST_WEB_SECRET}`, { host: host() });
    expect(opened.status).toBe(303);
    expect(opened.headers.location).toBe('/');
    const [cookie] = opened.headers['set-cookie'] ?? [];
    expect(cookie).toBe(`kredslob_secret_${served.port}=${TEST_WEB_SECRET}; HttpOnly; SameSite=Strict; Path=/`);
    const pair = cookie!.split(';')[0]!;
    const profiles = await post('session.profiles', {}, { 'content-type': 'application/json', cookie: `theme=dark; ${pair}` });
    expect(profiles.status).toBe(200);

    const deepLink = await request('GET', `/devices?status=listed&secret=${TEST_WEB_SECRET}`, { host: host() });
    expect(deepLink.headers.location).toBe('/devices?status=listed');

    const wrong = await request('GET', '/?secret=guess', { host: host() });
    expect(wrong.status).toBe(303);
    expect(wrong.headers.location).toBe('/');
    expect(wrong.headers['set-cookie']).toBeUndefined();
  });

  it('serves the page shell without the secret, so it can say which link to open', async () => {
    const page = await request('GET', '/', { host: host() });
    expect(page.status).toBe(200);
    expect(page.text).toContain('<title>Kredsløb</title>');
  });
});

describe('the web mode refuses other sites', () => {
  it('refuses a foreign Host (a DNS-rebinding page) with 403 FOREIGN_HOST, for the API and the page alike', async () => {
    const before = await fingerprint();
    for (const foreign of ['evil.example', `evil.example:${served.port}`, '127.0.0.1', `127.0.0.1:${served.port + 1}`, `localhost.evil.example:${served.port}`, '']) {
      const r = await request('POST', '/api/session.profiles', { ...API_HEADERS, host: foreign }, '{}');
      expect(r.status, foreign).toBe(403);
      expect(r.json).toMatchObject({ ok: false, error: { code: 'FOREIGN_HOST' } });
      await expectNoNames(r.text);
      expect((await request('GET', '/', { host: foreign })).status).toBe(403);
    }
    const signIn = await request('POST', '/api/session.signIn', { ...API_HEADERS, host: 'rebind.evil.example' }, '{"userId":"user-admin-1"}');
    expect(signIn.json.data).toBeUndefined();
    expect(await fingerprint()).toBe(before);
  });

  it('answers at localhost:PORT and 127.0.0.1:PORT', async () => {
    for (const own of [`localhost:${served.port}`, `127.0.0.1:${served.port}`]) {
      expect((await request('POST', '/api/session.profiles', { ...API_HEADERS, host: own }, '{}')).status).toBe(200);
    }
  });

  it('refuses a foreign Origin with 403 FOREIGN_ORIGIN and changes nothing', async () => {
    const token = await signIn('user-buf-1');
    const before = await fingerprint();
    const report = { category: 'laptop', manufacturer: 'HP', model: 'EliteBook', serial: 'ORIGIN-1', locationId: 'dep-buf-site-1' };
    for (const origin of ['https://evil.example', 'null', `http://127.0.0.1:${served.port + 1}`, `https://127.0.0.1:${served.port}`]) {
      const r = await post('devices.report', report, { ...API_HEADERS, authorization: `Bearer ${token}`, origin });
      expect(r.status, origin).toBe(403);
      expect(r.json).toMatchObject({ ok: false, error: { code: 'FOREIGN_ORIGIN' } });
    }
    expect(await fingerprint()).toBe(before);
    const own = await post('session.profiles', {}, { ...API_HEADERS, origin: `http://localhost:${served.port}` });
    expect(own.status).toBe(200);
  });

  it('refuses a POST that is not JSON (a cross-site form or text/plain) with 415 and changes nothing', async () => {
    const token = await signIn('user-buf-1');
    const before = await fingerprint();
    const report = JSON.stringify({ category: 'laptop', manufacturer: 'HP', model: 'EliteBook', serial: 'PLAIN-1', locationId: 'dep-buf-site-1' });
    for (const type of ['text/plain', 'text/plain;charset=UTF-8', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonp', undefined]) {
      const headers: Record<string, string> = { host: host(), 'x-kredslob-secret': TEST_WEB_SECRET, authorization: `Bearer ${token}` };
      if (type) headers['content-type'] = type;
      const r = await request('POST', '/api/devices.report', headers, report);
      expect(r.status, type).toBe(415);
      expect(r.json).toMatchObject({ ok: false, error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: expect.stringContaining('application/json') } });
    }
    expect(await fingerprint()).toBe(before);
    const ok = await post('session.profiles', {}, { ...API_HEADERS, 'content-type': 'Application/JSON; charset=utf-8' });
    expect(ok.status).toBe(200);
  });
});

describe('the web mode transport', () => {
  it('answers a chunked body over 1 MB with 413 in the error shape, not a reset connection, and saves nothing', async () => {
    const token = await signIn('user-buf-1');
    const before = await fingerprint();
    const r = await request('POST', '/api/devices.report', { ...API_HEADERS, host: host(), authorization: `Bearer ${token}`, 'transfer-encoding': 'chunked' }, (req) => {
      req.write('{"category":"laptop","manufacturer":"x","model":"y","serial":"CHUNKED-1","locationId":"dep-buf-site-1","notes":"');
      for (let i = 0; i < 20; i += 1) req.write('a'.repeat(64 * 1024));
      req.end('"}');
    });
    expect(r.status).toBe(413);
    expect(r.json).toMatchObject({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE', message: expect.stringContaining('1 MB') } });
    expect(await fingerprint()).toBe(before);
  });

  it('reads a path starting "//" as a path on this server: no 500, no other host, no redirect elsewhere', async () => {
    const odd = await request('GET', '///?secret=%ZZ', { host: host() });
    expect(odd.status).toBeLessThan(500);
    for (const target of ['//evil.example/?secret=x', `//evil.example/?secret=${TEST_WEB_SECRET}`, '/\\evil.example/?secret=x']) {
      const r = await request('GET', target, { host: host() });
      expect(r.status, target).toBe(303);
      expect(r.headers.location, target).toMatch(/^\/[^/\\]/);
    }
    const other = await request('POST', '//evil.example/api/session.profiles', { ...API_HEADERS, host: host() }, '{}');
    expect(other.status).toBe(405);
    await expectNoNames(other.text);
    const star = await request('OPTIONS', '*', { ...API_HEADERS, host: host() });
    expect(star.status).toBe(400);
    expect(star.json).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  it('reads "Bearer" in any letter case', async () => {
    const token = await signIn('user-warehouse-1');
    for (const scheme of ['Bearer', 'bearer', 'BEARER', 'bEaReR']) {
      const r = await post('session.me', {}, { ...API_HEADERS, authorization: `${scheme} ${token}` });
      expect(r.status, scheme).toBe(200);
      expect(r.json.data.user.id).toBe('user-warehouse-1');
    }
    expect((await post('session.me', {}, { ...API_HEADERS, authorization: `Basic ${token}` })).status).toBe(401);
  });

  it('ends a session on session.signOut: the token stops working at once', async () => {
    const token = await signIn('user-warehouse-1');
    const auth = { ...API_HEADERS, authorization: `Bearer ${token}` };
    expect((await post('session.me', {}, auth)).status).toBe(200);
    const out = await post('session.signOut', {}, auth);
    expect(out.json).toEqual({ ok: true, data: {} });
    const after = await post('session.me', {}, auth);
    expect(after.status).toBe(401);
    expect(after.json.error.code).toBe('UNAUTHENTICATED');
    expect((await post('session.signOut', {}, auth)).status).toBe(200);
  });

  it('does not serve source maps', async () => {
    expect((await request('GET', '/assets/index.js', { host: host() })).status).toBe(200);
    const map = await request('GET', '/assets/index.js.map', { host: host() });
    expect(map.status).toBe(404);
    expect(map.text).not.toContain('sources');
    expect((await request('GET', '/assets/index.js%2Emap', { host: host() })).status).toBe(404);
  });
});
