/**
 * The server started with a mock OpenID Connect provider (core/testing/mock-idp.ts), one per worker, for the specs of
 * the sign-in through the municipality's identity provider (issue 13): in the browser (oidc-sign-in.spec.ts) and in
 * the connected desktop app (desktop-oidc.spec.ts). Mette Holm of KK-IT-BUF signs in first; set `idp.person` to
 * change who signs in next. Each spec says `test.use({ sharedMode: true })`.
 */
import { startMockIdp, type MockIdp } from '../../core/testing/mock-idp';
import { test as base } from './fixtures';

export const test = base.extend<object, { idp: MockIdp }>({
  // why: Playwright reads a fixture's dependencies from its first parameter's destructuring; this one has none
  // eslint-disable-next-line no-empty-pattern
  idp: [async ({}, use) => {
    const idp = await startMockIdp({ person: { sub: 'kk-4711', email: 'mette.holm@kk.dk', name: 'Mette Holm', groups: ['KK-IT-BUF', 'KK-Alle'] } });
    await use(idp);
    await idp.close();
  }, { scope: 'worker' }],
  serverEnv: async ({ idp }, use) => {
    await use({ KREDSLOB_OIDC_ISSUER: idp.issuer, KREDSLOB_OIDC_CLIENT_ID: idp.clientId, KREDSLOB_OIDC_CLIENT_SECRET: idp.clientSecret, KREDSLOB_OIDC_NAME: 'KK Login' });
  },
});
