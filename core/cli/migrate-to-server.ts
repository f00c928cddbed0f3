/**
 * `npm run migrate-to-server -- --data-dir D --database-url U`
 * Copies a standalone data folder into the shared server's PostgreSQL database (core/store/migrate-to-server.ts):
 * every record, trail events with their hashes as they are, then checks every hash chain on the server.
 * The folder is opened read-only (close the app first); the database must be empty (a second run is refused).
 * Exit code 0 when copied and checked, 1 when refused or the check failed (the database is left empty), 2 on bad usage.
 */
import { parseArgs } from 'node:util';
import { AppError } from '../errors';
import { errorMessage } from '../../shared/messages';
import { migrateToServer } from '../store/migrate-to-server';
import { databaseName } from '../store/postgres/postgres-store';
import { dataDirArg, openReadOnly } from './read-only-store';

const USAGE = 'Usage: npm run migrate-to-server -- --data-dir DIR --database-url postgres://user:password@host:5432/kredslob   (or set KREDSLOB_DATA_DIR and DATABASE_URL)';
const { values } = parseArgs({ options: { 'data-dir': { type: 'string' }, 'database-url': { type: 'string' } } });
const dir = dataDirArg(values['data-dir'], USAGE);
const url = values['database-url'] ?? process.env.DATABASE_URL;
if (!url) {
  console.error(USAGE);
  process.exit(2);
}

const source = await openReadOnly(dir);
const t0 = performance.now();
try {
  const report = await migrateToServer(source, url);
  const kinds = Object.entries(report.copied)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  console.log(`Copied ${dir} into ${databaseName(url)} in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${kinds}.`);
  console.log(`Every trail on the server verifies (${report.devices} devices, ${report.events} events). Point the desks at the server now; keep the folder as it is until they do.`);
  process.exitCode = 0;
} catch (err) {
  console.error(err instanceof AppError ? errorMessage(err.code, err.params, 'en') : `The copy failed: ${String(err instanceof Error ? err.message : err)}`);
  process.exitCode = 1;
} finally {
  await source.close();
}
