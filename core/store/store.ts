/**
 * The store interface. It speaks the domain; every implementation (the lowdb file store, the SQLite
 * reference used by the benchmark, the PostgreSQL store of shared mode) passes the same contract suite
 * (store-contract.ts).
 *
 * Rules every implementation keeps:
 * - `transaction` is atomic: either every write in it is durable when it resolves, or none is.
 * - Transactions are serializable: a rule that spans records ("reserve only if listed and not held") is
 *   checked and written inside one transaction.
 * - The trail is append-only: `appendEvent` assigns seq (1, 2, 3 … per device) and the hash chain;
 *   nothing updates or deletes an event.
 */
import type {
  AdminAuditEntry,
  AuthAuditEntry,
  Credential,
  Batch,
  Category,
  Department,
  Device,
  DeviceStatus,
  FactorVersion,
  Location,
  NewTrailEvent,
  OidcGroup,
  Recycler,
  Reservation,
  SanitizationRecord,
  Settings,
  TrailEvent,
  Unit,
  User,
} from '../../shared/schemas';
import type { StatFacts } from '../stats/facts';
import type { MarketFilter } from '../../shared/market-filter';
import type { MarketFacets } from '../../shared/market-facets';
import type { Notification, WantedRequest } from '../../shared/wanted';

/** The settings of a store nobody has configured yet. */
export const DEFAULT_SETTINGS: Settings = { reservationDays: 7, organisationName: 'Københavns Kommune' };

/** Reference data by kind: records looked up by id and listed whole. */
export interface ReferenceData {
  department: Department;
  unit: Unit;
  location: Location;
  recycler: Recycler;
  user: User;
  /** E-waste batches: a few thousand a year, each kept whole (its devices carry its id). */
  batch: Batch;
  /** Versions of the emission-factor table, kept under their number; never changed once written. */
  factorVersion: FactorVersion;
  /** The admin audit list (issue 12): a few thousand entries a year, listed newest first. */
  adminAudit: AdminAuditEntry;
  // Sign-in (issue 13, wt-auth)
  /** A person's local password and lock-out state, kept under their user id; never sent to a client. */
  credential: Credential;
  /** The sign-in audit log: tens of thousands of entries a year, listed newest first. */
  authAudit: AuthAuditEntry;
  // Sign-in through the identity provider (issue 13, wt-oidc)
  /** The group → role table an admin edits: a few dozen rows, kept by id, read in table order. */
  oidcGroup: OidcGroup;
}
export type ReferenceKind = keyof ReferenceData;

/** The key a reference record is kept under: its id, or a factor version's number. */
export function referenceKey(record: ReferenceData[ReferenceKind]): string {
  if ('userId' in record && !('id' in record)) return record.userId; // a credential: one per person
  return 'id' in record ? record.id : String(record.number);
}

export interface DeviceQuery {
  text?: string | undefined;
  category?: Category | undefined;
  status?: DeviceStatus | undefined;
  departmentId?: string | undefined;
  /** Devices recorded at this location (a shelf, the warehouse or a site). */
  locationId?: string | undefined;
  /** Devices packed in this e-waste batch (Device.batchId). */
  batchId?: string | undefined;
  /** Devices with exactly this serial number, ignoring case and surrounding spaces. */
  serial?: string | undefined;
  sort: 'updated_desc' | 'reported_desc' | 'model_asc' | 'year_desc' | 'ram_desc';
  limit: number;
  offset: number;
  /** The marketplace's filters (shared/market-filter.ts), on top of the fields above. */
  filter?: MarketFilter | undefined;
  /** Also count the facets (shared/market-facets.ts) of the devices the query's other fields select. */
  facets?: boolean | undefined;
}

export interface DeviceSearchResult {
  items: Device[];
  total: number;
  /** Only when the query asked for them. */
  facets?: MarketFacets;
}

export interface ReservationQuery {
  departmentId?: string | undefined;
  status?: Reservation['status'] | undefined;
  limit: number;
}

export interface TrailProblem {
  deviceId: string;
  assetTag: string;
  seq: number;
  /**
   * `link_mismatch`: the keyed link does not match (a deliberate edit: found only with the key);
   * `unlinked`: an event written after the store was keyed has no keyed link.
   */
  problem: 'hash_mismatch' | 'chain_broken' | 'missing' | 'out_of_order' | 'unreadable' | 'link_mismatch' | 'unlinked';
}

/** Reads, available both outside and inside a transaction (inside, they see the transaction's own writes). */
export interface StoreReads extends WantedReads {
  getDevice(id: string): Promise<Device | undefined>;
  getDeviceByTag(assetTag: string): Promise<Device | undefined>;
  getReservation(id: string): Promise<Reservation | undefined>;
  /** The one reservation holding a device (active, or pending approval), if any. */
  activeReservation(deviceId: string): Promise<Reservation | undefined>;
  getSanitization(id: string): Promise<SanitizationRecord | undefined>;
  getUser(id: string): Promise<User | undefined>;
  getDepartment(id: string): Promise<Department | undefined>;
  getLocation(id: string): Promise<Location | undefined>;
  getRecycler(id: string): Promise<Recycler | undefined>;
  getBatch(id: string): Promise<Batch | undefined>;
  /** How many batches exist (they are never deleted): the next batch's number is this plus one. */
  batchCount(): Promise<number>;
  getSettings(): Promise<Settings>;
  /**
   * The stored versions of the emission-factor table, oldest (lowest number) first; empty until an admin first
   * edits the table (version 1, the default, is not stored). A handful a year, so always read whole.
   */
  listFactorVersions(): Promise<FactorVersion[]>;
  /** The highest asset tag number issued so far (0 before the first): a tag above it was never issued. */
  lastAssetTagNumber(): Promise<number>;
  /** A person's local password and lock-out state (sign-in, issue 13). */
  getCredential(userId: string): Promise<Credential | undefined>;
  /** How many people the store holds (0 on a first start without demo data: setup, issue 12). */
  userCount(): Promise<number>;
  // Import of registers (issue 12): a file's serials are matched against the store a batch at a time.
  /** Devices whose serial is one of `serials`, ignoring case and surrounding spaces; any order. */
  devicesBySerial(serials: readonly string[]): Promise<Device[]>;
}

/** How serials are compared: case and surrounding spaces do not count (as DeviceQuery.serial). */
export const serialKey = (serial: string): string => serial.trim().toLowerCase();

export interface StoreTx extends StoreReads, WantedWrites {
  putDevice(device: Device): void;
  /** Appends to the device's trail; returns the event with seq, prevHash and hash assigned. */
  appendEvent(event: NewTrailEvent): Promise<TrailEvent>;
  putReservation(reservation: Reservation): void;
  putSanitization(record: SanitizationRecord): void;
  putDepartment(department: Department): void;
  putUnit(unit: Unit): void;
  putLocation(location: Location): void;
  putRecycler(recycler: Recycler): void;
  putBatch(batch: Batch): void;
  /** Adds a factor version; the caller numbers it (the next after listFactorVersions) in the same transaction. */
  putFactorVersion(version: FactorVersion): void;
  putUser(user: User): void;
  putSettings(settings: Settings): void;
  /** Adds an entry to the admin audit list (core/admin/audit.ts writes them). */
  putAdminAudit(entry: AdminAuditEntry): void;
  // Sign-in (issue 13, wt-auth)
  /** Sets a person's password and lock-out state (one per person: the newer replaces the older). */
  putCredential(credential: Credential): void;
  /** Adds an entry to the sign-in audit log. */
  putAuthAudit(entry: AuthAuditEntry): void;
  /** The next free asset tag number (monotonic, never reused). */
  allocateAssetTagNumber(): Promise<number>;
  // Admin screens (issue 12): the caller checks first that nothing points at the record; the trail keeps names.
  /** Removes a location; removing one that is not there is harmless. */
  removeLocation(id: string): void;
  /** Removes a unit; removing one that is not there is harmless. */
  removeUnit(id: string): void;
  /**
   * Counts `n` as issued (an imported device's tag, issue 12): the numbers handed out later are above it.
   * A number at or below the last issued changes nothing.
   */
  raiseAssetTagNumber(n: number): void;
  // Sign-in groups (issue 13, wt-oidc)
  putOidcGroup(row: OidcGroup): void;
  /** Removes a sign-in group row; removing one that is not there is harmless. */
  removeOidcGroup(id: string): void;
}

export interface Store extends StoreReads, WantedQueries {
  readonly kind: string;
  transaction<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T>;
  searchDevices(query: DeviceQuery): Promise<DeviceSearchResult>;
  /** A device's full trail, oldest first. */
  trail(deviceId: string): Promise<TrailEvent[]>;
  /**
   * The statistic facts (core/stats/facts.ts) of the trail events at or after `from` and before `to` (ISO
   * instants), with the devices they point to. The file store keeps them in memory; others may query.
   */
  statFacts(from: string, to: string): Promise<StatFacts>;
  searchReservations(query: ReservationQuery): Promise<Reservation[]>;
  /** Holding reservations (active, or pending approval) whose expiry or approval deadline is at or before `at`. */
  dueReservations(at: string): Promise<Reservation[]>;
  listDepartments(): Promise<Department[]>;
  listUnits(): Promise<Unit[]>;
  listLocations(): Promise<Location[]>;
  listRecyclers(): Promise<Recycler[]>;
  listBatches(): Promise<Batch[]>;
  /**
   * Keeps a file (a certificate's PDF, later photos) by its sha256 and returns that. Storing the same bytes
   * twice keeps one copy. The bytes are durable when it resolves; a file no record names is harmless.
   */
  putAttachment(bytes: Uint8Array): Promise<string>;
  getAttachment(sha256: string): Promise<Uint8Array | undefined>;
  listUsers(): Promise<User[]>;
  /** The admin audit list, newest first. */
  listAdminAudit(limit: number): Promise<AdminAuditEntry[]>;
  /** The sign-in audit log, newest first (issue 13). */
  listAuthAudit(limit: number): Promise<AuthAuditEntry[]>;
  /** The sign-in group table in table order (position, then id). (issue 13, wt-oidc) */
  listOidcGroups(): Promise<OidcGroup[]>;
  deviceCount(): Promise<number>;
  /** Recomputes every device's hash chain; an empty list means the trail is intact. */
  verifyTrails(): Promise<TrailProblem[]>;
  /** Writes a consistent copy of the store into an empty folder while the store stays open. */
  backup(targetDir: string): Promise<void>;
  close(): Promise<void>;
  // bench:server CPU per call (issue 13, wt-srv2)
  /**
   * A caller as every call checks them: the person and their administration, read together. Optional: a store
   * whose reads cost a statement each (PostgreSQL) saves one on every call; without it getUser and getDepartment.
   */
  getCaller?(userId: string): Promise<{ user: User; department: Department | undefined } | undefined>;
  /**
   * A device with what its page shows (its trail, the reservation holding it, its wipe record), by id or by tag,
   * read together. Optional, as getCaller: PostgreSQL answers a device page in one statement instead of four.
   */
  getDevicePage?(ref: { id: string } | { assetTag: string }): Promise<DevicePage | undefined>;
  /**
   * The reservations holding any of these devices (activeReservation for each), in one read. Optional, as
   * getCaller: the warehouse's search of reserved devices asked PostgreSQL once for each of up to 50.
   */
  activeReservations?(deviceIds: readonly string[]): Promise<Reservation[]>;
}

/** A device and what its page shows (Store.getDevicePage). */
export interface DevicePage {
  device: Device;
  trail: TrailEvent[];
  reservation: Reservation | undefined;
  sanitization: SanitizationRecord | undefined;
}

// ---- Wanted requests ("efterlysninger") and notifications (issue 11) ----

/** Reads of wanted requests and notifications, outside and inside a transaction. */
export interface WantedReads {
  getWantedRequest(id: string): Promise<WantedRequest | undefined>;
  /**
   * Requests with status open that name `category` or no category: what a device listed in `category` may match.
   * Kept indexed by category, so listing reads a few dozen of 1,000 open requests. End day and quantity are the caller's to check.
   */
  openWantedRequests(category: Category): Promise<WantedRequest[]>;
  getNotification(id: string): Promise<Notification | undefined>;
  /** Every notification about a device (to count a reservation against the requests that told of it). */
  notificationsForDevice(deviceId: string): Promise<Notification[]>;
}

export interface WantedWrites {
  putWantedRequest(request: WantedRequest): void;
  putNotification(notification: Notification): void;
}

export interface WantedQueries {
  /** Wanted requests, newest first; one administration's when `departmentId` is given. */
  listWantedRequests(departmentId?: string): Promise<WantedRequest[]>;
  /** A person's notifications, newest first, at most `limit`. */
  listNotifications(userId: string, limit: number): Promise<Notification[]>;
  /** How many of a person's notifications are unread. */
  unreadNotifications(userId: string): Promise<number>;
}

/** Newest first by createdAt (ties by id, so the order is stable). */
/** The admin audit list's order, newest first, cut at `limit`: the one order both stores keep. */
/** (The sign-in audit log, issue 13, keeps the same order.) */
export function auditNewestFirst<T extends { at: string; id: string }>(entries: T[], limit: number): T[] {
  return entries.sort((a, b) => (a.at !== b.at ? (a.at < b.at ? 1 : -1) : a.id < b.id ? 1 : -1)).slice(0, limit);
}

/** The sign-in group table's order: by position, ties by id (the one order every store keeps). */
export function inTableOrder(rows: OidcGroup[]): OidcGroup[] {
  return rows.sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function newestFirst<T extends { createdAt: string; id: string }>(items: T[]): T[] {
  return items.sort((a, b) => (a.createdAt !== b.createdAt ? (a.createdAt < b.createdAt ? 1 : -1) : a.id < b.id ? 1 : -1));
}
