/** `npm run server`'s configuration from the environment (issue 13), each problem said in one line. */
import path from 'node:path';
import { translate } from '../../shared/i18n';
import type { CoreOptions } from '../app';
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

/** The identity provider's variables: refused until the OpenID Connect flow is built, rather than ignored. */
export function refuseOidc(env: NodeJS.ProcessEnv): void {
  const set = ['KREDSLOB_OIDC_ISSUER', 'KREDSLOB_OIDC_CLIENT_ID', 'KREDSLOB_OIDC_CLIENT_SECRET'].filter((k) => env[k]);
  if (set.length > 0) throw new StartupProblem(translate(locale, 'server.oidcNotYet', { names: set.join(', ') }));
}
