/**
 * The append-only journal: numbered segment files of records, one record per transaction, one line each:
 * "<crc32 hex> <json>\n". The journal is the source of truth for the trail; snapshots only compact state.
 * A record is acknowledged once its line is written to the file (it then survives a killed process).
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { makePrivateDir, openPrivateSync } from '../private-files';

export const SEGMENT_MAX_BYTES = 128 * 1024 * 1024;

export interface JournalPosition {
  segment: number;
  offset: number;
}

export interface RecordRef {
  segment: number;
  offset: number;
  length: number;
}

/** The journal's folder inside a data folder. */
export function journalDirOf(dataDir: string): string {
  return path.join(dataDir, 'journal');
}

export function segmentName(n: number): string {
  return `${String(n).padStart(8, '0')}.jsonl`;
}

export function listSegments(dir: string): number[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{8}\.jsonl$/.test(f))
    .map((f) => Number.parseInt(f, 10))
    .sort((a, b) => a - b);
}

/** Bytes before a record's JSON body: 8 hex digits of crc32 and a space. */
export const RECORD_HEADER_BYTES = 9;

export interface EncodedRecord {
  buffer: Buffer;
  /** Where each op's JSON lies inside the line: [offset from the line's start, byte length]. */
  spans: [number, number][];
}

/** Builds one record line op by op (the sync and the sliced encoder share it); the checksum grows with it. */
function recordEncoder(n: number) {
  const prefix = Buffer.from(`{"n":${n},"ops":[`, 'utf8');
  const parts: Buffer[] = [Buffer.alloc(0), prefix];
  const spans: [number, number][] = [];
  let at = RECORD_HEADER_BYTES + prefix.length;
  let crc = zlib.crc32(prefix);
  const push = (b: Buffer) => {
    parts.push(b);
    crc = zlib.crc32(b, crc);
  };
  return {
    add(op: unknown): void {
      if (spans.length > 0) {
        push(COMMA);
        at += 1;
      }
      const b = Buffer.from(JSON.stringify(op), 'utf8');
      spans.push([at, b.length]);
      push(b);
      at += b.length;
    },
    finish(): EncodedRecord {
      push(CLOSE);
      parts[0] = Buffer.from(`${crc.toString(16).padStart(8, '0')} `, 'ascii');
      parts.push(NEWLINE);
      return { buffer: Buffer.concat(parts), spans };
    },
  };
}

/**
 * Encodes a transaction as one line `<crc32> {"n":N,"ops":[op,op,…]}` and notes where each op's JSON
 * lies, so a single trail event can later be read back without parsing its whole transaction.
 */
export function encodeRecord(n: number, ops: readonly unknown[]): EncodedRecord {
  const e = recordEncoder(n);
  for (const op of ops) e.add(op);
  return e.finish();
}

/** Ops encoded between two turns of the event loop: a few ms of JSON. */
export const ENCODE_SLICE_OPS = 500;

/**
 * encodeRecord for a large transaction (a certificate closing 5,000 devices writes 15,000 ops), yielding
 * to the event loop between slices so that no request waits behind it; a small one is encoded at once.
 */
export async function encodeRecordSliced(n: number, ops: readonly unknown[]): Promise<EncodedRecord> {
  const e = recordEncoder(n);
  for (let i = 0; i < ops.length; i++) {
    if (i > 0 && i % ENCODE_SLICE_OPS === 0) await new Promise((resolve) => setImmediate(resolve));
    e.add(ops[i]);
  }
  return e.finish();
}

const COMMA = Buffer.from(',');
const CLOSE = Buffer.from(']}');
const NEWLINE = Buffer.from('\n');

/** The op spans of a record read back from the journal (JSON.stringify of parsed JSON gives the same bytes). */
export function spansOf(record: { n: number; ops: readonly unknown[] }): [number, number][] {
  return encodeRecord(record.n, record.ops).spans;
}

/** Decodes one line (without its newline). Returns null when the checksum or JSON is wrong. */
export function decodeRecord(line: Buffer): unknown | null {
  if (line.length < 10 || line[8] !== 0x20) return null;
  const body = line.subarray(9);
  const crc = zlib.crc32(body).toString(16).padStart(8, '0');
  if (crc !== line.subarray(0, 8).toString('ascii')) return null;
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return null;
  }
}

/**
 * `tornAt`: where an unfinished last record starts (a write cut off by a crash), to be dropped.
 * `damagedAt`: where a bad record starts that has whole records after it: not a crash but damage.
 */
export type ScanResult = { end: number; tornAt: number | null; damagedAt: number | null };

/**
 * Reads every whole record of a segment from `from`, calling `onRecord` with the record and its place.
 * A record that is cut off or fails its checksum ends the scan: `tornAt` says where.
 */
export function scanSegment(
  file: string,
  from: number,
  onRecord: (record: unknown, ref: { offset: number; length: number }) => void,
): ScanResult {
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const chunkSize = 8 * 1024 * 1024;
    let pos = from;
    let carry: Buffer = Buffer.alloc(0);
    let carryStart = from;
    while (pos < size) {
      const buf = Buffer.allocUnsafe(Math.min(chunkSize, size - pos));
      const n = fs.readSync(fd, buf, 0, buf.length, pos);
      pos += n;
      const data = carry.length ? Buffer.concat([carry, buf.subarray(0, n)]) : buf.subarray(0, n);
      let start = 0;
      for (;;) {
        const nl = data.indexOf(0x0a, start);
        if (nl < 0) break;
        const line = data.subarray(start, nl);
        const rec = decodeRecord(line);
        if (rec === null) {
          const at = carryStart + start;
          const last = carryStart + nl + 1 >= size;
          return { end: at, tornAt: last ? at : null, damagedAt: last ? null : at };
        }
        onRecord(rec, { offset: carryStart + start, length: nl - start });
        start = nl + 1;
      }
      carry = Buffer.from(data.subarray(start));
      carryStart += start;
    }
    if (carry.length > 0) return { end: carryStart, tornAt: carryStart, damagedAt: null };
    return { end: carryStart, tornAt: null, damagedAt: null };
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Bytes written between background flushes of the segment (fdatasync on libuv's thread pool). Without them a
 * roll flushed up to a whole segment of dirty pages on the event loop: a 128 MB segment filled by an import
 * stopped every other call for ~180 ms (bench:import). With them the roll's own flush finds little left.
 */
export const BACKGROUND_FLUSH_BYTES = 8 * 1024 * 1024;

/** Appends records to the newest segment; rolls to a new segment past SEGMENT_MAX_BYTES. */
export class JournalWriter {
  private fd: number;
  private size: number;
  private failed: unknown = null;
  /** Segment size at the last background flush started; one flush runs at a time. */
  private flushedAt = 0;
  private flushing = false;

  constructor(
    private readonly dir: string,
    private segment: number,
  ) {
    makePrivateDir(dir);
    this.fd = openPrivateSync(path.join(dir, segmentName(segment)), 'a');
    this.size = fs.fstatSync(this.fd).size;
  }

  get position(): JournalPosition {
    return { segment: this.segment, offset: this.size };
  }

  /** Writes one record; on a failed or short write the segment is cut back so no half record stays. */
  append(record: Buffer): { segment: number; offset: number } {
    if (this.failed) throw new Error(`The journal cannot be written after an earlier failure (${String(this.failed)}); restart Kredsløb`);
    if (this.size > 0 && this.size + record.length > SEGMENT_MAX_BYTES) this.roll();
    const offset = this.size;
    try {
      let written = 0;
      while (written < record.length) {
        written += fs.writeSync(this.fd, record, written, record.length - written);
      }
    } catch (err) {
      try {
        fs.ftruncateSync(this.fd, offset);
      } catch (truncateErr) {
        // A torn record stays at the end: later appends would land after it, at places the index does
        // not know, so stop writing until a restart (whose open drops the torn tail).
        this.failed = truncateErr;
      }
      throw err;
    }
    this.size += record.length;
    if (!this.flushing && this.size - this.flushedAt >= BACKGROUND_FLUSH_BYTES) this.flushInBackground();
    return { segment: this.segment, offset };
  }

  /** Starts an fdatasync of the segment off the event loop; a failure is left to the roll's own flush to meet. */
  private flushInBackground(): void {
    this.flushing = true;
    this.flushedAt = this.size;
    const fd = this.fd;
    fs.fdatasync(fd, () => {
      // The fd may have been rolled and closed meanwhile: the roll flushed it itself.
      this.flushing = false;
    });
  }

  /** Starts the next segment; the full one is flushed to disk first. The new file opens before the old closes. */
  private roll(): void {
    const next = openPrivateSync(path.join(this.dir, segmentName(this.segment + 1)), 'a');
    fs.fdatasyncSync(this.fd);
    fs.closeSync(this.fd);
    this.fd = next;
    this.segment += 1;
    this.size = 0;
    this.flushedAt = 0;
  }

  close(): void {
    fs.closeSync(this.fd);
  }
}

/** Flushes a segment file to disk without blocking the event loop (a snapshot is only written after it). */
export async function syncSegment(dir: string, segment: number): Promise<void> {
  const handle = await fs.promises.open(path.join(dir, segmentName(segment)), 'r');
  try {
    await handle.datasync();
  } finally {
    await handle.close();
  }
}

/** Random-access reads of single ops for the trail; keeps one read descriptor per segment. */
export class JournalReader {
  private fds = new Map<number, number>();
  constructor(private readonly dir: string) {}

  /** The op at `ref` (a span inside a record), or null when it cannot be read or parsed. */
  readOp(ref: RecordRef): unknown {
    let fd = this.fds.get(ref.segment);
    try {
      if (fd === undefined) {
        fd = fs.openSync(path.join(this.dir, segmentName(ref.segment)), 'r');
        this.fds.set(ref.segment, fd);
      }
      const buf = Buffer.allocUnsafe(ref.length);
      const n = fs.readSync(fd, buf, 0, ref.length, ref.offset);
      return n === ref.length ? JSON.parse(buf.toString('utf8')) : null;
    } catch {
      return null;
    }
  }

  close(): void {
    for (const fd of this.fds.values()) fs.closeSync(fd);
    this.fds.clear();
  }
}
