/**
 * The one API client of the renderer. It wraps the typed client so that a lost session (UNAUTHENTICATED,
 * e.g. after the server restarted) sends the person back to the profile picker instead of failing everywhere.
 */
import type { Locale } from '../../shared/i18n';
import { errorMessage } from '../../shared/messages';
import { ApiError, createApiClient, type ApiClient } from './client';
import { ServerReachability, watchReachability } from './reachability';
import { defaultTransport } from './transport';

const transport = defaultTransport();
/** Whether the server answers (the banner while it does not); asked again with auth.methods, which needs no session. */
export const reachability: ServerReachability = new ServerReachability(() => watched.call('auth.methods', {}, { locale: 'da' }));
const watched = watchReachability(transport, reachability);
const base = createApiClient(watched);
let onUnauthenticated: (() => void) | undefined;

/** Register what happens when the core says the session is gone (one listener: the session provider). */
export function setUnauthenticatedHandler(handler: (() => void) | undefined): void {
  onUnauthenticated = handler;
}

export const client: ApiClient = {
  transport: base.transport,
  setToken: (t) => base.setToken(t),
  setLocale: (l) => base.setLocale(l),
  call: (procedure, input) => signedIn(procedure, () => base.call(procedure, input)),
  saveFile: (procedure, input, onProgress) => signedIn(procedure, () => base.saveFile(procedure, input, onProgress)),
  photo: (deviceId, sha256) => signedIn('devices.photo', () => base.photo(deviceId, sha256)),
};

async function signedIn<T>(procedure: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    // A web server restarted with a new secret refuses the old cookie: the picker then says which link to open.
    const lost = e instanceof ApiError && (e.code === 'UNAUTHENTICATED' || e.code === 'SECRET_REQUIRED');
    if (lost && !procedure.startsWith('session.')) onUnauthenticated?.();
    throw e;
  }
}

/**
 * The text to show for a failed call. With `locale`, it is said again from the code and its parameters (the same
 * words the core used, as every error body is made by errorBody), so an error on screen follows a language switch.
 */
export function errorText(e: unknown, fallback: string, locale?: Locale): string {
  if (!(e instanceof ApiError)) return fallback;
  return locale ? errorMessage(e.code, e.body.params ?? {}, locale) : e.message;
}

export function errorFields(e: unknown): Record<string, string> {
  return e instanceof ApiError ? e.fields : {};
}
