/** The trail's hash chain: each event's hash covers its content and the previous event's hash. */
import { createHash } from 'node:crypto';
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
