/**
 * Compaction: writing a copy of the state as the new snapshot, so that opening replays only the journal
 * written since. Nothing here blocks the event loop for long: the copy is taken beforehand
 * (State.copy), and the files are written in slices.
 */
import fs from 'node:fs';
import path from 'node:path';
import { journalDirOf, syncSegment } from './journal';
import { writeIndexFile } from './index-file';
import { snapshotDb } from './snapshot';
import { devicesAsColumns, reservationsAsColumns } from './device-columns';
import type { StateCopy } from './state';

/**
 * Writes `copy` as the snapshot of `dir` (with its index file) and returns the index file's name. The
 * snapshot replaces the old one by an atomic rename, so a crash leaves one or the other whole.
 */
export async function writeSnapshot(dir: string, copy: StateCopy): Promise<string> {
  // The snapshot will say "everything before this position is in me": make sure the journal up to it
  // is on disk before the snapshot is, or a power cut could leave a snapshot ahead of its journal.
  await syncSegment(journalDirOf(dir), copy.data.position.segment);
  const indexName = `index-${String(copy.data.txSeq).padStart(12, '0')}.bin`;
  await writeIndexFile(path.join(dir, indexName), copy.index);
  const db = snapshotDb(dir);
  const { format, ...rest } = copy.data;
  db.data = {
    // why: the index name first, so a backup finds it by reading the file's first bytes
    format,
    index: indexName,
    ...rest,
    devices: devicesAsColumns(copy.devices),
    reservations: reservationsAsColumns(copy.reservations),
  };
  await db.write();
  return indexName;
}

/** Keeps the newest two index files (a backup copying the previous snapshot may still need its index). */
export async function removeOldIndexFiles(dir: string, current: string): Promise<void> {
  const old = (await fs.promises.readdir(dir)).filter((f) => /^index-\d{12}\.bin$/.test(f) && f < current).sort();
  // why: unlinking a large file can take a while; off the event loop like the rest of compaction
  for (const f of old.slice(0, -1)) await fs.promises.rm(path.join(dir, f), { force: true });
}
