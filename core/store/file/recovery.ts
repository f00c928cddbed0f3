/**
 * Opening a data folder: the last snapshot, then every journal record after it, replayed into a fresh
 * state. The journal is checked against the snapshot on the way; what a crash can leave (a torn last
 * line) is repaired with a warning, anything else (a segment or record missing, a journal shorter than
 * its snapshot, a bad line with whole lines after it) is refused with a message to restore a backup,
 * because opening would silently lose or misplace written data.
 */
import fs from 'node:fs';
import path from 'node:path';
import { journalDirOf, listSegments, scanSegment, segmentName, spansOf, type JournalPosition } from './journal';
import { IndexFile } from './index-file';
import type { JournalRecord } from './ops';
import { SNAPSHOT_FORMAT, snapshotDb, type SnapshotData } from './snapshot';
import { State } from './state';

export interface Recovered {
  state: State;
  /** Where the next record goes: the end of the last whole record. */
  end: JournalPosition;
  /** The record number the snapshot holds everything up to (0 without a snapshot). */
  snapshotTxSeq: number;
  /** The statistic facts were rebuilt from the journal: a new snapshot should keep them. */
  factsRebuilt: boolean;
}

/** Reads the store in `dir` as it was when last written. Throws (naming the file) when the data is damaged. */
export async function recover(dir: string, log: (message: string) => void, readOnly = false): Promise<Recovered> {
  // why: read-only (verify-trail) must change no byte of the folder it checks; leftovers and a torn tail are only skipped
  if (!readOnly) removeSnapshotLeftovers(dir);
  const state = new State();
  const snapshot = await readSnapshot(dir);
  if (snapshot) {
    state.load(snapshot, snapshot.index ? IndexFile.read(path.join(dir, snapshot.index)) : IndexFile.empty());
  }
  const from = snapshot?.position ?? { segment: 1, offset: 0 };
  const journal = journalDirOf(dir);
  const segments = listSegments(journal);
  checkJournalAgainstSnapshot(journal, segments, snapshot ? from : null);
  const factsRebuilt = snapshot !== null && state.factsMissing;
  if (factsRebuilt) rebuildFacts(journal, segments, snapshot, state, log);
  const end = replay(journal, segments, from, state, log, readOnly);
  return { state, end, snapshotTxSeq: snapshot?.txSeq ?? 0, factsRebuilt };
}

/** Temporary files of a snapshot that was being written when the process died: never the real thing. */
function removeSnapshotLeftovers(dir: string): void {
  for (const f of fs.readdirSync(dir)) if (f.endsWith('.tmp')) fs.rmSync(path.join(dir, f), { force: true });
}

async function readSnapshot(dir: string): Promise<SnapshotData | null> {
  const db = snapshotDb(dir);
  await db.read();
  if (db.data && db.data.format !== SNAPSHOT_FORMAT) throw new Error(`Unknown snapshot format ${db.data.format}`);
  return db.data;
}

/**
 * Segments are numbered 1, 2, 3 … without gaps, and the snapshot's segment reaches its position: a
 * journal that ends before it lost writes the snapshot relies on (a power cut before they reached the disk).
 */
function checkJournalAgainstSnapshot(journal: string, segments: readonly number[], snapshotPosition: JournalPosition | null): void {
  segments.forEach((seg, i) => {
    if (seg !== i + 1) throw new Error(`Journal segment ${segmentName(i + 1)} is missing; restore a backup`);
  });
  if (!snapshotPosition || snapshotPosition.offset === 0) return;
  const file = path.join(journal, segmentName(snapshotPosition.segment));
  const size = fs.existsSync(file) ? fs.statSync(file).size : -1;
  if (size < snapshotPosition.offset) {
    throw new Error(
      `Journal segment ${segmentName(snapshotPosition.segment)} ends at byte ${size}, before the snapshot's position ${snapshotPosition.offset}: ` +
        'the journal lost writes the snapshot relies on (was the computer switched off?); restore a backup',
    );
  }
}

/**
 * A snapshot written before the statistic facts existed has none: read them once from the journal up to
 * the snapshot (every event, in record order), so the figures cover the whole trail. The next snapshot
 * holds them. At 1,000,000 events this is one sequential read of the journal (see the README).
 */
function rebuildFacts(journal: string, segments: readonly number[], snapshot: SnapshotData, state: State, log: (message: string) => void): void {
  const t0 = Date.now();
  for (const seg of segments) {
    if (seg > snapshot.position.segment) break;
    scanSegment(path.join(journal, segmentName(seg)), 0, (rec) => {
      const r = rec as JournalRecord; // why: a record whose checksum matched, so one written by FileTx.commit
      if (r.n > snapshot.txSeq) return;
      for (const op of r.ops) if (op.k === 'event') state.addFact(op.v);
    });
  }
  state.factsMissing = false;
  log(`built the statistics index from the journal once (the snapshot predates it) in ${Date.now() - t0} ms`);
}

/**
 * Applies every record from `from` on. Records the snapshot already holds are skipped; a gap in the
 * record numbers is refused. A torn last line of the last segment is cut off; a bad line anywhere else
 * is damage. Returns where the next record goes.
 */
function replay(
  journal: string,
  segments: readonly number[],
  from: JournalPosition,
  state: State,
  log: (message: string) => void,
  readOnly: boolean,
): JournalPosition {
  let end = from;
  const toRead = segments.filter((s) => s >= from.segment);
  toRead.forEach((seg, i) => {
    const file = path.join(journal, segmentName(seg));
    const result = scanSegment(file, seg === from.segment ? from.offset : 0, (rec, ref) => {
      const r = rec as JournalRecord; // why: a record whose checksum matched, so one written by FileTx.commit
      if (r.n <= state.txSeq) return; // already in the snapshot
      if (r.n !== state.txSeq + 1) {
        throw new Error(`Journal record ${state.txSeq + 1} is missing before record ${r.n} in ${segmentName(seg)}; restore a backup`);
      }
      state.applyRecord(r.n, r.ops, spansOf(r), { segment: seg, offset: ref.offset });
    });
    const isLast = i === toRead.length - 1;
    const damagedAt = result.damagedAt ?? (result.tornAt !== null && !isLast ? result.tornAt : null);
    if (damagedAt !== null) throw new Error(`Journal segment ${segmentName(seg)} is damaged at byte ${damagedAt}; restore a backup`);
    if (result.tornAt !== null && readOnly) log(`ignored a torn last journal record in ${segmentName(seg)} at byte ${result.tornAt}`);
    else if (result.tornAt !== null) {
      log(`dropped a torn last journal record in ${segmentName(seg)} at byte ${result.tornAt}`);
      fs.truncateSync(file, result.tornAt);
    }
    end = { segment: seg, offset: result.end };
  });
  return end;
}
