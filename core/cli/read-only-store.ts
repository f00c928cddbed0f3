/** Opening a data folder for the trail tools (verify-trail, checkpoint): read-only, with the key rule of core/store/trail-key.ts. */
import path from 'node:path';
import { FileStore } from '../store/file/file-store';
import { envTrailKeySource } from '../store/trail-key';
import { AppError } from '../errors';

/** The folder named by --data-dir or KREDSLOB_DATA_DIR; exits with `usage` (code 2) when neither is given. */
export function dataDirArg(given: string | undefined, usage: string): string {
  const dir = given ?? process.env.KREDSLOB_DATA_DIR;
  if (!dir) {
    console.error(usage);
    process.exit(2);
  }
  return path.resolve(dir);
}

/** Opens `dir` without changing a byte of it; on failure says why and exits with code 2. */
export async function openReadOnly(dir: string): Promise<FileStore> {
  try {
    return await FileStore.open(dir, { readOnly: true, trailKey: envTrailKeySource(dir) });
  } catch (err) {
    if (err instanceof AppError && err.code === 'STORE_LOCKED') {
      console.error(`${dir} is open in Kredsløb. Close the app, or check a backup (npm run backup) instead.`);
    } else {
      console.error(`Could not open ${dir}: ${String(err instanceof Error ? err.message : err)}`);
    }
    process.exit(2);
  }
}
