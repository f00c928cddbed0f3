import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  decidePermission,
  externalUrlToOpen,
  isAllowedExternalUrl,
  isAllowedNavigation,
  isAllowedRequestUrl,
  secureWebPreferences,
} from './security';

const INDEX = 'app://kredslob/index.html';

describe('window webPreferences', () => {
  const prefs = secureWebPreferences('/opt/Kredslob/dist/electron/preload.cjs');

  it('isolates the page from Node and Electron', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
  });

  it('keeps web security on and refuses insecure content and <webview>', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
  });

  it('loads our preload', () => {
    expect(prefs.preload).toBe('/opt/Kredslob/dist/electron/preload.cjs');
  });
});

describe('Content-Security-Policy', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((d) => {
      const [name = '', ...values] = d.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );

  it('allows scripts only from the app itself: no inline script, no eval, no remote', () => {
    expect(directives.get('default-src')).toEqual(["'self'"]);
    // 'wasm-unsafe-eval' compiles the QR decoder's WebAssembly; it does not allow eval() or new Function()
    expect(directives.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/'unsafe-eval'|https?:|\*/);
  });

  it('allows styles only from the app stylesheet: no inline <style>, no style attributes in markup', () => {
    expect(directives.get('style-src')).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
  });

  it('lets the camera stream play and blocks plugins, <base> and framing', () => {
    expect(directives.get('media-src')).toContain('mediastream:');
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
  });
});

describe('decidePermission', () => {
  const camera = { isMainFrame: true, requestingUrl: `${INDEX}#/devices/d-1`, mediaTypes: ['video'] as const };

  it('grants the camera to our page for QR scanning, on request and on check', () => {
    expect(decidePermission('media', camera, INDEX)).toBe(true);
    expect(decidePermission('media', { isMainFrame: true, requestingUrl: INDEX, mediaType: 'video' }, INDEX)).toBe(true);
    // a check may name the frame's origin rather than its page
    expect(decidePermission('media', { isMainFrame: true, requestingUrl: 'app://kredslob/', mediaType: 'video' }, INDEX)).toBe(true);
  });

  it('refuses the microphone, alone or with the camera', () => {
    expect(decidePermission('media', { ...camera, mediaTypes: ['audio'] }, INDEX)).toBe(false);
    expect(decidePermission('media', { ...camera, mediaTypes: ['video', 'audio'] }, INDEX)).toBe(false);
    expect(decidePermission('media', { isMainFrame: true, requestingUrl: INDEX, mediaType: 'audio' }, INDEX)).toBe(false);
  });

  it('refuses a media request that names no camera (a screen or tab capture asks that way)', () => {
    expect(decidePermission('media', { ...camera, mediaTypes: [] }, INDEX)).toBe(false);
    expect(decidePermission('media', { isMainFrame: true, requestingUrl: INDEX, mediaType: 'unknown' }, INDEX)).toBe(false);
    expect(decidePermission('media', { isMainFrame: true, requestingUrl: INDEX }, INDEX)).toBe(false);
  });

  it.each(['geolocation', 'notifications', 'clipboard-read', 'display-capture', 'midi', 'openExternal', 'fullscreen', 'hid', 'usb', 'serial', 'fileSystem', 'unknown'])(
    'refuses %s',
    (permission) => {
      expect(decidePermission(permission, { isMainFrame: true, requestingUrl: INDEX }, INDEX)).toBe(false);
    },
  );

  it('refuses the camera to a sub-frame, to a page that is not ours, and to a request that does not say where it comes from', () => {
    expect(decidePermission('media', { ...camera, isMainFrame: false }, INDEX)).toBe(false);
    expect(decidePermission('media', { ...camera, requestingUrl: 'https://evil.example/' }, INDEX)).toBe(false);
    expect(decidePermission('media', { ...camera, requestingUrl: 'file:///tmp/other.html' }, INDEX)).toBe(false);
    expect(decidePermission('media', { ...camera, requestingUrl: 'app://other/index.html' }, INDEX)).toBe(false);
    expect(decidePermission('media', { ...camera, requestingUrl: 'app://kredslob.evil.example/' }, INDEX)).toBe(false);
    expect(decidePermission('media', { ...camera, requestingUrl: 'https://kredslob/index.html' }, INDEX)).toBe(false);
    expect(decidePermission('media', { mediaTypes: ['video'], requestingUrl: INDEX }, INDEX)).toBe(false);
    expect(decidePermission('media', { isMainFrame: true, mediaTypes: ['video'] }, INDEX)).toBe(false);
  });
});

describe('isAllowedNavigation', () => {
  it('allows our index, whatever its hash route or query', () => {
    expect(isAllowedNavigation(INDEX, INDEX)).toBe(true);
    expect(isAllowedNavigation(`${INDEX}#/devices/abc?x=1`, INDEX)).toBe(true);
    expect(isAllowedNavigation(`${INDEX}?reload=1`, INDEX)).toBe(true);
  });

  it.each([
    'https://www.kk.dk/',
    'http://evil.example/index.html',
    'file:///etc/passwd',
    'file:///opt/Kredslob/resources/app.asar/dist/renderer/index.html',
    'app://kredslob/other.html',
    'app://kredslob/index.html/../secret.html',
    'app://evil/index.html',
    'app://kredslob.evil.example/index.html',
    'https://kredslob/index.html',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'not a url',
  ])('blocks %s', (url) => {
    expect(isAllowedNavigation(url, INDEX)).toBe(false);
  });
});

describe('external links', () => {
  it('opens allow-listed sites and their subdomains', () => {
    expect(isAllowedExternalUrl('https://www.kk.dk')).toBe(true);
    expect(isAllowedExternalUrl('https://kk.dk/borger')).toBe(true);
    expect(isAllowedExternalUrl('https://dataviz.boavizta.org/manufacturerdata')).toBe(true);
    expect(externalUrlToOpen('https://WWW.KK.DK/a b')).toBe('https://www.kk.dk/a%20b');
  });

  it.each([
    'javascript:alert(1)',
    'file:///etc/passwd',
    'http://evil.example',
    'https://kk.dk.evil.example/',
    'https://evilkk.dk/',
    'https://kk.dk@evil.example/',
    'https://user:pw@www.kk.dk/',
    'ftp://kk.dk/file',
    'smb://kk.dk/share',
    '//kk.dk',
    '',
  ])('refuses %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });
});

describe('isAllowedRequestUrl (no remote content)', () => {
  it('loads our own app:// files and in-memory data, nothing from the network and no local file', () => {
    expect(isAllowedRequestUrl(`${INDEX}`)).toBe(true);
    expect(isAllowedRequestUrl('app://kredslob/assets/index-abc.js')).toBe(true);
    expect(isAllowedRequestUrl('app://other-host/assets/index-abc.js')).toBe(false);
    expect(isAllowedRequestUrl('file:///opt/Kredslob/dist/renderer/assets/index-abc.js')).toBe(false);
    expect(isAllowedRequestUrl('file:///etc/passwd')).toBe(false);
    expect(isAllowedRequestUrl('data:image/png;base64,AAAA')).toBe(true);
    expect(isAllowedRequestUrl('https://cdn.example/lib.js')).toBe(false);
    expect(isAllowedRequestUrl('http://127.0.0.1:5299/api/devices.search')).toBe(false);
    expect(isAllowedRequestUrl('wss://evil.example/')).toBe(false);
  });
});
