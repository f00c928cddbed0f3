/**
 * A TypeScript entry (a command-line tool, the web server) bundled with esbuild, for a test to start as a child
 * process the way a person starts it. Started through tsx instead, every start transforms and loads the core's
 * modules one by one: 3–5 s a start on a busy two-core machine against about 0.3 s for the bundle, and the trail
 * tools' tests start a dozen. The bundle is made once per test process and entry, so a test still needs no build.
 *
 * Only our own sources are bundled; packages stay imports. The bundle is written to dist/test-entries/ (two
 * folders deep, as the built server is), so those imports and the web server's path to the built UI resolve as
 * they do from the sources.
 */
import { buildSync } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bundles = new Map<string, string>();

/** The bundled form of `entry` (relative to the project's root, e.g. 'core/cli/verify-trail.ts'): give it to `node`. */
export function bundledEntry(entry: string): string {
  const made = bundles.get(entry);
  if (made) return made;
  const outfile = path.join(root, 'dist', 'test-entries', entry.replace(/\.ts$/, '.mjs').replaceAll('/', '-'));
  // Test files run side by side in their own processes: each writes its own file and renames it into place,
  // so a process never starts a half-written bundle, and each starts the sources as they are now.
  const own = `${outfile}.${process.pid}.tmp`;
  buildSync({
    entryPoints: [path.join(root, entry)],
    outfile: own,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
  });
  fs.renameSync(own, outfile);
  bundles.set(entry, outfile);
  return outfile;
}
