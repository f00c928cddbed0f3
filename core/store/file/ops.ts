/**
 * What a journal record holds: the writes of one transaction, in the order they are applied. The `k`
 * names are stored in every journal: never rename one.
 */
import type { Notification, WantedRequest } from '../../../shared/wanted';
import type { AdminAuditEntry, AuthAuditEntry, Credential, Batch, Department, Device, FactorVersion, Location, OidcGroup, Recycler, Reservation, SanitizationRecord, Settings, TrailEvent, Unit, User } from '../../../shared/schemas';

export type Op =
  | { k: 'device'; v: Device }
  /** `m`: the event's keyed link (trail-hash.ts linkEvent), in every event written after the store's seal. */
  | { k: 'event'; v: TrailEvent; m?: string }
  | { k: 'reservation'; v: Reservation }
  | { k: 'sanitization'; v: SanitizationRecord }
  | { k: 'department'; v: Department }
  | { k: 'unit'; v: Unit }
  | { k: 'location'; v: Location }
  | { k: 'user'; v: User }
  | { k: 'recycler'; v: Recycler }
  | { k: 'batch'; v: Batch }
  | { k: 'factorVersion'; v: FactorVersion }
  | { k: 'adminAudit'; v: AdminAuditEntry }
  | { k: 'settings'; v: Settings }
  /** The highest asset tag number handed out. */
  | { k: 'tag'; v: number }
  /** The store was keyed: from here on every event carries its keyed link. Written once. */
  | { k: 'trailSeal'; v: TrailSeal }
  // Wanted requests and notifications (issue 11)
  | { k: 'wantedRequest'; v: WantedRequest }
  | { k: 'notification'; v: Notification }
  // Admin screens (issue 12): a location or unit nothing points at any more is removed.
  | { k: 'removeReference'; v: { kind: RemovableKind; id: string } }
  // Sign-in (issue 13, wt-auth)
  | { k: 'credential'; v: Credential }
  | { k: 'authAudit'; v: AuthAuditEntry }
  // Sign-in groups (issue 13, wt-oidc)
  | { k: 'oidcGroup'; v: OidcGroup };

/** The reference kinds an admin may remove (people are deactivated, never removed). */
export type RemovableKind = 'location' | 'unit' | 'oidcGroup';

/**
 * The record of a store's keying. `legacy` is an HMAC over the sha256 heads of every device's events
 * written before it (device id, count, head; by device id), so those events are covered by the key too.
 */
export interface TrailSeal {
  /** Names the store's key files outside the data folder (core/store/trail-key.ts). */
  storeId: string;
  /** Which key sealed the store (keyIdOf). */
  keyId: string;
  at: string;
  legacyDevices: number;
  legacyEvents: number;
  legacy: string;
  /** HMAC of the fields above. */
  mac: string;
}

/** The ops that write reference data. */
export type ReferenceOp = Extract<Op, { k: 'department' | 'unit' | 'location' | 'user' | 'recycler' | 'batch' | 'factorVersion' | 'adminAudit' | 'credential' | 'authAudit' | 'oidcGroup' }>;

export interface JournalRecord {
  /** Record number: 1, 2, 3 … with no gaps across segments. */
  n: number;
  ops: Op[];
}
