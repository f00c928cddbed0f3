/**
 * What a journal record holds: the writes of one transaction, in the order they are applied. The `k`
 * names are stored in every journal: never rename one.
 */
import type { Batch, Department, Device, FactorVersion, Location, Recycler, Reservation, SanitizationRecord, Settings, TrailEvent, Unit, User } from '../../../shared/schemas';

export type Op =
  | { k: 'device'; v: Device }
  | { k: 'event'; v: TrailEvent }
  | { k: 'reservation'; v: Reservation }
  | { k: 'sanitization'; v: SanitizationRecord }
  | { k: 'department'; v: Department }
  | { k: 'unit'; v: Unit }
  | { k: 'location'; v: Location }
  | { k: 'user'; v: User }
  | { k: 'recycler'; v: Recycler }
  | { k: 'batch'; v: Batch }
  | { k: 'factorVersion'; v: FactorVersion }
  | { k: 'settings'; v: Settings }
  /** The highest asset tag number handed out. */
  | { k: 'tag'; v: number };

/** The ops that write reference data. */
export type ReferenceOp = Extract<Op, { k: 'department' | 'unit' | 'location' | 'user' | 'recycler' | 'batch' | 'factorVersion' }>;

export interface JournalRecord {
  /** Record number: 1, 2, 3 … with no gaps across segments. */
  n: number;
  ops: Op[];
}
