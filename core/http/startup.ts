/**
 * What both HTTP entries (`npm run web`, `npm run server`) do at start: check the idle limit, take the port before
 * the core, serve the core once it has started; and how they say a problem.
 */
import type http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { translate } from '../../shared/i18n';
import { errorMessage, toLocale } from '../../shared/messages';
import { SESSION_IDLE_MINUTES_DEFAULT, SessionIdleMinutes } from '../../shared/schemas';
import type { Core } from '../app';
import { AppError } from '../errors';
import { createHttpServer, type HttpServerOptions } from './server';

// The terminal's language (LANG, e.g. da_DK.UTF-8 or en_GB.UTF-8) picks the language of what is printed.
export const locale = toLocale(process.env.LANG);

/** A start-up problem the person can fix, said in one line. */
export class StartupProblem extends Error {}

/**
 * KREDSLOB_SESSION_IDLE_MINUTES in ms (default 480 minutes, i.e. 8 hours): the idle limit of a store whose settings
 * name none, so it keeps the settings' own bounds (15 minutes to 7 days). @throws StartupProblem
 */
export function sessionIdleMs(): number {
  const given = process.env.KREDSLOB_SESSION_IDLE_MINUTES;
  if (given === undefined || given === '') return SESSION_IDLE_MINUTES_DEFAULT * 60_000;
  const minutes = /^\d+$/.test(given) ? SessionIdleMinutes.safeParse(Number(given)) : undefined;
  if (!minutes?.success) throw new StartupProblem(translate(locale, 'web.badIdleMinutes'));
  return minutes.data * 60_000;
}

/** Listens, or says which port is taken before anything has touched the data. */
export function listen(server: http.Server, port: number, host: string, hint: 'web' | 'server'): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EADDRINUSE') reject(new StartupProblem(translate(locale, 'web.portInUse', { port, other: port + 1, command: `npm run ${hint}` })));
      else reject(err);
    });
    server.listen(port, host, () => resolve());
  });
}

/** How an entry serves the core: everything of the HTTP server but the calls, which go to the core once it has started. */
export interface ServeCoreOptions {
  http: Omit<HttpServerOptions, 'dispatch' | 'files' | 'staticDir'>;
  port: number;
  host: string;
  /** The command named when the port is taken. */
  hint: 'web' | 'server';
  /** Opens the store and starts the core; the calls wait until it resolves. */
  start: () => Promise<Core>;
}

/**
 * Takes the port first, so a busy port stops the start before the data is opened or seeded; then starts the core.
 * A call that arrives in between waits for the core. The built UI is served from KREDSLOB_STATIC_DIR, else from
 * dist/renderer beside the bundle. @throws StartupProblem (port taken) and whatever `start` throws
 */
export async function serveCore(options: ServeCoreOptions): Promise<{ server: http.Server; core: Core }> {
  let coreStarted: (core: Core) => void = () => undefined;
  const ready = new Promise<Core>((resolve) => (coreStarted = resolve));
  const server = createHttpServer({
    ...options.http,
    dispatch: async (p, input, meta) => (await ready).dispatch(p, input, meta),
    files: async (p, input, meta) => (await ready).files(p, input, meta),
    staticDir: process.env.KREDSLOB_STATIC_DIR ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/renderer'),
  });
  await listen(server, options.port, options.host, options.hint);
  const core = await options.start();
  coreStarted(core);
  return { server, core };
}

/** On SIGINT or SIGTERM: `before` (if any), stop answering, close the core (its store), exit. */
export function stopOnSignal(server: http.Server, core: Core, before?: () => void): void {
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    before?.();
    server.close();
    server.closeAllConnections();
    void core.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** Says why the start failed, in one line where the person can fix it, and exits. */
export function reportStartFailure(err: unknown): never {
  if (err instanceof StartupProblem) console.error(`Kredsløb: ${err.message}`);
  else if (err instanceof AppError) console.error(`Kredsløb: ${errorMessage(err.code, err.params, locale)}`);
  else console.error(`Kredsløb: ${errorMessage('INTERNAL', {}, locale)}`, err);
  process.exit(1);
}
