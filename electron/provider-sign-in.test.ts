/**
 * The desktop app's sign-in through the identity provider (issue 13), end to end without Electron: this module's
 * loopback listener and exchange, a real shared-mode server with its OIDC routes, and a mock provider
 * (core/testing/mock-idp.ts). `openExternal` stands in for the person's browser: it follows the redirects and keeps
 * the cookies as a browser would, and lands on the app's loopback address.
 */
import { describe, expect, it } from 'vitest';
import { TestClock } from '../core/testing/harness';
import { rawRequest, type RawReply } from '../core/testing/http';
import { useOidcHttpCore } from '../core/testing/oidc-http-core';
import { signInThroughProvider } from './provider-sign-in';

const PUBLIC_HOST = 'kredslob.kk.example';
const origin = `https://${PUBLIC_HOST}`;
const publicUrl = new URL(`${origin}/`);
const clock = new TestClock(Date.now());
const oidc = useOidcHttpCore({ publicUrl, clock, person: { sub: 'p-1', email: 'mette.holm@kk.dk', name: 'Mette Holm', groups: ['KK-IT-BUF'] } });
const served = oidc.served;

/** A request to the server as the reverse proxy passes it on (the public host). */
const toServer = (method: string, url: URL, headers: Record<string, string> = {}, body?: string) =>
  rawRequest(served.port, method, `${url.pathname}${url.search}`, { host: PUBLIC_HOST, ...headers }, body);

/** Node's fetch cannot be aimed at the public host here: the exchange goes to the test server the same way. */
const serverFetch: typeof fetch = async (input, init) => {
  const url = new URL(String(input));
  expect(url.origin).toBe(origin);
  const reply = await toServer(init?.method ?? 'GET', url, Object.fromEntries(Object.entries(init?.headers ?? {})), init?.body as string); // why: the module sends a JSON string
  return new Response(reply.text, { status: reply.status, headers: { 'content-type': 'application/json' } });
};

const cookieHeader = (reply: RawReply) =>
  (reply.headers['set-cookie'] ?? [])
    .filter((c) => !/Max-Age=0/.test(c))
    .map((c) => c.split(';')[0])
    .join('; ');

interface BrowserVisit {
  /** What the browser showed at the app's loopback address. */
  page: string;
  pageStatus: number;
  loopback: URL;
}

/**
 * The person's browser: start → provider → callback → the app's loopback address. `tamper` may change the
 * loopback address before the browser goes there.
 */
function browser(visits: BrowserVisit[], tamper?: (loopback: URL) => URL) {
  return async (address: string) => {
    const start = await toServer('GET', new URL(address));
    expect(start.status, start.text).toBe(303);
    const authorize = await fetch(start.headers.location ?? '', { redirect: 'manual' });
    const callback = await toServer('GET', new URL(authorize.headers.get('location') ?? ''), { cookie: cookieHeader(start) });
    expect(callback.status).toBe(303);
    let loopback = new URL(callback.headers.location ?? '');
    expect(loopback.hostname).toBe('127.0.0.1');
    if (tamper) loopback = tamper(loopback);
    const shown = await fetch(loopback);
    visits.push({ page: await shown.text(), pageStatus: shown.status, loopback });
  };
}

async function portIsClosed(port: number): Promise<boolean> {
  return fetch(`http://127.0.0.1:${port}/kredslob-sign-in?code=x`).then(
    () => false,
    () => true,
  );
}

async function addRow(group: string, departmentId: string) {
  await served.core.store.transaction(async (tx) => {
    tx.putOidcGroup({ id: `row-${group}`, group, role: 'department_contact', departmentId, position: 0 });
  });
}

describe('signInThroughProvider', () => {
  it("signs in in the person's browser, gives the app a token that works as its bearer token, and closes its port", async () => {
    await addRow('KK-IT-BUF', 'dep-buf');
    const visits: BrowserVisit[] = [];
    const result = await signInThroughProvider({ origin, locale: 'da', openExternal: browser(visits), fetch: serverFetch });
    if (!result.ok) throw new Error(result.error.message);
    const me = await toServer('POST', new URL('/api/session.me', origin), { 'content-type': 'application/json', authorization: `Bearer ${result.data.token}` }, '{}');
    expect(me.status).toBe(200);
    expect(me.json.data.user).toMatchObject({ email: 'mette.holm@kk.dk', departmentId: 'dep-buf' });
    expect(visits).toHaveLength(1);
    expect(visits[0]!.pageStatus).toBe(200);
    expect(visits[0]!.page).toContain('<h1>Du er logget ind i Kredsløb</h1>');
    expect(visits[0]!.page).toContain('Du kan lukke denne fane og gå tilbage til Kredsløb.');
    expect(await portIsClosed(Number(visits[0]!.loopback.port))).toBe(true);
  });

  it("says the provider's refusal in the person's language, in the app and on the browser's page", async () => {
    oidc.idp.person = { sub: 'p-2', email: 'ole.dam@kk.dk', name: 'Ole Dam', groups: ['KK-Kantine'] };
    const visits: BrowserVisit[] = [];
    const result = await signInThroughProvider({ origin, locale: 'en', openExternal: browser(visits), fetch: serverFetch });
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'OIDC_NO_GROUP', message: 'You are not a member of a group that gives access to Kredsløb. Contact an administrator.' }) });
    expect(visits[0]!.page).toContain('<h1>Signing in to Kredsløb failed</h1>');
    expect(visits[0]!.page).toContain('You are not a member of a group that gives access to Kredsløb.');
  });

  it('gets no token for a code changed on its way (the server spends it and refuses)', async () => {
    oidc.idp.person = { sub: 'p-1', email: 'mette.holm@kk.dk', name: 'Mette Holm', groups: ['KK-IT-BUF'] };
    const visits: BrowserVisit[] = [];
    const changed = (loopback: URL) => {
      const url = new URL(loopback);
      const code = url.searchParams.get('code') ?? '';
      // Its last character made another one (a code already ending in "A" was left as it was: 1 run in 64 passed it).
      url.searchParams.set('code', `${code.slice(0, -1)}${code.endsWith('A') ? 'B' : 'A'}`);
      return url;
    };
    const result = await signInThroughProvider({ origin, locale: 'da', openExternal: browser(visits, changed), fetch: serverFetch });
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'OIDC_FAILED', message: 'Log ind via kommunens login mislykkedes. Prøv igen.' }) });
  });

  it('answers 404 to anything but its own address on the port, and goes on waiting for the browser', async () => {
    const visits: BrowserVisit[] = [];
    let stranger = 0;
    const result = await signInThroughProvider({
      origin,
      locale: 'da',
      fetch: serverFetch,
      openExternal: async (address) => {
        const port = new URL(address).searchParams.get('desktop');
        stranger = (await fetch(`http://127.0.0.1:${port}/favicon.ico`)).status;
        await browser(visits)(address);
      },
    });
    expect(stranger).toBe(404);
    expect(result.ok).toBe(true);
  });

  it('gives up after its time with OIDC_TIMED_OUT, and when told to with OIDC_CANCELLED, closing its port each time', async () => {
    let port = 0;
    const opened = async (address: string) => {
      port = Number(new URL(address).searchParams.get('desktop'));
    };
    const late = await signInThroughProvider({ origin, locale: 'da', openExternal: opened, fetch: serverFetch, timeoutMs: 50 });
    expect(late).toEqual({ ok: false, error: expect.objectContaining({ code: 'OIDC_TIMED_OUT', message: 'Du blev ikke logget ind i browseren inden for 5 minutter. Prøv igen.' }) });
    expect(await portIsClosed(port)).toBe(true);
    const stop = new AbortController();
    const waiting = signInThroughProvider({ origin, locale: 'en', openExternal: opened, fetch: serverFetch, signal: stop.signal });
    await new Promise((resolve) => setTimeout(resolve, 20));
    stop.abort();
    expect(await waiting).toEqual({ ok: false, error: expect.objectContaining({ code: 'OIDC_CANCELLED' }) });
    expect(await portIsClosed(port)).toBe(true);
  });

  it('says the server cannot be reached when the exchange gets no answer', async () => {
    oidc.idp.person = { sub: 'p-1', email: 'mette.holm@kk.dk', name: 'Mette Holm', groups: ['KK-IT-BUF'] };
    const result = await signInThroughProvider({
      origin,
      locale: 'da',
      openExternal: browser([]),
      fetch: async () => {
        throw new TypeError('fetch failed');
      },
    });
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'SERVER_UNREACHABLE' }) });
  });
});
