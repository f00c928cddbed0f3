/**
 * Shared mode over real HTTP (issue 13): no session, no answer but the sign-in ones; a browser's session lives in
 * an HttpOnly, SameSite=Strict, Secure cookie its scripts never see; the desktop app gets a bearer token; a
 * contact of one administration cannot read or act on another's reservations; an idle session ends; 10 wrong
 * passwords lock the account without telling whether the e-mail exists; and the sign-in log shows all of it.
 */
import { describe, expect, it } from 'vitest';
import { contract, PROCEDURE_NAMES, type ProcedureDef } from '../../shared/contract';
import { hashPassword } from '../auth/password';
import { storeFingerprint } from '../testing/fingerprint';
import { BUF_CONTACT, SUF_CONTACT, SUSTAINABILITY, TestClock, TMF_CONTACT } from '../testing/harness';

const ADMIN = 'user-admin-1';
import { rawRequest, useHttpCore } from '../testing/http';

const PUBLIC_HOST = 'kredslob.kk.example';
const clock = new TestClock(Date.now());
const served = useHttpCore({ shared: { publicUrl: `https://${PUBLIC_HOST}/`, trustProxy: true }, clock });
const PASSWORD = 'grøn-genbrug-2026';

/** A call as the reverse proxy forwards it: the public Host, JSON, and the client's address it saw. */
function call(procedure: string, body: unknown, headers: Record<string, string> = {}, address = '10.1.2.3') {
  const all = { host: PUBLIC_HOST, 'content-type': 'application/json', 'x-forwarded-for': address, ...headers };
  return rawRequest(served.port, 'POST', `/api/${procedure}`, all, JSON.stringify(body));
}

let passwordsSet = false;
/** Every demo person gets the same password (one hash: scrypt at full cost takes a while). */
async function givePasswords(): Promise<void> {
  if (passwordsSet) return;
  passwordsSet = true;
  const hash = await hashPassword(PASSWORD);
  const users = await served.core.store.listUsers();
  await served.core.store.transaction(async (tx) => {
    for (const u of users) tx.putCredential({ userId: u.id, hash, changedAt: clock.now().toISOString(), failedAttempts: 0 });
  });
}

async function emailOf(userId: string): Promise<string> {
  const user = await served.core.store.getUser(userId);
  if (!user) throw new Error(`no user ${userId}`);
  return user.email;
}

/** Signs in as the desktop app does: the token comes in the answer. */
async function bearerFor(userId: string): Promise<Record<string, string>> {
  await givePasswords();
  const reply = await call('auth.signIn', { email: await emailOf(userId), password: PASSWORD });
  expect(reply.status, reply.text).toBe(200);
  return { authorization: `Bearer ${reply.json.data.token as string}` };
}

describe('shared mode over HTTP', () => {
  it('answers 401 to every procedure but the sign-in ones without a session, lists no one and refuses the profile picker', async () => {
    const names = (await served.core.store.listUsers()).map((u) => u.name);
    const publicOnes: string[] = [];
    for (const procedure of PROCEDURE_NAMES) {
      const def: ProcedureDef = contract[procedure];
      if (def.roles === 'public') {
        publicOnes.push(procedure);
        continue;
      }
      const reply = await call(procedure, {});
      expect(reply.status, procedure).toBe(401);
      expect(reply.json.error.code, procedure).toBe('UNAUTHENTICATED');
    }
    expect(publicOnes.sort()).toEqual(['auth.methods', 'auth.signIn', 'session.profiles', 'session.signIn', 'session.signOut', 'setup.initialize', 'setup.status']);
    const download = await rawRequest(served.port, 'POST', '/download/stats.export', { host: PUBLIC_HOST, 'content-type': 'application/json' }, '{}');
    expect(download.status).toBe(401);
    const photo = await rawRequest(served.port, 'GET', `/photo/dev-1/${'a'.repeat(64)}`, { host: PUBLIC_HOST });
    expect(photo.status).toBe(401);

    const profiles = await call('session.profiles', {});
    expect([profiles.status, profiles.json.error.code]).toEqual([403, 'SHARED_MODE']);
    for (const name of names) expect(profiles.text).not.toContain(name);
    const pick = await call('session.signIn', { userId: ADMIN });
    expect([pick.status, pick.json.error.code]).toEqual([403, 'SHARED_MODE']);
    expect((await call('auth.methods', {})).json.data).toEqual({ mode: 'shared', oidc: { enabled: false } });
    // Only the public URL's host and origin are answered.
    const foreignHost = await rawRequest(served.port, 'POST', '/api/auth.methods', { host: '127.0.0.1', 'content-type': 'application/json' }, '{}');
    expect(foreignHost.json.error.code).toBe('FOREIGN_HOST');
    const foreignOrigin = await call('auth.methods', {}, { origin: 'https://evil.example' });
    expect(foreignOrigin.json.error.code).toBe('FOREIGN_ORIGIN');
  });

  it('keeps a browser session in an HttpOnly, SameSite=Strict, Secure cookie the page never sees, and ends it on sign-out', async () => {
    await givePasswords();
    const email = await emailOf(BUF_CONTACT);
    const signIn = await call('auth.signIn', { email: email.toUpperCase(), password: PASSWORD }, { 'x-kredslob-session': 'cookie' });
    expect(signIn.status, signIn.text).toBe(200);
    expect(signIn.json.data.token).toBe('');
    expect(signIn.json.data.user.id).toBe(BUF_CONTACT);
    const setCookie = String(signIn.headers['set-cookie']);
    expect(setCookie).toMatch(/^__Host-kredslob_session=[\w-]{20,};/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    expect(setCookie).toContain('Secure');
    expect(setCookie).toContain('Path=/');
    const cookie = setCookie.split(';')[0]!;

    const me = await call('session.me', {}, { cookie });
    expect(me.json.data.user.id).toBe(BUF_CONTACT);
    const signOut = await call('session.signOut', {}, { cookie, 'x-kredslob-session': 'cookie' });
    expect(String(signOut.headers['set-cookie'])).toMatch(/^__Host-kredslob_session=; .*Max-Age=0/);
    expect((await call('session.me', {}, { cookie })).status).toBe(401);
  });

  it('gives the desktop app a bearer token and no cookie', async () => {
    await givePasswords();
    const reply = await call('auth.signIn', { email: await emailOf(SUF_CONTACT), password: PASSWORD });
    expect(reply.headers['set-cookie']).toBeUndefined();
    expect(reply.json.data.token).toMatch(/^[\w-]{20,}$/);
    const me = await call('session.me', {}, { authorization: `Bearer ${reply.json.data.token as string}` });
    expect(me.json.data.user.id).toBe(SUF_CONTACT);
  });

  it("refuses a contact of one administration another's reservations (403) and changes nothing", async () => {
    const bufDepartment = (await served.core.store.getUser(BUF_CONTACT))!.departmentId;
    const theirs = (await served.core.store.searchReservations({ status: 'active', limit: 500 })).find((r) => r.departmentId !== bufDepartment);
    expect(theirs, 'the demo holds an active reservation of another administration').toBeDefined();
    const other = { departmentId: theirs!.departmentId };
    const buf = await bearerFor(BUF_CONTACT);
    const before = await storeFingerprint(served.core.store, served.dir);

    const read = await call('reservations.search', { departmentId: other.departmentId }, buf);
    expect([read.status, read.json.error.code]).toEqual([403, 'NOT_OWN_DEPARTMENT']);
    const own = await call('reservations.search', {}, buf);
    expect(own.json.data.items.length).toBeGreaterThan(0);
    expect(own.json.data.items.every((i: { reservation: { departmentId: string } }) => i.reservation.departmentId === bufDepartment)).toBe(true);
    const cancel = await call('reservations.cancel', { reservationId: theirs!.id }, buf);
    expect(cancel.status).toBe(403);
    expect(await storeFingerprint(served.core.store, served.dir)).toBe(before);
    expect((await served.core.store.getReservation(theirs!.id))?.status).toBe('active');
  });

  it('ends a session left idle for 8 hours', async () => {
    const headers = await bearerFor(BUF_CONTACT);
    expect((await call('session.me', {}, headers)).status).toBe(200);
    clock.advance(8 * 60 * 60 * 1000);
    const after = await call('session.me', {}, headers);
    expect([after.status, after.json.error.code]).toEqual([401, 'UNAUTHENTICATED']);
  });

  it('locks an account after 10 wrong passwords in a row, alike for an unknown e-mail, and the sign-in log shows everything', async () => {
    await givePasswords();
    const email = await emailOf(TMF_CONTACT);
    const wrong = await call('auth.signIn', { email, password: 'not-the-password-1' }, {}, '10.9.9.9');
    const unknown = await call('auth.signIn', { email: 'nobody@kk.dk', password: 'not-the-password-1' }, {}, '10.9.9.8');
    // An unknown e-mail and a wrong password read the same.
    expect([unknown.status, unknown.json.error]).toEqual([wrong.status, wrong.json.error]);
    expect(wrong.json.error.code).toBe('SIGN_IN_FAILED');
    // Nine more at once: each is counted, and the tenth locks.
    const rest = await Promise.all(Array.from({ length: 9 }, (_, i) => call('auth.signIn', { email, password: `wrong-${i}-password` }, {}, '10.9.9.9')));
    expect(rest.map((r) => r.json.error.code).sort()).toEqual([...Array<string>(8).fill('SIGN_IN_FAILED'), 'ACCOUNT_LOCKED'].sort());
    const right = await call('auth.signIn', { email, password: PASSWORD }, {}, '10.9.9.7');
    expect([right.status, right.json.error.code]).toEqual([423, 'ACCOUNT_LOCKED']);
    expect(right.json.error.message).toMatch(/15 min/);
    // The lock is kept with the credential (a restart does not lift it).
    expect((await served.core.store.getCredential(TMF_CONTACT))?.lockedUntil).toBeDefined();
    const unknownRest = await Promise.all(Array.from({ length: 9 }, () => call('auth.signIn', { email: 'nobody@kk.dk', password: 'not-the-password-1' }, {}, '10.9.9.6')));
    expect(unknownRest.map((r) => r.json.error.code)).toContain('ACCOUNT_LOCKED');
    const unknownAfter = await call('auth.signIn', { email: 'nobody@kk.dk', password: 'whatever-password' }, {}, '10.9.9.5');
    expect(unknownAfter.json.error).toEqual(right.json.error);

    const someone = await bearerFor(SUSTAINABILITY);
    await call('session.signOut', {}, someone);
    const admin = await bearerFor(ADMIN);
    const log = await call('auth.audit', { limit: 1000 }, admin);
    expect(log.status, log.text).toBe(200);
    const entries = log.json.data.entries as { event: string; email: string; address?: string; userId?: string; at: string }[];
    const times = entries.map((e) => e.at);
    expect(times).toEqual([...times].sort().reverse());
    const about = (event: string, mail: string) => entries.filter((e) => e.event === event && e.email.toLowerCase() === mail.toLowerCase());
    expect(about('sign_in_failed', email)).toHaveLength(10);
    expect(new Set(about('sign_in_failed', email).map((e) => e.address))).toEqual(new Set(['10.9.9.9']));
    expect(about('locked', email)).toHaveLength(1);
    expect(about('refused_locked', email)[0]?.address).toBe('10.9.9.7');
    expect(about('sign_in_failed', 'nobody@kk.dk').map((e) => e.address)).toContain('10.9.9.8');
    expect(about('sign_in_failed', 'nobody@kk.dk')[0]?.userId).toBeUndefined();
    expect(about('signed_in', await emailOf(SUSTAINABILITY))).toHaveLength(1);
    expect(about('signed_out', await emailOf(SUSTAINABILITY))).toHaveLength(1);
    // A contact may not read the log.
    expect((await call('auth.audit', {}, await bearerFor(BUF_CONTACT))).status).toBe(403);
  }, 180_000);
});
