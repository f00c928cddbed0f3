// Bundles the Electron main process, the preload and the HTTP server with esbuild (the renderer is built by Vite).
import { cpSync } from 'node:fs';
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning' };
// why: sharp (device photos) loads its native libvips binary (@img/sharp-<os>-<arch>) at run time by a computed
// path; bundled, that lookup breaks. It is loaded from node_modules instead (unpacked from the asar, electron-builder.yml).
const NATIVE = ['sharp'];

await Promise.all([
  build({
    ...common,
    entryPoints: ['electron/main.ts'],
    outfile: 'dist/electron/main.cjs',
    format: 'cjs',
    external: ['electron', ...NATIVE],
    // why: core/pdf/pdfmake.ts reads import.meta.url only where `require` is missing (ESM); in this CommonJS bundle it has require
    logOverride: { 'empty-import-meta': 'silent' },
  }),
  build({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist/electron/preload.cjs', format: 'cjs', external: ['electron'] }),
  build({
    ...common,
    // main.mjs: npm run web; server-main.mjs: npm run server (shared mode, issue 13)
    entryPoints: { main: 'core/http/main.ts', 'server-main': 'core/http/server-main.ts' },
    outdir: 'dist/server',
    outExtension: { '.js': '.mjs' },
    format: 'esm',
    external: NATIVE,
    // why: bundled CommonJS dependencies call require() and read __dirname (pdfmake); give the ESM bundle both
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; import { fileURLToPath as __fu } from 'node:url'; import { dirname as __dn } from 'node:path'; const require = __cr(import.meta.url); const __dirname = __dn(__fu(import.meta.url));",
    },
  }),
]);

// PostgreSQL store (issue 13, wt-pg): the server bundle runs the schema migrations from the folder beside it
// (core/store/postgres/postgres-store.ts, migrationsDir).
cpSync('core/store/postgres/migrations', 'dist/server/migrations', { recursive: true });
