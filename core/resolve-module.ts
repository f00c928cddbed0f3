/** Where a package's file is, for a worker thread that requires it by path (it cannot load TypeScript or the bundle). */
import { createRequire } from 'node:module';

export function resolveModule(id: string): string {
  // why: the bundles (desktop CommonJS, server ESM with a require banner) and Vitest have require; tsx (the CLI) only import.meta.url
  const resolve = typeof require === 'function' ? require.resolve : createRequire(import.meta.url).resolve;
  return resolve(id);
}
