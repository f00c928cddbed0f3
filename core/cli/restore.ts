/**
 * `npm run restore -- --from BACKUP --data-dir NEW`
 * Restores a backup (npm run backup, or Filer → Tag sikkerhedskopi…) into a new or empty data folder,
 * after checking it (see core/store/file/restore.ts). Exit code 0 when restored; 1 when the backup fails
 * its check or cannot be copied; 2 when refused before starting (usage, a target that is not empty or is
 * open, a source that is not a backup). In every case but 0 the target is left as it was.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { RestoreError, restoreDataDir } from '../store/file/restore';

const USAGE = 'Usage: npm run restore -- --from BACKUP_FOLDER --data-dir NEW_OR_EMPTY_FOLDER';

let values: { from?: string; 'data-dir'?: string };
try {
  ({ values } = parseArgs({ options: { from: { type: 'string' }, 'data-dir': { type: 'string' } } }));
} catch (err) {
  console.error(`${err instanceof Error ? err.message : String(err)}. ${USAGE}`);
  process.exit(2);
}
if (!values.from || !values['data-dir']) {
  console.error(USAGE);
  process.exit(2);
}

const from = path.resolve(values.from);
const to = path.resolve(values['data-dir']);
try {
  const t0 = performance.now();
  const r = await restoreDataDir(from, to);
  console.log(
    `Restored ${from} into ${to}: ${r.devices} devices with verified trails, ${r.segments} journal segment(s), ` +
      `${r.attachments} attachment(s), ${(r.bytes / 1e6).toFixed(1)} MB in ${Math.round(performance.now() - t0)} ms. ` +
      `Start Kredsløb with KREDSLOB_DATA_DIR=${to}.`,
  );
} catch (err) {
  console.error(`Restore failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = err instanceof RestoreError && err.reason === 'refused' ? 2 : 1;
}
