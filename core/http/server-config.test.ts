/** `npm run server`'s environment: what it accepts, and the one-line message for each mistake (in the terminal's language). */
import { describe, expect, it } from 'vitest';
import { chooseStore, oidcSettingsOf, portOf, publicUrlOf, storeOptions } from './server-config';
import { StartupProblem } from './startup';

const problem = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    if (e instanceof StartupProblem) return e.message;
    throw e;
  }
  throw new Error('no problem was found');
};

describe('npm run server configuration', () => {
  it('takes the public URL people open, and names a wrong one', () => {
    expect(publicUrlOf({ KREDSLOB_PUBLIC_URL: 'https://kredslob.kk.dk' }).host).toBe('kredslob.kk.dk');
    expect(publicUrlOf({ KREDSLOB_PUBLIC_URL: 'http://10.0.0.5:8080/' }).origin).toBe('http://10.0.0.5:8080');
    for (const bad of ['', 'kredslob.kk.dk', 'ftp://kredslob.kk.dk', 'https://kredslob.kk.dk/app', 'https://user:pw@kredslob.kk.dk']) {
      expect(problem(() => publicUrlOf({ KREDSLOB_PUBLIC_URL: bad })), bad).toMatch(/KREDSLOB_PUBLIC_URL/);
    }
  });

  it('chooses PostgreSQL by DATABASE_URL, else a data folder, and says when neither is given', () => {
    expect(chooseStore({ DATABASE_URL: 'postgres://kredslob@db/kredslob', KREDSLOB_DATA_DIR: '/x' })).toEqual({ kind: 'postgres', databaseUrl: 'postgres://kredslob@db/kredslob' });
    expect(chooseStore({ KREDSLOB_DATA_DIR: '/srv/kredslob' })).toEqual({ kind: 'file', dataDir: '/srv/kredslob' });
    expect(problem(() => chooseStore({}))).toMatch(/DATABASE_URL.*KREDSLOB_DATA_DIR/);
    expect(problem(() => chooseStore({ DATABASE_URL: 'mysql://db' }))).toMatch(/postgres:\/\//);
    expect(storeOptions({ kind: 'file', dataDir: '/srv/kredslob' })).toEqual({ dataDir: '/srv/kredslob' });
    expect(storeOptions({ kind: 'postgres', databaseUrl: 'postgres://kredslob@db/kredslob' })).toEqual({ databaseUrl: 'postgres://kredslob@db/kredslob' });
  });

  it('names a bad port', () => {
    expect(portOf({})).toBe(8080);
    expect(portOf({ PORT: '5300' })).toBe(5300);
    expect(problem(() => portOf({ PORT: '70000' }))).toMatch(/PORT.*70000/);
  });

  // Sign-in through the identity provider (issue 13, wt-oidc)
  it('takes the identity provider as all three of issuer, client id and secret, or none, and names what is missing', () => {
    const publicUrl = new URL('https://kredslob.kk.dk');
    expect(oidcSettingsOf({}, publicUrl)).toBeUndefined();
    const full = { KREDSLOB_OIDC_ISSUER: 'https://login.kk.dk/realms/kk', KREDSLOB_OIDC_CLIENT_ID: 'kredslob', KREDSLOB_OIDC_CLIENT_SECRET: 's3cret' };
    const settings = oidcSettingsOf(full, publicUrl);
    expect(settings?.redirectUri.href).toBe('https://kredslob.kk.dk/auth/oidc/callback');
    expect(settings?.name).toBe('kommunens login');
    expect(settings?.groupsClaim).toBe('groups');
    expect(oidcSettingsOf({ ...full, KREDSLOB_OIDC_NAME: 'KK Login', KREDSLOB_OIDC_GROUPS_CLAIM: 'roles' }, publicUrl)).toMatchObject({ name: 'KK Login', groupsClaim: 'roles' });
    const partial = problem(() => oidcSettingsOf({ KREDSLOB_OIDC_ISSUER: 'https://login.kk.dk' }, publicUrl));
    expect(partial).toMatch(/KREDSLOB_OIDC_CLIENT_ID, KREDSLOB_OIDC_CLIENT_SECRET\.$/);
    expect(partial).not.toMatch(/Mangler: KREDSLOB_OIDC_ISSUER|Missing: KREDSLOB_OIDC_ISSUER/);
    // Plain http would carry the code and the client secret in the clear: only a provider on this machine (tests).
    expect(problem(() => oidcSettingsOf({ ...full, KREDSLOB_OIDC_ISSUER: 'http://login.kk.dk' }, publicUrl))).toMatch(/KREDSLOB_OIDC_ISSUER.*http:\/\/login\.kk\.dk/);
    expect(problem(() => oidcSettingsOf({ ...full, KREDSLOB_OIDC_ISSUER: 'login.kk.dk' }, publicUrl))).toMatch(/KREDSLOB_OIDC_ISSUER/);
    expect(oidcSettingsOf({ ...full, KREDSLOB_OIDC_ISSUER: 'http://127.0.0.1:4455' }, publicUrl)?.issuer.port).toBe('4455');
  });
});
