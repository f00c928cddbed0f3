/**
 * bench:server's accounting of reservation races: which attempts raced each other, and whether a trail ever
 * shows two reservations holding one device at once.
 */
import type { TrailEvent } from '../../shared/schemas';

/** One reservation attempt, for finding races: which device, from when to when, and whether it won. */
export interface Attempt {
  deviceId: string;
  start: number;
  end: number;
  won: boolean;
}

/** Rounds of a race: attempts on one device whose times overlap, two or more of them. */
export function raceRounds(attempts: readonly Attempt[]): number {
  let rounds = 0;
  let size = 0;
  let end = -Infinity;
  for (const a of [...attempts].sort((x, y) => x.start - y.start)) {
    if (a.start < end) size++;
    else {
      if (size >= 2) rounds++;
      size = 1;
    }
    end = Math.max(end, a.end);
  }
  return size >= 2 ? rounds + 1 : rounds;
}

const HOLDS: ReadonlySet<TrailEvent['type']> = new Set(['reserved', 'reservation_requested']);
const ENDS_HOLD: ReadonlySet<TrailEvent['type']> = new Set(['reservation_cancelled', 'reservation_expired', 'reservation_rejected', 'approval_expired', 'handed_over']);

/** Times in a trail that a second reservation took hold while another still held the device. */
export function doubleHolds(trail: readonly TrailEvent[]): number {
  const held = new Set<string>();
  let doubles = 0;
  for (const e of trail) {
    if (!('reservationId' in e) || typeof e.reservationId !== 'string') continue;
    if (HOLDS.has(e.type)) {
      if (held.size > 0) doubles++;
      held.add(e.reservationId);
    } else if (ENDS_HOLD.has(e.type)) held.delete(e.reservationId);
  }
  return doubles;
}
