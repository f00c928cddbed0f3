/**
 * Indexes that grow with the number of devices or a file's rows (the file store's, an import's repeats), built so
 * that growing never holds the event loop (bench:import's `max_loop_stall_ms`, issue 12).
 *
 * A JavaScript Map or Set doubles its table when it fills, and copies every entry at that moment: at 131,072
 * entries that takes ~11 ms for a Map and ~8 ms for a Set, at 262,144 twice as long. The state keeps five such
 * indexes per device (by id, tag, serial, state and unprofiled state) which fill at the same device, so one
 * commit that crossed 131,072 devices held the loop ~50 ms; an import's serials of the file, noted row by row,
 * held it 20–30 ms at the same count.
 *
 * - `SpreadMap` keeps its entries in 64 Maps chosen by a hash of the key. Each fills at a slightly different
 *   count (the hash spreads the keys at random), so a doubling copies 1/64 of the entries, and the 64 doublings
 *   fall in different commits.
 * - `SlotSet` is a set of device slots (small integers) as a bit set: adding never copies more than its words,
 *   which at 200,000 slots is 25 KB. It iterates in slot order.
 */

const SHARD_BITS = 6;
const SHARDS = 1 << SHARD_BITS;

/** Code units hashed from the end of a key: where ids, tags and serials differ (a uuid's last 8 are random). */
const HASHED_TAIL = 8;

/**
 * FNV-1a over the key's last HASHED_TAIL code units, mixed, the top SHARD_BITS bits: sequential keys ("KBH-0001234")
 * spread at random. Only the tail, since a snapshot's index walks 200,000 ids three times.
 */
function shardOf(key: string): number {
  let h = 0x811c9dc5;
  for (let i = Math.max(0, key.length - HASHED_TAIL); i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  // murmur3's finaliser: FNV leaves the last code unit's bits barely mixed into the top bits
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> (32 - SHARD_BITS);
}

/** A Map from strings, in 64 parts (see above). Iteration visits each part in turn, in insertion order within it. */
export class SpreadMap<V> {
  private readonly shards: Map<string, V>[] = Array.from({ length: SHARDS }, () => new Map<string, V>());
  private count = 0;

  get size(): number {
    return this.count;
  }

  get(key: string): V | undefined {
    return this.shards[shardOf(key)]!.get(key);
  }

  has(key: string): boolean {
    return this.shards[shardOf(key)]!.has(key);
  }

  set(key: string, value: V): this {
    const shard = this.shards[shardOf(key)]!;
    const before = shard.size;
    shard.set(key, value);
    this.count += shard.size - before;
    return this;
  }

  delete(key: string): boolean {
    const deleted = this.shards[shardOf(key)]!.delete(key);
    if (deleted) this.count--;
    return deleted;
  }

  *entries(): IterableIterator<[string, V]> {
    for (const shard of this.shards) yield* shard;
  }

  *keys(): IterableIterator<string> {
    for (const shard of this.shards) yield* shard.keys();
  }

  *values(): IterableIterator<V> {
    for (const shard of this.shards) yield* shard.values();
  }

  [Symbol.iterator](): IterableIterator<[string, V]> {
    return this.entries();
  }

  /** An independent copy (for a snapshot taken while the state moves on). */
  copy(): SpreadMap<V> {
    const out = new SpreadMap<V>();
    for (let i = 0; i < SHARDS; i++) out.shards[i] = new Map(this.shards[i]);
    out.count = this.count;
    return out;
  }

  /** The number of entries in each part, for tests. */
  shardSizes(): number[] {
    return this.shards.map((s) => s.size);
  }
}

/** A set of non-negative integers (device slots) as a bit set; iterates in ascending order. */
export class SlotSet implements Iterable<number> {
  private words = new Uint32Array(0);
  private count = 0;

  get size(): number {
    return this.count;
  }

  has(slot: number): boolean {
    const w = slot >>> 5;
    return w < this.words.length && (this.words[w]! & (1 << (slot & 31))) !== 0;
  }

  add(slot: number): this {
    if (!Number.isInteger(slot) || slot < 0) throw new RangeError(`SlotSet: ${slot} is not a slot`);
    const w = slot >>> 5;
    if (w >= this.words.length) {
      // Doubling keeps adding in amortised constant time; the copy is of words, 1/32 of the slots.
      const grown = new Uint32Array(Math.max(w + 1, this.words.length * 2, 8));
      grown.set(this.words);
      this.words = grown;
    }
    const bit = 1 << (slot & 31);
    if ((this.words[w]! & bit) === 0) {
      this.words[w] = this.words[w]! | bit;
      this.count++;
    }
    return this;
  }

  delete(slot: number): boolean {
    if (!this.has(slot)) return false;
    const w = slot >>> 5;
    this.words[w] = this.words[w]! & ~(1 << (slot & 31));
    this.count--;
    return true;
  }

  /** Calls `fn` with each slot in ascending order, without an iterator per call (searches visit 25,000). */
  forEach(fn: (slot: number) => void): void {
    const words = this.words;
    for (let w = 0; w < words.length; w++) {
      let bits = words[w]!;
      while (bits !== 0) {
        const low = bits & -bits;
        fn((w << 5) + (31 - Math.clz32(low)));
        bits ^= low;
      }
    }
  }

  *[Symbol.iterator](): IterableIterator<number> {
    const words = this.words;
    for (let w = 0; w < words.length; w++) {
      let bits = words[w]!;
      while (bits !== 0) {
        const low = bits & -bits;
        yield (w << 5) + (31 - Math.clz32(low));
        bits ^= low;
      }
    }
  }
}
