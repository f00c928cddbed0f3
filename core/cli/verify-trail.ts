/**
 * `npm run verify-trail -- --data-dir DIR`
 * Recomputes every device's hash chain and reports each altered or missing trail event by device and
 * sequence number. Exit code 0 when the trail is intact, 1 when not, 2 when the store cannot be opened.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { FileStore } from '../store/file/file-store';
import { AppError } from '../errors';

const { values } = parseArgs({ options: { 'data-dir': { type: 'string' } } });
const dir = path.resolve(values['data-dir'] ?? process.env.KREDSLOB_DATA_DIR ?? '');
if (!values['data-dir'] && !process.env.KREDSLOB_DATA_DIR) {
  console.error('Usage: npm run verify-trail -- --data-dir DIR   (or set KREDSLOB_DATA_DIR)');
  process.exit(2);
}

const PROBLEM: Record<string, string> = {
  hash_mismatch: 'altered (its hash does not match its content)',
  chain_broken: 'out of chain (does not follow the previous event)',
  missing: 'missing',
  out_of_order: 'out of order',
  unreadable: 'unreadable in the journal',
};

try {
  const store = await FileStore.open(dir);
  const t0 = performance.now();
  const devices = await store.deviceCount();
  const problems = await store.verifyTrails();
  await store.close();
  for (const p of problems) console.log(`${p.assetTag} (${p.deviceId}) event ${p.seq}: ${PROBLEM[p.problem] ?? p.problem}`);
  console.log(
    problems.length
      ? `${problems.length} device trail(s) with problems out of ${devices} devices.`
      : `All ${devices} device trails verified intact in ${Math.round(performance.now() - t0)} ms.`,
  );
  process.exitCode = problems.length ? 1 : 0;
} catch (err) {
  if (err instanceof AppError && err.code === 'STORE_LOCKED') {
    console.error(`${dir} is open in Kredsløb. Close the app, or verify a backup (npm run backup) instead.`);
  } else {
    console.error(`Could not open ${dir}: ${String(err instanceof Error ? err.message : err)}`);
  }
  process.exitCode = 2;
}
