import { describe, expect, it } from 'vitest';
import { PROCEDURE_NAMES } from '../../shared/contract';
import { API_HEADERS, useHttpCore } from '../testing/http';

const served = useHttpCore();

async function call(procedure: string, body: unknown, token?: string, raw?: string) {
  const res = await fetch(`${served.base}/api/${procedure}`, {
    method: 'POST',
    headers: { ...API_HEADERS, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: raw ?? JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as { ok: boolean; data?: any; error?: any } };
}

async function signIn(userId: string): Promise<string> {
  const r = await call('session.signIn', { userId });
  return r.body.data.token as string;
}

/** What must not change when a request is refused. */
async function fingerprint() {
  const devices = await served.core.store.searchDevices({ sort: 'updated_desc', limit: 500, offset: 0 });
  return JSON.stringify({ total: devices.total, items: devices.items.map((d) => [d.id, d.status, d.trailLength, d.updatedAt]) });
}

describe('HTTP transport', () => {
  it('lists every procedure in GET /api/contract with JSON Schemas and roles', async () => {
    const res = await fetch(`${served.base}/api/contract`, { headers: API_HEADERS });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { procedures: { name: string; roles: unknown; input: any; output: any }[] };
    expect(body.procedures.map((p) => p.name).sort()).toEqual([...PROCEDURE_NAMES].sort());
    const report = body.procedures.find((p) => p.name === 'devices.report')!;
    expect(report.roles).toEqual(['department_contact', 'warehouse', 'admin']);
    expect(report.input.type).toBe('object');
    expect(report.input.required).toContain('serial');
    expect(report.output.properties.assetTag).toBeDefined();
  });

  it('answers a good call with ok and data', async () => {
    const token = await signIn('user-warehouse-1');
    const r = await call('devices.search', { status: 'listed', limit: 5 }, token);
    expect(r.status).toBe(200);
    expect(r.body.ok).toBe(true);
    expect(r.body.data.items.length).toBeGreaterThan(0);
  });

  it('refuses wrong types and missing fields with per-field messages and saves nothing', async () => {
    const token = await signIn('user-buf-1');
    const before = await fingerprint();
    const r = await call('devices.report', { category: 'laptop', manufacturer: 42, serial: '', locationId: 'dep-buf-site-1' }, token);
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(Object.keys(r.body.error.fields).sort()).toEqual(['manufacturer', 'model', 'serial']);
    expect(r.body.error.fields.model).toBe('Skal udfyldes.');
    expect(r.body.error.message).toMatch(/felter/);
    expect(await fingerprint()).toBe(before);
  });

  it('refuses unknown fields (a typo is not silently dropped)', async () => {
    const token = await signIn('user-warehouse-1');
    const r = await call('devices.checkIn', { assetTag: 'KK-0000001', condition: 'A', locationId: 'loc-shelf-A1', shelf: 'x' }, token);
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('VALIDATION');
  });

  it('refuses a malformed asset tag scan with a message naming the format', async () => {
    const token = await signIn('user-warehouse-1');
    const r = await call('devices.checkIn', { assetTag: 'KK-12;DROP', condition: 'A', locationId: 'loc-shelf-A1' }, token);
    expect(r.status).toBe(400);
    expect(r.body.error.fields.assetTag).toMatch(/KK-0001234/);
  });

  it('refuses an unknown procedure with 404', async () => {
    const r = await call('devices.explode', {});
    expect(r.status).toBe(404);
    expect(r.body).toMatchObject({ ok: false, error: { code: 'UNKNOWN_PROCEDURE' } });
  });

  it('refuses invalid JSON with 400', async () => {
    const token = await signIn('user-buf-1');
    const r = await call('devices.search', null, token, '{"text": ');
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('BAD_JSON');
  });

  it('refuses a body over 1 MB with 413 and saves nothing', async () => {
    const token = await signIn('user-buf-1');
    const before = await fingerprint();
    const huge = { category: 'laptop', manufacturer: 'x', model: 'y', serial: 'z', locationId: 'dep-buf-site-1', notes: 'a'.repeat(1_100_000) };
    const r = await call('devices.report', huge, token);
    expect(r.status).toBe(413);
    expect(r.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await fingerprint()).toBe(before);
  });

  it('refuses a call without a profile with 401', async () => {
    const r = await call('devices.search', {});
    expect(r.status).toBe(401);
    expect(r.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a procedure the role may not call with 403 and saves nothing', async () => {
    const token = await signIn('user-sustainability-1');
    const before = await fingerprint();
    const listed = (await call('devices.search', { status: 'listed', limit: 1 }, token)).body.data.items[0];
    const r = await call('reservations.create', { deviceId: listed.id }, token);
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('FORBIDDEN');
    const w = await call('devices.checkIn', { assetTag: 'KK-0000001', condition: 'A', locationId: 'loc-shelf-A1' }, await signIn('user-buf-1'));
    expect(w.status).toBe(403);
    expect(await fingerprint()).toBe(before);
  });

  it('answers in English when asked', async () => {
    const res = await fetch(`${served.base}/api/devices.search`, { method: 'POST', headers: { ...API_HEADERS, 'accept-language': 'en-GB' }, body: '{}' });
    const body = (await res.json()) as any;
    expect(body.error.message).toBe('Choose your profile before you continue.');
  });

  it('refuses GET on a procedure with 405 METHOD_NOT_ALLOWED, in the caller\'s language', async () => {
    const res = await fetch(`${served.base}/api/devices.search`, { headers: API_HEADERS });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
    expect(await res.json()).toEqual({
      ok: false,
      error: { code: 'METHOD_NOT_ALLOWED', message: 'Brug POST med en JSON-krop til devices.search.', params: { procedure: 'devices.search' } },
    });
    const en = await fetch(`${served.base}/api/devices.search`, { headers: { ...API_HEADERS, 'accept-language': 'en-GB,en;q=0.9' } });
    expect(((await en.json()) as { error: { message: string } }).error.message).toBe('Use POST with a JSON body for devices.search.');
  });

  it('answers a malformed %-escape in the path with 400 BAD_REQUEST, not a stack trace', async () => {
    const before = await fingerprint();
    const api = await fetch(`${served.base}/api/devices.search%E0%A4%A`, { method: 'POST', headers: API_HEADERS, body: '{}' });
    expect(api.status).toBe(400);
    expect(await api.json()).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', message: expect.stringContaining('%-kode') } });
    const page = await fetch(`${served.base}/%E0%A4%A`);
    expect(page.status).toBe(404);
    expect(await fingerprint()).toBe(before);
  });
});

describe('kept-alive connections', () => {
  it('answers a call sent on a connection left idle past Node’s 5 s default (no ECONNRESET for a client that reuses it)', async () => {
    const http = await import('node:http');
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const post = () =>
      new Promise<{ status: number; reused: boolean }>((resolve, reject) => {
        const req = http.request(`${served.base}/api/session.profiles`, { method: 'POST', agent, headers: API_HEADERS }, (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode ?? 0, reused: req.reusedSocket }));
        });
        req.on('error', reject);
        req.end('{}');
      });
    try {
      expect(await post()).toEqual({ status: 200, reused: false });
      await new Promise((r) => setTimeout(r, 5_500));
      expect(await post()).toEqual({ status: 200, reused: true });
    } finally {
      agent.destroy();
    }
  }, 20_000);
});
