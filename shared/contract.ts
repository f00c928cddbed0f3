/**
 * The API contract: every procedure once, with its input and output schema and the roles that may call it.
 * The core's handler table must implement exactly this (checked at start-up and in a test); the renderer's
 * client types come from here.
 */
import { z } from 'zod';
import { ACTIONS, rolesFor } from './lifecycle';
import { handOverAcceptanceFields, SIGNATURE_MAX_BYTES } from './handover';
import {
  ADMIN_AUDIT_SUBJECTS,
  AdminAuditEntry,
  APPROVAL_DAYS_MAX,
  AssetTag,
  Batch,
  BATCH_STATUSES,
  Certificate,
  CERTIFICATE_KINDS,
  CONTAINER_TYPES,
  IsoDay,
  WeeeKey,
  Category,
  Condition,
  DEVICE_STATUSES,
  EWASTE_REASONS,
  Department,
  EmissionFactor,
  FactorSource,
  FactorVersion,
  perCategory,
  Device,
  Id,
  Location,
  MEDIA_TYPES,
  Recycler,
  Reservation,
  Role,
  RESERVATION_STATUSES,
  SanitizationMethod,
  SanitizationRecord,
  Settings,
  Specs,
  TrailEvent,
  Unit,
  User,
  VERIFICATION_METHODS,
  AuthAuditEntry,
  OidcGroup,
  CORE_MODES,
} from './schemas';
import { STOCK_IDS } from './labels/stocks';
import { MarketFilter } from './market-filter';
import { MarketFacets } from './market-facets';
import { Notification, WANTED_MAX_QUANTITY, WANTED_STATES, WantedRequest } from './wanted';
import { SettingsInput, SetupInput } from './settings';
import { IMPORT_FORMATS, IMPORT_JOB_STATES, IMPORT_MAX_BYTES, ImportCounts, ImportField, ImportMapping, ImportRowResult, SavedImportMapping } from './import';

/** Who keeps wanted requests: the administration's IT contact, and an admin for any administration. */
const WANTED_ROLES = ['department_contact', 'admin'] as const satisfies readonly Role[];


/**
 * Who may call a procedure. "public": callable without a chosen profile (the profile picker needs it); it runs
 * as an anonymous caller with no role, never as the system. "any": every signed-in person. A procedure that
 * runs a lifecycle action takes its roles from that action's transition (`rolesFor`), so the table decides.
 */
export type ProcedureRoles = readonly Role[] | 'public' | 'any';

export interface ProcedureDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  roles: ProcedureRoles;
  summary: string;
  /** The largest request body the HTTP transport reads for it; 1 MB when absent. */
  maxBodyBytes?: number;
}

function proc<I extends z.ZodType, O extends z.ZodType>(def: ProcedureDef<I, O>): ProcedureDef<I, O> {
  return def;
}

const Empty = z.object({}).strict();

export const DeviceDetail = z.object({
  device: Device,
  trail: z.array(TrailEvent),
  reservation: Reservation.optional(),
  sanitization: SanitizationRecord.optional(),
  /** Actions the lifecycle table lets this person start from the current state. */
  actions: z.array(z.enum(ACTIONS)),
});
export type DeviceDetail = z.infer<typeof DeviceDetail>;

/** The most devices one batch holds (a full pallet of small IT is a few hundred; this leaves room). */
export const BATCH_MAX_DEVICES = 5000;
/** The largest attachment (a certificate's PDF). */
export const ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;

// Device photos (issue 11).
/** The largest photo a person may add, and its most pixels (an 8000×6000 photo is refused). */
export const PHOTO_MAX_BYTES = 15 * 1024 * 1024;
export const PHOTO_MAX_PIXELS = 40_000_000;
export const PHOTO_MAX_PER_DEVICE = 6;
/**
 * What the transports read of one photo's base64: a little over the limit, so a 16 MB photo still reaches the
 * core and is refused with a message naming it; far larger bodies get the transport's own PAYLOAD_TOO_LARGE.
 */
const PHOTO_UPLOAD_MAX_BYTES = 24 * 1024 * 1024;
/** The image types a photo is kept in: the display size is JPEG, the thumbnail WebP. */
export const PHOTO_CONTENT_TYPES = ['image/jpeg', 'image/webp'] as const;

const BatchDevice = z.object({ deviceId: Id, assetTag: z.string(), serial: z.string() });

/** A batch as the list shows it. */
export const BatchSummary = z.object({
  batch: Batch,
  /** Collected devices no certificate covers yet. */
  missingCount: z.number().int(),
});
export type BatchSummary = z.infer<typeof BatchSummary>;

/**
 * A batch as the list of batches shows it: without its certificates, whose serial and reconciliation lists
 * run to thousands of entries per batch and would make a year's list megabytes.
 */
export const BatchListItem = z.object({
  batch: Batch.omit({ certificates: true }),
  certificateCount: z.number().int(),
  missingCount: z.number().int(),
});
export type BatchListItem = z.infer<typeof BatchListItem>;

/** A batch as its page shows it. */
export const BatchDetail = BatchSummary.extend({
  /** One row per WEEE category the batch holds or was weighed for. */
  weee: z.array(
    z.object({
      category: WeeeKey,
      devices: z.number().int(),
      /** The sum of the devices' weights. */
      declaredKg: z.number(),
      /** Weighed at sealing. */
      measuredKg: z.number().optional(),
    }),
  ),
  /** Data-bearing devices without a verified wipe: collection is refused while any is listed (not for certified destruction). */
  unwiped: z.array(BatchDevice),
  /** Collected devices no certificate covers yet. */
  missing: z.array(BatchDevice),
  recycler: Recycler.optional(),
});
export type BatchDetail = z.infer<typeof BatchDetail>;

const BatchScanInput = z
  .object({
    batchId: Id,
    /** As scanned: the bare tag or the kredslob://device/ link. */
    tag: z.string().trim().min(1).max(200),
  })
  .strict();

const BatchScanResult = z.object({ device: Device, batchNumber: z.string() });

/** The formats of a batch manifest: a printable A4 PDF, or CSV for Danish Excel (shared/csv.ts). */
export const MANIFEST_FORMATS = ['pdf', 'csv'] as const;

/** A PDF the core made, for the person to save: its suggested file name and its bytes as base64. */
const PdfFile = z.object({ fileName: z.string().min(1), pdfBase64: z.string().min(1) });

/** Who reads the e-waste records (recyclers, batches, their documents): the warehouse, the sustainability team, admins. */
const EWASTE_READERS = ['warehouse', 'sustainability', 'admin'] as const satisfies readonly Role[];

/**
 * A batch manifest: one procedure with the format as input and the output told apart by `format`, so the
 * batch page has one call, one role rule and one error path, and the caller's type narrows to what it asked for.
 */
export const BatchManifest = z.discriminatedUnion('format', [
  PdfFile.extend({ format: z.literal('pdf') }),
  z.object({ format: z.literal('csv'), fileName: z.string().min(1), csv: z.string().min(1) }),
]);
export type BatchManifest = z.infer<typeof BatchManifest>;

/** One version of the emission-factor table, the number of the current one, and every version (oldest first) to pick from. */
export const FactorVersionView = z.object({
  version: FactorVersion,
  current: z.number().int().min(1),
  versions: z.array(FactorVersion.pick({ number: true, createdAt: true, createdBy: true })),
});
export type FactorVersionView = z.infer<typeof FactorVersionView>;

export const SEARCH_SORTS = ['updated_desc', 'reported_desc', 'model_asc', 'year_desc', 'ram_desc'] as const;

export const DeviceSearchInput = z
  .object({
    text: z.string().trim().max(200).optional(),
    category: Category.optional(),
    status: z.enum(DEVICE_STATUSES).optional(),
    departmentId: Id.optional(),
    /** Devices recorded at this location (a shelf, the warehouse or a site). */
    locationId: Id.optional(),
    /** Devices packed in this e-waste batch. */
    batchId: Id.optional(),
    sort: z.enum(SEARCH_SORTS).default('updated_desc'),
    limit: z.number().int().min(1).max(500).default(50),
    offset: z.number().int().min(0).default(0),
  })
  .strict();
export type DeviceSearchInput = z.input<typeof DeviceSearchInput>;

/** The most tags one stock-take compares: a full shelf and more, well inside the transports' 1 MB. */
export const STOCK_TAKE_MAX_TAGS = 5000;

/** A stock-take's outcome for one location. Found and missing together are the expected devices. */
export const StockTakeReport = z.object({
  location: Location,
  /** Recorded at the location, in a state the warehouse holds (in stock, listed, reserved, e-waste, in a batch). */
  expected: z.array(Device),
  /** Expected and scanned. */
  found: z.array(Device),
  /** Expected, not scanned. */
  missing: z.array(Device),
  /** Scanned, but recorded elsewhere (or recorded here in a state the warehouse no longer holds). */
  unexpected: z.array(z.object({ device: Device, recordedLocationName: z.string() })),
  /** Scanned tags no device carries. */
  unknown: z.array(AssetTag),
});
export type StockTakeReport = z.infer<typeof StockTakeReport>;

/**
 * The marketplace's search over the devices on offer only: text, the marketplace filters (the same schema a
 * wanted request saves), sort and paging; with `facets`, also the count beside each filter value.
 */
export const MarketplaceSearchInput = z
  .object({
    text: DeviceSearchInput.shape.text,
    filter: MarketFilter.optional(),
    sort: DeviceSearchInput.shape.sort,
    limit: DeviceSearchInput.shape.limit,
    offset: DeviceSearchInput.shape.offset,
    facets: z.boolean().default(false),
  })
  .strict();
export type MarketplaceSearchInput = z.input<typeof MarketplaceSearchInput>;


// ---- Sustainability statistics (core/stats; the method is in the README, "Statistics") ----

/** What is counted by event date: one figure per kind of trail event ("reused" is a hand-over). */
export const STAT_OUTCOMES = ['reported', 'checked_in', 'listed', 'reused', 'routed_to_ewaste', 'recycled', 'destroyed'] as const;
export type StatOutcome = (typeof STAT_OUTCOMES)[number];
/** Every figure a screen can link to the devices behind it (stats.devices). */
export const STAT_FIGURES = [
  ...STAT_OUTCOMES,
  /** Hand-overs replacing a new purchase whose category has a factor: credited with CO2e. */
  'co2e_credited',
  /** Hand-overs replacing a new purchase whose category has no factor: credited 0. */
  'co2e_no_factor',
  /** Hand-overs not replacing a purchase: counted, not credited. */
  'not_replacing',
  'ewaste_collected',
  'ewaste_certified',
  /** Collected in the period and still without a recycler's certificate. */
  'ewaste_missing_certificate',
] as const;
export type StatFigure = (typeof STAT_FIGURES)[number];
export const STAT_GROUPINGS = ['month', 'department', 'category'] as const;
/**
 * The statistics files: the summary as CSV, the devices (one row per counted event) as CSV, and one XLSX
 * workbook with both and the emission factors they used.
 */
export const STATS_EXPORT_FILES = ['summary_csv', 'devices_csv', 'xlsx'] as const;
export type StatsExportFile = (typeof STATS_EXPORT_FILES)[number];
export const StatsExportPlan = z.object({
  fileName: z.string(),
  contentType: z.string(),
  /** Data rows the file will hold (for progress: "n of N"). */
  rows: z.number().int(),
});
export type StatsExportPlan = z.infer<typeof StatsExportPlan>;
/** The event the desktop app pushes while it writes a file the person asked to save: { done, total } data rows. */
export const FILE_PROGRESS_EVENT = 'file-progress';
/** The longest period one summary covers (ten years of months). */
export const STATS_MAX_DAYS = 3660;

const StatsPeriod = {
  /** First day, in Danish time (Europe/Copenhagen). */
  from: IsoDay,
  /** The day after the last: the period is [from, to). */
  to: IsoDay,
  groupBy: z.enum(STAT_GROUPINGS),
  /** Only events while the device belonged to this administration. */
  departmentId: Id.optional(),
  category: Category.optional(),
};
const periodInOrder = (v: { from: string; to: string }) =>
  v.from < v.to && Date.parse(v.to) - Date.parse(v.from) <= STATS_MAX_DAYS * 86_400_000;
const PERIOD_MESSAGE = { message: `The period must end after it starts and span at most ${STATS_MAX_DAYS} days`, path: ['to'] };

const StatAmount = z.object({ count: z.number().int(), kg: z.number() });
export const StatsRow = z.object({
  /** 'YYYY-MM', an administration's id or a category; 'total' for the totals. */
  key: z.string(),
  amounts: z.object(Object.fromEntries(STAT_OUTCOMES.map((o) => [o, StatAmount])) as Record<StatOutcome, typeof StatAmount>), // why: one key per outcome, built from the same list
  /** reused ÷ (reused + recycled + destroyed), 0 … 1; null without outcomes (shown "–"). */
  reuseRate: z.object({ byCount: z.number().nullable(), byKg: z.number().nullable() }),
  co2e: z.object({
    avoidedKg: z.number(),
    credited: z.number().int(),
    noFactor: z.number().int(),
    notReplacing: z.number().int(),
  }),
  /** Days from the report to the hand-over of the same cycle, for the hand-overs in the period (nearest-rank percentiles). */
  daysToReuse: z.object({ n: z.number().int(), median: z.number().nullable(), p90: z.number().nullable() }),
});
export type StatsRow = z.infer<typeof StatsRow>;
export const StatsSummary = z.object({
  from: IsoDay,
  to: IsoDay,
  groupBy: z.enum(STAT_GROUPINGS),
  totals: StatsRow,
  rows: z.array(StatsRow),
  /** Per WEEE category: devices and their kg collected, certified and still missing a certificate (by event date). */
  ewaste: z.array(
    z.object({
      weee: WeeeKey,
      collected: StatAmount,
      certified: StatAmount,
      missingCertificate: StatAmount,
      /** Weighed at sealing, for batches collected in the period; null when filtered (a batch has no administration). */
      measuredKg: z.number().nullable(),
    }),
  ),
  /** The emission-factor versions in force during the period, with the hand-overs each one credited. */
  factorVersions: z.array(z.object({ number: z.number().int(), source: z.string(), createdAt: z.string(), credited: z.number().int() })),
  /** Categories of hand-overs replacing a purchase that had no factor (credited 0). */
  noFactorCategories: z.array(Category),
});
export type StatsSummary = z.infer<typeof StatsSummary>;

// ---- Admin screens for reference data (issue 12, wt-admin) ----
/** A name an admin types: trimmed, required. */
const AdminName = z.string().trim().min(1, { message: 'required' }).max(200);
/** An address: trimmed; empty means none. */
const AdminAddress = z.string().trim().max(300).optional();

/** An administration as an admin saves it: no id adds one, an id changes that one. */
export const AdminDepartmentInput = z
  .object({
    id: Id.optional(),
    code: z.string().trim().toUpperCase().min(2, { message: 'required' }).max(8),
    name: AdminName,
    nameEn: AdminName,
  })
  .strict();

export const AdminUnitInput = z.object({ id: Id.optional(), departmentId: Id, name: AdminName }).strict();

/** A location by its kind: a site of an administration, a warehouse, or a shelf in a warehouse. A saved location keeps its kind. */
export const AdminLocationInput = z.discriminatedUnion('kind', [
  z.object({ id: Id.optional(), kind: z.literal('site'), departmentId: Id, name: AdminName, address: AdminAddress }).strict(),
  z.object({ id: Id.optional(), kind: z.literal('warehouse'), name: AdminName, address: AdminAddress }).strict(),
  z.object({ id: Id.optional(), kind: z.literal('shelf'), parentId: Id, name: AdminName }).strict(),
]);

export const AdminUserInput = z
  .object({
    id: Id.optional(),
    name: AdminName,
    email: z.string().trim().email({ message: 'email' }).max(200),
    role: Role,
    departmentId: Id,
    unitId: Id.optional(),
  })
  .strict();
// ---- Sign-in groups (issue 13, wt-oidc) ----
/** A sign-in group row as an admin saves it: no id adds one, an id changes that one. */
export const OidcGroupInput = z
  .object({
    id: Id.optional(),
    group: z.string().trim().min(1, { message: 'required' }).max(256),
    role: Role,
    departmentId: Id,
    unitId: Id.optional(),
  })
  .strict();

// ---- Import of registers (issue 12) ----
/** Who imports registers: administrators. */
const IMPORT_ROLES = ['admin'] as const satisfies readonly Role[];
/** What the transports read of an import file's base64: a little over the limit, so a larger file is refused by the core with a message naming it. */
const IMPORT_UPLOAD_MAX_BYTES = IMPORT_MAX_BYTES + 2 * 1024 * 1024;
const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);
/** A file analysed before (import.analyze) and the mapping to read it with. */
const ImportFileRef = { sha256: Sha256Hex, fileName: z.string().trim().min(1).max(200), mapping: ImportMapping };
export const ImportJob = z.object({
  jobId: Id,
  state: z.enum(IMPORT_JOB_STATES),
  done: z.number().int(),
  total: z.number().int(),
  counts: ImportCounts,
  /** Why a failed job stopped, in the caller's words. */
  message: z.string().optional(),
});
export type ImportJob = z.infer<typeof ImportJob>;

export const contract = {
  'session.profiles': proc({
    summary: 'Profiles to choose from in standalone mode',
    input: Empty,
    output: z.object({ users: z.array(User), departments: z.array(Department) }),
    roles: 'public',
  }),
  'session.signIn': proc({
    summary: 'Choose a profile (standalone mode); returns a session token',
    input: z.object({ userId: Id }).strict(),
    output: z.object({ token: z.string(), user: User }),
    roles: 'public',
  }),
  'session.signOut': proc({
    summary: 'End this session (its token stops working at once); ending one that is already over is not an error',
    input: Empty,
    output: z.object({}),
    roles: 'public',
  }),
  'session.me': proc({
    summary: 'The signed-in person',
    input: Empty,
    output: z.object({ user: User }),
    roles: 'any',
  }),
  'reference.get': proc({
    summary: 'Departments, units, locations and settings for forms and labels',
    input: Empty,
    output: z.object({
      departments: z.array(Department),
      units: z.array(Unit),
      locations: z.array(Location),
      settings: Settings,
    }),
    roles: 'any',
  }),
  'devices.report': proc({
    summary: 'Report a surplus device (still at the department)',
    input: z
      .object({
        category: Category,
        manufacturer: z.string().trim().min(1).max(100),
        model: z.string().trim().min(1).max(200),
        serial: z.string().trim().min(1).max(100),
        specs: Specs.default({}),
        weightKg: z.number().min(0).max(2000).optional(),
        year: z.number().int().min(1990).max(2100).optional(),
        dataBearing: z.boolean().optional(),
        /** The department site where the device waits for pick-up. */
        locationId: Id,
        /** A pre-printed tag stuck on the device; otherwise the next free tag is assigned. */
        assetTag: AssetTag.optional(),
        /** Admins may report for another administration; others report for their own. */
        departmentId: Id.optional(),
        notes: z.string().trim().max(2000).optional(),
        /**
         * A serial number already on another device is refused (SERIAL_EXISTS, naming that device) unless the
         * person has looked and says this is another device: then true.
         */
        acceptDuplicateSerial: z.boolean().optional(),
      })
      .strict(),
    output: Device,
    roles: ['department_contact', 'warehouse', 'admin'],
  }),
  'devices.reportAgain': proc({
    summary: 'Report a reused device as surplus again (a new cycle on the same trail)',
    input: z.object({ deviceId: Id, locationId: Id, notes: z.string().trim().max(2000).optional() }).strict(),
    output: Device,
    roles: rolesFor('reportAgain'),
  }),
  'devices.checkIn': proc({
    summary: 'Warehouse check-in by asset tag, with condition grade and shelf',
    input: z
      .object({
        assetTag: AssetTag,
        condition: Condition,
        locationId: Id,
        /** A pre-printed tag not yet on any device: the reported device it was stuck on (its tag changes to this one). */
        deviceId: Id.optional(),
      })
      .strict(),
    output: Device,
    roles: rolesFor('checkIn'),
  }),
  'devices.recordSanitization': proc({
    summary: 'Record a NIST SP 800-88 data sanitization',
    input: z
      .object({
        deviceId: Id,
        method: SanitizationMethod,
        technique: z.string().trim().min(1).max(200),
        mediaType: z.enum(MEDIA_TYPES),
        tool: z.string().trim().min(1).max(200),
        toolVersion: z.string().trim().min(1).max(60),
        verificationMethod: z.enum(VERIFICATION_METHODS),
        verified: z.boolean(),
        verifierName: z.string().trim().min(1).max(200),
        notes: z.string().trim().max(2000).optional(),
      })
      .strict(),
    output: z.object({ device: Device, sanitization: SanitizationRecord }),
    roles: rolesFor('recordSanitization'),
  }),
  'devices.awaitingPickup': proc({
    summary: 'Reported devices waiting to be collected by the warehouse, by site (a driver\'s round)',
    input: z.object({ departmentId: Id.optional() }).strict(),
    output: z.object({
      sites: z.array(z.object({ location: Location, devices: z.array(Device) })),
      /** All reported devices; when above the devices listed, the list was cut at its limit. */
      total: z.number().int(),
    }),
    roles: rolesFor('checkIn'),
  }),
  'devices.move': proc({
    summary: 'Move a device in the warehouse to another shelf, by scanning its asset tag',
    input: z
      .object({
        assetTag: AssetTag,
        locationId: Id,
        /** The move takes back the previous move (undo of the last scan). */
        undo: z.boolean().optional(),
      })
      .strict(),
    output: z.object({ device: Device, fromLocationId: Id }),
    roles: rolesFor('move'),
  }),
  'devices.routeToEwaste': proc({
    summary: 'Route a device to e-waste (WEEE) instead of reuse, by id or scanned tag, with a reason',
    input: z
      .object({
        deviceId: Id.optional(),
        assetTag: AssetTag.optional(),
        reason: z.enum(EWASTE_REASONS),
        note: z.string().trim().max(2000).optional(),
      })
      .strict()
      .refine((v) => (v.deviceId === undefined) !== (v.assetTag === undefined), {
        message: 'Give exactly one of deviceId and assetTag',
        path: ['assetTag'],
      }),
    output: Device,
    roles: rolesFor('routeToEwaste'),
  }),
  'ewaste.suggestions': proc({
    summary: 'Devices the rules propose for e-waste, each with its reason: unclaimed on the marketplace, defective, too old',
    input: z.object({ limit: z.number().int().min(1).max(2000).default(500) }).strict(),
    output: z.object({
      items: z.array(z.object({ device: Device, reason: z.enum(EWASTE_REASONS), days: z.number().int().optional() })),
      /** Every suggestion; above items.length when the list was cut at its limit. */
      total: z.number().int(),
      unclaimedDays: z.number().int(),
    }),
    // The sustainability team reads what is proposed; only those who may route act on it.
    roles: [...rolesFor('routeToEwaste'), 'sustainability'],
  }),
  'recyclers.list': proc({
    summary: 'The recyclers under the joint e-waste agreement, with their certifications',
    input: Empty,
    output: z.object({ items: z.array(Recycler) }),
    roles: EWASTE_READERS,
  }),
  'recyclers.save': proc({
    summary: 'Add or change a recycler (legal name, CVR checked with modulus 11, address, contact, certifications)',
    input: Recycler.omit({ id: true, updatedAt: true }).extend({ id: Id.optional() }).strict(),
    output: Recycler,
    roles: ['admin'],
  }),
  // The emission-factor table (core/stats): versioned; CO2e avoided names the version it used.
  'stats.factors.get': proc({
    summary: 'A version of the emission-factor table (the current one when no number is given), and every version by number, date and author',
    input: z.object({ version: z.number().int().min(1).optional() }).strict(),
    output: FactorVersionView,
    roles: ['sustainability', 'admin', 'warehouse'],
  }),
  'stats.factors.save': proc({
    summary: 'Save an edited emission-factor table as the next version: kg CO2e per category (empty: no factor) and the source text',
    // A category left out has no factor, as an empty field on the form says.
    input: z.object({ factors: perCategory(EmissionFactor.default(null)), source: FactorSource }).strict(),
    output: FactorVersion,
    roles: ['admin'],
  }),
  // Device photos (issue 11): one photo per call, so a refused one saves nothing and the others still count.
  'devices.addPhoto': proc({
    summary: "Add a photo to a device (JPEG, PNG or WebP, checked by content): kept as a display size and a thumbnail without EXIF/GPS, with a trail event; the same photo twice is kept once",
    input: z
      .object({
        deviceId: Id,
        fileName: z.string().trim().min(1).max(200),
        /** The file, base64. */
        dataBase64: z.string().min(1).max(Math.ceil((PHOTO_UPLOAD_MAX_BYTES * 4) / 3)),
      })
      .strict(),
    output: Device,
    roles: ['department_contact', 'warehouse', 'admin'],
    maxBodyBytes: Math.ceil((PHOTO_UPLOAD_MAX_BYTES * 4) / 3) + 64 * 1024,
  }),
  'devices.removePhoto': proc({
    summary: "Remove a photo from a device, with a trail event (the stored images stay in the attachment store, which never changes a file)",
    input: z.object({ deviceId: Id, sha256: z.string().regex(/^[0-9a-f]{64}$/) }).strict(),
    output: Device,
    roles: ['department_contact', 'warehouse', 'admin'],
  }),
  'devices.photo': proc({
    summary: "One of a device's stored images (a photo's display size or thumbnail), by its sha256",
    input: z.object({ deviceId: Id, sha256: z.string().regex(/^[0-9a-f]{64}$/) }).strict(),
    output: z.object({ contentType: z.enum(PHOTO_CONTENT_TYPES), dataBase64: z.string().min(1) }),
    roles: 'any',
  }),
  'devices.setWeeeCategory': proc({
    summary: "Set a device's WEEE category when its category's default is wrong for it (null: back to the default)",
    input: z.object({ deviceId: Id, weeeCategory: z.union([z.literal(2), z.literal(4), z.literal(5), z.literal(6), z.null()]) }).strict(),
    output: Device,
    roles: ['warehouse', 'admin'],
  }),
  // E-waste batches (core/batches): one pallet, cage or box handed to the recycler.
  'batches.create': proc({
    summary: 'Start a disposal batch in a container, optionally for certified destruction by the recycler',
    input: z
      .object({
        containerType: z.enum(CONTAINER_TYPES),
        certifiedDestruction: z.boolean().default(false),
        note: z.string().trim().max(2000).optional(),
      })
      .strict(),
    output: Batch,
    roles: ['warehouse', 'admin'],
  }),
  'batches.addDevice': proc({
    summary: 'Add a device routed to e-waste to an open batch by its scanned tag (either QR payload form)',
    input: BatchScanInput,
    output: BatchScanResult,
    roles: rolesFor('addToBatch'),
  }),
  'batches.removeDevice': proc({
    summary: 'Take a device out of an open batch by its scanned tag; it goes back to the e-waste queue',
    input: BatchScanInput,
    output: BatchScanResult,
    roles: rolesFor('removeFromBatch'),
  }),
  'batches.seal': proc({
    summary: 'Seal a batch with its seal number and the measured kg per WEEE category it holds; a sealed batch cannot change',
    input: z
      .object({
        batchId: Id,
        sealId: z.string().trim().min(1).max(60),
        weightsKg: z.partialRecord(WeeeKey, z.number().positive().max(100_000)),
      })
      .strict(),
    output: BatchDetail,
    roles: ['warehouse', 'admin'],
  }),
  'batches.collect': proc({
    summary: 'Record that the recycler collected a sealed batch (waybill, date); refused naming every data-bearing device without a verified wipe unless the batch is for certified destruction',
    input: z
      .object({
        batchId: Id,
        recyclerId: Id,
        waybill: z.string().trim().min(1).max(100),
        date: IsoDay,
      })
      .strict(),
    output: BatchDetail,
    roles: rolesFor('collect'),
  }),
  'batches.registerCertificate': proc({
    summary: "Register the recycler's certificate of recycling or destruction for a collected batch and reconcile its serials with the batch",
    input: z
      .object({
        batchId: Id,
        number: z.string().trim().min(1).max(100),
        issueDate: IsoDay,
        kind: z.enum(CERTIFICATE_KINDS),
        serials: z.array(z.string().max(100)).min(1).max(BATCH_MAX_DEVICES * 2),
        attachment: z
          .object({
            fileName: z.string().trim().min(1).max(200),
            /** The PDF, base64; at most ATTACHMENT_MAX_BYTES once decoded. */
            pdfBase64: z.string().min(1).max(Math.ceil((ATTACHMENT_MAX_BYTES * 4) / 3) + 1024),
          })
          .strict()
          .optional(),
      })
      .strict(),
    output: z.object({
      certificate: Certificate,
      /** The same certificate was registered before: nothing changed. */
      alreadyRegistered: z.boolean(),
      detail: BatchDetail,
    }),
    roles: rolesFor('certify'),
    maxBodyBytes: Math.ceil((ATTACHMENT_MAX_BYTES * 4) / 3) + 1024 * 1024,
  }),
  'batches.get': proc({
    summary: 'A batch with its totals per WEEE category (declared and measured kg), the devices the wipe gate stops and the devices no certificate covers yet',
    input: z.object({ id: Id }).strict(),
    output: BatchDetail,
    roles: EWASTE_READERS,
  }),
  'batches.search': proc({
    summary: 'Batches, newest first, by status or number',
    input: z
      .object({
        status: z.enum(BATCH_STATUSES).optional(),
        text: z.string().trim().max(100).optional(),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
    output: z.object({ items: z.array(BatchListItem), total: z.number().int() }),
    roles: EWASTE_READERS,
  }),
  'batches.attachment': proc({
    summary: "A certificate's attached PDF, by the batch and certificate number",
    input: z.object({ batchId: Id, certificateNo: z.string().trim().min(1).max(100) }).strict(),
    output: PdfFile,
    roles: EWASTE_READERS,
  }),
  'batches.manifest': proc({
    summary: "The batch's manifest for the recycler: recycler, waybill, seal, one row per device (tag, serial, make/model, WEEE category, kg, sanitization method) and totals per WEEE category, as a printable A4 PDF or as CSV for Danish Excel",
    input: z.object({ id: Id, format: z.enum(MANIFEST_FORMATS) }).strict(),
    output: BatchManifest,
    roles: EWASTE_READERS,
  }),
  'devices.disposalCertificate': proc({
    summary: "A device's disposal certificate (PDF): its whole trail with who, when and where, its sanitization record, the batch and recycler's certificate that closed it, and whether its hash chain verifies; before disposal the same document is titled a trail report",
    input: z.object({ deviceId: Id }).strict(),
    output: PdfFile,
    roles: EWASTE_READERS,
  }),
  'devices.publish': proc({
    summary: 'Put a device on the reuse marketplace, optionally not reservable before a day; requesting contacts whose wanted request matches are notified',
    input: z.object({ deviceId: Id, availableFrom: IsoDay.optional() }).strict(),
    output: Device,
    roles: rolesFor('publish'),
  }),
  'devices.unpublish': proc({
    summary: 'Take a device off the marketplace, back to stock',
    input: z.object({ deviceId: Id, reason: z.string().trim().max(500).optional() }).strict(),
    output: Device,
    roles: rolesFor('unpublish'),
  }),
  'devices.handOver': proc({
    summary: 'Hand a reserved device over at pick-up, by scanning its asset tag',
    input: z
      .object({
        assetTag: AssetTag,
        replacesNewPurchase: z.boolean(),
        ...handOverAcceptanceFields,
      })
      .strict(),
    output: Device,
    roles: rolesFor('handOver'),
    // A drawn signature (at most SIGNATURE_MAX_BYTES) as base64, with the rest of the call.
    maxBodyBytes: Math.ceil((SIGNATURE_MAX_BYTES * 4) / 3) + 1024 * 1024,
  }),
  'devices.handOverReceipt': proc({
    summary:
      "What a device's hand-over receipt (PDF) is: its file name and type. The receipt names the device, its sanitization, " +
      'the acceptance (receiver, unit, administration, time, the drawn signature or a line to sign on paper) and the trail event ' +
      'it comes from; the file itself is streamed by the transport (HTTP: POST /download/devices.handOverReceipt; desktop: a save dialog)',
    input: z
      .object({
        deviceId: Id,
        /** The handed_over event to print; the device's latest hand-over when absent. */
        eventId: Id.optional(),
      })
      .strict(),
    output: StatsExportPlan,
    roles: rolesFor('handOver'),
  }),
  'devices.get': proc({
    summary: 'One device with its trail, reservation, sanitization and allowed actions',
    input: z
      .object({ id: Id.optional(), assetTag: AssetTag.optional() })
      .strict()
      .refine((v) => (v.id === undefined) !== (v.assetTag === undefined), {
        message: 'Give exactly one of id and assetTag',
        path: ['id'],
      }),
    output: DeviceDetail,
    roles: 'any',
  }),
  'devices.search': proc({
    summary: 'Search every device, in any state, by text with category, status and department filters',
    input: DeviceSearchInput,
    output: z.object({
      items: z.array(Device),
      total: z.number().int(),
      /** Reserved devices on this page → the reserving administration, which is who the device is now going to. */
      reservedFor: z.record(Id, Id).optional(),
    }),
    roles: ['warehouse', 'sustainability', 'admin'],
  }),
  'marketplace.search': proc({
    summary: 'Search the devices on the reuse marketplace by text and the marketplace filters, with facet counts',
    input: MarketplaceSearchInput,
    output: z.object({ items: z.array(Device), total: z.number().int(), facets: MarketFacets.optional() }),
    roles: 'any',
  }),
  'reservations.create': proc({
    summary: 'Reserve a listed device for your administration (first reservation wins), to be used at one of its sites',
    input: z
      .object({
        deviceId: Id,
        /** Admins may reserve for another administration; others reserve for their own. */
        departmentId: Id.optional(),
        /** The reserving administration's site the device goes to; it becomes the device's location at hand-over. */
        locationId: Id,
      })
      .strict(),
    output: Reservation,
    roles: rolesFor('reserve'),
  }),
  'reservations.cancel': proc({
    summary: 'Cancel a reservation; the device goes back on the marketplace',
    input: z.object({ reservationId: Id }).strict(),
    output: Reservation,
    roles: rolesFor('cancelReservation'),
  }),
  // Reservation approval (issue 11): an administration's approver decides on its pending reservations.
  'reservations.approve': proc({
    summary: "Approve a reservation waiting for approval; it then holds for the usual reservation days",
    input: z.object({ reservationId: Id }).strict(),
    output: Reservation,
    roles: rolesFor('approveReservation'),
  }),
  'reservations.reject': proc({
    summary: 'Reject a reservation waiting for approval, with a reason; the device goes back on the marketplace',
    input: z.object({ reservationId: Id, reason: z.string().trim().min(1, { message: 'required' }).max(500) }).strict(),
    output: Reservation,
    roles: rolesFor('rejectReservation'),
  }),
  'departments.setApproval': proc({
    summary: "Turn an administration's reservation approval on or off, with the days its approvers have, and name its approvers",
    input: z
      .object({
        departmentId: Id,
        required: z.boolean(),
        days: z.number().int().min(1).max(APPROVAL_DAYS_MAX),
        /** The administration's department contacts who approve; every other contact of it stops being one. */
        approverIds: z.array(Id).max(100),
      })
      .strict(),
    output: z.object({ department: Department, approvers: z.array(User) }),
    roles: ['admin'],
  }),
  // ---- Admin audit list (issue 12) ----
  'admin.audit': proc({
    summary: 'The admin audit list: who changed which reference data or setting, when, and each field before and after; newest first',
    input: z
      .object({
        limit: z.number().int().min(1).max(1000).default(200),
        subject: z.enum(ADMIN_AUDIT_SUBJECTS).optional(),
        subjectId: z.string().min(1).max(64).optional(),
      })
      .strict(),
    output: z.object({ items: z.array(AdminAuditEntry) }),
    roles: ['admin'],
  }),
  'reservations.search': proc({
    summary: 'Reservations, by administration and status',
    input: z
      .object({
        departmentId: Id.optional(),
        status: z.enum(RESERVATION_STATUSES).optional(),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
    output: z.object({ items: z.array(z.object({ reservation: Reservation, device: Device })) }),
    roles: 'any',
  }),
  // QR labels (core/labels).
  'tags.allocate': proc({
    summary: 'Reserve the next free asset tags for pre-printed labels; a tag is never issued twice',
    input: z.object({ count: z.number().int().min(1).max(1000) }).strict(),
    output: z.object({ tags: z.array(AssetTag) }),
    roles: ['warehouse', 'admin'],
  }),
  'labels.pdf': proc({
    summary: 'QR labels as a PDF on a label stock, for asset tags or devices, from a start position on the first sheet',
    input: z
      .object({
        stock: z.enum(STOCK_IDS),
        /** 1-based position on the first sheet, so a half-used sheet can be used up. */
        start: z.number().int().min(1).default(1),
        /** Tags as typed or scanned (either QR payload form); each is checked and named if malformed. */
        tags: z.array(z.string().max(200)).min(1).max(1000).optional(),
        deviceIds: z.array(Id).min(1).max(1000).optional(),
      })
      .strict()
      .refine((v) => (v.tags === undefined) !== (v.deviceIds === undefined), {
        message: 'Give exactly one of tags and deviceIds',
        path: ['tags'],
      }),
    output: z.object({ pdfBase64: z.string().min(1), pages: z.number().int().min(1), labels: z.number().int().min(1) }),
    roles: 'any',
  }),
  // Stock-take (core/stocktake).
  'stocktake.compare': proc({
    summary: 'Compare the tags scanned at a shelf with the devices recorded there: expected, found, missing, unexpected and unknown',
    input: z
      .object({
        locationId: Id,
        /** Tags as scanned (either QR payload form), in any order; a tag scanned twice counts once. */
        tags: z.array(z.string().max(200)).max(STOCK_TAKE_MAX_TAGS),
      })
      .strict(),
    output: StockTakeReport,
    roles: ['warehouse', 'admin'],
  }),
  // Sustainability statistics (core/stats).
  'stats.summary': proc({
    summary: 'Counts and kg by outcome, reuse rate, CO2e avoided, days to reuse and e-waste per WEEE category for a period, grouped',
    input: z.object(StatsPeriod).strict().refine(periodInOrder, PERIOD_MESSAGE),
    output: StatsSummary,
    roles: ['sustainability', 'admin'],
  }),
  'stats.devices': proc({
    summary: 'The devices behind one figure of stats.summary (one row per counted event, so the total is the figure), paged',
    input: z
      .object({
        ...StatsPeriod,
        figure: z.enum(STAT_FIGURES),
        /** The row's key (a month, an administration, a category); absent for the totals. */
        group: z.string().max(100).optional(),
        /** E-waste figures: one WEEE category. */
        weee: WeeeKey.optional(),
        limit: z.number().int().min(1).max(500).default(100),
        offset: z.number().int().min(0).default(0),
      })
      .strict()
      .refine(periodInOrder, PERIOD_MESSAGE),
    output: z.object({
      total: z.number().int(),
      items: z.array(z.object({ device: Device, at: z.string(), departmentId: z.string(), kg: z.number(), co2eKg: z.number().nullable() })),
    }),
    roles: ['sustainability', 'admin'],
  }),
  'stats.export': proc({
    summary:
      'What a statistics export of a period holds: file name, type and rows. The file itself is streamed by the transport ' +
      '(HTTP: POST /download/stats.export; desktop: a save dialog), with the same input, roles and refusals',
    input: z
      .object({ ...StatsPeriod, file: z.enum(STATS_EXPORT_FILES) })
      .strict()
      .refine(periodInOrder, PERIOD_MESSAGE),
    output: StatsExportPlan,
    roles: ['sustainability', 'admin'],
  }),
  // Wanted requests ("efterlysninger") and notifications (core/wanted, issue 11).
  'wanted.create': proc({
    summary: 'Save what an administration needs (the marketplace filters, a text, a quantity, an end day); matching devices listed later notify the contact',
    input: z
      .object({
        filter: MarketFilter,
        text: z.string().trim().max(500).optional(),
        quantity: z.number().int().min(1).max(WANTED_MAX_QUANTITY),
        endsOn: IsoDay,
        /** Admins may ask for another administration; contacts ask for their own. */
        departmentId: Id.optional(),
      })
      .strict(),
    output: WantedRequest,
    roles: WANTED_ROLES,
  }),
  'wanted.list': proc({
    summary: "Wanted requests, newest first, each with its state today: a contact sees their administration's, an admin all",
    input: z.object({}).strict(),
    output: z.object({ items: z.array(z.object({ request: WantedRequest, state: z.enum(WANTED_STATES) })) }),
    roles: WANTED_ROLES,
  }),
  'wanted.close': proc({
    summary: 'Close a wanted request: it stops matching',
    input: z.object({ id: Id }).strict(),
    output: WantedRequest,
    roles: WANTED_ROLES,
  }),
  'notifications.list': proc({
    summary: "The caller's notifications, newest first, with how many are unread",
    input: z.object({ limit: z.number().int().min(1).max(200).default(50) }).strict(),
    output: z.object({ items: z.array(Notification), unread: z.number().int() }),
    roles: 'any',
  }),
  'notifications.unreadCount': proc({
    summary: "How many of the caller's notifications are unread (cheap: the header polls it)",
    input: Empty,
    output: z.object({ unread: z.number().int() }),
    roles: 'any',
  }),
  'notifications.markRead': proc({
    summary: "Mark the caller's notifications as read: the given ones, or all when none are given",
    input: z.object({ ids: z.array(Id).max(500).optional() }).strict(),
    output: z.object({ unread: z.number().int() }),
    roles: 'any',
  }),
  // ---- Admin screens for reference data (issue 12, wt-admin): administrations, units, locations, people ----
  'departments.save': proc({
    summary: 'Add an administration (no id) or change one (its id): code unique, Danish and English name',
    input: AdminDepartmentInput,
    output: Department,
    roles: ['admin'],
  }),
  'units.save': proc({
    summary: 'Add a unit to an administration (no id) or change one (its id); its name is unique within the administration',
    input: AdminUnitInput,
    output: Unit,
    roles: ['admin'],
  }),
  'units.remove': proc({
    summary: 'Remove a unit no person belongs to (hand-overs keep its name); refused with UNIT_IN_USE naming how many people belong to it',
    input: z.object({ id: Id }).strict(),
    output: z.object({}),
    roles: ['admin'],
  }),
  'locations.save': proc({
    summary: "Add or change a location: an administration's site, the warehouse, or a shelf in a warehouse (its name unique there)",
    input: AdminLocationInput,
    output: Location,
    roles: ['admin'],
  }),
  'locations.remove': proc({
    summary: 'Remove a location nothing stands on or points at; refused with LOCATION_IN_USE naming the devices, shelves and open reservations',
    input: z.object({ id: Id }).strict(),
    output: z.object({}),
    roles: ['admin'],
  }),
  'users.list': proc({
    summary: 'Every person, active or deactivated, by name (the profile picker shows only active ones)',
    input: Empty,
    output: z.object({ items: z.array(User) }),
    roles: ['admin'],
  }),
  'users.save': proc({
    summary: 'Add a person (no id) or change one: name, e-mail unique ignoring case, role, administration and a unit of it; the last active admin keeps the admin role',
    input: AdminUserInput,
    output: User,
    roles: ['admin'],
  }),
  'users.setActive': proc({
    summary: 'Deactivate a person (never deleted: the trail names them) or reactivate them; the last active admin cannot be deactivated',
    input: z.object({ id: Id, active: z.boolean() }).strict(),
    output: User,
    roles: ['admin'],
  }),
  // ---- Settings screen and first start (issue 12, wt-setup) ----
  'settings.get': proc({
    summary: 'The settings in force (defaults filled in), and the last asset tag issued: once there is one, the tag format is fixed',
    input: Empty,
    output: z.object({ settings: SettingsInput, lastTag: z.string().optional() }),
    roles: ['admin'],
  }),
  'settings.save': proc({
    summary:
      'Save the settings; each changed field goes to the admin audit list. Changing the tag prefix or width after the first tag was issued is refused (TAG_FORMAT_LOCKED) and nothing is saved',
    input: SettingsInput,
    output: z.object({ settings: SettingsInput }),
    roles: ['admin'],
  }),
  'setup.status': proc({
    summary: 'Whether this is a first start: no users yet, so the setup wizard shows instead of the profile picker',
    input: Empty,
    output: z.object({ needed: z.boolean() }),
    roles: 'public',
  }),
  'setup.initialize': proc({
    summary:
      'First start: create the organisation, its first administrator (with their administration) and the warehouse in one go, and sign the administrator in. Only while there are no users (SETUP_DONE after, nothing saved)',
    input: SetupInput,
    output: z.object({ token: z.string(), user: User }),
    roles: 'public',
  }),
  // Import of registers (core/import, issue 12): analyse a file, dry run, import in batches as a job, saved mappings.
  'import.analyze': proc({
    summary:
      'Read a register file (CSV or XLSX, checked by content): its headers, first rows, row count and a column mapping guessed from the headers; ' +
      'the file is kept by its sha256 for the dry run and the import. An empty, header-only, binary or unreadable file is refused and nothing is kept',
    input: z
      .object({
        fileName: z.string().trim().min(1).max(200),
        /** The file, base64 (an empty file is refused by the core, naming it). */
        dataBase64: z.string().max(Math.ceil((IMPORT_UPLOAD_MAX_BYTES * 4) / 3)),
      })
      .strict(),
    output: z.object({
      sha256: Sha256Hex,
      fileName: z.string(),
      format: z.enum(IMPORT_FORMATS),
      headers: z.array(z.string()),
      /** The first data rows, as read. */
      sample: z.array(z.array(z.string())),
      rowCount: z.number().int(),
      guess: ImportMapping,
      saved: z.array(SavedImportMapping),
    }),
    roles: IMPORT_ROLES,
    maxBodyBytes: Math.ceil((IMPORT_UPLOAD_MAX_BYTES * 4) / 3) + 64 * 1024,
  }),
  'import.dryRun': proc({
    summary: 'What importing the file with this mapping would do, row by row (create, update, unchanged, refused with the reasons), with the counts; a page of rows at a time',
    input: z
      .object({
        ...ImportFileRef,
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(1000).default(100),
        onlyRefused: z.boolean().default(false),
        /** Decide every row again (the store may have changed); otherwise a page of the last dry run of this file and mapping. */
        fresh: z.boolean().default(false),
      })
      .strict(),
    output: z.object({ counts: ImportCounts, total: z.number().int(), items: z.array(ImportRowResult) }),
    roles: IMPORT_ROLES,
  }),
  'import.start': proc({
    summary: 'Import the file: batches of rows, one transaction each, as a job in the core (one at a time); importing the same file again changes nothing',
    input: z.object(ImportFileRef).strict(),
    output: ImportJob,
    roles: IMPORT_ROLES,
  }),
  'import.progress': proc({
    summary: "An import job's progress: rows done of all, counts so far, and whether it runs, is done, was cancelled or failed",
    input: z.object({ jobId: Id }).strict(),
    output: ImportJob,
    roles: IMPORT_ROLES,
  }),
  'import.cancel': proc({
    summary: 'Cancel an import job between two batches: the batches done stay imported, the rest is not',
    input: z.object({ jobId: Id }).strict(),
    output: ImportJob,
    roles: IMPORT_ROLES,
  }),
  'import.saveMapping': proc({
    summary: 'Keep a column mapping (field → header text) under a name for the next file; the same name replaces the older one',
    input: z.object({ name: z.string().trim().min(1).max(100), columns: z.partialRecord(ImportField, z.string().max(200)) }).strict(),
    output: z.object({ saved: z.array(SavedImportMapping) }),
    roles: IMPORT_ROLES,
  }),
  // Sign-in (issue 13, wt-auth): shared mode's local accounts, the sign-in log, and how the UI learns the mode.
  'auth.methods': proc({
    summary: 'How people sign in here: the mode (standalone: choose a profile; shared: sign in) and whether the identity provider (OIDC) is configured, with its name for the button',
    input: Empty,
    output: z.object({ mode: z.enum(CORE_MODES), oidc: z.object({ enabled: z.boolean(), name: z.string().optional() }) }),
    roles: 'public',
  }),
  'auth.signIn': proc({
    summary:
      'Sign in with e-mail and password (shared mode); returns the person and a session token (a browser gets the session as an HttpOnly cookie instead, and an empty token). ' +
      'A wrong e-mail and a wrong password are refused alike (SIGN_IN_FAILED); 10 wrong passwords in a row lock the account for 15 minutes (ACCOUNT_LOCKED); too many attempts: RATE_LIMITED',
    input: z.object({ email: z.string().trim().min(1).max(200), password: z.string().min(1).max(1024) }).strict(),
    output: z.object({ token: z.string(), user: User }),
    roles: 'public',
  }),
  'auth.setPassword': proc({
    summary: "An admin sets or resets a person's password (at least 12 characters, not the e-mail); lifts a lock-out; logged in the sign-in log",
    input: z.object({ userId: Id, password: z.string().max(1024) }).strict(),
    output: z.object({}),
    roles: ['admin'],
  }),
  'auth.changePassword': proc({
    summary: 'Change your own password, giving the current one; logged in the sign-in log',
    input: z.object({ currentPassword: z.string().max(1024), newPassword: z.string().max(1024) }).strict(),
    output: z.object({}),
    roles: 'any',
  }),
  'auth.audit': proc({
    summary: 'The sign-in log: sign-ins, failed sign-ins (with the e-mail tried and the address), lock-outs, sign-outs and password changes; newest first',
    input: z.object({ limit: z.number().int().min(1).max(1000).default(200) }).strict(),
    output: z.object({ entries: z.array(AuthAuditEntry) }),
    roles: ['admin'],
  }),
  // Sign-in groups (issue 13, wt-oidc): the table that maps the identity provider's groups to a role and administration.
  'oidcGroups.list': proc({
    summary: "The sign-in group table in table order: each identity-provider group's role, administration and unit",
    input: Empty,
    output: z.object({ items: z.array(OidcGroup) }),
    roles: ['admin'],
  }),
  'oidcGroups.save': proc({
    summary:
      'Add a sign-in group row (no id; it goes last in the table) or change one: the group as the identity provider sends it (once in the table), ' +
      "the role, the administration and optionally a unit of it; the highest role of a person's groups wins, ties by table order",
    input: OidcGroupInput,
    output: OidcGroup,
    roles: ['admin'],
  }),
  'oidcGroups.remove': proc({
    summary: 'Remove a sign-in group row: its members no longer get in through it at their next sign-in',
    input: z.object({ id: Id }).strict(),
    output: z.object({}),
    roles: ['admin'],
  }),
} as const satisfies Record<string, ProcedureDef>;

export type Contract = typeof contract;
export type ProcedureName = keyof Contract;
/** What a caller sends (defaults not yet applied). */
export type ProcedureInput<P extends ProcedureName> = z.input<Contract[P]['input']>;
/** What a service receives: the input after the contract's schema parsed it (defaults applied, strings trimmed). */
export type ProcedureArgs<P extends ProcedureName> = z.output<Contract[P]['input']>;
export type ProcedureOutput<P extends ProcedureName> = z.output<Contract[P]['output']>;
export const PROCEDURE_NAMES = Object.keys(contract) as ProcedureName[];

export function isProcedureName(name: string): name is ProcedureName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
