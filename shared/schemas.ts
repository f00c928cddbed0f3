/**
 * Domain schemas. Runs anywhere: no Node, no DOM. Every record that crosses a boundary or is stored is
 * described here once; TypeScript types are inferred from these schemas, never written twice.
 */
import { z } from 'zod';
import { STOCK_IDS } from './labels/stocks';
import { ANY_TAG_PATTERN, TAG_PREFIX_PATTERN, TAG_WIDTH_MAX, TAG_WIDTH_MIN } from './tag-format';
import { IMPORT_SAVED_MAPPINGS_MAX, SavedImportMapping } from './import';

export const ROLES = ['department_contact', 'warehouse', 'sustainability', 'admin'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const Id = z.string().min(1).max(64);

/**
 * An asset tag as printed under the QR code, e.g. KK-0001234: the shape any allowed tag format gives
 * (shared/tag-format.ts); whether it has this store's prefix and width is the format's to say.
 */
export const AssetTag = z
  .string()
  .trim()
  .toUpperCase()
  .regex(ANY_TAG_PATTERN, { message: 'asset_tag_format' });

export const IsoDateTime = z.iso.datetime({ offset: true });

export const Department = z.object({
  id: Id,
  code: z.string().min(2).max(8),
  name: z.string().min(1).max(200),
  nameEn: z.string().min(1).max(200),
  /** Reservation approval (issue 11); absent: reservations hold at once, as before approval existed. */
  approval: z.lazy(() => ReservationApproval).optional(),
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
  /** A department contact who approves their administration's reservations when it requires approval. */
  approver: z.boolean().optional(),
  /** Issue 12: false once an admin deactivated the person (never deleted, so trail snapshots stay true); absent = active. */
  active: z.boolean().optional(),
});
export type User = z.infer<typeof User>;

/** Whether a person may sign in and act: everyone but those an admin deactivated. */
export function isActiveUser(user: Pick<User, 'active'>): boolean {
  return user.active !== false;
}

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
  /** Held for an administration that requires approval, until its approver decides (issue 11). */
  'pending_approval',
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

// Device photos (issue 11): the derived images a photo left in the attachment store; the original is not kept.
const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);
export const DevicePhoto = z.object({
  /** The display size (JPEG, ~1600 px long side). */
  sha256: Sha256,
  /** The thumbnail (WebP, ~400 px long side). */
  thumbSha256: Sha256,
  /** The display size's pixels, upright. */
  width: z.number().int().min(1),
  height: z.number().int().min(1),
  addedAt: IsoDateTime,
});
export type DevicePhoto = z.infer<typeof DevicePhoto>;

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
  /** The WEEE category set by a person when the category's default (shared/categories.ts) is wrong for this device. */
  weeeOverride: z.union([z.literal(2), z.literal(4), z.literal(5), z.literal(6)]).optional(),
  /** The e-waste batch the device was packed in; kept after collection so the page can show its batch and certificate. */
  batchId: Id.optional(),
  /** Not reservable before this day (set when listing; absent: at once). */
  availableFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  /** On offer until this day (listing day + the category's offer days); after it the device is suggested for e-waste. */
  offerUntil: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  /** Photos, in the order they were added (absent on devices stored before photos existed). */
  photos: z.array(DevicePhoto).optional(),
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

/** pending: waits for the administration's approver; rejected: the approver said no (issue 11). */
export const RESERVATION_STATUSES = ['active', 'cancelled', 'expired', 'fulfilled', 'pending', 'rejected'] as const;
export type ReservationStatus = (typeof RESERVATION_STATUSES)[number];
/** The reservation statuses that hold the device: one such reservation per device at most. */
export const HOLDING_RESERVATION_STATUSES = ['active', 'pending'] as const satisfies readonly ReservationStatus[];
export type HoldingReservationStatus = (typeof HOLDING_RESERVATION_STATUSES)[number];
export const holdsDevice = (status: ReservationStatus): status is HoldingReservationStatus =>
  (HOLDING_RESERVATION_STATUSES as readonly ReservationStatus[]).includes(status); // why: widening a readonly tuple to search it
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
  // Reservation approval (issue 11): requested, then approved, rejected (with the approver's reason) or timed out.
  z.object({ ...eventBase, type: z.literal('reservation_requested'), reservationId: Id, departmentId: Id, approvalDueAt: IsoDateTime }),
  z.object({ ...eventBase, type: z.literal('reservation_approved'), reservationId: Id, departmentId: Id, expiresAt: IsoDateTime }),
  z.object({ ...eventBase, type: z.literal('reservation_rejected'), reservationId: Id, departmentId: Id, reason: z.string() }),
  z.object({ ...eventBase, type: z.literal('approval_expired'), reservationId: Id, departmentId: Id }),
  z.object({
    ...eventBase,
    type: z.literal('handed_over'),
    reservationId: Id,
    fromDepartmentId: Id,
    toDepartmentId: Id,
    replacesNewPurchase: z.boolean(),
    /** Who collected it for the reserving administration. */
    pickedUpBy: z.string().optional(),
    // Acceptance (issue 11); absent on hand-overs recorded before it.
    /** The signed-in person who collected it (shared mode). */
    pickedUpByUserId: Id.optional(),
    /** The receiving unit of the reserving administration, and its name as it was. */
    unitId: Id.optional(),
    unitName: z.string().optional(),
    /** How the receipt was signed: 'paper', or the drawn signature's sha256 in the attachment store. */
    signature: z.union([z.literal('paper'), z.string().regex(/^[0-9a-f]{64}$/)]).optional(),
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
  z.object({ ...eventBase, type: z.literal('added_to_batch'), batchId: Id, batchNumber: z.string() }),
  z.object({ ...eventBase, type: z.literal('removed_from_batch'), batchId: Id, batchNumber: z.string() }),
  z.object({
    ...eventBase,
    type: z.literal('collected'),
    batchId: Id,
    batchNumber: z.string(),
    recyclerName: z.string(),
    recyclerCvr: z.string(),
    waybill: z.string(),
    /** The collection date, YYYY-MM-DD. */
    date: z.string(),
  }),
  z.object({
    ...eventBase,
    type: z.literal('certified'),
    batchId: Id,
    batchNumber: z.string(),
    certificateNo: z.string(),
    certificateKind: z.enum(['recycling', 'destruction']),
    recyclerName: z.string(),
    recyclerCvr: z.string(),
  }),
  z.object({ ...eventBase, type: z.literal('recycled'), batchId: Id, certificateNo: z.string() }),
  z.object({ ...eventBase, type: z.literal('destroyed'), batchId: Id, certificateNo: z.string() }),
  /** A person set (or cleared, to: null) the device's WEEE category instead of its category's. */
  z.object({
    ...eventBase,
    type: z.literal('weee_category_set'),
    from: z.number().int(),
    to: z.number().int().nullable(),
  }),
  z.object({ ...eventBase, type: z.literal('note_added'), note: z.string() }),
  // Device photos: the display size's sha256 names the photo; the file name is what the person picked.
  z.object({ ...eventBase, type: z.literal('photo_added'), sha256: Sha256, fileName: z.string() }),
  z.object({ ...eventBase, type: z.literal('photo_removed'), sha256: Sha256 }),
  // Import of registers (issue 12): a device created or updated from a row of a file, named by its name and sha256.
  z.object({
    ...eventBase,
    type: z.literal('imported'),
    fileName: z.string(),
    fileSha256: Sha256,
    /** The row's number in the file as a spreadsheet shows it (the header is 1). */
    row: z.number().int().min(2),
    /** The state the device entered (a new device), absent for an update. */
    status: DeviceStatus.optional(),
    departmentId: Id.optional(),
    /** The register's purchase day, YYYY-MM-DD. */
    purchaseDate: z.string().optional(),
    /** The fields an update changed. */
    changes: z.array(z.string()).optional(),
  }),
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

/** A calendar day, YYYY-MM-DD, that exists (2026-02-30 does not). */
export const IsoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'day_format' })
  // why: zod runs this check also when the pattern failed; an impossible day must be refused, not throw (a 500)
  .refine((s) => {
    const t = Date.parse(`${s}T00:00:00Z`);
    return Number.isFinite(t) && new Date(t).toISOString().startsWith(s);
  }, { message: 'day_format' });

/** Certification schemes a recycler under the joint agreement may hold. */
export const CERTIFICATION_SCHEMES = ['R2v3', 'e-Stewards', 'WEEELABEX', 'EN 50625', 'ISO 14001'] as const;

/** A recycler under the joint e-waste agreement (the receiver of collected batches). */
export const Recycler = z.object({
  id: Id,
  legalName: z.string().trim().min(1).max(200),
  /** Danish CVR number: 8 digits that pass the modulus-11 check (checked where it is entered). */
  cvr: z.string().regex(/^\d{8}$/, { message: 'cvr_format' }),
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
        validUntil: IsoDay,
      }),
    )
    .max(20),
  updatedAt: IsoDateTime,
});
export type Recycler = z.infer<typeof Recycler>;

/** What a batch is packed in. */
export const CONTAINER_TYPES = ['pallet', 'cage', 'box'] as const;
/** open: devices are added and removed; sealed: weighed and closed with a seal; collected: handed to the recycler; closed: every device covered by a certificate. */
export const BATCH_STATUSES = ['open', 'sealed', 'collected', 'closed'] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];
export const CERTIFICATE_KINDS = ['recycling', 'destruction'] as const;
/** WEEE categories as record keys (measured weights per category). */
export const WEEE_KEYS = ['2', '4', '5', '6'] as const;
export const WeeeKey = z.enum(WEEE_KEYS);

const BatchDevice = z.object({ deviceId: Id, assetTag: z.string(), serial: z.string() });

/** A recycler's certificate registered on a batch, with the reconciliation it produced at registration. */
export const Certificate = z.object({
  number: z.string().trim().min(1).max(100),
  issueDate: IsoDay,
  kind: z.enum(CERTIFICATE_KINDS),
  /** The serials as the recycler listed them, trimmed, blanks left out. */
  serials: z.array(z.string()),
  /** The certificate's PDF in the attachment store. */
  attachment: z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), bytes: z.number().int().min(1), fileName: z.string() }).optional(),
  registeredAt: IsoDateTime,
  registeredBy: ActorSnapshot,
  /** Devices of the batch this certificate covered (now certified and recycled or destroyed). */
  matched: z.array(BatchDevice),
  /** Devices of the batch that were still not covered by any certificate after this one. */
  missing: z.array(BatchDevice),
  /** Serials on the certificate that belong to no device in the batch, as the recycler wrote them. */
  unexpected: z.array(z.string()),
  /** Serials on the certificate of devices an earlier certificate already covered. */
  alreadyCovered: z.array(z.string()),
  /** Serials the certificate lists more than once (compared trimmed and case-insensitively). */
  duplicates: z.array(z.string()),
});
export type Certificate = z.infer<typeof Certificate>;

/** One pallet, cage or box of e-waste handed to the recycler. Its devices carry its id (Device.batchId). */
export const Batch = z.object({
  id: Id,
  /** The number written on the container and the manifest, e.g. AP-000012. */
  number: z.string(),
  containerType: z.enum(CONTAINER_TYPES),
  /** The recycler destroys the data-bearing devices under a destruction certificate: the wipe gate does not apply. */
  certifiedDestruction: z.boolean(),
  status: z.enum(BATCH_STATUSES),
  /** Devices in the batch now, and the sum of their weights: kept with every scan in the same transaction. */
  deviceCount: z.number().int().min(0),
  declaredKg: z.number().min(0),
  note: z.string().max(2000).optional(),
  createdAt: IsoDateTime,
  createdBy: ActorSnapshot,
  seal: z
    .object({
      sealId: z.string(),
      /** Measured kg per WEEE category, weighed at sealing. */
      weightsKg: z.partialRecord(WeeeKey, z.number()),
      sealedAt: IsoDateTime,
      sealedBy: ActorSnapshot,
    })
    .optional(),
  collection: z
    .object({
      recyclerId: Id,
      recyclerName: z.string(),
      recyclerCvr: z.string(),
      /** The certification valid on the collection date that the collection relied on. */
      certification: z.object({ scheme: z.string(), number: z.string(), validUntil: z.string() }),
      waybill: z.string(),
      date: IsoDay,
      collectedAt: IsoDateTime,
      collectedBy: ActorSnapshot,
    })
    .optional(),
  certificates: z.array(Certificate),
  closedAt: IsoDateTime.optional(),
  updatedAt: IsoDateTime,
});
export type Batch = z.infer<typeof Batch>;

/** Why a device goes to e-waste instead of reuse. */
export const EWASTE_REASONS = ['defective', 'obsolete', 'unclaimed', 'decision'] as const;
export type EwasteReason = (typeof EWASTE_REASONS)[number];

/** The most days an administration may give its approver (the reservation holds the device meanwhile). */
export const APPROVAL_DAYS_MAX = 30;

/** An administration's reservation approval, with who set it last and when (the admin change's record). */
export const ReservationApproval = z.object({
  required: z.boolean(),
  /** Days the approver has before the request lapses and the device goes back on the marketplace. */
  days: z.number().int().min(1).max(APPROVAL_DAYS_MAX),
  changedBy: ActorSnapshot,
  changedAt: IsoDateTime,
});
export type ReservationApproval = z.infer<typeof ReservationApproval>;

// Session idle time as a setting (issue 13, wt-account): minutes without a call before a session ends.
export const SESSION_IDLE_MINUTES_MIN = 15;
/** 7 days: a session kept longer than a week without use is one nobody is watching. */
export const SESSION_IDLE_MINUTES_MAX = 7 * 24 * 60;
/** 8 hours: a working day, so a PC left signed in overnight is signed out by morning. */
export const SESSION_IDLE_MINUTES_DEFAULT = 8 * 60;
export const SessionIdleMinutes = z
  .number({ message: 'session_idle_range' })
  .int({ message: 'session_idle_whole' })
  .min(SESSION_IDLE_MINUTES_MIN, { message: 'session_idle_range' })
  .max(SESSION_IDLE_MINUTES_MAX, { message: 'session_idle_range' });

export const Settings = z.object({
  reservationDays: z.number().int().min(1).max(90),
  /** The one figure for every category before offerDays: now only the default of offerDays (shared/wanted.ts offerDaysFor). */
  ewasteUnclaimedDays: z.number().int().min(1).max(3650).optional(),
  /** Days a listed device stays on offer, per category (default 60); after its offerUntil it is suggested for e-waste. */
  offerDays: z.record(z.string(), z.number().int().min(1).max(3650)).optional(),
  /** A device older than this many years (by its year) is suggested for e-waste, per category. */
  ewasteMaxAgeYears: z.record(z.string(), z.number().int().min(1).max(50)).optional(),
  organisationName: z.string(),
  /** Printed above the QR code on labels; the organisation's name when absent. */
  organisationShortName: z.string().trim().min(1).max(40).optional(),
  /** Optional so settings stored before labels existed stay valid; absent means 'tag'. */
  labelPayload: z.enum(TAG_PAYLOAD_FORMS).optional(),
  // Settings screen (issue 12): the asset tag format, fixed once the first tag is issued; absent: KK and 7.
  /** The capital letters before the hyphen of every asset tag. */
  tagPrefix: z.string().regex(TAG_PREFIX_PATTERN, { message: 'tag_prefix_format' }).optional(),
  /** Digits a tag's number is padded to. */
  tagWidth: z.number().int().min(TAG_WIDTH_MIN).max(TAG_WIDTH_MAX).optional(),
  /** The label stock a PC that has not printed labels before is offered; absent: DEFAULT_STOCK. */
  labelStock: z.enum(STOCK_IDS).optional(),
  // Import of registers (issue 12): the column mappings kept for the next file.
  importMappings: z.array(SavedImportMapping).max(IMPORT_SAVED_MAPPINGS_MAX).optional(),
  // Session idle time (issue 13, wt-account); absent: the server's default (KREDSLOB_SESSION_IDLE_MINUTES, else 8 h).
  sessionIdleMinutes: SessionIdleMinutes.optional(),
});
export type Settings = z.infer<typeof Settings>;

/** The longest source text an emission-factor version may carry. */
export const FACTOR_SOURCE_MAX = 2000;

/** kg CO2e to manufacture one new device of a category; null: no factor (CO2e avoided credits 0, visibly). */
export const EmissionFactor = z.number({ message: 'factor_number' }).min(0, { message: 'factor_negative' }).nullable();

/** Where a version's figures come from: required, and short enough to read on the screen and in exports. */
export const FactorSource = z.string().trim().min(1, { message: 'required' }).max(FACTOR_SOURCE_MAX, { message: 'factor_source_max' });

/** A schema per category, as one object (not a record) so forms can address each category's field. */
export function perCategory<S extends z.ZodType>(schema: S) {
  const shape = Object.fromEntries(CATEGORIES.map((c) => [c, schema]));
  return z.object(shape as { [K in Category]: S }).strict(); // why: built from CATEGORIES, one key each
}

/**
 * One numbered version of the emission-factor table. Version 1 is the default derived from Boavizta; every
 * admin edit adds the next. Versions are never changed or deleted, so a figure computed with version n can
 * always be recomputed.
 */
export const FactorVersion = z.object({
  number: z.number().int().min(1),
  factors: perCategory(EmissionFactor),
  source: FactorSource,
  createdAt: IsoDateTime,
  createdBy: ActorSnapshot,
});
export type FactorVersion = z.infer<typeof FactorVersion>;

// ---- The admin audit list (issue 12): every change an admin makes to reference data and settings ----

/** What an admin changed. Kept in every audit entry: never rename one. */
export const ADMIN_AUDIT_SUBJECTS = ['organisation', 'department', 'unit', 'location', 'user', 'settings', 'approval', 'factors', 'recycler', 'oidcGroup'] as const;
export type AdminAuditSubject = (typeof ADMIN_AUDIT_SUBJECTS)[number];
export const ADMIN_AUDIT_ACTIONS = ['created', 'changed', 'deactivated', 'reactivated', 'removed'] as const;

/** One field's value before and after, as text (absent: the field had no value). */
export const AdminAuditChange = z.object({
  field: z.string().min(1).max(64),
  from: z.string().max(500).optional(),
  to: z.string().max(500).optional(),
});
export type AdminAuditChange = z.infer<typeof AdminAuditChange>;

/**
 * One change to reference data, with who made it and when: the admin audit list. Written in the same
 * transaction as the change; never changed or deleted.
 */
export const AdminAuditEntry = z.object({
  id: Id,
  at: IsoDateTime,
  actor: ActorSnapshot,
  subject: z.enum(ADMIN_AUDIT_SUBJECTS),
  /** The record's id ('settings' for the settings). */
  subjectId: z.string().min(1).max(64),
  /** The record's name at the time, so the list reads right after a rename. */
  subjectName: z.string().max(300),
  action: z.enum(ADMIN_AUDIT_ACTIONS),
  changes: z.array(AdminAuditChange).max(100),
});
export type AdminAuditEntry = z.infer<typeof AdminAuditEntry>;

// ---- Sign-in (issue 13, wt-auth): local accounts' passwords and the sign-in audit log ----

/** Standalone: one desk, people choose their profile. Shared: one server, people sign in. */
export const CORE_MODES = ['standalone', 'shared'] as const;
export type CoreMode = (typeof CORE_MODES)[number];

/**
 * A person's local password and its lock-out state, kept under their user id. Never sent to a client: no
 * procedure's output names it.
 */
export const Credential = z.object({
  userId: Id,
  /** Self-describing: `scrypt$<N>$<r>$<p>$<salt>$<hash>` (base64url), so a stronger cost can come later. */
  hash: z.string().min(1).max(500),
  changedAt: IsoDateTime,
  /** Wrong passwords in a row since the last right one (kept, so a restart does not forget them). */
  failedAttempts: z.number().int().min(0),
  /** Until then the account is locked (10 wrong passwords in a row). */
  lockedUntil: IsoDateTime.optional(),
});
export type Credential = z.infer<typeof Credential>;

/** What the sign-in audit log records. Kept in every entry: never rename one. */
export const AUTH_AUDIT_EVENTS = ['signed_in', 'sign_in_failed', 'locked', 'refused_locked', 'rate_limited', 'refused_inactive', 'signed_out', 'password_set', 'password_changed', 'refused_no_group'] as const;
export type AuthAuditEvent = (typeof AUTH_AUDIT_EVENTS)[number];
export const AUTH_METHODS = ['password', 'oidc'] as const;

/** One sign-in, failed sign-in, lock-out, sign-out or password change: the sign-in audit log. Never changed or deleted. */
export const AuthAuditEntry = z.object({
  id: Id,
  at: IsoDateTime,
  event: z.enum(AUTH_AUDIT_EVENTS),
  /** The e-mail tried (as typed, trimmed), or the person's e-mail. */
  email: z.string().max(200),
  /** The person, when the e-mail named one (absent for an unknown e-mail). */
  userId: Id.optional(),
  userName: z.string().max(200).optional(),
  /** The client's address as the server saw it (absent for the desktop app's own core). */
  address: z.string().max(100).optional(),
  method: z.enum(AUTH_METHODS).optional(),
  /** Who did it, when another person did (an admin setting a password). */
  by: z.string().max(200).optional(),
});
export type AuthAuditEntry = z.infer<typeof AuthAuditEntry>;

// ---- Sign-in through the identity provider (issue 13, wt-oidc): the group → role table an admin edits ----

/**
 * One row of the sign-in group table: a person whose identity-provider groups claim holds `group` signs in with
 * `role` in administration `departmentId` (and unit `unitId`). Several matching rows: the highest role wins
 * (ROLES order, admin highest); among rows of that role the first in table order (`position`, lowest first)
 * gives the administration and unit.
 */
export const OidcGroup = z.object({
  id: Id,
  /** The claim's value exactly as the identity provider sends it (a group name or an object id). */
  group: z.string().min(1).max(256),
  role: Role,
  departmentId: Id,
  unitId: Id.optional(),
  /** Table order: a new row goes last. */
  position: z.number().int().min(0),
});
export type OidcGroup = z.infer<typeof OidcGroup>;
