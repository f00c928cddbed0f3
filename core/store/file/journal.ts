/**
 * The append-only journal: numbered segment files of records, one record per transaction, one line each:
 * "<crc32 hex> <json>\n". The journal is the source of truth for the trail; snapshots only compact state.
 * A record is acknowledged once its line is written to the file (it then survives a killed process).
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

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

export function encodeRecord(json: string): Buffer {
  const body = Buffer.from(json, 'utf8');
  const crc = zlib.crc32(body).toString(16).padStart(8, '0');
  return Buffer.concat([Buffer.from(`${crc} `, 'ascii'), body, Buffer.from('\n', 'ascii')]);
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

export type ScanResult = { end: number; tornAt: number | null };

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
        if (rec === null) return { end: carryStart + start, tornAt: carryStart + start };
        onRecord(rec, { offset: carryStart + start, length: nl - start });
        start = nl + 1;
      }
      carry = Buffer.from(data.subarray(start));
      carryStart += start;
    }
    if (carry.length > 0) return { end: carryStart, tornAt: carryStart };
    return { end: carryStart, tornAt: null };
  } finally {
    fs.closeSync(fd);
  }
}

/** Appends records to the newest segment; rolls to a new segment past SEGMENT_MAX_BYTES. */
export class JournalWriter {
  private fd: number;
  private size: number;

  constructor(
    private readonly dir: string,
    private segment: number,
  ) {
    fs.mkdirSync(dir, { recursive: true });
    this.fd = fs.openSync(path.join(dir, segmentName(segment)), 'a');
    this.size = fs.fstatSync(this.fd).size;
  }

  get position(): JournalPosition {
    return { segment: this.segment, offset: this.size };
  }

  /** Writes one record; on a failed or short write the segment is cut back so no half record stays. */
  append(record: Buffer): RecordRef {
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
      } catch {
        // why: the original error is the one to report; a failed truncate leaves a torn tail that open drops
      }
      throw err;
    }
    this.size += record.length;
    // why: the newline is not part of the record body
    return { segment: this.segment, offset, length: record.length - 1 };
  }

  private roll(): void {
    fs.closeSync(this.fd);
    this.segment += 1;
    this.fd = fs.openSync(path.join(this.dir, segmentName(this.segment)), 'a');
    this.size = 0;
  }

  close(): void {
    fs.closeSync(this.fd);
  }
}

/** Random-access reads of records for the trail; keeps one read descriptor per segment. */
export class JournalReader {
  private fds = new Map<number, number>();
  constructor(private readonly dir: string) {}

  read(ref: RecordRef): unknown {
    let fd = this.fds.get(ref.segment);
    if (fd === undefined) {
      fd = fs.openSync(path.join(this.dir, segmentName(ref.segment)), 'r');
      this.fds.set(ref.segment, fd);
    }
    const buf = Buffer.allocUnsafe(ref.length);
    const n = fs.readSync(fd, buf, 0, ref.length, ref.offset);
    return n === ref.length ? decodeRecord(buf) : null;
  }

  close(): void {
    for (const fd of this.fds.values()) fs.closeSync(fd);
    this.fds.clear();
  }
}
