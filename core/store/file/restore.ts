/**
 * Restoring a backup into a new data folder. The backup is only read; its copy is assembled in a hidden
 * sibling of the target, checked there (it opens, every device's trail verifies, every attachment still
 * hashes to its name) and only then renamed into place: the target is either absent/empty or the whole,
 * checked store, never something half-restored. A restore killed midway leaves only the hidden sibling
 * (`.NAME.restoring-*`), which may be deleted.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { AttachmentDir } from '../attachment-dir';
import { lockHolder } from '../lock';
import { PRIVATE_DIR_MODE } from '../private-files';
import type { TrailProblem } from '../store';
import { copyStore } from './backup';
import { FileStore } from './file-store';
import { journalDirOf } from './journal';
import { SNAPSHOT_NAME, fsyncDir } from './snapshot';

/**
 * `refused`: nothing was attempted (the target is not empty or is open, the source is not a backup).
 * `damaged`: the backup failed its check; nothing was written to the target.
 */
export class RestoreError extends Error {
  constructor(
    readonly reason: 'refused' | 'damaged',
    message: string,
  ) {
    super(message);
    this.name = 'RestoreError';
  }
}

export interface RestoreResult {
  devices: number;
  segments: number;
  attachments: number;
  bytes: number;
}

const describeProblem = (p: TrailProblem): string => `${p.assetTag} event ${p.seq} (${p.problem.replace(/_/g, ' ')})`;

/** Restores the backup in `backupDir` as a new store in `targetDir`. @throws RestoreError */
export async function restoreDataDir(backupDir: string, targetDir: string): Promise<RestoreResult> {
  const from = path.resolve(backupDir);
  const to = path.resolve(targetDir);
  refuseUnusable(from, to);
  const parent = path.dirname(to);
  // why: only the folders this creates are made private; an existing parent (a home folder) keeps its mode
  fs.mkdirSync(parent, { recursive: true, mode: PRIVATE_DIR_MODE });
  const staging = path.join(parent, `.${path.basename(to)}.restoring-${randomBytes(6).toString('hex')}`);
  try {
    const copied = await copyStore(from, staging, 'restore');
    const attachments = await new AttachmentDir(staging).check();
    if (attachments.damaged.length > 0) {
      throw new RestoreError('damaged', `The backup ${from} has ${attachments.damaged.length} damaged attachment(s), first ${attachments.damaged[0]}; nothing was restored`);
    }
    const devices = await checkStore(from, staging);
    moveIntoPlace(staging, to);
    await fsyncDir(parent);
    return { devices, segments: copied.segments, attachments: attachments.count, bytes: copied.bytes };
  } catch (err) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw err;
  }
}

function refuseUnusable(from: string, to: string): void {
  if (!fs.existsSync(path.join(from, SNAPSHOT_NAME)) && !fs.existsSync(journalDirOf(from))) {
    throw new RestoreError('refused', `${from} is not a Kredsløb backup: it has neither ${SNAPSHOT_NAME} nor a journal folder`);
  }
  if (to === from || to.startsWith(from + path.sep)) {
    // why: the copy is assembled beside the target, which would write into the backup that must only be read
    throw new RestoreError('refused', `${to} is inside the backup ${from}; restore into a folder outside it`);
  }
  if (!fs.existsSync(to)) return;
  if (!fs.statSync(to).isDirectory()) throw new RestoreError('refused', `${to} is a file; give a new or empty folder to restore into`);
  const holder = lockHolder(to);
  if (holder !== null) {
    throw new RestoreError('refused', `${to} is open in Kredsløb (process ${holder}); close it, and restore into a new or empty folder`);
  }
  if (fs.readdirSync(to).length > 0) {
    throw new RestoreError('refused', `${to} is not empty; restore into a new or empty folder, so that no data is overwritten`);
  }
}

/** Opens the copy as the app would (which checks the journal against the snapshot) and verifies every trail. */
async function checkStore(from: string, staging: string): Promise<number> {
  let store: FileStore;
  try {
    store = await FileStore.open(staging, { log: () => {} });
  } catch (err) {
    throw new RestoreError('damaged', `The backup ${from} cannot be opened: ${err instanceof Error ? err.message : String(err)}; nothing was restored`);
  }
  try {
    const problems = await store.verifyTrails();
    if (problems.length > 0) {
      throw new RestoreError('damaged', `The backup ${from} has ${problems.length} device trail(s) that do not verify, first ${describeProblem(problems[0]!)}; nothing was restored`);
    }
    return await store.deviceCount();
  } finally {
    await store.close();
  }
}

function moveIntoPlace(staging: string, to: string): void {
  try {
    // why: Windows cannot rename onto an existing folder; elsewhere rename replaces an empty one atomically
    if (process.platform === 'win32' && fs.existsSync(to)) fs.rmdirSync(to);
    fs.renameSync(staging, to);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code; // why: fs errors are ErrnoExceptions
    if (code === 'ENOTEMPTY' || code === 'EEXIST' || code === 'EPERM') {
      throw new RestoreError('refused', `${to} was written to while the backup was being restored; nothing was restored`);
    }
    throw err;
  }
}
