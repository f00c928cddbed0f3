/** `npm run server`'s configuration from the environment (issue 13), each problem said in one line. */
import path from 'node:path';
import { translate } from '../../shared/i18n';
import type { CoreOptions } from '../app';
import type { OidcSettings } from '../auth/oidc';
import { locale, StartupProblem } from './startup';

/** Where the data is: PostgreSQL by DATABASE_URL (the municipality's server), else a file store folder (a trial server, tests). */
export type StoreChoice = { kind: 'postgres'; databaseUrl: string } | { kind: 'file'; dataDir: string };

/** The store by the environment; one of DATABASE_URL or KREDSLOB_DATA_DIR must be given. @throws StartupProblem */
export function chooseStore(env: NodeJS.ProcessEnv): StoreChoice {
  if (env.DATABASE_URL) {
    if (!/^postgres(ql)?:\/\//.test(env.DATABASE_URL)) throw new StartupProblem(translate(locale, 'server.badDatabaseUrl'));
    return { kind: 'postgres', databaseUrl: env.DATABASE_URL };
  }
  if (env.KREDSLOB_DATA_DIR) return { kind: 'file', dataDir: path.resolve(env.KREDSLOB_DATA_DIR) };
  throw new StartupProblem(translate(locale, 'server.noStore'));
}

/** startCore's store options for a choice. */
export function storeOptions(choice: StoreChoice): Pick<CoreOptions, 'dataDir' | 'databaseUrl'> {
  return choice.kind === 'postgres' ? { databaseUrl: choice.databaseUrl } : { dataDir: choice.dataDir };
}

/** KREDSLOB_PUBLIC_URL: an http(s) address without path, query or credentials. @throws StartupProblem */
export function publicUrlOf(env: NodeJS.ProcessEnv): URL {
  const given = env.KREDSLOB_PUBLIC_URL;
  let url: URL | undefined;
  try {
    url = given ? new URL(given) : undefined;
  } catch {
    url = undefined;
  }
  const plain = url && /^https?:$/.test(url.protocol) && url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password;
  if (!url || !plain) throw new StartupProblem(translate(locale, 'server.badPublicUrl', { given: given ?? '' }));
  return url;
}

export function portOf(env: NodeJS.ProcessEnv): number {
  const given = env.PORT ?? '8080';
  if (!/^\d+$/.test(given) || Number(given) < 1 || Number(given) > 65535) throw new StartupProblem(translate(locale, 'server.badPort', { given }));
  return Number(given);
}

export const OIDC_CALLBACK_PATH = '/auth/oidc/callback';
export const OIDC_START_PATH = '/auth/oidc/start';
const OIDC_REQUIRED = ['KREDSLOB_OIDC_ISSUER', 'KREDSLOB_OIDC_CLIENT_ID', 'KREDSLOB_OIDC_CLIENT_SECRET'] as const;

/** Plain http is allowed only to a provider on this machine (a test's mock provider), never across a network. */
function isLoopback(url: URL): boolean {
  return url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
}

/**
 * The identity provider's settings: all three of issuer, client id and secret, or none (undefined: local accounts
 * only). @throws StartupProblem naming what is missing, or a bad issuer URL
 */
export function oidcSettingsOf(env: NodeJS.ProcessEnv, publicUrl: URL): OidcSettings | undefined {
  const missing = OIDC_REQUIRED.filter((k) => !env[k]);
  if (missing.length === OIDC_REQUIRED.length) return undefined;
  if (missing.length > 0) throw new StartupProblem(translate(locale, 'server.oidcPartial', { names: missing.join(', ') }));
  const given = env.KREDSLOB_OIDC_ISSUER ?? '';
  let issuer: URL | undefined;
  try {
    issuer = new URL(given);
  } catch {
    issuer = undefined;
  }
  const allowed = issuer && (issuer.protocol === 'https:' || (issuer.protocol === 'http:' && isLoopback(issuer))) && !issuer.username && !issuer.password;
  if (!issuer || !allowed) throw new StartupProblem(translate(locale, 'server.oidcBadIssuer', { given }));
  return {
    issuer,
    clientId: env.KREDSLOB_OIDC_CLIENT_ID ?? '',
    clientSecret: env.KREDSLOB_OIDC_CLIENT_SECRET ?? '',
    name: env.KREDSLOB_OIDC_NAME?.trim() || 'kommunens login',
    groupsClaim: env.KREDSLOB_OIDC_GROUPS_CLAIM?.trim() || 'groups',
    redirectUri: new URL(OIDC_CALLBACK_PATH, publicUrl),
  };
}
