/**
 * Fuzzing the web mode's door: random request lines, paths (broken %-escapes, dot segments, raw bytes, long),
 * methods and headers (Host, Origin, Content-Type, the secret, cookies, Authorization, Accept-Language), sent as
 * raw bytes so nothing in between tidies them up. Whatever arrives, the server answers below 500 without a stack
 * trace, an API answer has the error shape, no one gets past the door without everything right, no staff name
 * leaks, and nothing is stored. KREDSLOB_FUZZ_SEED picks another run; a failure names its seed and request.
 */
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { PROCEDURE_NAMES } from '../../shared/contract';
import { ERROR_CODES } from '../../shared/errors';
import { storeFingerprint } from '../testing/fingerprint';
import { TEST_WEB_SECRET, useHttpCore } from '../testing/http';

const served = useHttpCore();
const SEED = Number(process.env.KREDSLOB_FUZZ_SEED ?? 20261129);
const REQUESTS = 400;

/** mulberry32: a small seeded generator, so a failing run can be repeated exactly. */
function generator(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T,>(xs: readonly T[]): T => xs[int(xs.length)]!;
  const bytes = (n: number, from = 0x20, to = 0xff) => Buffer.from(Array.from({ length: n }, () => from + int(to - from + 1))).toString('latin1');
  return { next, int, pick, bytes, chance: (p: number) => next() < p };
}

type Gen = ReturnType<typeof generator>;

interface Fuzzed {
  method: string;
  path: string;
  headers: [string, string][];
  body: string;
  /** Everything a caller needs is right: own Host, no foreign Origin, the secret. */
  admitted: boolean;
}

function fuzzedRequest(g: Gen, port: number): Fuzzed {
  const own = [`127.0.0.1:${port}`, `localhost:${port}`];
  const method = g.pick(['POST', 'POST', 'POST', 'GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS', 'PATCH', 'TRACE', 'FOO']);
  const procedure = g.chance(0.7) ? g.pick(PROCEDURE_NAMES) : g.pick(['contract', '', 'session.', '__proto__', 'constructor', g.bytes(8, 0x21, 0x7e)]);
  const piece = () =>
    g.pick([
      '%', '%E0%A4%A', '%ZZ', '%00', '%2e%2e%2f', '%2F', '..', '../../etc/passwd', '//', ';', '%C0%AF', 'index.html', 'assets/x.js.map',
      g.bytes(g.int(12), 0x21, 0x7e), g.bytes(g.int(6), 0x80, 0xff), 'a'.repeat(g.int(3) === 0 ? 9000 : 20),
    ]);
  let path = g.chance(0.75) ? `/api/${procedure}` : `/${piece()}`;
  while (g.chance(0.35)) path += g.pick(['', '/']) + piece();
  if (g.chance(0.2)) path += g.pick(['?secret=', `?secret=${TEST_WEB_SECRET}`, '?secret=%ZZ', '?a=1&secret=x&secret=y', `?${g.bytes(10, 0x21, 0x7e)}`]);
  path = path.replace(/[\s#]/g, '_'); // a space ends the request target; that is the request line's grammar, not a path to fuzz

  const host = g.pick([...own, ...own, ...own, 'evil.example', `evil.example:${port}`, '127.0.0.1', `127.0.0.1:${port + 1}`, `LOCALHOST:${port}`, `[::1]:${port}`, g.bytes(10), undefined]);
  const origin = g.pick([undefined, undefined, `http://${own[0]}`, `http://${own[1]}`, 'null', 'https://evil.example', `http://${own[0]}.evil.example`, g.bytes(12)]);
  const secret = g.pick([TEST_WEB_SECRET, TEST_WEB_SECRET, undefined, '', TEST_WEB_SECRET.toUpperCase(), `${TEST_WEB_SECRET} `, g.bytes(30), 'x'.repeat(5000)]);
  const useCookie = g.chance(0.3);
  const cookie = g.pick([
    `kredslob_secret_${port}=${TEST_WEB_SECRET}`,
    `kredslob_secret_${port + 1}=${TEST_WEB_SECRET}`,
    `a=b; kredslob_secret_${port}=${g.bytes(8, 0x21, 0x7e)}`,
    `;;=;${g.bytes(20)}`,
  ]);
  const headers: [string, string][] = [];
  if (host !== undefined) headers.push(['Host', host]);
  if (origin !== undefined) headers.push(['Origin', origin]);
  if (secret !== undefined && !useCookie) headers.push([g.pick(['X-Kredslob-Secret', 'x-kredslob-secret', 'X-KREDSLOB-SECRET']), secret]);
  if (useCookie) headers.push(['Cookie', cookie]);
  const contentType = g.pick(['application/json', 'application/json', 'application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded', g.bytes(15), undefined]);
  if (contentType !== undefined) headers.push(['Content-Type', contentType]);
  if (g.chance(0.5)) headers.push(['Authorization', g.pick(['Bearer ', 'bearer x', `Bearer ${g.bytes(32, 0x21, 0x7e)}`, 'Basic dXNlcjpwdw==', `Bearer ${'a'.repeat(3000)}`, g.bytes(20)])]);
  if (g.chance(0.4)) headers.push(['Accept-Language', g.pick(['en', 'da', 'en-GB,en;q=0.9', '*', g.bytes(40), 'x'.repeat(2000)])]);
  if (g.chance(0.1)) headers.push([g.pick(['X-Forwarded-Host', 'Forwarded', 'X-Original-URL', 'Sec-Fetch-Site']), g.pick(['evil.example', 'cross-site', '/api/session.signIn'])]);
  if (g.chance(0.05)) headers.push(['X-Junk', g.bytes(20, 0x00, 0x1f).replace(/[\r\n]/g, '')]); // control bytes, without splitting the header
  const body = g.pick(['{}', '{}', JSON.stringify({ userId: 'user-admin-1' }), '{"limit":', 'null', '[]', '"x"', g.bytes(g.int(200)), '{"__proto__":{"admin":true}}', '']);

  const ownHost = host !== undefined && own.includes(host.toLowerCase());
  const ownOrigin = origin === undefined || own.some((h) => origin.toLowerCase() === `http://${h}`);
  const secretGiven = useCookie ? cookie.startsWith(`kredslob_secret_${port}=${TEST_WEB_SECRET}`) : secret === TEST_WEB_SECRET;
  return { method, path, headers, body, admitted: ownHost && ownOrigin && secretGiven };
}

/** Sends the request as raw bytes and reads the whole answer (the server closes the connection). */
function send(port: number, r: Fuzzed): Promise<{ status: number; headers: string; body: string }> {
  return new Promise((resolve, reject) => {
    const body = Buffer.from(r.body, 'latin1');
    const head = [`${r.method} ${r.path} HTTP/1.1`, ...r.headers.map(([k, v]) => `${k}: ${v}`), `Content-Length: ${body.length}`, 'Connection: close', '', ''].join('\r\n');
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.setTimeout(10_000, () => {
      socket.destroy();
      reject(new Error('no answer within 10 s'));
    });
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => {
      const raw = Buffer.concat(chunks);
      const split = raw.indexOf('\r\n\r\n');
      const headers = (split < 0 ? raw : raw.subarray(0, split)).toString('latin1');
      let rest = split < 0 ? Buffer.alloc(0) : raw.subarray(split + 4);
      if (/transfer-encoding: chunked/i.test(headers)) {
        const parts: Buffer[] = [];
        for (;;) {
          const eol = rest.indexOf('\r\n');
          const size = Number.parseInt(rest.subarray(0, eol).toString('latin1'), 16);
          if (!(size > 0)) break;
          parts.push(rest.subarray(eol + 2, eol + 2 + size));
          rest = rest.subarray(eol + 2 + size + 2);
        }
        rest = Buffer.concat(parts);
      }
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(headers)?.[1] ?? 0), headers, body: rest.toString('utf8') });
    });
    socket.end(Buffer.concat([Buffer.from(head, 'latin1'), body]));
  });
}

describe('fuzzing the web mode over raw HTTP', () => {
  it(`answers ${REQUESTS} random requests below 500, in the error shape, letting no one in without everything right (seed ${SEED})`, async () => {
    const g = generator(SEED);
    const port = served.port;
    const before = await storeFingerprint(served.core.store, served.dir);
    const names = (await served.core.store.listUsers()).flatMap((u) => [u.name, u.email]);
    const statuses = new Map<number, number>();
    let admittedApi = 0;
    for (let i = 0; i < REQUESTS; i += 4) {
      const batch = Array.from({ length: 4 }, () => fuzzedRequest(g, port));
      const answers = await Promise.all(batch.map((r) => send(port, r)));
      answers.forEach((a, k) => {
        const r = batch[k]!;
        const where = `seed ${SEED}, request ${i + k}: ${r.method} ${r.path.slice(0, 120)} ${JSON.stringify(r.headers).slice(0, 400)} → ${a.status} ${a.body.slice(0, 200)}`;
        statuses.set(a.status, (statuses.get(a.status) ?? 0) + 1);
        expect(a.status, where).toBeGreaterThanOrEqual(200);
        expect(a.status, where).toBeLessThan(500);
        expect(a.body, where).not.toMatch(/\n\s+at |node:internal|\/core\/|\.ts:\d+/);
        const isApi = r.path.startsWith('/api/');
        const doorCode = /"code":"(SECRET_REQUIRED|FOREIGN_HOST|FOREIGN_ORIGIN)"/.exec(a.body)?.[1];
        if (isApi && a.status >= 400 && /content-type: application\/json/i.test(a.headers) && r.method !== 'HEAD') {
          let json: { ok: boolean; error?: { code: string; message: string } };
          try {
            json = JSON.parse(a.body) as typeof json; // why: checked field by field below
          } catch {
            throw new Error(`not JSON: ${where}`);
          }
          expect(json.ok, where).toBe(false);
          expect(ERROR_CODES, where).toContain(json.error?.code);
          expect(typeof json.error?.message, where).toBe('string');
        }
        if (!r.admitted) {
          // Refused at the door (or earlier, by the HTTP parser): never an answer with data, never a name.
          if (isApi) expect([400, 401, 403, 404, 405, 413, 414, 415, 431], where).toContain(a.status);
          for (const name of names) expect(a.body, where).not.toContain(name);
        } else if (isApi) {
          // Everything right: the door lets it through, whatever the call then makes of it.
          expect(doorCode, where).toBeUndefined();
          admittedApi += 1;
        }
      });
    }
    // The door was both shut and opened during the run, so both halves of the checks above did work.
    expect(statuses.get(401) ?? 0).toBeGreaterThan(10);
    expect(statuses.get(403) ?? 0).toBeGreaterThan(10);
    expect(admittedApi).toBeGreaterThan(5);
    expect(await storeFingerprint(served.core.store, served.dir)).toBe(before);
    const still = await fetch(`${served.base}/api/session.profiles`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-kredslob-secret': TEST_WEB_SECRET },
      body: '{}',
    });
    expect(still.status).toBe(200);
  }, 120_000);
});
