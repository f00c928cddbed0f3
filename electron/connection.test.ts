import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { changeConnection, desktopMode, parseServerAddress, probeServer, readConnection, saveConnection } from './connection';
import { isAllowedRequestUrl } from './security';

const cleanup: Array<() => unknown> = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

function configFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kredslob-connection-'));
  cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return path.join(dir, 'Kredslob', 'desktop-settings.json');
}

/** A server on this PC answering /api/auth.methods with `answer` (status, body), as a test stands in for one. */
async function serverAnswering(status: number, body: string): Promise<string> {
  const server = http.createServer((req, res) => {
    res.writeHead(req.url === '/api/auth.methods' ? status : 404, { 'content-type': 'application/json' });
    res.end(req.url === '/api/auth.methods' ? body : '{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanup.push(() => new Promise((resolve) => server.close(resolve)));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`; // why: listening on TCP
}

const KREDSLOB_ANSWER = JSON.stringify({ ok: true, data: { mode: 'shared', oidc: { enabled: false } } });

describe('the server address', () => {
  it('is https://, or http:// for a server on this PC, and is kept as its origin', () => {
    expect(parseServerAddress('  https://kredslob.kk.dk  ')).toEqual({ ok: true, origin: 'https://kredslob.kk.dk' });
    expect(parseServerAddress('https://kredslob.kk.dk:8443/')).toEqual({ ok: true, origin: 'https://kredslob.kk.dk:8443' });
    expect(parseServerAddress('http://localhost:5299')).toEqual({ ok: true, origin: 'http://localhost:5299' });
    expect(parseServerAddress('http://127.0.0.1:5299')).toEqual({ ok: true, origin: 'http://127.0.0.1:5299' });
  });

  it('is refused, saying why, when it is no address, not https, carries credentials, or names more than the server', () => {
    expect(parseServerAddress('kredslob.kk.dk')).toEqual({ ok: false, problem: 'not_a_url' });
    expect(parseServerAddress('')).toEqual({ ok: false, problem: 'not_a_url' });
    expect(parseServerAddress('http://kredslob.kk.dk')).toEqual({ ok: false, problem: 'scheme' });
    expect(parseServerAddress('ftp://kredslob.kk.dk')).toEqual({ ok: false, problem: 'scheme' });
    expect(parseServerAddress('file:///etc/passwd')).toEqual({ ok: false, problem: 'scheme' });
    expect(parseServerAddress('https://anna:hemmelig@kredslob.kk.dk')).toEqual({ ok: false, problem: 'credentials' });
    expect(parseServerAddress('https://kredslob.kk.dk@evil.example')).toEqual({ ok: false, problem: 'credentials' });
    expect(parseServerAddress('https://kredslob.kk.dk/api')).toEqual({ ok: false, problem: 'path' });
    expect(parseServerAddress('https://kredslob.kk.dk/?x=1')).toEqual({ ok: false, problem: 'path' });
  });
});

describe('the saved setting', () => {
  it('is local when nothing is saved, and reads back what was saved', () => {
    const file = configFile();
    expect(readConnection(file)).toEqual({ connection: { kind: 'local' } });
    saveConnection(file, { kind: 'server', origin: 'https://kredslob.kk.dk' });
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual({ server: 'https://kredslob.kk.dk' });
    expect(readConnection(file)).toEqual({ connection: { kind: 'server', origin: 'https://kredslob.kk.dk' } });
    saveConnection(file, { kind: 'local' });
    expect(readConnection(file)).toEqual({ connection: { kind: 'local' } });
    expect(fs.readdirSync(path.dirname(file))).toEqual(['desktop-settings.json']);
  });

  it('that cannot be used (damaged, or an address that would be refused) means local, with the reason', () => {
    const file = configFile();
    saveConnection(file, { kind: 'local' });
    fs.writeFileSync(file, '{ "server": ');
    expect(readConnection(file)).toMatchObject({ connection: { kind: 'local' }, problem: expect.stringContaining(file) });
    fs.writeFileSync(file, JSON.stringify({ server: 'http://kredslob.kk.dk' }));
    expect(readConnection(file)).toMatchObject({ connection: { kind: 'local' }, problem: expect.stringContaining('scheme') });
  });
});

describe('the transport decision', () => {
  it('local: the core starts, the renderer gets no server, and the CSP allows only the app itself', () => {
    const local = desktopMode({ kind: 'local' });
    expect(local.startsCore).toBe(true);
    expect(local.rendererArguments).toEqual([]);
    expect(local.contentSecurityPolicy).toContain("connect-src 'self';");
    expect(local.contentSecurityPolicy).not.toMatch(/https?:/);
  });

  it('connected: no core, the renderer is told the server, and the CSP adds exactly that origin to connect-src and img-src', () => {
    const connected = desktopMode({ kind: 'server', origin: 'https://kredslob.kk.dk' });
    expect(connected.startsCore).toBe(false);
    expect(connected.rendererArguments).toEqual(['--kredslob-server=https://kredslob.kk.dk']);
    const directives = connected.contentSecurityPolicy.split('; ');
    expect(directives.filter((d) => d.includes('https://kredslob.kk.dk'))).toEqual([
      "img-src 'self' data: blob: https://kredslob.kk.dk",
      "connect-src 'self' https://kredslob.kk.dk",
    ]);
    expect(connected.contentSecurityPolicyMeta).toContain("connect-src 'self' https://kredslob.kk.dk");
    expect(connected.contentSecurityPolicyMeta).not.toContain('frame-ancestors');
    // The session lets the page reach that server and nothing else on the network.
    expect(isAllowedRequestUrl('https://kredslob.kk.dk/api/session.me', connected.serverOrigin)).toBe(true);
    expect(isAllowedRequestUrl('https://kredslob.kk.dk.evil.example/api/session.me', connected.serverOrigin)).toBe(false);
    expect(isAllowedRequestUrl('http://kredslob.kk.dk/api/session.me', connected.serverOrigin)).toBe(false);
    expect(isAllowedRequestUrl('https://kredslob.kk.dk/api/session.me')).toBe(false);
    expect(isAllowedRequestUrl('app://kredslob/index.html', connected.serverOrigin)).toBe(true);
  });
});

describe('connecting', () => {
  it('to a Kredsløb server: asks auth.methods there, then saves the address', async () => {
    const file = configFile();
    const origin = await serverAnswering(200, KREDSLOB_ANSWER);
    const result = await changeConnection({ action: 'connect', url: `${origin}/` }, 'da', { file, probe: (o) => probeServer(o) });
    expect(result).toEqual({ ok: true, data: { kind: 'server', origin } });
    expect(readConnection(file).connection).toEqual({ kind: 'server', origin });
  });

  it('to something that is not a Kredsløb server, or is not there: a clear message for the address field, nothing saved', async () => {
    const file = configFile();
    saveConnection(file, { kind: 'local' });
    const deps = { file, probe: (o: string) => probeServer(o, fetch, 2_000) };
    const other = await serverAnswering(200, JSON.stringify({ hello: 'world' }));
    expect(await changeConnection({ action: 'connect', url: other }, 'da', deps)).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'VALIDATION', fields: { serverUrl: `${other} svarer, men ikke som en Kredsløb-server. Tjek adressen. Intet er ændret.` } }),
    });
    const gateway = await serverAnswering(502, '<html>Bad gateway</html>');
    expect(await changeConnection({ action: 'connect', url: gateway }, 'en', deps)).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'SERVER_UNREACHABLE', fields: { serverUrl: `The server ${gateway} cannot be reached. Check the address and the network connection. Nothing was changed.` } }),
    });
    const closed = await serverAnswering(200, KREDSLOB_ANSWER);
    await Promise.all(cleanup.splice(-1).map((fn) => fn())); // the server is gone before the desk connects
    expect(await changeConnection({ action: 'connect', url: closed }, 'da', deps)).toMatchObject({ ok: false, error: { code: 'SERVER_UNREACHABLE' } });
    expect(await changeConnection({ action: 'connect', url: 'https://anna:x@kredslob.kk.dk' }, 'da', deps)).toMatchObject({
      ok: false,
      error: { fields: { serverUrl: 'Adressen må ikke indeholde brugernavn eller adgangskode. Du logger ind, når forbindelsen er oprettet.' } },
    });
    expect(await changeConnection({ action: 'delete everything' }, 'da', deps)).toMatchObject({ ok: false });
    expect(readConnection(file).connection).toEqual({ kind: 'local' });
  });

  it('"Brug lokal database" saves the local choice', async () => {
    const file = configFile();
    saveConnection(file, { kind: 'server', origin: 'https://kredslob.kk.dk' });
    expect(await changeConnection({ action: 'local' }, 'da', { file, probe: async () => 'kredslob' })).toEqual({ ok: true, data: { kind: 'local' } });
    expect(readConnection(file).connection).toEqual({ kind: 'local' });
  });
});
