/**
 * Import of existing registers (issue 12): the fields a file's columns can be mapped to, a mapping, the
 * reasons a row is refused, and what a dry run says about each row. Runs anywhere (no Node, no DOM).
 */
import { z } from 'zod';

/** The device fields a column can fill, in the order the mapping step shows them. */
export const IMPORT_FIELDS = [
  'assetTag',
  'serial',
  'category',
  'manufacturer',
  'model',
  'year',
  'ramGb',
  'storageGb',
  'screenInch',
  'condition',
  'status',
  'location',
  'department',
  'purchaseDate',
  'notes',
] as const;
export const ImportField = z.enum(IMPORT_FIELDS);
export type ImportField = z.infer<typeof ImportField>;

/** The fields a new device cannot do without (a site's administration is taken from the site when not given). */
export const IMPORT_REQUIRED_FIELDS = ['serial', 'category', 'manufacturer', 'model', 'location'] as const satisfies readonly ImportField[];

/**
 * The fields an import changes on a device it already has (matched by tag or serial). Its state, place, owner
 * and category change only through the lifecycle (check-in, hand-over …), so an import leaves them.
 */
export const IMPORT_UPDATABLE_FIELDS = ['manufacturer', 'model', 'year', 'ramGb', 'storageGb', 'screenInch', 'notes'] as const satisfies readonly ImportField[];
export type ImportUpdatableField = (typeof IMPORT_UPDATABLE_FIELDS)[number];

/** Which column (0-based) fills each field; a field left out is not imported. */
export const ImportMapping = z.partialRecord(ImportField, z.number().int().min(0).max(500));
export type ImportMapping = z.infer<typeof ImportMapping>;

/** A mapping kept for the next file: by the columns' header texts, so a file with its columns in another order still fits. */
export const SavedImportMapping = z.object({
  name: z.string().trim().min(1).max(100),
  columns: z.partialRecord(ImportField, z.string().max(200)),
  savedAt: z.iso.datetime({ offset: true }),
});
export type SavedImportMapping = z.infer<typeof SavedImportMapping>;
/** The most saved mappings kept (the oldest goes). */
export const IMPORT_SAVED_MAPPINGS_MAX = 30;

/** The largest file an import reads (a 100,000-row register is some 12 MB as CSV). */
export const IMPORT_MAX_BYTES = 30 * 1024 * 1024;
/** The most data rows one file may hold. */
export const IMPORT_MAX_ROWS = 200_000;

export const IMPORT_FORMATS = ['csv', 'xlsx'] as const;

/** Why a row is refused; each has a text in the catalogue ('import.reason.<code>'). */
export const IMPORT_REASONS = [
  /** A required field is empty (params: field). */
  'required',
  'unknown_category',
  'tag_malformed',
  'duplicate_serial_in_file',
  'duplicate_tag_in_file',
  /** The serial is on a device with another tag (params: assetTag). */
  'serial_on_other_device',
  /** The serial is on several devices already: which one the row means cannot be told. */
  'serial_ambiguous',
  /** The tag is on a device with another serial (params: serial). */
  'tag_on_other_serial',
  'unknown_location',
  'unknown_department',
  'location_not_of_department',
  'unknown_status',
  /** A state an import may not create (params: status). */
  'status_not_importable',
  /** The state needs another kind of place: in stock at a shelf, reported or in use at a site (params: status). */
  'status_needs_other_location',
  'unknown_condition',
  /** Not a number, or out of range (params: field). */
  'bad_number',
  'bad_date',
  /** A text longer than the field takes (params: field, max). */
  'too_long',
] as const;
export type ImportReason = (typeof IMPORT_REASONS)[number];

export const ImportRefusal = z.object({
  code: z.enum(IMPORT_REASONS),
  field: ImportField.optional(),
  /** The cell as written, for the message. */
  value: z.string().optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type ImportRefusal = z.infer<typeof ImportRefusal>;

export const IMPORT_ACTIONS = ['create', 'update', 'unchanged', 'refused'] as const;
export type ImportAction = (typeof IMPORT_ACTIONS)[number];

/** What happens (or would happen) to one row. `row` is the row's number in the file as a spreadsheet shows it (the header is 1). */
export const ImportRowResult = z.object({
  row: z.number().int().min(2),
  action: z.enum(IMPORT_ACTIONS),
  /** The device's tag: the row's, the matched device's, or absent when a new one will be given on import. */
  assetTag: z.string().optional(),
  serial: z.string().optional(),
  /** Fields an update changes. */
  changes: z.array(ImportField).optional(),
  refusals: z.array(ImportRefusal).optional(),
});
export type ImportRowResult = z.infer<typeof ImportRowResult>;

export const ImportCounts = z.object({
  create: z.number().int(),
  update: z.number().int(),
  unchanged: z.number().int(),
  refused: z.number().int(),
});
export type ImportCounts = z.infer<typeof ImportCounts>;

export const emptyImportCounts = (): ImportCounts => ({ create: 0, update: 0, unchanged: 0, refused: 0 });

export const IMPORT_JOB_STATES = ['running', 'done', 'cancelled', 'failed'] as const;

/** A header or a name as compared: lower case, letters and digits only ("Serial No." → "serialno"). */
export const normalName = (s: string): string => s.toLowerCase().replace(/[^a-z0-9æøåäöü]/g, '');

/** A saved mapping (field → header text) on a file's headers: fields whose header the file lacks are left out. */
export function mappingFromHeaders(columns: Partial<Record<ImportField, string>>, headers: readonly string[]): ImportMapping {
  const names = headers.map(normalName);
  const mapping: ImportMapping = {};
  for (const field of IMPORT_FIELDS) {
    const header = columns[field];
    const col = header === undefined ? -1 : names.indexOf(normalName(header));
    if (col >= 0) mapping[field] = col;
  }
  return mapping;
}
