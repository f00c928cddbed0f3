/**
 * Every file and folder a store creates in a data folder (or a backup of one) is the user's alone: files
 * 0600, folders 0700. The mode is set explicitly after creating, because the mode given to open/mkdir is
 * narrowed by the process's umask (a umask of 0o277 would leave a file we cannot write) and copyFile takes
 * the source's mode. On Windows the modes mean little; there the data folder lives in the user's own
 * app-data folder, which the OS already keeps private.
 */
import fs from 'node:fs';

export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIR_MODE = 0o700;

/** A folder or file owned by someone else (an administrator looking at a user's store) keeps its mode: only its owner may change it. */
function notOwner(err: unknown): boolean {
  return (err as NodeJS.ErrnoException).code === 'EPERM'; // why: every fs error is an ErrnoException
}

/** Creates `dir` (and missing parents); the folder itself is made 0700 even when it was there already (an older store's). */
export function makePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  try {
    fs.chmodSync(dir, PRIVATE_DIR_MODE);
  } catch (err) {
    if (!notOwner(err)) throw err;
  }
}

export async function makePrivateDirAsync(dir: string): Promise<void> {
  await fs.promises.mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  try {
    await fs.promises.chmod(dir, PRIVATE_DIR_MODE);
  } catch (err) {
    if (!notOwner(err)) throw err;
  }
}

/** fs.openSync for writing, the file 0600 whether it is new or was there already. */
export function openPrivateSync(file: string, flags: 'a' | 'w' | 'wx'): number {
  const fd = fs.openSync(file, flags, PRIVATE_FILE_MODE);
  try {
    fs.fchmodSync(fd, PRIVATE_FILE_MODE);
  } catch (err) {
    if (!notOwner(err)) {
      fs.closeSync(fd);
      throw err;
    }
  }
  return fd;
}

/** fs.promises.open for writing, the file 0600. */
export async function openPrivate(file: string, flags: 'a' | 'w' | 'wx'): Promise<fs.promises.FileHandle> {
  const handle = await fs.promises.open(file, flags, PRIVATE_FILE_MODE);
  try {
    await handle.chmod(PRIVATE_FILE_MODE);
  } catch (err) {
    if (!notOwner(err)) {
      await handle.close();
      throw err;
    }
  }
  return handle;
}

/** Writes `file` 0600; with 'wx' a file already there is never replaced (EEXIST). */
export function writePrivateFileSync(file: string, data: string | Uint8Array, flags: 'w' | 'wx' = 'w'): void {
  const fd = openPrivateSync(file, flags);
  try {
    fs.writeFileSync(fd, data);
  } finally {
    fs.closeSync(fd);
  }
}

/** Copies a file to a new `target`, 0600 whatever the source's mode (copyFile would keep it). */
export async function copyPrivate(source: string, target: string): Promise<void> {
  await fs.promises.copyFile(source, target);
  await fs.promises.chmod(target, PRIVATE_FILE_MODE);
}
