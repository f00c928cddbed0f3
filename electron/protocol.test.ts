import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../shared/csp';
import { APP_INDEX_URL, APP_SCHEME_PRIVILEGES, appFileFor, createAppProtocolHandler, serveApp, type ProtocolLike } from './protocol';

// A built renderer folder with a secret file beside it, which no app:// URL may reach.
let root: string;
let rendererDir: string;
let handler: (request: Request) => Promise<Response>;

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'kredslob-protocol-'));
  rendererDir = path.join(root, 'renderer');
  fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Kredsløb</title>');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'index-abc.js'), 'console.log(1)');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'index-abc.js.map'), '{}');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'reader.wasm'), new Uint8Array([0, 97, 115, 109]));
  fs.writeFileSync(path.join(root, 'secret.json'), '{"password":"x"}');
  handler = createAppProtocolHandler(rendererDir);
});

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => handler(new Request(url, { method }));

describe('app://kredslob/ serves the built UI', () => {
  it('serves index.html with our CSP, as HTML', async () => {
    const res = await get(APP_INDEX_URL);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('<title>Kredsløb</title>');
  });

  it('serves scripts and the QR decoder with the types the browser insists on', async () => {
    expect((await get('app://kredslob/assets/index-abc.js')).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await get('app://kredslob/assets/reader.wasm')).headers.get('content-type')).toBe('application/wasm');
  });

  it('answers / with the index page, whatever the hash route', async () => {
    expect(await (await get('app://kredslob/#/devices')).text()).toContain('Kredsløb');
  });

  it.each([
    'app://kredslob/../../etc/passwd',
    'app://kredslob/%2e%2e/secret.json',
    'app://kredslob/..%2Fsecret.json',
    'app://kredslob/..%2fsecret.json',
    'app://kredslob/assets/..%2F..%2Fsecret.json',
    'app://kredslob/..%5Csecret.json',
    'app://kredslob/%252e%252e/secret.json',
    'app://kredslob/index.html%00.js',
    'app://kredslob/%E0%A4%A',
    'app://kredslob/assets/index-abc.js.map',
    'app://kredslob/missing.js',
    'app://other/index.html',
    'app://kredslob:8080/index.html',
    'file:///etc/passwd',
  ])('refuses %s with 404 and no content', async (url) => {
    const res = await get(url);
    expect(res.status).toBe(404);
    expect(await res.text()).toBe('');
  });

  it('never names a file outside the renderer folder, however the path is spelled', () => {
    for (const url of ['app://kredslob/..%2F..%2F..%2Fetc%2Fpasswd', 'app://kredslob/..\\..\\secret.json', `app://kredslob/${encodeURIComponent(root)}/secret.json`]) {
      const file = appFileFor(url, rendererDir);
      expect(file === null || file.startsWith(rendererDir + path.sep)).toBe(true);
    }
  });

  it('answers our own page and the window load, and refuses a request another origin issued', async () => {
    const from = (initiatorOrigin: string) => handler(Object.assign(new Request(APP_INDEX_URL), { initiatorOrigin }));
    expect((await from('app://kredslob')).status).toBe(200);
    expect((await from('null')).status).toBe(403);
    expect((await from('https://evil.example')).status).toBe(403);
    expect((await from('file://')).status).toBe(403);
  });

  it('only reads: other methods are refused', async () => {
    expect((await get(APP_INDEX_URL, 'POST')).status).toBe(405);
    expect((await get(APP_INDEX_URL, 'HEAD')).status).toBe(200);
  });

  it('is registered as a standard, secure scheme that fetch may use, with no CSP bypass', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } });
  });
});

describe('file: is refused', () => {
  it('the session answers every file: request with 403, and app:// from the renderer folder', async () => {
    const handlers = new Map<string, (request: Request) => Response | Promise<Response>>();
    const protocol: ProtocolLike = { handle: (scheme, h) => handlers.set(scheme, h) };
    serveApp(protocol, rendererDir);
    expect([...handlers.keys()].sort()).toEqual(['app', 'file']);
    const file = await handlers.get('file')!(new Request('file:///etc/passwd'));
    expect(file.status).toBe(403);
    const index = await handlers.get('file')!(new Request(`file://${path.join(rendererDir, 'index.html')}`));
    expect(index.status).toBe(403);
    const app = await handlers.get('app')!(new Request(APP_INDEX_URL));
    expect(app.status).toBe(200);
  });
});
