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

/** As a response header. */
export const CONTENT_SECURITY_POLICY = [...DIRECTIVES, "frame-ancestors 'none'"].join('; ');

/** In a <meta> tag, where browsers ignore frame-ancestors (and warn about it). */
export const CONTENT_SECURITY_POLICY_META = DIRECTIVES.join('; ');
