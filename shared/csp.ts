/**
 * The Content-Security-Policy of the UI, one definition for every place that applies it: the Electron
 * session's response header, the HTTP server's header, and the meta tag Vite writes into index.html.
 */
const DIRECTIVES = [
  "default-src 'self'",
  // why: the camera's QR decoder is WebAssembly; this allows compiling wasm, not eval() or inline scripts
  "script-src 'self' 'wasm-unsafe-eval'",
  // why no 'unsafe-inline': the UI has no inline <style> or style="" markup; React and recharts set styles
  // through element.style (the CSSOM), which style-src does not govern. The e2e accessibility spec visits
  // every screen with a securitypolicyviolation listener and fails on any report.
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob: mediastream:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
];

/**
 * The directives for a UI that talks to `serverOrigin` (the desktop app connected to a shared server, issue 13):
 * exactly that origin is added to connect-src (the API) and img-src (photos), nothing else. Without it, 'self' only.
 */
function directivesFor(serverOrigin?: string): string[] {
  if (serverOrigin === undefined) return DIRECTIVES;
  return DIRECTIVES.map((d) => (d.startsWith('connect-src ') || d.startsWith('img-src ') ? `${d} ${serverOrigin}` : d));
}

/** As a response header; `serverOrigin` only for the desktop app connected to a server. */
export function contentSecurityPolicy(serverOrigin?: string): string {
  return [...directivesFor(serverOrigin), "frame-ancestors 'none'"].join('; ');
}

/** In a <meta> tag, where browsers ignore frame-ancestors (and warn about it). */
export function contentSecurityPolicyMeta(serverOrigin?: string): string {
  return directivesFor(serverOrigin).join('; ');
}

/** As a response header. */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

/** In a <meta> tag, where browsers ignore frame-ancestors (and warn about it). */
export const CONTENT_SECURITY_POLICY_META = contentSecurityPolicyMeta();
