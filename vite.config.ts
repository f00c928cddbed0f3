import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is built once and served both by Electron (file://) and by the HTTP transport (/).
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: { outDir: '../dist/renderer', emptyOutDir: true, sourcemap: true },
  server: { proxy: { '/api': `http://127.0.0.1:${process.env.PORT ?? '5299'}` } },
});
