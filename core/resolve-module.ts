/** Node's require where this code runs, and where a package's file is for a worker thread that requires it by path. */
import { createRequire } from 'node:module';

/**
 * The runtime's require: the bundles (desktop CommonJS, server ESM with a require banner) and Vitest have one; tsx
 * (the CLI) only import.meta.url. The desktop bundle's require finds packages unpacked from the asar (sharp).
 */
export function nodeRequire(): NodeJS.Require {
  return typeof require === 'function' ? require : createRequire(import.meta.url);
}

/** Where a package's file is, for a worker thread that requires it by path (it cannot load TypeScript or the bundle). */
export function resolveModule(id: string): string {
  return nodeRequire().resolve(id);
}
