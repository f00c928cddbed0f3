/**
 * "Forbind til server" (issue 13): the desktop app either runs its embedded core on this PC's data folder, or is a
 * client of the municipality's shared Kredsløb server. The choice is kept in the app's own config file (beside the
 * trail keys under userData, electron/paths.ts), never in the store, and this file is the one place that turns it
 * into what the rest of main does: whether the core starts, which server the renderer talks to over HTTP (handed
 * to the preload as a renderer argument), and which origin the Content-Security-Policy lets it reach.
 *
 * An address is accepted only when it is https:// (http:// only for this PC, for testing), names no user or
 * password, is the server's address alone (no path, query or fragment), and the server answers `auth.methods` like a
 * Kredsløb server. Nothing is saved otherwise, and the person is told which of these it was.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { contentSecurityPolicy, contentSecurityPolicyMeta } from '../shared/csp';
import { SERVER_URL_FIELD } from '../shared/desktop';
import { SERVER_ARGUMENT_PREFIX } from './channels';
import type { ApiErrorBody, ApiResult } from '../shared/errors';
import { errorMessage, type Locale } from '../shared/messages';
import { translate, type MessageKey } from '../shared/i18n';

export type DesktopConnection = { kind: 'local' } | { kind: 'server'; origin: string };

export { SERVER_ARGUMENT_PREFIX };

/** What the connection decides for main and the renderer. */
export interface DesktopMode {
  connection: DesktopConnection;
  /** Main starts the embedded core on the data folder and answers the renderer's IPC calls with it. */
  startsCore: boolean;
  /** The server the renderer calls over HTTP, if any; the only origin besides app:// it may request. */
  serverOrigin: string | undefined;
  /** Appended to the renderer's argv; the preload reads the server from it and the renderer picks HTTP. */
  rendererArguments: string[];
  /** The CSP header of every response, and the same policy for index.html's meta tag. */
  contentSecurityPolicy: string;
  contentSecurityPolicyMeta: string;
}

/** The one decision: local runs the core over IPC; connected runs no core and talks HTTP to exactly that origin. */
export function desktopMode(connection: DesktopConnection): DesktopMode {
  const serverOrigin = connection.kind === 'server' ? connection.origin : undefined;
  return {
    connection,
    startsCore: serverOrigin === undefined,
    serverOrigin,
    rendererArguments: serverOrigin === undefined ? [] : [`${SERVER_ARGUMENT_PREFIX}${serverOrigin}`],
    contentSecurityPolicy: contentSecurityPolicy(serverOrigin),
    contentSecurityPolicyMeta: contentSecurityPolicyMeta(serverOrigin),
  };
}

export type AddressProblem = 'not_a_url' | 'scheme' | 'credentials' | 'path';

const THIS_PC = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The server's origin from what the person typed, or what is wrong with it. */
export function parseServerAddress(text: string): { ok: true; origin: string } | { ok: false; problem: AddressProblem } {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return { ok: false, problem: 'not_a_url' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, problem: 'scheme' };
  if (url.hostname === '') return { ok: false, problem: 'not_a_url' };
  // why: a password in the address would sit in the config file and in every log line that names the server
  if (url.username !== '' || url.password !== '') return { ok: false, problem: 'credentials' };
  if (url.protocol === 'http:' && !THIS_PC.has(url.hostname)) return { ok: false, problem: 'scheme' };
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '') return { ok: false, problem: 'path' };
  return { ok: true, origin: url.origin };
}

const ConfigFile = z.object({ server: z.string().optional() });

/** The saved connection; local when there is no file. A file that cannot be used is reported and means local. */
export function readConnection(file: string): { connection: DesktopConnection; problem?: string } {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { connection: { kind: 'local' } }; // why: fs errors carry a code
    return { connection: { kind: 'local' }, problem: `${file}: ${String(err)}` };
  }
  let parsed: z.infer<typeof ConfigFile>;
  try {
    parsed = ConfigFile.parse(JSON.parse(text));
  } catch (err) {
    return { connection: { kind: 'local' }, problem: `${file}: ${String(err)}` };
  }
  if (parsed.server === undefined) return { connection: { kind: 'local' } };
  const address = parseServerAddress(parsed.server);
  if (!address.ok) return { connection: { kind: 'local' }, problem: `${file}: server ${address.problem}` };
  return { connection: { kind: 'server', origin: address.origin } };
}

/** Writes the connection beside the file and renames it into place, so a crash leaves the old file or the new one. */
export function saveConnection(file: string, connection: DesktopConnection): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const body = connection.kind === 'server' ? { server: connection.origin } : {};
  const part = `${file}.part`;
  fs.writeFileSync(part, `${JSON.stringify(body, null, 2)}\n`, { mode: 0o600 });
  fs.renameSync(part, file);
}

/** What a Kredsløb server answers to `auth.methods` (wt-auth's procedure; see the brief's shared decisions). */
const AuthMethodsAnswer = z.object({
  ok: z.literal(true),
  data: z.object({ mode: z.enum(['standalone', 'shared']), oidc: z.object({ enabled: z.boolean() }) }),
});

export type ProbeResult = 'kredslob' | 'unreachable' | 'not_kredslob';

export const PROBE_TIMEOUT_MS = 10_000;

/** Asks `origin` for `auth.methods`, as the renderer would call it, and says whether a Kredsløb server answered. */
export async function probeServer(origin: string, fetchFn: typeof fetch = fetch, timeoutMs = PROBE_TIMEOUT_MS): Promise<ProbeResult> {
  let res: Response;
  try {
    res = await fetchFn(`${origin}/api/auth.methods`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'error',
    });
  } catch {
    return 'unreachable';
  }
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    body = undefined;
  }
  if (AuthMethodsAnswer.safeParse(body).success) return 'kredslob';
  return [502, 503, 504].includes(res.status) ? 'unreachable' : 'not_kredslob';
}

/** What the renderer asks on CONNECTION_CHANNEL. */
export const ConnectionRequest = z.discriminatedUnion('action', [
  z.object({ action: z.literal('connect'), url: z.string().max(2000) }),
  z.object({ action: z.literal('local') }),
]);
export type ConnectionRequest = z.infer<typeof ConnectionRequest>;

const PROBLEM_KEY: Record<AddressProblem | Exclude<ProbeResult, 'kredslob'>, MessageKey> = {
  not_a_url: 'connection.problem.notAUrl',
  scheme: 'connection.problem.scheme',
  credentials: 'connection.problem.credentials',
  path: 'connection.problem.path',
  unreachable: 'connection.problem.unreachable',
  not_kredslob: 'connection.problem.notKredslob',
};

function refusal(problem: keyof typeof PROBLEM_KEY, locale: Locale, origin = ''): ApiResult<never> {
  const code = problem === 'unreachable' ? 'SERVER_UNREACHABLE' : 'VALIDATION';
  const error: ApiErrorBody = { code, message: errorMessage(code, {}, locale), fields: { [SERVER_URL_FIELD]: translate(locale, PROBLEM_KEY[problem], { origin }) } };
  return { ok: false, error };
}

export interface ConnectionDeps {
  file: string;
  probe: (origin: string) => Promise<ProbeResult>;
}

/**
 * Connect to a server (checked, then saved) or go back to the local database (saved). Returns the new connection,
 * or the refusal with a message for the address field; on a refusal the saved setting is as it was.
 */
export async function changeConnection(raw: unknown, locale: Locale, deps: ConnectionDeps): Promise<ApiResult<DesktopConnection>> {
  const request = ConnectionRequest.safeParse(raw);
  if (!request.success) return refusal('not_a_url', locale);
  if (request.data.action === 'local') {
    saveConnection(deps.file, { kind: 'local' });
    return { ok: true, data: { kind: 'local' } };
  }
  const address = parseServerAddress(request.data.url);
  if (!address.ok) return refusal(address.problem, locale);
  const probed = await deps.probe(address.origin);
  if (probed !== 'kredslob') return refusal(probed, locale, address.origin);
  const connection: DesktopConnection = { kind: 'server', origin: address.origin };
  saveConnection(deps.file, connection);
  return { ok: true, data: connection };
}
