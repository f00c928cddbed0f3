import { describe, expect, it } from 'vitest';
import { TrailEvent } from '../../shared/schemas';
import { doubleHolds, raceRounds, type Attempt } from './race-count';

let seq = 0;
/** A trail event of `type` about reservation `reservationId` (or none), as the store keeps it. */
function event(type: TrailEvent['type'], reservationId?: string): TrailEvent {
  seq++;
  const base = {
    id: `e${seq}`,
    deviceId: 'dev-0000001',
    seq,
    at: new Date(Date.UTC(2026, 10, 1, 0, seq)).toISOString(),
    actor: { id: 'user-buf-1', name: 'Anna Hansen', role: 'department_contact' },
    locationId: 'loc-shelf-A1',
    locationName: 'Hylde A-01',
    prevHash: '',
    hash: '',
    type,
  };
  const onReservation = { reservationId, departmentId: 'dep-buf' };
  const bodies: Partial<Record<TrailEvent['type'], object>> = {
    reserved: { ...onReservation, expiresAt: '2026-11-08T00:00:00.000Z' },
    reservation_cancelled: onReservation,
    reservation_expired: onReservation,
    handed_over: { reservationId, fromDepartmentId: 'dep-okf', toDepartmentId: 'dep-buf', replacesNewPurchase: true },
  };
  return TrailEvent.parse({ ...base, ...bodies[type] });
}

const attempt = (start: number, end: number): Attempt => ({ deviceId: 'dev-0000001', start, end, won: false });

describe('bench:server race accounting', () => {
  it('counts a trail where a second reservation took hold before the first ended as a double winner', () => {
    expect(doubleHolds([event('listed'), event('reserved', 'r1'), event('reserved', 'r2')])).toBe(1);
    expect(doubleHolds([event('reserved', 'r1'), event('reservation_cancelled', 'r2'), event('reserved', 'r3')])).toBe(1);
  });

  it('finds none when each reservation ended (cancelled, expired, handed over) before the next', () => {
    const trail = [
      event('listed'),
      event('reserved', 'r1'),
      event('reservation_cancelled', 'r1'),
      event('reserved', 'r2'),
      event('reservation_expired', 'r2'),
      event('reserved', 'r3'),
      event('handed_over', 'r3'),
    ];
    expect(doubleHolds(trail)).toBe(0);
  });

  it('counts overlapping attempts on one device as one race round, and attempts apart as none', () => {
    expect(raceRounds([attempt(0, 10), attempt(5, 12), attempt(11, 15)])).toBe(1);
    expect(raceRounds([attempt(0, 10), attempt(20, 30)])).toBe(0);
    expect(raceRounds([attempt(20, 30), attempt(0, 10), attempt(25, 26), attempt(5, 6)])).toBe(2);
    expect(raceRounds([attempt(0, 10)])).toBe(0);
  });
});
