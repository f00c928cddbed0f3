import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { CONTENT_SECURITY_POLICY_META } from './shared/csp';

// The renderer is built once and served both by Electron (app://kredslob/, electron/protocol.ts) and by the HTTP transport (/).
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [
    react(),
    // The CSP meta tag comes from the one definition in shared/csp.ts.
    { name: 'kredslob-csp', transformIndexHtml: (html: string) => html.replace('%KREDSLOB_CSP%', CONTENT_SECURITY_POLICY_META) },
  ],
  build: { outDir: '../dist/renderer', emptyOutDir: true, sourcemap: true },
  server: { proxy: { '/api': `http://127.0.0.1:${process.env.PORT ?? '5299'}` } },
});
