/** The trail's hash chain: each event's hash covers its content and the previous event's hash. */
import { createHash, createHmac } from 'node:crypto';
import type { NewTrailEvent, TrailEvent } from '../../shared/schemas';

/** Hash of the chain before the first event of a device. */
export const GENESIS_HASH = '0'.repeat(64);

/** JSON with keys sorted at every level, so the hash does not depend on property order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>; // why: narrowed to a plain object above
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

export function hashEvent(event: Omit<TrailEvent, 'hash'>): string {
  return createHash('sha256').update(canonicalJson(event)).digest('hex');
}

/** The event as the next link of its device's chain: after `prev` (the last event's seq and hash, if any). */
export function chainEvent(event: NewTrailEvent, prev: { seq: number; hash: string } | undefined): TrailEvent {
  const withChain = { ...event, seq: (prev?.seq ?? 0) + 1, prevHash: prev?.hash ?? GENESIS_HASH } as Omit<TrailEvent, 'hash'>; // why: the same variant with seq and prevHash; TypeScript cannot relate the distributed Omit types
  return { ...withChain, hash: hashEvent(withChain) } as TrailEvent; // why: same variant, hash added
}

/** Checks one device's trail; returns the first problem's seq and kind, or null. */
export function checkChain(
  events: readonly TrailEvent[],
  expectedLength: number,
): { seq: number; problem: 'hash_mismatch' | 'chain_broken' | 'missing' | 'out_of_order' } | null {
  let prev = GENESIS_HASH;
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    if (e.seq !== i + 1) return { seq: i + 1, problem: e.seq > i + 1 ? 'missing' : 'out_of_order' };
    if (e.prevHash !== prev) return { seq: e.seq, problem: 'chain_broken' };
    const { hash, ...rest } = e;
    if (hashEvent(rest) !== hash) return { seq: e.seq, problem: 'hash_mismatch' };
    prev = hash;
  }
  if (events.length < expectedLength) return { seq: events.length + 1, problem: 'missing' };
  return null;
}

/**
 * The keyed link of an event: HMAC-SHA-256(key, previous link ‖ the event's sha256). The sha256 is of the
 * canonical event (hashEvent, checked by checkChain), so the link binds every field without serialising the
 * event a second time (that doubled the cost of a 5,000-device certificate's 10,000 events). The previous
 * link is the previous event's keyed link, or, for the first keyed event of a device, its `prevHash` (the
 * sha256 head of the events written before the store was keyed, or GENESIS_HASH), so the keyed chain covers
 * those too. Without the key nobody can recompute it: an edit that recomputes the sha256 chain still breaks this one.
 */
export function linkEvent(key: Buffer, prevLink: string, event: TrailEvent): string {
  return createHmac('sha256', key).update(prevLink).update('\n').update(event.hash).digest('hex');
}

/** HMAC of any canonical JSON value (the seal record of a store's keying). */
export function macOf(key: Buffer, value: unknown): string {
  return createHmac('sha256', key).update(canonicalJson(value)).digest('hex');
}

/**
 * HMAC over the sha256 heads of the events written before a store was keyed: (device id, count, head)
 * sorted by device id. Kept in the seal, so those events are covered by the key as well.
 */
export function legacyDigest(key: Buffer, heads: readonly (readonly [string, number, string])[]): string {
  const mac = createHmac('sha256', key).update('kredslob-trail-seal-v1\n');
  for (const [id, count, head] of [...heads].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) mac.update(`${id}\n${count}\n${head}\n`);
  return mac.digest('hex');
}
