/**
 * The snapshot's binary index: where each device's trail events and each sanitization record lie in the
 * journal, and each device's last trail hash. Loaded as typed arrays (no parsing), so opening a store
 * with 1,000,000 trail events costs one file read.
 *
 * Layout (little-endian u32 unless said):
 *   magic "KRIX", version, devices D, events E, sanitizations S
 *   trail start per device: u32[D + 1]   (device i's refs are triples start[i] … start[i+1])
 *   refs: u32[3 E]  (segment, offset, length)
 *   heads: 32 bytes × D (sha256 of the device's last event; zeros for none)
 *   sanitizations, sorted by id: S × (64-byte id, NUL-padded; segment; offset; length)
 * Version 2 adds statistic facts (core/stats/facts.ts) after them; the header then has three more words:
 *   facts F, fact devices P, bytes J of the administration ids (JSON)
 *   at, device, dept, cycleStart: u32[F] each; owner: i32[P]; reportedAt: u32[P]
 *   type: u8[F]; flags: u8[F]; administration ids: J bytes of JSON (UTF-8)
 * A version 1 file (written before the facts) is still read: its store rebuilds the facts once (recovery.ts).
 */
import fs from 'node:fs';
import type { RecordRef } from './journal';
import type { FactLogData } from '../../stats/facts';
import { openPrivate } from '../private-files';

const MAGIC = 0x5849524b; // "KRIX"
const VERSION = 2;
const HEADER_WORDS_V1 = 5;
const HEADER_WORDS = 8;
export const SAN_ID_BYTES = 64;
const SAN_ENTRY = SAN_ID_BYTES + 12;

export interface TrailIndexSource {
  /** Device ids in snapshot order. */
  deviceIds: readonly string[];
  /** The previous index, and each device's position in it. */
  base: IndexFile;
  ordinalOf(id: string): number | undefined;
  /** Complete trail places and last hashes of the devices written since the previous index. */
  ownRefs: { get(id: string): readonly number[] | undefined };
  ownHeads: { get(id: string): string | undefined };
  /** Sanitization records written since the previous index (any order). */
  newSanitizations: readonly [string, RecordRef][];
  /** The statistic facts as of the snapshot (complete, not relative to the previous index). */
  facts: FactLogData;
}

export class IndexFile {
  private constructor(
    private readonly starts: Uint32Array,
    private readonly refs: Uint32Array,
    private readonly heads: Buffer,
    private readonly sans: Buffer,
    readonly sanitizationCount: number,
    /** Null in a version 1 file. */
    readonly facts: FactLogData | null,
  ) {}

  static empty(): IndexFile {
    return new IndexFile(new Uint32Array(1), new Uint32Array(0), Buffer.alloc(0), Buffer.alloc(0), 0, null);
  }

  static read(file: string): IndexFile {
    const buf = fs.readFileSync(file);
    // why: typed arrays need 4-byte alignment; a fresh copy of the bytes guarantees it
    const ab = buf.byteOffset % 4 === 0 ? buf.buffer : new Uint8Array(buf).buffer;
    const base = buf.byteOffset % 4 === 0 ? buf.byteOffset : 0;
    const version = new Uint32Array(ab, base, 2)[1]!;
    const head = new Uint32Array(ab, base, version === 1 ? HEADER_WORDS_V1 : HEADER_WORDS);
    if (head[0] !== MAGIC || (version !== 1 && version !== VERSION)) throw new Error(`${file} is not a Kredsløb index (version ${version})`);
    const devices = head[2]!;
    const events = head[3]!;
    const sanCount = head[4]!;
    let at = base + head.length * 4;
    const starts = new Uint32Array(ab, at, devices + 1);
    at += (devices + 1) * 4;
    const refs = new Uint32Array(ab, at, events * 3);
    at += events * 12;
    const bytes = Buffer.from(ab);
    const heads = bytes.subarray(at, at + devices * 32);
    at += devices * 32;
    const sans = bytes.subarray(at, at + sanCount * SAN_ENTRY);
    at += sanCount * SAN_ENTRY;
    const facts = version === 1 ? null : readFacts(ab, at, head[5]!, head[6]!, head[7]!);
    return new IndexFile(starts, refs, heads, sans, sanCount, facts);
  }

  /** Trail refs of the device at snapshot position `ordinal`, as flat triples. */
  refsAt(ordinal: number): number[] {
    const from = this.starts[ordinal]! * 3;
    const to = this.starts[ordinal + 1]! * 3;
    return Array.from(this.refs.subarray(from, to));
  }

  countAt(ordinal: number): number {
    return this.starts[ordinal + 1]! - this.starts[ordinal]!;
  }

  headAt(ordinal: number): string | undefined {
    const h = this.heads.subarray(ordinal * 32, ordinal * 32 + 32);
    return h.length === 32 && h.some((b) => b !== 0) ? h.toString('hex') : undefined;
  }

  /** Binary search of the sorted sanitization table. */
  sanitization(id: string): RecordRef | undefined {
    const key = Buffer.alloc(SAN_ID_BYTES);
    key.write(id, 'latin1');
    let lo = 0;
    let hi = this.sanitizationCount - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const at = mid * SAN_ENTRY;
      const c = this.sans.compare(key, 0, SAN_ID_BYTES, at, at + SAN_ID_BYTES);
      if (c === 0) {
        return { segment: this.sans.readUInt32LE(at + 64), offset: this.sans.readUInt32LE(at + 68), length: this.sans.readUInt32LE(at + 72) };
      }
      if (c > 0) hi = mid - 1;
      else lo = mid + 1;
    }
    return undefined;
  }

  /** Copies the device's trail places into `target` at `at` (no intermediate arrays). */
  copyRefsAt(ordinal: number, target: Uint32Array, at: number): void {
    target.set(this.refs.subarray(this.starts[ordinal]! * 3, this.starts[ordinal + 1]! * 3), at);
  }

  copyHeadAt(ordinal: number, target: Buffer, at: number): void {
    this.heads.copy(target, at, ordinal * 32, ordinal * 32 + 32);
  }

  /** Compares the id of sanitization entry `i` with a NUL-padded key: below 0 when the entry sorts first. */
  compareSanitizationId(i: number, key: Buffer): number {
    return this.sans.compare(key, 0, SAN_ID_BYTES, i * SAN_ENTRY, i * SAN_ENTRY + SAN_ID_BYTES);
  }

  copySanitizationEntry(i: number, target: Buffer, at: number): void {
    this.sans.copy(target, at, i * SAN_ENTRY, (i + 1) * SAN_ENTRY);
  }

  /** Every sanitization in the table (for the next snapshot). */
  *sanitizations(): Generator<[string, RecordRef]> {
    for (let i = 0; i < this.sanitizationCount; i++) {
      const at = i * SAN_ENTRY;
      const raw = this.sans.subarray(at, at + SAN_ID_BYTES);
      const end = raw.indexOf(0);
      yield [
        raw.subarray(0, end < 0 ? SAN_ID_BYTES : end).toString('latin1'),
        { segment: this.sans.readUInt32LE(at + 64), offset: this.sans.readUInt32LE(at + 68), length: this.sans.readUInt32LE(at + 72) },
      ];
    }
  }
}

/** The facts section of a version 2 file, as views on its bytes (no copying, no parsing but the ids). */
function readFacts(ab: ArrayBufferLike, at: number, count: number, devices: number, idBytes: number): FactLogData {
  const u32 = (n: number): Uint32Array => {
    const a = new Uint32Array(ab, at, n);
    at += n * 4;
    return a;
  };
  const fact = { at: u32(count), device: u32(count), dept: u32(count), cycleStart: u32(count) };
  const owner = new Int32Array(ab, at, devices);
  at += devices * 4;
  const reportedAt = u32(devices);
  const type = new Uint8Array(ab, at, count);
  const flags = new Uint8Array(ab, at + count, count);
  at += 2 * count;
  const departmentIds = JSON.parse(Buffer.from(ab, at, idBytes).toString('utf8')) as string[]; // why: written by writeIndexFile below
  return { count, ...fact, owner, reportedAt, type, flags, departmentIds };
}

const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
/** Devices per slice of an index write: three id lookups each, a few ms a slice on a busy machine. */
const INDEX_SLICE = 2500;

/** A sanitization entry: the id NUL-padded to 64 bytes, then segment, offset, length. */
function sanitizationEntry(id: string, ref: RecordRef): Buffer {
  if (id.length > SAN_ID_BYTES || /[^\x21-\x7e]/.test(id)) throw new Error(`Unsupported sanitization id: ${id}`);
  const entry = Buffer.alloc(SAN_ENTRY);
  entry.write(id, 0, 'latin1');
  entry.writeUInt32LE(ref.segment, 64);
  entry.writeUInt32LE(ref.offset, 68);
  entry.writeUInt32LE(ref.length, 72);
  return entry;
}

/**
 * Writes an index file in slices (yielding to the event loop), fsynced, then renamed into place. Places
 * and hashes of devices untouched since the previous index are copied byte for byte from it, so a
 * compaction makes almost no garbage for the collector to pause on.
 */
export async function writeIndexFile(file: string, src: TrailIndexSource): Promise<void> {
  const D = src.deviceIds.length;
  const ordinalOf = new Int32Array(D).fill(-1);
  const starts = new Uint32Array(D + 1);
  let events = 0;
  for (let i = 0; i < D; i++) {
    const id = src.deviceIds[i]!;
    const own = src.ownRefs.get(id);
    const o = src.ordinalOf(id);
    if (o !== undefined) ordinalOf[i] = o;
    starts[i] = events;
    events += own ? own.length / 3 : o !== undefined ? src.base.countAt(o) : 0;
    if (i % INDEX_SLICE === INDEX_SLICE - 1) await yieldToLoop();
  }
  starts[D] = events;
  const refs = new Uint32Array(events * 3);
  const heads = Buffer.alloc(D * 32);
  for (let i = 0; i < D; i++) {
    const id = src.deviceIds[i]!;
    const own = src.ownRefs.get(id);
    const o = ordinalOf[i]!;
    if (own) refs.set(own, starts[i]! * 3);
    else if (o >= 0) src.base.copyRefsAt(o, refs, starts[i]! * 3);
    const head = src.ownHeads.get(id);
    if (head) heads.write(head, i * 32, 'hex');
    else if (o >= 0) src.base.copyHeadAt(o, heads, i * 32);
    if (i % INDEX_SLICE === INDEX_SLICE - 1) await yieldToLoop();
  }
  // Merge the previous (sorted) table with the new records (sorted here), entry by entry in bytes.
  const added = src.newSanitizations
    .map(([id, ref]) => sanitizationEntry(id, ref))
    .sort((a, b) => a.compare(b, 0, SAN_ID_BYTES, 0, SAN_ID_BYTES));
  const base = src.base;
  const total = base.sanitizationCount + added.length;
  const sans = Buffer.alloc(total * SAN_ENTRY);
  let out = 0;
  let j = 0;
  for (let i = 0; i < base.sanitizationCount; i++) {
    while (j < added.length && base.compareSanitizationId(i, added[j]!) > 0) added[j++]!.copy(sans, out++ * SAN_ENTRY);
    base.copySanitizationEntry(i, sans, out++ * SAN_ENTRY);
    if (i % 20000 === 19999) await yieldToLoop();
  }
  while (j < added.length) added[j++]!.copy(sans, out++ * SAN_ENTRY);
  await yieldToLoop();
  const f = src.facts;
  const ids = Buffer.from(JSON.stringify(f.departmentIds), 'utf8');
  const header = new Uint32Array([MAGIC, VERSION, D, events, out, f.count, f.owner.length, ids.length]);
  const bytesOf = (a: Uint8Array | Uint32Array | Int32Array): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  const factParts = [f.at, f.device, f.dept, f.cycleStart, f.owner, f.reportedAt, f.type, f.flags].map(bytesOf);
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = await openPrivate(tmp, 'w');
  try {
    for (const part of [Buffer.from(header.buffer), Buffer.from(starts.buffer), Buffer.from(refs.buffer), heads, sans, ...factParts, ids]) {
      await fd.write(part);
    }
    await fd.sync();
  } finally {
    await fd.close();
  }
  await fs.promises.rename(tmp, file);
}
