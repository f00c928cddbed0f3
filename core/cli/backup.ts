/**
 * `npm run backup -- --data-dir DIR --to TARGET`
 * A consistent copy of the data folder, safe while the app runs (see core/store/file/backup.ts).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { backupDataDir } from '../store/file/backup';

const { values } = parseArgs({ options: { 'data-dir': { type: 'string' }, to: { type: 'string' } } });
const source = values['data-dir'] ?? process.env.KREDSLOB_DATA_DIR;
if (!source || !values.to) {
  console.error('Usage: npm run backup -- --data-dir DIR --to EMPTY_OR_NEW_FOLDER');
  process.exit(2);
}
try {
  const t0 = performance.now();
  const r = await backupDataDir(path.resolve(source), path.resolve(values.to));
  console.log(`Backup of ${path.resolve(source)} written to ${path.resolve(values.to)}: ${r.segments} journal segment(s), ${(r.bytes / 1e6).toFixed(1)} MB in ${Math.round(performance.now() - t0)} ms.`);
} catch (err) {
  console.error(`Backup failed: ${String(err instanceof Error ? err.message : err)}`);
  process.exitCode = 1;
}
