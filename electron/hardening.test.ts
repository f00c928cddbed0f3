import { EventEmitter } from 'node:events';
import type { App, Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { guardWebContents, hardenSession, installWebContentsGuards } from './hardening';

const INDEX = 'app://kredslob/index.html';

/** A stand-in for a webContents: the events and the window-open handler that hardening.ts hooks. */
class FakeContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  /** Emits a navigation event the way Electron does and says whether it was let through. */
  navigate(eventName: string, url: string): boolean {
    let prevented = false;
    this.emit(eventName, { url, preventDefault: () => (prevented = true) }, url);
    return !prevented;
  }
}

function guarded() {
  const contents = new FakeContents();
  const openExternal = vi.fn(async (_url: string) => {});
  // why: hardening.ts only needs on/setWindowOpenHandler; a real webContents needs a running Electron
  guardWebContents(contents as unknown as WebContents, { indexUrl: INDEX, openExternal });
  return { contents, openExternal };
}

describe('navigation guard on every webContents', () => {
  it('lets the app move between its own hash routes', () => {
    const { contents } = guarded();
    expect(contents.navigate('will-navigate', `${INDEX}#/devices`)).toBe(true);
  });

  it('blocks navigation, frame navigation and redirects to anything else', () => {
    const { contents } = guarded();
    expect(contents.navigate('will-navigate', 'https://evil.example/')).toBe(false);
    expect(contents.navigate('will-navigate', 'file:///etc/passwd')).toBe(false);
    expect(contents.navigate('will-frame-navigate', 'https://evil.example/')).toBe(false);
    expect(contents.navigate('will-redirect', 'https://evil.example/')).toBe(false);
  });

  it('opens a blocked but allow-listed link in the system browser instead', () => {
    const { contents, openExternal } = guarded();
    // Electron emits both events for a main-frame navigation; the link must open once.
    expect(contents.navigate('will-navigate', 'https://www.kk.dk/genbrug')).toBe(false);
    expect(contents.navigate('will-frame-navigate', 'https://www.kk.dk/genbrug')).toBe(false);
    expect(openExternal).toHaveBeenCalledExactlyOnceWith('https://www.kk.dk/genbrug');
  });

  it('denies window.open; only allow-listed http(s) links reach the system browser', () => {
    const { contents, openExternal } = guarded();
    const open = contents.windowOpenHandler;
    expect(open).not.toBeNull();
    expect(open?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(open?.({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(open?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(openExternal).not.toHaveBeenCalled();
    expect(open?.({ url: 'https://boavizta.org/en' })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledExactlyOnceWith('https://boavizta.org/en');
  });

  it('refuses to attach a <webview>', () => {
    const { contents } = guarded();
    expect(contents.navigate('will-attach-webview', 'https://evil.example/')).toBe(false);
  });

  it('is applied to every webContents the app creates', () => {
    const app = new EventEmitter();
    // why: installWebContentsGuards only listens for 'web-contents-created' on the app
    installWebContentsGuards(app as unknown as App, { indexUrl: INDEX, openExternal: async () => {} });
    const contents = new FakeContents();
    app.emit('web-contents-created', {}, contents);
    expect(contents.navigate('will-navigate', 'https://evil.example/')).toBe(false);
    expect(contents.windowOpenHandler?.({ url: INDEX })).toEqual({ action: 'deny' });
  });
});

describe('session hardening', () => {
  function hardened() {
    const hooks: Record<string, (...args: never[]) => unknown> = {};
    const ses = {
      webRequest: {
        onBeforeRequest: (l: never) => (hooks.beforeRequest = l),
        onHeadersReceived: (l: never) => (hooks.headers = l),
      },
      setPermissionRequestHandler: (h: never) => (hooks.request = h),
      setPermissionCheckHandler: (h: never) => (hooks.check = h),
      setDevicePermissionHandler: (h: never) => (hooks.device = h),
    };
    // why: a real Session exists only inside a running Electron; these are the five hooks hardenSession sets
    hardenSession(ses as unknown as Session, INDEX);
    return hooks as Record<string, (...args: unknown[]) => unknown>;
  }

  it('puts our CSP on every response, replacing any other', () => {
    const hooks = hardened();
    const callback = vi.fn();
    hooks.headers?.({ url: INDEX, responseHeaders: { 'content-security-policy': ['default-src *'], 'X-Other': ['1'] } }, callback);
    const headers = callback.mock.calls[0]?.[0].responseHeaders as Record<string, string[]>;
    expect(headers['Content-Security-Policy']?.[0]).toContain("script-src 'self'");
    expect(headers['content-security-policy']).toBeUndefined();
    expect(headers['X-Other']).toEqual(['1']);
  });

  it('cancels requests to the network and for local files; lets our app:// page load', () => {
    const hooks = hardened();
    const callback = vi.fn();
    hooks.beforeRequest?.({ url: 'https://cdn.example/x.js' }, callback);
    hooks.beforeRequest?.({ url: 'file:///etc/passwd' }, callback);
    hooks.beforeRequest?.({ url: `${INDEX}` }, callback);
    expect(callback.mock.calls.map((c) => c[0])).toEqual([{ cancel: true }, { cancel: true }, { cancel: false }]);
  });

  it('answers permission requests and checks: camera yes, everything else no', () => {
    const hooks = hardened();
    const answers: boolean[] = [];
    const answer = (granted: boolean) => answers.push(granted);
    hooks.request?.({}, 'media', answer, { isMainFrame: true, requestingUrl: `${INDEX}#/scan`, mediaTypes: ['video'] });
    hooks.request?.({}, 'media', answer, { isMainFrame: true, requestingUrl: INDEX, mediaTypes: ['audio'] });
    hooks.request?.({}, 'media', answer, { isMainFrame: true, requestingUrl: INDEX, mediaTypes: [] });
    hooks.request?.({}, 'media', answer, { isMainFrame: false, requestingUrl: INDEX, mediaTypes: ['video'] });
    hooks.request?.({}, 'geolocation', answer, { isMainFrame: true, requestingUrl: INDEX });
    hooks.request?.({}, 'notifications', answer, { isMainFrame: true, requestingUrl: INDEX });
    expect(answers).toEqual([true, false, false, false, false, false]);
    expect(hooks.check?.({}, 'media', 'file:///', { isMainFrame: true, requestingUrl: INDEX, mediaType: 'video' })).toBe(true);
    expect(hooks.check?.({}, 'media', 'file:///', { isMainFrame: true, requestingUrl: INDEX, mediaType: 'audio' })).toBe(false);
    expect(hooks.check?.({}, 'clipboard-read', 'file:///', { isMainFrame: true, requestingUrl: INDEX })).toBe(false);
    expect(hooks.device?.({ deviceType: 'usb' })).toBe(false);
  });
});
