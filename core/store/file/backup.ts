/**
 * A consistent copy of a data folder, taken while the store may be writing (even from another process).
 * It holds because the snapshot file is only ever replaced by an atomic rename and journal segments only
 * grow: copy the snapshot first, then every segment up to its current end, trimmed to the last whole
 * record. The copy opens as the store stood at that moment.
 */
import fs from 'node:fs';
import path from 'node:path';
import { journalDirOf, listSegments, segmentName } from './journal';
import { SNAPSHOT_NAME, fsyncDir } from './snapshot';
import { AttachmentDir } from '../attachment-dir';
import { copyPrivate, makePrivateDir, openPrivate, writePrivateFileSync } from '../private-files';

export async function backupDataDir(sourceDir: string, targetDir: string): Promise<{ segments: number; bytes: number }> {
  const copied = await copyStore(sourceDir, targetDir, 'backup');
  writePrivateFileSync(
    path.join(targetDir, 'BACKUP.txt'),
    `Kredsløb backup taken ${new Date().toISOString()} from ${sourceDir}\n` +
      'To restore: npm run restore -- --from THIS_FOLDER --data-dir NEW_EMPTY_FOLDER (it checks the backup first).\n',
  );
  await fsyncDir(targetDir);
  return copied;
}

/**
 * Copies the store's files in `sourceDir` (snapshot with its index, the journal up to its last whole
 * record, the attachments; not the lock) into `targetDir`, which must be new or empty. A backup is one
 * such copy, and a restore copies a backup back the same way.
 */
export async function copyStore(sourceDir: string, targetDir: string, purpose: 'backup' | 'restore'): Promise<{ segments: number; bytes: number }> {
  makePrivateDir(targetDir);
  if (fs.readdirSync(targetDir).length > 0) throw new Error(`The ${purpose} folder ${targetDir} is not empty`);
  const journal = journalDirOf(sourceDir);
  const targetJournal = journalDirOf(targetDir);
  makePrivateDir(targetJournal);
  let bytes = await copySnapshotWithIndex(sourceDir, targetDir);
  const segments = listSegments(journal);
  for (const seg of segments) {
    const dst = path.join(targetJournal, segmentName(seg));
    bytes += await copyWholeRecords(path.join(journal, segmentName(seg)), dst);
  }
  await fsyncDir(targetJournal);
  // After the journal: an attachment written since is one no copied record names yet, which is harmless.
  bytes += await new AttachmentDir(sourceDir).copyTo(targetDir);
  await fsyncDir(targetDir);
  return { segments: segments.length, bytes };
}

/**
 * Copies the snapshot and the index file it names. A compaction may replace both meanwhile (it keeps
 * the previous index for a while); if the named index is gone already, copy the newer pair.
 */
async function copySnapshotWithIndex(sourceDir: string, targetDir: string): Promise<number> {
  const snap = path.join(sourceDir, SNAPSHOT_NAME);
  for (let attempt = 0; attempt < 5; attempt++) {
    if (!fs.existsSync(snap)) return 0;
    const copy = path.join(targetDir, SNAPSHOT_NAME);
    await copyPrivate(snap, copy);
    const head = Buffer.alloc(256);
    const fd = fs.openSync(copy, 'r');
    const n = fs.readSync(fd, head, 0, head.length, 0);
    fs.closeSync(fd);
    const index = /"index":"(index-\d+\.bin)"/.exec(head.subarray(0, n).toString('latin1'))?.[1];
    if (!index) return fs.statSync(copy).size;
    try {
      await copyPrivate(path.join(sourceDir, index), path.join(targetDir, index));
      return fs.statSync(copy).size + fs.statSync(path.join(targetDir, index)).size;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
  throw new Error('The store kept compacting while the backup was taken; try again');
}

/** Copies a segment as far as it is written now, without a record that is still being appended. */
async function copyWholeRecords(src: string, dst: string): Promise<number> {
  const input = await fs.promises.open(src, 'r');
  const output = await openPrivate(dst, 'w');
  try {
    const length = (await input.stat()).size;
    const buf = Buffer.allocUnsafe(4 * 1024 * 1024);
    let pos = 0;
    let lastNewline = -1;
    while (pos < length) {
      const { bytesRead } = await input.read(buf, 0, Math.min(buf.length, length - pos), pos);
      if (bytesRead === 0) break;
      const nl = buf.subarray(0, bytesRead).lastIndexOf(0x0a);
      if (nl >= 0) lastNewline = pos + nl;
      await output.write(buf, 0, bytesRead);
      pos += bytesRead;
    }
    await output.truncate(lastNewline + 1);
    await output.sync();
    return lastNewline + 1;
  } finally {
    await input.close();
    await output.close();
  }
}
