/**
 * The desktop app connected to a server calls it from app://kredslob with its bearer token (issue 13): a
 * cross-origin call the server must allow for that origin only, preflight included, with the same checks after.
 */
import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { API_HEADERS, useHttpCore } from '../testing/http';

const served = useHttpCore();

function request(method: string, pathname: string, headers: Record<string, string>, body?: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: served.port, method, path: pathname, headers: { host: `127.0.0.1:${served.port}`, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('calls from the desktop app (app://kredslob)', () => {
  it('are let through the preflight with the headers a call needs', async () => {
    const res = await request('OPTIONS', '/api/session.me', {
      origin: 'app://kredslob',
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization, content-type',
    });
    expect(res.status).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe('app://kredslob');
    expect(res.headers['access-control-allow-headers']).toContain('authorization');
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
  });

  it("are answered with the core's answer, readable by that origin", async () => {
    const res = await request('POST', '/api/session.profiles', { ...API_HEADERS, origin: 'app://kredslob' }, '{}');
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe('app://kredslob');
    expect(JSON.parse(res.text)).toMatchObject({ ok: true });
  });

  it('another origin still gets FOREIGN_ORIGIN and no CORS headers, preflight or not', async () => {
    for (const origin of ['https://evil.example', 'app://evil', 'app://kredslob.evil.example']) {
      const call = await request('POST', '/api/session.profiles', { ...API_HEADERS, origin }, '{}');
      expect(JSON.parse(call.text), origin).toMatchObject({ ok: false, error: { code: 'FOREIGN_ORIGIN' } });
      expect(call.headers['access-control-allow-origin']).toBeUndefined();
      const preflight = await request('OPTIONS', '/api/session.profiles', { origin, 'access-control-request-method': 'POST' });
      expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    }
  });
});
