/**
 * The statistics files over the real HTTP server (POST /download/stats.export) on the demo municipality: a
 * file comes with its name, type and row count and adds up to the summary; a malformed or unauthorised call
 * gets a 4xx in the error shape naming what is wrong, and no file at all.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { API_HEADERS, useHttpCore } from '../testing/http';

const served = useHttpCore();
let sustainability: string;
let warehouse: string;

async function signIn(userId: string): Promise<string> {
  const res = await fetch(`${served.base}/api/session.signIn`, { method: 'POST', headers: API_HEADERS, body: JSON.stringify({ userId }) });
  return ((await res.json()) as { data: { token: string } }).data.token;
}

function download(body: unknown, token?: string, path = '/download/stats.export'): Promise<Response> {
  const headers: Record<string, string> = { ...API_HEADERS, 'accept-language': 'da' };
  if (token) headers.authorization = `Bearer ${token}`;
  return fetch(`${served.base}${path}`, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
}

const YEAR = { from: '2025-01-01', to: '2026-01-01', groupBy: 'month' };

beforeAll(async () => {
  sustainability = await signIn('user-sustainability-1');
  warehouse = await signIn('user-warehouse-1');
});

describe('POST /download/stats.export', () => {
  it('streams the device CSV with its name and row count, one row per event the summary counted', async () => {
    const res = await download({ ...YEAR, file: 'devices_csv' }, sustainability);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain('kredslob-statistik-enheder-2025-01-01-2025-12-31.csv');
    const text = await res.text();
    const lines = text.slice(1).split('\r\n').slice(1, -1);
    expect(Number(res.headers.get('x-export-rows'))).toBe(lines.length);
    const summary = await fetch(`${served.base}/api/stats.summary`, {
      method: 'POST',
      headers: { ...API_HEADERS, authorization: `Bearer ${sustainability}` },
      body: JSON.stringify(YEAR),
    });
    const totals = ((await summary.json()) as { data: { totals: { amounts: Record<string, { count: number }> } } }).data.totals.amounts;
    const counted = Object.values(totals).reduce((sum, a) => sum + a.count, 0);
    expect(counted).toBeGreaterThan(100);
    expect(lines).toHaveLength(counted);
    expect(lines.filter((l) => l.startsWith('Genbrugt;'))).toHaveLength(totals.reused!.count);
  });

  it('refuses a malformed export with 400 and the fields that are wrong, and sends no file', async () => {
    const res = await download({ from: '2025-13-01', to: '2025-01-01', groupBy: 'week', file: 'pdf' }, sustainability);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-disposition')).toBeNull();
    const body = (await res.json()) as { ok: boolean; error: { code: string; fields: Record<string, string> } };
    expect(body.ok).toBe(false);
    expect(body.error.code).toBe('VALIDATION');
    expect(Object.keys(body.error.fields).sort()).toEqual(['file', 'from', 'groupBy']);
  });

  it('refuses bad JSON, no session, the wrong role, GET and a procedure that is no file', async () => {
    expect((await download('{"from":', sustainability)).status).toBe(400);
    const anonymous = await download({ ...YEAR, file: 'xlsx' });
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { error: { code: string } }).error.code).toBe('UNAUTHENTICATED');
    const forbidden = await download({ ...YEAR, file: 'xlsx' }, warehouse);
    expect(forbidden.status).toBe(403);
    expect(forbidden.headers.get('content-disposition')).toBeNull();
    expect((await fetch(`${served.base}/download/stats.export`, { headers: { 'x-kredslob-secret': API_HEADERS['x-kredslob-secret'] } })).status).toBe(405);
    const notAFile = await download(YEAR, sustainability, '/download/stats.summary');
    expect(notAFile.status).toBe(404);
    expect(((await notAFile.json()) as { error: { code: string } }).error.code).toBe('UNKNOWN_PROCEDURE');
  });

  it('answers stats.export as a call with the plan of the file', async () => {
    const res = await fetch(`${served.base}/api/stats.export`, {
      method: 'POST',
      headers: { ...API_HEADERS, authorization: `Bearer ${sustainability}` },
      body: JSON.stringify({ ...YEAR, file: 'xlsx' }),
    });
    const body = (await res.json()) as { data: { fileName: string; contentType: string; rows: number } };
    expect(body.data.fileName).toBe('kredslob-statistik-2025-01-01-2025-12-31.xlsx');
    expect(body.data.contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(body.data.rows).toBeGreaterThan(100);
  });
});
