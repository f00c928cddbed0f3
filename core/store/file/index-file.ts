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
 */
import fs from 'node:fs';
import type { RecordRef } from './journal';

const MAGIC = 0x5849524b; // "KRIX"
const VERSION = 1;
const HEADER_WORDS = 5;
export const SAN_ID_BYTES = 64;
const SAN_ENTRY = SAN_ID_BYTES + 12;

export interface TrailIndexSource {
  /** Device ids in snapshot order. */
  deviceIds: readonly string[];
  refsOf(deviceId: string): readonly number[];
  headOf(deviceId: string): string | undefined;
  /** The previous index's table (sorted) and the records since (any order). */
  baseSanitizations: IndexFile;
  newSanitizations: readonly [string, RecordRef][];
}

export class IndexFile {
  private constructor(
    private readonly starts: Uint32Array,
    private readonly refs: Uint32Array,
    private readonly heads: Buffer,
    private readonly sans: Buffer,
    readonly sanitizationCount: number,
  ) {}

  static empty(): IndexFile {
    return new IndexFile(new Uint32Array(1), new Uint32Array(0), Buffer.alloc(0), Buffer.alloc(0), 0);
  }

  static read(file: string): IndexFile {
    const buf = fs.readFileSync(file);
    // why: typed arrays need 4-byte alignment; a fresh copy of the bytes guarantees it
    const ab = buf.byteOffset % 4 === 0 ? buf.buffer : new Uint8Array(buf).buffer;
    const base = buf.byteOffset % 4 === 0 ? buf.byteOffset : 0;
    const head = new Uint32Array(ab, base, HEADER_WORDS);
    if (head[0] !== MAGIC || head[1] !== VERSION) throw new Error(`${file} is not a Kredsløb index (version ${head[1]})`);
    const devices = head[2]!;
    const events = head[3]!;
    const sanCount = head[4]!;
    let at = base + HEADER_WORDS * 4;
    const starts = new Uint32Array(ab, at, devices + 1);
    at += (devices + 1) * 4;
    const refs = new Uint32Array(ab, at, events * 3);
    at += events * 12;
    const bytes = Buffer.from(ab);
    const heads = bytes.subarray(at, at + devices * 32);
    at += devices * 32;
    const sans = bytes.subarray(at, at + sanCount * SAN_ENTRY);
    return new IndexFile(starts, refs, heads, sans, sanCount);
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

const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Writes an index file in slices (yielding to the event loop), fsynced, then renamed into place. */
export async function writeIndexFile(file: string, src: TrailIndexSource): Promise<void> {
  const D = src.deviceIds.length;
  const starts = new Uint32Array(D + 1);
  const perDevice: (readonly number[])[] = new Array(D);
  const heads = Buffer.alloc(D * 32);
  let events = 0;
  for (let i = 0; i < D; i++) {
    const id = src.deviceIds[i]!;
    const refs = src.refsOf(id);
    perDevice[i] = refs;
    starts[i] = events;
    events += refs.length / 3;
    const head = src.headOf(id);
    if (head) heads.write(head, i * 32, 'hex');
    if (i % 4000 === 3999) await yieldToLoop();
  }
  starts[D] = events;
  const refs = new Uint32Array(events * 3);
  for (let i = 0, at = 0; i < D; i++) {
    const r = perDevice[i]!;
    for (let k = 0; k < r.length; k++) refs[at++] = r[k]!;
    if (i % 8000 === 7999) await yieldToLoop();
  }
  // Merge the previous (sorted) table with the new records (sorted here): no full sort on the event loop.
  const added = [...src.newSanitizations].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const base = src.baseSanitizations;
  const total = base.sanitizationCount + added.length;
  const sans = Buffer.alloc(total * SAN_ENTRY);
  let out = 0;
  let j = 0;
  const put = (id: string, ref: RecordRef) => {
    const at = out++ * SAN_ENTRY;
    if (id.length > SAN_ID_BYTES || /[^\x21-\x7e]/.test(id)) throw new Error(`Unsupported sanitization id: ${id}`);
    sans.write(id, at, 'latin1');
    sans.writeUInt32LE(ref.segment, at + 64);
    sans.writeUInt32LE(ref.offset, at + 68);
    sans.writeUInt32LE(ref.length, at + 72);
  };
  for (const [id, ref] of base.sanitizations()) {
    while (j < added.length && added[j]![0] < id) put(...added[j++]!);
    put(id, ref);
    if (out % 5000 === 0) await yieldToLoop();
  }
  while (j < added.length) put(...added[j++]!);
  await yieldToLoop();
  const header = new Uint32Array([MAGIC, VERSION, D, events, out]);
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = await fs.promises.open(tmp, 'w');
  try {
    for (const part of [Buffer.from(header.buffer), Buffer.from(starts.buffer), Buffer.from(refs.buffer), heads, sans]) {
      await fd.write(part);
    }
    await fd.sync();
  } finally {
    await fd.close();
  }
  await fs.promises.rename(tmp, file);
}
