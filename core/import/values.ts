/**
 * The words and numbers of a register's cells, as Danish and English spreadsheets and Snipe-IT's export write
 * them: headers to fields, "15,6" and "1.5" to numbers, dd-mm-yyyy and ISO days, category, condition and
 * status names. Each parser answers a value, or undefined when the cell cannot be read (the row is then refused).
 */
import { IMPORT_FIELDS, normalName, type ImportField, type ImportMapping } from '../../shared/import';

export { normalName };
import { translate, LOCALES } from '../../shared/i18n';
import { CATEGORIES, CONDITIONS, DEVICE_STATUSES, type Category, type Condition, type DeviceStatus } from '../../shared/schemas';


/**
 * Header texts of each field, best first: Danish, English, and the columns of Snipe-IT's asset export (Asset Tag,
 * Serial, Model, Manufacturer, Category, Status, Location, Purchase Date, Notes, Company).
 */
const HEADER_NAMES: Record<ImportField, readonly string[]> = {
  assetTag: ['inventarnummer', 'inventarnr', 'invnr', 'assettag', 'tag', 'assetno', 'assetnumber', 'udstyrsnummer', 'aktivnummer', 'stregkode', 'barcode'],
  serial: ['serienummer', 'serienr', 'serial', 'serialnumber', 'serialno', 'sn', 'snr'],
  category: ['kategori', 'category', 'enhedstype', 'udstyrstype', 'devicetype', 'assettype', 'type'],
  manufacturer: ['fabrikat', 'producent', 'mærke', 'manufacturer', 'make', 'brand'],
  model: ['model', 'modelnavn', 'modelname', 'produkt', 'product'],
  year: ['årgang', 'modelår', 'produktionsår', 'år', 'year', 'modelyear'],
  ramGb: ['ram', 'ramgb', 'ramigb', 'hukommelse', 'hukommelsegb', 'memory', 'memorygb'],
  storageGb: ['lager', 'lagergb', 'diskgb', 'disk', 'harddisk', 'storage', 'storagegb', 'ssd', 'hdd'],
  screenInch: ['skærm', 'skærmtommer', 'skærmstørrelse', 'tommer', 'screen', 'screensize', 'screeninch', 'screeninches', 'display'],
  condition: ['stand', 'tilstand', 'condition', 'grade'],
  status: ['status', 'statuslabel', 'state'],
  location: ['lokation', 'placering', 'hylde', 'sted', 'location', 'defaultlocation', 'site', 'shelf'],
  department: ['forvaltning', 'forvaltningskode', 'administration', 'department', 'afdeling', 'company', 'ejer', 'owner'],
  purchaseDate: ['indkøbsdato', 'købsdato', 'anskaffelsesdato', 'purchasedate', 'purchased', 'dateofpurchase'],
  notes: ['noter', 'note', 'bemærkninger', 'bemærkning', 'kommentar', 'notes', 'comment', 'comments'],
};

/** The column of each field by its header, a column used at most once (a field earlier in IMPORT_FIELDS wins). */
export function guessMapping(headers: readonly string[]): ImportMapping {
  const names = headers.map(normalName);
  const used = new Set<number>();
  const mapping: ImportMapping = {};
  for (const field of IMPORT_FIELDS) {
    for (const name of HEADER_NAMES[field]) {
      const col = names.findIndex((h, i) => h === name && !used.has(i));
      if (col >= 0) {
        mapping[field] = col;
        used.add(col);
        break;
      }
    }
  }
  return mapping;
}

// ---- numbers and days ----

/**
 * A number as a Danish or English sheet writes it: "15,6", "1.5", "1.000,5", "1,000.5", with a unit after it
 * ("16 GB", "1 TB", '14"'). With both marks the last one is the decimal mark.
 */
export function parseNumber(cell: string): { value: number; unit: string } | undefined {
  // Words after a unit are allowed ("256 GB SSD"); after a bare number they are not ("8 x").
  const m = /^([+-]?\d[\d.,]*)\s*(?:(tb|gb|mb|"|''|tommer|inch|in)(?:\s+.*)?)?$/i.exec(cell.trim());
  if (!m) return undefined;
  let digits = m[1]!;
  const comma = digits.lastIndexOf(',');
  const dot = digits.lastIndexOf('.');
  if (comma >= 0 && dot >= 0) {
    const decimal = comma > dot ? ',' : '.';
    digits = digits.split(decimal === ',' ? '.' : ',').join('').replace(',', '.');
  } else if (comma >= 0) {
    digits = digits.replace(',', '.');
  }
  if (!/^[+-]?\d+(\.\d+)?$/.test(digits)) return undefined;
  return { value: Number(digits), unit: (m[2] ?? '').toLowerCase() };
}

/** A whole number of gigabytes ("16", "16 GB", "1 TB" = 1000 GB, "512 MB" is refused: not whole). */
export function parseGigabytes(cell: string): number | undefined {
  const n = parseNumber(cell);
  if (!n) return undefined;
  const gb = n.unit === 'tb' ? n.value * 1000 : n.unit === 'mb' ? n.value / 1000 : n.value;
  return Number.isInteger(gb) && gb >= 0 && gb <= 1_000_000 ? gb : undefined;
}

export function parseInteger(cell: string, min: number, max: number): number | undefined {
  const n = parseNumber(cell);
  return n && n.unit === '' && Number.isInteger(n.value) && n.value >= min && n.value <= max ? n.value : undefined;
}

export function parseScreenInch(cell: string): number | undefined {
  const n = parseNumber(cell);
  return n && n.value >= 0 && n.value <= 120 ? n.value : undefined;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A day that exists, as YYYY-MM-DD. */
function isoDay(y: number, m: number, d: number): string | undefined {
  const t = Date.UTC(y, m - 1, d);
  const date = new Date(t);
  if (y < 1900 || y > 2100 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** Excel's day numbers count from 1899-12-30 (a date cell written out as a number). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/**
 * A calendar day: dd-mm-yyyy (also with . or /, as Danish sheets write it), yyyy-mm-dd (ISO, with or without a
 * time after it, as Snipe-IT and XLSX date cells give it), or Excel's day number.
 */
export function parseDay(cell: string): string | undefined {
  const s = cell.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(s);
  if (m) return isoDay(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[-./](\d{1,2})[-./](\d{4})(?:\s.*)?$/.exec(s);
  if (m) return isoDay(Number(m[3]), Number(m[2]), Number(m[1]));
  if (/^\d{5}(\.\d+)?$/.test(s)) {
    const date = new Date(EXCEL_EPOCH_MS + Math.floor(Number(s)) * 86_400_000);
    return isoDay(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
  }
  return undefined;
}

// ---- words ----

/** A lookup from normalised words to values: the codes, the catalogue's Danish and English names, and extra words. */
function wordTable<T extends string>(codes: readonly T[], labelKey: (code: T) => string, extra: Record<string, T>): Map<string, T> {
  const table = new Map<string, T>();
  for (const code of codes) {
    table.set(normalName(code), code);
    for (const locale of LOCALES) table.set(normalName(translate(locale, labelKey(code) as Parameters<typeof translate>[1])), code); // why: the label keys are built from the domain's codes, which the catalogue covers
  }
  for (const [word, code] of Object.entries(extra)) table.set(normalName(word), code);
  return table;
}

const CATEGORY_WORDS = wordTable(CATEGORIES, (c) => `category.${c}`, {
  bærbar: 'laptop',
  notebook: 'laptop',
  stationær: 'desktop',
  pc: 'desktop',
  desktop: 'desktop',
  tyndklient: 'thin_client',
  thinclient: 'thin_client',
  mobil: 'phone',
  smartphone: 'phone',
  telefon: 'phone',
  mobilephone: 'phone',
  ipad: 'tablet',
  multifunktionsprinter: 'printer_mfp',
  mfp: 'printer_mfp',
  netværk: 'network',
  switch: 'network',
  router: 'network',
  accesspoint: 'network',
  skærm: 'monitor',
  display: 'monitor',
  dock: 'docking_station',
  tilbehør: 'peripheral',
  accessory: 'peripheral',
  accessories: 'peripheral',
  tastatur: 'peripheral',
  keyboard: 'peripheral',
  mus: 'peripheral',
  mouse: 'peripheral',
});

/** A category by its code, Danish or English name, or a common word for it; plurals too ("Laptops", "Skærme"). */
export function parseCategory(cell: string): Category | undefined {
  const word = normalName(cell);
  for (const candidate of [word, word.replace(/s$/, ''), word.replace(/er$/, ''), word.replace(/e$/, '')]) {
    const hit = CATEGORY_WORDS.get(candidate);
    if (hit) return hit;
  }
  return undefined;
}

const CONDITION_WORDS = wordTable(CONDITIONS, (c) => `condition.${c}`, { ødelagt: 'defective', broken: 'defective', defekt: 'defective' });

export function parseCondition(cell: string): Condition | undefined {
  return CONDITION_WORDS.get(normalName(cell));
}

const STATUS_WORDS = wordTable(DEVICE_STATUSES, (s) => `status.${s}`, {
  ibrug: 'reused',
  inuse: 'reused',
  udlånt: 'reused',
  deployed: 'reused',
  lager: 'in_stock',
  readytodeploy: 'in_stock',
  instock: 'in_stock',
  pending: 'reported',
  overskud: 'reported',
});

/** A state by its code, Danish or English name, or Snipe-IT's status labels (Ready to Deploy, Deployed, Pending). */
export function parseStatus(cell: string): DeviceStatus | undefined {
  return STATUS_WORDS.get(normalName(cell));
}
