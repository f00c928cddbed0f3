/**
 * `npm run server` (issue 13): shared mode for the whole municipality. The API and the browser UI over HTTP, for
 * the desktop apps that connect and for browsers, behind the municipality's reverse proxy (which ends HTTPS).
 * People sign in (core/auth); there is no profile picker and no start-up secret.
 *
 * Environment: KREDSLOB_PUBLIC_URL (required: the address people open, e.g. https://kredslob.kk.dk), PORT (8080),
 * HOST (127.0.0.1: the proxy on the same machine; 0.0.0.0 for a proxy elsewhere), DATABASE_URL (PostgreSQL) or,
 * until the PostgreSQL store is in, KREDSLOB_DATA_DIR (a file store), KREDSLOB_SESSION_IDLE_MINUTES (480),
 * KREDSLOB_TRUST_PROXY=1 (client addresses from X-Forwarded-For), KREDSLOB_DEMO=1 (the demo municipality in an
 * empty store, for a trial) with KREDSLOB_DEMO_PASSWORD (every demo person's password), KREDSLOB_SETUP_CODE (the
 * code the first admin gives in setup on an empty store; printed at start, made at random when not set). Sign-in
 * through the identity provider (wt-oidc): KREDSLOB_OIDC_ISSUER, _CLIENT_ID, _CLIENT_SECRET (all three or none),
 * KREDSLOB_OIDC_NAME, KREDSLOB_OIDC_GROUPS_CLAIM (core/http/server-config.ts oidcSettingsOf).
 */
import { translate } from '../../shared/i18n';
import type { User } from '../../shared/schemas';
import { startCore, type Core } from '../app';
import { hashPassword, passwordProblem } from '../auth/password';
import { envTrailKeySource } from '../store/trail-key';
import { OidcSignIn } from '../auth/oidc';
import { systemClock } from '../context';
import { oidcRoutes } from './oidc-routes';
import { chooseStore, oidcSettingsOf, portOf, publicUrlOf, storeOptions } from './server-config';
import { locale, reportStartFailure, serveCore, sessionIdleMs, StartupProblem, stopOnSignal } from './startup';

/** A trial with the demo municipality: every demo person without a password gets KREDSLOB_DEMO_PASSWORD. */
async function giveDemoPasswords(core: Core, password: string): Promise<void> {
  const users = await core.store.listUsers();
  const problem = users[0] && passwordProblem(password, users[0].email);
  if (problem) throw new StartupProblem(translate(locale, 'server.badDemoPassword'));
  const hash = await hashPassword(password);
  const without: User[] = [];
  for (const u of users) if (!(await core.store.getCredential(u.id))) without.push(u);
  const changedAt = new Date().toISOString();
  await core.store.transaction(async (tx) => {
    for (const u of without) tx.putCredential({ userId: u.id, hash, changedAt, failedAttempts: 0 });
  });
}

async function main(): Promise<void> {
  const env = process.env;
  const publicUrl = publicUrlOf(env);
  const port = portOf(env);
  const host = env.HOST || '127.0.0.1';
  const store = chooseStore(env);
  const oidc = oidcSettingsOf(env, publicUrl);
  const idleMs = sessionIdleMs();
  const demo = env.KREDSLOB_DEMO === '1';
  let flowReady: (flow: OidcSignIn | undefined) => void = () => undefined;
  // The identity provider's flow, once the core (its store and sessions) has started; its routes wait for it.
  const flow = new Promise<OidcSignIn | undefined>((resolve) => (flowReady = resolve));
  const { server, core } = await serveCore({
    http: { shared: { publicUrl, trustProxy: env.KREDSLOB_TRUST_PROXY === '1', routes: oidcRoutes(publicUrl, () => flow) } },
    port,
    host,
    hint: 'server',
    start: async () => {
      const options = storeOptions(store);
      // The trail's HMAC key is the file store's (beside its folder); the PostgreSQL store keeps the sha256 chain only.
      const trailKey = options.dataDir === undefined ? {} : { trailKey: envTrailKeySource(options.dataDir) };
      const setupCode = env.KREDSLOB_SETUP_CODE?.trim() ? { setupCode: env.KREDSLOB_SETUP_CODE.trim() } : {};
      const started = await startCore({ ...options, mode: 'shared', demo, sessionIdleMs: idleMs, ...trailKey, ...setupCode, ...(oidc ? { oidcName: oidc.name } : {}) });
      if (demo && env.KREDSLOB_DEMO_PASSWORD) await giveDemoPasswords(started, env.KREDSLOB_DEMO_PASSWORD);
      const signIn = oidc && new OidcSignIn(oidc, { store: started.store, sessions: started.sessions, clock: systemClock });
      // Fetched now so that a wrong issuer shows in the log at start, not only when someone first tries.
      signIn?.configuration().catch(() => console.warn(translate(locale, 'server.oidcDiscoveryFailed', { issuer: signIn.settings.issuer.href })));
      flowReady(signIn);
      return started;
    },
  });
  console.log(translate(locale, 'server.listening', { address: `${host}:${port}`, url: publicUrl.origin }));
  if (core.setupCode !== undefined) console.log(translate(locale, 'server.setupCode', { code: core.setupCode }));
  stopOnSignal(server, core);
}

main().catch(reportStartFailure);
