/**
 * Sign-in through the identity provider over real HTTP (issue 13, wt-oidc), against a mock provider that speaks
 * OpenID Connect (core/testing/mock-idp.ts): the browser is walked through start → provider → callback by hand,
 * following redirects and keeping cookies as a browser would.
 */
import { describe, expect, it } from 'vitest';
import type { AuthAuditEntry } from '../../shared/schemas';
import { TestClock } from '../testing/harness';
import { rawRequest, type RawReply } from '../testing/http';
import { useOidcHttpCore } from '../testing/oidc-http-core';
import { challengeOf, DesktopHandoffs, newSecret } from '../auth/desktop-handoff';

const PUBLIC_HOST = 'kredslob.kk.example';
const publicUrl = new URL(`https://${PUBLIC_HOST}/`);
const clock = new TestClock(Date.now());
const oidc = useOidcHttpCore({ publicUrl, clock, trustProxy: true, person: { sub: 'p-1', email: 'Mette.Holm@kk.dk', name: 'Mette Holm', groups: ['KK-IT-BUF'] } });
const served = oidc.served;

const ADDRESS = '10.4.5.6';
const get = (pathAndQuery: string, cookie?: string) =>
  rawRequest(served.port, 'GET', pathAndQuery, { host: PUBLIC_HOST, 'x-forwarded-for': ADDRESS, ...(cookie ? { cookie } : {}) });

/** The cookies a reply sets, as name=value pairs for the next request (a cleared one is left out). */
function cookiesOf(reply: RawReply): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of reply.headers['set-cookie'] ?? []) {
    const [pair = ''] = line.split(';');
    const eq = pair.indexOf('=');
    if (!/Max-Age=0/.test(line)) out[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return out;
}

interface Walk {
  /** Where the callback sent the browser. */
  location: string;
  callback: RawReply;
  /** The callback's path and query, to send again. */
  callbackPath: string;
  stateCookie: string;
}

/** A browser signing in: the button's link, the provider (which signs `idp.person` in at once), the callback. */
async function signInThroughProvider(tamperCallback?: (path: string, stateCookie: string) => [string, string]): Promise<Walk> {
  clock.advance(1000); // each walk's log entries later than the last's, so "newest first" is this walk's
  const start = await get('/auth/oidc/start');
  expect(start.status, start.text).toBe(303);
  const state = cookiesOf(start).kredslob_oidc_state;
  expect(state).toBeTruthy();
  const authorize = await fetch(start.headers.location ?? '', { redirect: 'manual' });
  expect(authorize.status).toBe(302);
  const back = new URL(authorize.headers.get('location') ?? '');
  expect(back.origin).toBe(publicUrl.origin);
  let callbackPath = `${back.pathname}${back.search}`;
  let stateCookie = `kredslob_oidc_state=${state}`;
  if (tamperCallback) [callbackPath, stateCookie] = tamperCallback(callbackPath, stateCookie);
  const callback = await get(callbackPath, stateCookie);
  expect(callback.status).toBe(303);
  return { location: callback.headers.location ?? '', callback, callbackPath, stateCookie };
}

/** Who the session cookie a callback set belongs to, by asking the API as the browser would. */
async function signedInAs(walk: Walk) {
  const session = cookiesOf(walk.callback)['__Host-kredslob_session'];
  if (!session) return undefined;
  const me = await rawRequest(served.port, 'POST', '/api/session.me', { host: PUBLIC_HOST, 'content-type': 'application/json', cookie: `__Host-kredslob_session=${session}` }, '{}');
  return me.status === 200 ? (me.json.data.user as { id: string; email: string; role: string; departmentId: string; unitId?: string }) : undefined;
}

async function oidcLog(): Promise<AuthAuditEntry[]> {
  return (await served.core.store.listAuthAudit(1000)).filter((e) => e.method === 'oidc');
}

async function addRow(group: string, role: 'department_contact' | 'warehouse' | 'sustainability' | 'admin', departmentId: string, unitId?: string) {
  const rows = await served.core.store.listOidcGroups();
  await served.core.store.transaction(async (tx) => {
    tx.putOidcGroup({ id: `row-${group}`, group, role, departmentId, ...(unitId ? { unitId } : {}), position: rows.length });
  });
}

describe('sign-in through the identity provider', () => {
  it('creates the person on their first sign-in with the role and administration their group maps to, in the session cookie, and logs it', async () => {
    await addRow('KK-IT-BUF', 'department_contact', 'dep-buf', 'dep-buf-unit-1');
    const people = (await served.core.store.listUsers()).length;
    const walk = await signInThroughProvider();
    expect(walk.location).toBe('/');
    const cookie = (walk.callback.headers['set-cookie'] ?? []).find((c) => c.startsWith('__Host-kredslob_session='));
    expect(cookie).toMatch(/HttpOnly; SameSite=Strict; Path=\/; Secure/);
    const me = await signedInAs(walk);
    expect(me).toMatchObject({ email: 'mette.holm@kk.dk', role: 'department_contact', departmentId: 'dep-buf', unitId: 'dep-buf-unit-1' });
    expect((await served.core.store.listUsers()).length).toBe(people + 1);
    // The request to the provider carried PKCE, a state, a nonce and the scopes.
    const sent = oidc.idp.authorizeRequests.at(-1);
    expect(sent?.get('scope')).toBe('openid email profile');
    expect(sent?.get('code_challenge_method')).toBe('S256');
    expect(sent?.get('nonce')).toBeTruthy();
    expect(sent?.get('redirect_uri')).toBe(`https://${PUBLIC_HOST}/auth/oidc/callback`);
    expect((await oidcLog())[0]).toMatchObject({ event: 'signed_in', email: 'Mette.Holm@kk.dk', userId: me?.id, userName: 'Mette Holm', address: ADDRESS, method: 'oidc' });
  });

  it("updates the person's role from their groups at the next sign-in (the highest role wins), finding them by e-mail in any case", async () => {
    await addRow('KK-Lager', 'warehouse', 'dep-okf');
    oidc.idp.person = { sub: 'p-1', email: 'METTE.HOLM@kk.dk', name: 'Mette Holm', groups: ['KK-IT-BUF', 'KK-Lager'] };
    const people = (await served.core.store.listUsers()).length;
    const me = await signedInAs(await signInThroughProvider());
    expect(me).toMatchObject({ email: 'mette.holm@kk.dk', role: 'warehouse', departmentId: 'dep-okf' });
    expect(me?.unitId).toBeUndefined();
    expect((await served.core.store.listUsers()).length).toBe(people);
  });

  it('refuses a person none of whose groups is in the table with OIDC_NO_GROUP, saving no person', async () => {
    oidc.idp.person = { sub: 'p-2', email: 'jonas.berg@kk.dk', name: 'Jonas Berg', groups: ['KK-Kantine'] };
    const before = await served.core.store.listUsers();
    const walk = await signInThroughProvider();
    expect(walk.location).toBe('/?signInError=OIDC_NO_GROUP');
    expect(cookiesOf(walk.callback)['__Host-kredslob_session']).toBeUndefined();
    expect(await served.core.store.listUsers()).toEqual(before);
    expect((await oidcLog())[0]).toMatchObject({ event: 'refused_no_group', email: 'jonas.berg@kk.dk', address: ADDRESS });
    expect((await oidcLog())[0]?.userId).toBeUndefined();
  });

  it('refuses a deactivated person with USER_INACTIVE', async () => {
    const person = (await served.core.store.listUsers()).find((u) => u.departmentId === 'dep-suf' && u.role === 'department_contact');
    if (!person) throw new Error('the demo has a SUF contact');
    await served.core.store.transaction(async (tx) => tx.putUser({ ...person, active: false }));
    oidc.idp.person = { sub: 'p-3', email: person.email, groups: ['KK-IT-BUF'] };
    const walk = await signInThroughProvider();
    expect(walk.location).toBe('/?signInError=USER_INACTIVE');
    expect(await signedInAs(walk)).toBeUndefined();
    expect(await served.core.store.getUser(person.id)).toEqual({ ...person, active: false });
    expect((await oidcLog())[0]).toMatchObject({ event: 'refused_inactive', userId: person.id });
  });

  describe('refuses with OIDC_FAILED, starting no session', () => {
    const refusedWalk = async (tamper?: Parameters<typeof signInThroughProvider>[0]) => {
      const failedBefore = (await oidcLog()).filter((e) => e.event === 'sign_in_failed').length;
      const walk = await signInThroughProvider(tamper);
      expect(walk.location).toBe('/?signInError=OIDC_FAILED');
      expect(await signedInAs(walk)).toBeUndefined();
      expect((await oidcLog()).filter((e) => e.event === 'sign_in_failed').length).toBe(failedBefore + 1);
      return walk;
    };
    const mette = () => (oidc.idp.person = { sub: 'p-1', email: 'mette.holm@kk.dk', groups: ['KK-IT-BUF'] });

    it('a state this server never started', async () => {
      mette();
      await refusedWalk((p) => {
        const changed = p.replace(/state=[^&]+/, 'state=made-up');
        return [changed, 'kredslob_oidc_state=made-up'];
      });
    });

    it('a state used once already (a replayed callback)', async () => {
      mette();
      const first = await signInThroughProvider();
      expect(await signedInAs(first)).toBeDefined();
      const again = await get(first.callbackPath, first.stateCookie);
      expect(again.headers.location).toBe('/?signInError=OIDC_FAILED');
      expect(cookiesOf(again)['__Host-kredslob_session']).toBeUndefined();
    });

    it('a callback in a browser that did not start the sign-in (no state cookie)', async () => {
      mette();
      await refusedWalk((p) => [p, '']);
    });

    for (const [tamper, what] of [['nonce', 'an ID token with another nonce'], ['key', 'an ID token signed by a key that is not the provider’s']] as const) {
      it(what, async () => {
        mette();
        oidc.idp.tamper = tamper;
        try {
          await refusedWalk();
        } finally {
          oidc.idp.tamper = 'none';
        }
      });
    }

    it('a state older than ten minutes', async () => {
      mette();
      await refusedWalk((p, c) => {
        clock.advance(10 * 60_000 + 1);
        return [p, c];
      });
    });
  });

  describe("the desktop app's sign-in (its loopback address, a one-time code and its verifier)", () => {
    const PORT = 50123;
    const mette = () => (oidc.idp.person = { sub: 'p-1', email: 'mette.holm@kk.dk', name: 'Mette Holm', groups: ['KK-IT-BUF'] });
    const post = (body: string) => rawRequest(served.port, 'POST', '/auth/oidc/desktop-token', { host: PUBLIC_HOST, 'content-type': 'application/json', 'accept-language': 'da' }, body);
    const meWith = async (token: string) => {
      const me = await rawRequest(served.port, 'POST', '/api/session.me', { host: PUBLIC_HOST, 'content-type': 'application/json', authorization: `Bearer ${token}` }, '{}');
      return me.status === 200 ? (me.json.data.user as { email: string; role: string }) : undefined;
    };

    /** The app's browser walk: start with its port and challenge, the provider, the callback with both flow cookies. */
    async function desktopWalk(challenge: string): Promise<RawReply> {
      clock.advance(1000);
      const start = await get(`/auth/oidc/start?desktop=${PORT}&challenge=${challenge}`);
      expect(start.status, start.text).toBe(303);
      const cookies = cookiesOf(start);
      expect(cookies.kredslob_oidc_desktop).toBe(`${PORT}.${challenge}`);
      expect((start.headers['set-cookie'] ?? []).find((c) => c.startsWith('kredslob_oidc_desktop='))).toMatch(/HttpOnly; SameSite=Lax; Path=\/auth\/oidc\/; Max-Age=600; Secure/);
      const authorize = await fetch(start.headers.location ?? '', { redirect: 'manual' });
      const back = new URL(authorize.headers.get('location') ?? '');
      const callback = await get(`${back.pathname}${back.search}`, Object.entries(cookies).map(([k, v]) => `${k}=${v}`).join('; '));
      expect(callback.status).toBe(303);
      return callback;
    }

    it('sends the code to the app instead of a cookie to the browser, and gives the session token once, for the verifier only', async () => {
      mette();
      const verifier = newSecret();
      const callback = await desktopWalk(challengeOf(verifier));
      const to = new URL(callback.headers.location ?? '');
      expect(`${to.origin}${to.pathname}`).toBe(`http://127.0.0.1:${PORT}/kredslob-sign-in`);
      const code = to.searchParams.get('code') ?? '';
      expect(code).toMatch(/^[A-Za-z0-9_-]{43}$/);
      // The browser gets no session, and both flow cookies end.
      expect(cookiesOf(callback)['__Host-kredslob_session']).toBeUndefined();
      expect((callback.headers['set-cookie'] ?? []).filter((c) => /Max-Age=0/.test(c)).map((c) => c.split('=')[0])).toEqual(['kredslob_oidc_state', 'kredslob_oidc_desktop']);

      const answer = await post(JSON.stringify({ code, verifier }));
      expect(answer.status, answer.text).toBe(200);
      const token = answer.json.data.token as string;
      expect(await meWith(token)).toMatchObject({ email: 'mette.holm@kk.dk', role: 'department_contact' });
      expect((await oidcLog())[0]).toMatchObject({ event: 'signed_in', email: 'mette.holm@kk.dk', method: 'oidc' });

      const again = await post(JSON.stringify({ code, verifier }));
      expect(again.status).toBe(401);
      expect(again.json.error.code).toBe('OIDC_FAILED');
      expect(again.json.error.message).toBe('Log ind via kommunens login mislykkedes. Prøv igen.');
    });

    it('refuses a code with another verifier, and the code is spent by that try', async () => {
      mette();
      const verifier = newSecret();
      const code = new URL((await desktopWalk(challengeOf(verifier))).headers.location ?? '').searchParams.get('code') ?? '';
      const wrong = await post(JSON.stringify({ code, verifier: newSecret() }));
      expect(wrong.status).toBe(401);
      expect(wrong.json.ok).toBe(false);
      expect(wrong.json.data).toBeUndefined();
      expect((await post(JSON.stringify({ code, verifier }))).status).toBe(401);
    });

    it('names what is wrong with a malformed collection, and answers it with no token', async () => {
      for (const body of ['not json', '{}', JSON.stringify({ code: 'x', verifier: 'y', extra: 1 }), JSON.stringify({ code: 'x'.repeat(200), verifier: 'y' })]) {
        const answer = await post(body);
        expect(answer.status, body).toBe(400);
        expect(answer.json.error.code).toBe('BAD_REQUEST');
        expect(answer.json.error.message).toContain('code, verifier');
      }
    });

    it("sends a refusal to the app's address with its code (a person in no mapped group)", async () => {
      oidc.idp.person = { sub: 'p-9', email: 'ole.dam@kk.dk', name: 'Ole Dam', groups: ['KK-Kantine'] };
      const callback = await desktopWalk(challengeOf(newSecret()));
      expect(callback.headers.location).toBe(`http://127.0.0.1:${PORT}/kredslob-sign-in?error=OIDC_NO_GROUP`);
      expect(cookiesOf(callback)['__Host-kredslob_session']).toBeUndefined();
    });

    it('never redirects to a port or page the app did not ask for: a malformed start goes to the sign-in page', async () => {
      const good = challengeOf(newSecret());
      for (const query of [`desktop=80&challenge=${good}`, `desktop=70000&challenge=${good}`, `desktop=5000x&challenge=${good}`, 'desktop=50123&challenge=short', `challenge=${good}`, 'desktop=50123']) {
        const start = await get(`/auth/oidc/start?${query}`);
        expect(start.status, query).toBe(303);
        expect(start.headers.location, query).toBe('/?signInError=OIDC_FAILED');
        expect(cookiesOf(start).kredslob_oidc_desktop, query).toBeUndefined();
      }
    });
  });
});

describe('DesktopHandoffs', () => {
  it('forgets a code after two minutes, and keeps at most its limit (the oldest go first)', () => {
    let now = 0;
    const handoffs = new DesktopHandoffs(() => now, 120_000, 2);
    const verifier = newSecret();
    const late = handoffs.give('token-late', challengeOf(verifier));
    now = 120_000;
    expect(handoffs.take(late, verifier)).toBeUndefined();
    const first = handoffs.give('token-1', challengeOf(verifier));
    const second = handoffs.give('token-2', challengeOf(verifier));
    const third = handoffs.give('token-3', challengeOf(verifier));
    expect(handoffs.take(first, verifier)).toBeUndefined();
    expect(handoffs.take(second, verifier)).toBe('token-2');
    expect(handoffs.take(third, verifier)).toBe('token-3');
  });
});
