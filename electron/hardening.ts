/**
 * Hooks the decisions of security.ts into Electron: the session (CSP header, no remote requests,
 * permissions) and every webContents (navigation, new windows, <webview>).
 */
import type { App, Session, WebContents } from 'electron';
import { contentSecurityPolicy } from '../shared/csp';
import {
  decidePermission,
  externalUrlToOpen,
  isAllowedNavigation,
  isAllowedRequestUrl,
} from './security';

/**
 * `serverOrigin` is read at each request: the server the desktop is connected to now (connection.ts), or
 * undefined while it runs its local database. The window is reopened when it changes.
 */
export function hardenSession(ses: Session, indexUrl: string, serverOrigin: () => string | undefined = () => undefined): void {
  // why: the renderer is only ever our own files (and the connected server); a request elsewhere is a bug or an injection
  ses.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequestUrl(details.url, serverOrigin()) });
  });
  ses.webRequest.onHeadersReceived((details, callback) => {
    const headers: Record<string, string[]> = {};
    for (const [name, value] of Object.entries(details.responseHeaders ?? {})) {
      if (name.toLowerCase() !== 'content-security-policy') headers[name] = value;
    }
    headers['Content-Security-Policy'] = [contentSecurityPolicy(serverOrigin())];
    callback({ responseHeaders: headers });
  });
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(decidePermission(permission, details, indexUrl));
  });
  ses.setPermissionCheckHandler((_contents, permission, _origin, details) => decidePermission(permission, details, indexUrl));
  // why: HID, serial and USB device pickers have no use in Kredsløb
  ses.setDevicePermissionHandler(() => false);
}

export interface GuardOptions {
  indexUrl: string;
  /** shell.openExternal; only ever called with a parsed, allow-listed URL. */
  openExternal: (url: string) => Promise<void>;
}

/** Navigation stays on our index; new windows are refused; allow-listed links open in the system browser. */
export function guardWebContents(contents: WebContents, options: GuardOptions): void {
  const openOutside = (url: string): void => {
    const external = externalUrlToOpen(url);
    if (external) {
      options.openExternal(external).catch((err: unknown) => console.error('[kredslob] openExternal failed', err));
    }
  };
  const guard = (event: { url: string; preventDefault(): void }): void => {
    if (isAllowedNavigation(event.url, options.indexUrl)) return;
    event.preventDefault();
    openOutside(event.url);
  };
  const blockOnly = (event: { url: string; preventDefault(): void }): void => {
    if (!isAllowedNavigation(event.url, options.indexUrl)) event.preventDefault();
  };
  contents.on('will-navigate', guard);
  // why: also fires for the main frame, after will-navigate; opening the link here too would open it twice
  contents.on('will-frame-navigate', blockOnly);
  contents.on('will-redirect', blockOnly);
  contents.setWindowOpenHandler(({ url }) => {
    openOutside(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

export function installWebContentsGuards(app: App, options: GuardOptions): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, options));
}
