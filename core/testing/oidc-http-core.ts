/**
 * A shared-mode server with the identity provider's sign-in routes, against a mock OpenID Connect provider, for the
 * tests of the sign-in over HTTP (core/http/oidc-http.test.ts) and of the desktop app's side of it
 * (electron/provider-sign-in.test.ts). Vitest only: it registers its own beforeAll/afterAll.
 */
import { afterAll, beforeAll } from 'vitest';
import { OidcSignIn } from '../auth/oidc';
import { oidcRoutes } from '../http/oidc-routes';
import type { TestClock } from './harness';
import { useHttpCore, type HttpCore } from './http';
import { startMockIdp, type MockIdp, type MockPerson } from './mock-idp';

export interface OidcHttpCore {
  served: HttpCore;
  /** The provider; set `person` to choose who signs in next. */
  readonly idp: MockIdp;
}

export function useOidcHttpCore(options: { publicUrl: URL; clock: TestClock; person: MockPerson; trustProxy?: boolean }): OidcHttpCore {
  const { publicUrl, clock } = options;
  let idp: MockIdp | undefined;
  let flow: OidcSignIn | undefined;
  const provider = () => {
    if (!idp) throw new Error('useOidcHttpCore: the provider runs only inside the tests');
    return idp;
  };
  // Registered before the server's: the provider is up when the server starts.
  beforeAll(async () => {
    idp = await startMockIdp({ person: options.person });
  });
  afterAll(async () => idp?.close());
  const served = useHttpCore({
    shared: {
      publicUrl: publicUrl.href,
      trustProxy: options.trustProxy,
      routes: (core) =>
        oidcRoutes(publicUrl, async () => {
          const p = provider();
          flow ??= new OidcSignIn(
            { issuer: new URL(p.issuer), clientId: p.clientId, clientSecret: p.clientSecret, name: 'KK Login', groupsClaim: 'groups', redirectUri: new URL('/auth/oidc/callback', publicUrl) },
            { store: core.store, sessions: core.sessions, clock },
          );
          return flow;
        }),
    },
    clock,
  });
  return {
    served,
    get idp() {
      return provider();
    },
  };
}
