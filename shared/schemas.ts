/**
 * Domain schemas. Runs anywhere: no Node, no DOM. Every record that crosses a boundary or is stored is
 * described here once; TypeScript types are inferred from these schemas, never written twice.
 */
import { z } from 'zod';

export const ROLES = ['department_contact', 'warehouse', 'sustainability', 'admin'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const Id = z.string().min(1).max(64);

/** An asset tag as printed under the QR code: "KK-" + 6 to 10 digits, e.g. KK-0001234. */
export const ASSET_TAG_PATTERN = /^KK-\d{6,10}$/;
export const AssetTag = z
  .string()
  .trim()
  .toUpperCase()
  .regex(ASSET_TAG_PATTERN, { message: 'asset_tag_format' });

export const IsoDateTime = z.iso.datetime({ offset: true });

export const Department = z.object({
  id: Id,
  code: z.string().min(2).max(8),
  name: z.string().min(1).max(200),
  nameEn: z.string().min(1).max(200),
});
export type Department = z.infer<typeof Department>;

export const Unit = z.object({
  id: Id,
  departmentId: Id,
  name: z.string().min(1).max(200),
});
export type Unit = z.infer<typeof Unit>;

export const LOCATION_KINDS = ['warehouse', 'shelf', 'site'] as const;
export const Location = z.object({
  id: Id,
  kind: z.enum(LOCATION_KINDS),
  name: z.string().min(1).max(200),
  /** A shelf's warehouse. */
  parentId: Id.optional(),
  /** The administration a site belongs to; warehouses and shelves belong to none. */
  departmentId: Id.optional(),
  address: z.string().max(300).optional(),
});
export type Location = z.infer<typeof Location>;

export const User = z.object({
  id: Id,
  name: z.string().min(1).max(200),
  email: z.string().email().max(200),
  role: Role,
  departmentId: Id,
  unitId: Id.optional(),
});
export type User = z.infer<typeof User>;

/** Who acted, as they were at the time: kept on every event so the trail reads right after people move. */
export const ActorSnapshot = z.object({
  id: Id,
  name: z.string(),
  role: z.union([Role, z.literal('system')]),
  departmentId: Id.optional(),
  departmentCode: z.string().optional(),
});
export type ActorSnapshot = z.infer<typeof ActorSnapshot>;

export const CATEGORIES = [
  'laptop',
  'desktop',
  'workstation',
  'thin_client',
  'tablet',
  'phone',
  'server',
  'printer_mfp',
  'printer',
  'network',
  'monitor',
  'docking_station',
  'peripheral',
  'other',
] as const;
export const Category = z.enum(CATEGORIES);
export type Category = z.infer<typeof Category>;

export const CONDITIONS = ['A', 'B', 'C', 'D', 'defective'] as const;
export const Condition = z.enum(CONDITIONS);
export type Condition = z.infer<typeof Condition>;

export const DEVICE_STATUSES = [
  'reported',
  'in_stock',
  'listed',
  'reserved',
  'reused',
  'ewaste_queued',
  'in_batch',
  'collected',
  'certified',
  'recycled',
  'destroyed',
] as const;
export const DeviceStatus = z.enum(DEVICE_STATUSES);
export type DeviceStatus = z.infer<typeof DeviceStatus>;

export const Specs = z.object({
  cpu: z.string().max(120).optional(),
  ramGb: z.number().int().min(0).max(4096).optional(),
  storageGb: z.number().int().min(0).max(1_000_000).optional(),
  storageType: z.enum(['hdd', 'ssd', 'emmc', 'none']).optional(),
  screenInch: z.number().min(0).max(120).optional(),
});
export type Specs = z.infer<typeof Specs>;

export const Device = z.object({
  id: Id,
  assetTag: AssetTag,
  category: Category,
  manufacturer: z.string().min(1).max(100),
  model: z.string().min(1).max(200),
  serial: z.string().min(1).max(100),
  specs: Specs,
  condition: Condition.optional(),
  /** Effective flag: derived from the category unless overridden (see dataBearingOverride). */
  dataBearing: z.boolean(),
  /** Set when a person overrode the category's default, e.g. a printer that turned out to have a disk. */
  dataBearingOverride: z.boolean().optional(),
  departmentId: Id,
  locationId: Id,
  status: DeviceStatus,
  weightKg: z.number().min(0).max(2000),
  year: z.number().int().min(1990).max(2100).optional(),
  notes: z.string().max(2000).optional(),
  /** The id of the newest sanitization record; absent if the device was never wiped in this cycle. */
  sanitizationId: Id.optional(),
  reportedAt: IsoDateTime,
  updatedAt: IsoDateTime,
  /** Number of trail events; the next event gets seq = trailLength + 1. */
  trailLength: z.number().int().min(0),
});
export type Device = z.infer<typeof Device>;

export const SANITIZATION_METHODS = ['clear', 'purge', 'destroy'] as const;
export const SanitizationMethod = z.enum(SANITIZATION_METHODS);
export type SanitizationMethod = z.infer<typeof SanitizationMethod>;
export const MEDIA_TYPES = ['hdd', 'ssd', 'flash', 'emmc', 'mixed', 'none'] as const;
export const VERIFICATION_METHODS = ['full', 'sample', 'tool_report'] as const;

/** A NIST SP 800-88 sanitization record ("certificate of sanitization" fields). */
export const SanitizationRecord = z.object({
  id: Id,
  deviceId: Id,
  method: SanitizationMethod,
  /** e.g. "Cryptographic erase", "ATA Secure Erase", "Overwrite 1 pass", "Shredding". */
  technique: z.string().min(1).max(200),
  mediaType: z.enum(MEDIA_TYPES),
  tool: z.string().min(1).max(200),
  toolVersion: z.string().min(1).max(60),
  verificationMethod: z.enum(VERIFICATION_METHODS),
  verified: z.boolean(),
  operator: ActorSnapshot,
  verifierName: z.string().min(1).max(200),
  performedAt: IsoDateTime,
  notes: z.string().max(2000).optional(),
});
export type SanitizationRecord = z.infer<typeof SanitizationRecord>;

export const RESERVATION_STATUSES = ['active', 'cancelled', 'expired', 'fulfilled'] as const;
export const Reservation = z.object({
  id: Id,
  deviceId: Id,
  departmentId: Id,
  /** The reserving administration's site the device goes to (absent in reservations made before sites were named). */
  locationId: Id.optional(),
  reservedBy: ActorSnapshot,
  createdAt: IsoDateTime,
  expiresAt: IsoDateTime,
  status: z.enum(RESERVATION_STATUSES),
  endedAt: IsoDateTime.optional(),
});
export type Reservation = z.infer<typeof Reservation>;

const eventBase = {
  id: Id,
  deviceId: Id,
  /** 1, 2, 3 … per device, no gaps. */
  seq: z.number().int().min(1),
  at: IsoDateTime,
  actor: ActorSnapshot,
  locationId: Id,
  locationName: z.string(),
  /** sha256 of this event (without hash) chained to prevHash of the same device. */
  prevHash: z.string(),
  hash: z.string(),
};

/** Trail events: one variant per thing that can happen to a device. The trail is append-only. */
export const TrailEvent = z.discriminatedUnion('type', [
  z.object({
    ...eventBase,
    type: z.literal('reported'),
    departmentId: Id,
    note: z.string().optional(),
    /** Set when the reporter overrode the category's data-bearing default (who did it is the event's actor). */
    dataBearingOverride: z.boolean().optional(),
  }),
  z.object({ ...eventBase, type: z.literal('checked_in'), condition: Condition }),
  /** A pre-printed label was stuck on the device: its asset tag changed from `fromTag` to this one. */
  z.object({ ...eventBase, type: z.literal('tag_linked'), fromTag: AssetTag, toTag: AssetTag }),
  z.object({ ...eventBase, type: z.literal('sanitized'), sanitizationId: Id, method: SanitizationMethod, verified: z.boolean() }),
  z.object({ ...eventBase, type: z.literal('listed') }),
  z.object({ ...eventBase, type: z.literal('unlisted'), reason: z.string().optional() }),
  z.object({ ...eventBase, type: z.literal('reserved'), reservationId: Id, departmentId: Id, expiresAt: IsoDateTime }),
  z.object({ ...eventBase, type: z.literal('reservation_cancelled'), reservationId: Id, departmentId: Id }),
  z.object({ ...eventBase, type: z.literal('reservation_expired'), reservationId: Id, departmentId: Id }),
  z.object({
    ...eventBase,
    type: z.literal('handed_over'),
    reservationId: Id,
    fromDepartmentId: Id,
    toDepartmentId: Id,
    replacesNewPurchase: z.boolean(),
    /** Who collected it for the reserving administration. */
    pickedUpBy: z.string().optional(),
  }),
  z.object({
    ...eventBase,
    type: z.literal('moved'),
    fromLocationId: Id,
    fromLocationName: z.string().optional(),
    /** The move takes back the one before it (undo at the scan station); the trail keeps both. */
    undo: z.boolean().optional(),
  }),
  z.object({
    ...eventBase,
    type: z.literal('routed_to_ewaste'),
    /** One of EWASTE_REASONS (older trails hold free text, shown as written). */
    reason: z.string(),
    note: z.string().optional(),
  }),
  z.object({ ...eventBase, type: z.literal('added_to_batch'), batchId: Id }),
  z.object({ ...eventBase, type: z.literal('removed_from_batch'), batchId: Id }),
  z.object({ ...eventBase, type: z.literal('collected'), batchId: Id }),
  z.object({ ...eventBase, type: z.literal('certified'), batchId: Id, certificateNo: z.string() }),
  z.object({ ...eventBase, type: z.literal('recycled'), batchId: Id }),
  z.object({ ...eventBase, type: z.literal('destroyed'), batchId: Id }),
  z.object({ ...eventBase, type: z.literal('note_added'), note: z.string() }),
]);
export type TrailEvent = z.infer<typeof TrailEvent>;
export type TrailEventType = TrailEvent['type'];
/** An event as a service writes it; the store assigns seq, prevHash and hash. */
export type NewTrailEvent = TrailEvent extends infer E
  ? E extends TrailEvent
    ? Omit<E, 'seq' | 'prevHash' | 'hash'>
    : never
  : never;

/** What a label's QR code holds: the bare tag, or the kredslob://device/ link (shared/labels/payload.ts). */
export const TAG_PAYLOAD_FORMS = ['tag', 'url'] as const;

/** Certification schemes a recycler under the joint agreement may hold. */
export const CERTIFICATION_SCHEMES = ['R2v3', 'e-Stewards', 'WEEELABEX', 'EN 50625', 'ISO 14001'] as const;

/** A recycler under the joint e-waste agreement (the receiver of collected batches). */
export const Recycler = z.object({
  id: Id,
  legalName: z.string().trim().min(1).max(200),
  /** Danish CVR number: 8 digits that pass the modulus-11 check (checked where it is entered). */
  cvr: z.string().regex(/^\d{8}$/),
  address: z.string().trim().min(1).max(300),
  contactName: z.string().trim().max(200).optional(),
  contactEmail: z.string().trim().email().max(200).optional(),
  contactPhone: z.string().trim().max(40).optional(),
  certifications: z
    .array(
      z.object({
        scheme: z.enum(CERTIFICATION_SCHEMES),
        number: z.string().trim().min(1).max(100),
        /** Last valid day, YYYY-MM-DD. */
        validUntil: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
      }),
    )
    .max(20),
  updatedAt: IsoDateTime,
});
export type Recycler = z.infer<typeof Recycler>;

/** Why a device goes to e-waste instead of reuse. */
export const EWASTE_REASONS = ['defective', 'obsolete', 'unclaimed', 'decision'] as const;
export type EwasteReason = (typeof EWASTE_REASONS)[number];

export const Settings = z.object({
  reservationDays: z.number().int().min(1).max(90),
  /** A device on the marketplace this many days without a change is suggested for e-waste (default 60). */
  ewasteUnclaimedDays: z.number().int().min(1).max(3650).optional(),
  /** A device older than this many years (by its year) is suggested for e-waste, per category. */
  ewasteMaxAgeYears: z.record(z.string(), z.number().int().min(1).max(50)).optional(),
  organisationName: z.string(),
  /** Printed above the QR code on labels; the organisation's name when absent. */
  organisationShortName: z.string().trim().min(1).max(40).optional(),
  /** Optional so settings stored before labels existed stay valid; absent means 'tag'. */
  labelPayload: z.enum(TAG_PAYLOAD_FORMS).optional(),
});
export type Settings = z.infer<typeof Settings>;
