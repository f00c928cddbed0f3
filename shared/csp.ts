/**
 * The Content-Security-Policy of the UI, one definition for every place that applies it: the Electron
 * session's response header, the HTTP server's header, and the meta tag Vite writes into index.html.
 */
const DIRECTIVES = [
  "default-src 'self'",
  // why: the camera's QR decoder is WebAssembly; this allows compiling wasm, not eval() or inline scripts
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
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
