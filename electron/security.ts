/**
 * The desktop shell's security decisions as pure functions, so each can be tested without a window:
 * the window's webPreferences, the Content-Security-Policy, which permissions are granted, where a
 * page may navigate, and which links may leave the app for the system browser.
 * The code that hooks them into Electron lives in hardening.ts.
 */
import type { WebPreferences } from 'electron';
import { APP_HOST, APP_SCHEME } from './protocol';

/** Applied as a response header (hardening.ts); defined once in shared/csp.ts. */
export { CONTENT_SECURITY_POLICY } from '../shared/csp';

/**
 * The only webPreferences a Kredsløb window is ever created with. `rendererArguments` tells the preload which
 * server a connected desktop talks to (connection.ts); none when it runs its local database.
 */
export function secureWebPreferences(preloadPath: string, rendererArguments: readonly string[] = []): WebPreferences {
  return {
    preload: preloadPath,
    ...(rendererArguments.length > 0 ? { additionalArguments: [...rendererArguments] } : {}),
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  };
}

/** Hosts (and their subdomains) that links in the app may open in the system browser. */
export const EXTERNAL_HOST_ALLOW_LIST: readonly string[] = ['kk.dk', 'boavizta.org'];

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True when `url` is the app's own index page (app://kredslob/index.html, served by protocol.ts).
 * Hash and query are ignored: the renderer routes with the hash.
 */
export function isAppIndexUrl(url: string, indexUrl: string): boolean {
  return isAppOrigin(url, indexUrl) && parse(url)?.pathname === parse(indexUrl)?.pathname;
}

/**
 * True when `url` is on the app's own origin (app://kredslob), whatever its path: the scheme's handler serves
 * nothing but the built UI there. Permission requests may name the frame's origin rather than its page.
 */
export function isAppOrigin(url: string, indexUrl: string): boolean {
  const target = parse(url);
  const index = parse(indexUrl);
  if (!target || !index || index.protocol !== `${APP_SCHEME}:`) return false;
  return target.protocol === index.protocol && target.host === index.host;
}

/** A page may only ever navigate to our own index page; everything else is blocked. */
export function isAllowedNavigation(url: string, indexUrl: string): boolean {
  return isAppIndexUrl(url, indexUrl);
}

/**
 * The normalised URL to hand to shell.openExternal, or null when the link must not leave the app:
 * only http(s), no credentials, and a host on the allow-list (or a subdomain of one).
 */
export function externalUrlToOpen(url: string): string | null {
  const parsed = parse(url);
  if (!parsed) return null;
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  // why: "https://kk.dk:x@evil.example" style tricks; no allow-listed site needs credentials in a link
  if (parsed.username || parsed.password) return null;
  const host = parsed.hostname.toLowerCase().replace(/\.$/, '');
  const allowed = EXTERNAL_HOST_ALLOW_LIST.some((domain) => host === domain || host.endsWith(`.${domain}`));
  return allowed ? parsed.href : null;
}

export function isAllowedExternalUrl(url: string): boolean {
  return externalUrlToOpen(url) !== null;
}

/** What Electron tells the permission handlers; the request and check handlers carry different shapes. */
export interface PermissionDetails {
  isMainFrame?: boolean;
  requestingUrl?: string;
  /** Request handler (MediaAccessPermissionRequest). */
  mediaTypes?: ReadonlyArray<'video' | 'audio'>;
  /** Check handler (PermissionCheckHandlerHandlerDetails). */
  mediaType?: 'video' | 'audio' | 'unknown';
}

/**
 * Every permission is denied except the camera, which the camera scanner needs for QR codes. It is granted
 * only to our own origin (app://kredslob) in the top frame, and only for the camera alone: a request that also wants the
 * microphone, that names no device (a screen capture asks as 'media' with no media type), or that does not
 * say where it comes from, is refused. Electron fills in `requestingUrl` and `isMainFrame` whenever a frame asks.
 */
export function decidePermission(permission: string, details: PermissionDetails, indexUrl: string): boolean {
  if (permission !== 'media') return false;
  if (details.isMainFrame !== true) return false;
  if (details.requestingUrl === undefined || !isAppOrigin(details.requestingUrl, indexUrl)) return false;
  return asksForCameraOnly(details);
}

function asksForCameraOnly(details: PermissionDetails): boolean {
  if (details.mediaTypes !== undefined) return details.mediaTypes.length > 0 && details.mediaTypes.every((type) => type === 'video');
  return details.mediaType === 'video';
}

/**
 * Schemes the renderer may load from: its own app:// files and in-memory data. No remote content at all,
 * and no file: either (the UI is never loaded from it, and protocol.ts refuses it a second time). A desktop
 * connected to a server (connection.ts) may also reach exactly that server's origin, nothing else.
 */
export function isAllowedRequestUrl(url: string, serverOrigin?: string): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  if (serverOrigin !== undefined && (parsed.protocol === 'https:' || parsed.protocol === 'http:')) return parsed.origin === serverOrigin;
  if (parsed.protocol === `${APP_SCHEME}:`) return parsed.host === APP_HOST;
  return ['data:', 'blob:', 'devtools:'].includes(parsed.protocol);
}
