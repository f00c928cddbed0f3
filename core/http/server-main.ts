/**
 * `npm run server` (issue 13): shared mode for the whole municipality. The API and the browser UI over HTTP, for
 * the desktop apps that connect and for browsers, behind the municipality's reverse proxy (which ends HTTPS).
 * People sign in (core/auth); there is no profile picker and no start-up secret.
 *
 * Environment: KREDSLOB_PUBLIC_URL (required: the address people open, e.g. https://kredslob.kk.dk), PORT (8080),
 * HOST (127.0.0.1: the proxy on the same machine; 0.0.0.0 for a proxy elsewhere), DATABASE_URL (PostgreSQL) or,
 * until the PostgreSQL store is in, KREDSLOB_DATA_DIR (a file store), KREDSLOB_SESSION_IDLE_MINUTES (480),
 * KREDSLOB_TRUST_PROXY=1 (client addresses from X-Forwarded-For), KREDSLOB_DEMO=1 (the demo municipality in an
 * empty store, for a trial) with KREDSLOB_DEMO_PASSWORD (every demo person's password). Sign-in through the identity
 * provider (wt-oidc): KREDSLOB_OIDC_ISSUER, _CLIENT_ID, _CLIENT_SECRET (all three or none), KREDSLOB_OIDC_NAME,
 * KREDSLOB_OIDC_GROUPS_CLAIM (core/http/server-config.ts oidcSettingsOf).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { translate } from '../../shared/i18n';
import type { User } from '../../shared/schemas';
import { startCore, type Core } from '../app';
import { hashPassword, passwordProblem } from '../auth/password';
import { envTrailKeySource } from '../store/trail-key';
import { createHttpServer } from './server';
import { OidcSignIn } from '../auth/oidc';
import { systemClock } from '../context';
import { oidcRoutes } from './oidc-routes';
import { chooseStore, oidcSettingsOf, portOf, publicUrlOf, storeOptions } from './server-config';
import { listen, locale, reportStartFailure, sessionIdleMs, StartupProblem, stopOnSignal } from './startup';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The core and, when configured, its sign-in through the identity provider (wt-oidc). */
type ServerCore = Core & { oidc: OidcSignIn | undefined };

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
  const staticDir = env.KREDSLOB_STATIC_DIR ?? path.resolve(here, '../../dist/renderer');
  let coreStarted: (core: ServerCore) => void = () => undefined;
  const ready = new Promise<ServerCore>((resolve) => (coreStarted = resolve));
  const server = createHttpServer({
    dispatch: async (p, input, meta) => (await ready).dispatch(p, input, meta),
    files: async (p, input, meta) => (await ready).files(p, input, meta),
    staticDir,
    shared: { publicUrl, trustProxy: env.KREDSLOB_TRUST_PROXY === '1', routes: oidcRoutes(publicUrl, async () => (await ready).oidc) },
  });
  await listen(server, port, host, 'server');
  const options = storeOptions(store);
  // The trail's HMAC key is the file store's (beside its folder); the PostgreSQL store keeps the sha256 chain only.
  const trailKey = options.dataDir === undefined ? {} : { trailKey: envTrailKeySource(options.dataDir) };
  const core = await startCore({ ...options, mode: 'shared', demo, sessionIdleMs: idleMs, ...trailKey, ...(oidc ? { oidcName: oidc.name } : {}) });
  if (demo && env.KREDSLOB_DEMO_PASSWORD) await giveDemoPasswords(core, env.KREDSLOB_DEMO_PASSWORD);
  const signIn = oidc && new OidcSignIn(oidc, { store: core.store, sessions: core.sessions, clock: systemClock });
  // Fetched now so that a wrong issuer shows in the log at start, not only when someone first tries.
  signIn?.configuration().catch(() => console.warn(translate(locale, 'server.oidcDiscoveryFailed', { issuer: signIn.settings.issuer.href })));
  coreStarted({ ...core, oidc: signIn });
  console.log(translate(locale, 'server.listening', { address: `${host}:${port}`, url: publicUrl.origin }));
  stopOnSignal(server, core);
}

main().catch(reportStartFailure);
