/**
 * The serial numbers on a recycler's certificate, read from the file the recycler sent: CSV (any of
 * ; , or tab, quoted fields, a BOM, UTF-8 or Windows-1252) or XLSX (its first sheet). The serial column is
 * the one whose header (in the first ten rows) says serial ("Serienummer", "Serial no.", "S/N", "SN"); a sheet of one column needs
 * no header. The core compares the serials trimmed and case-insensitively; here they are only read.
 */
import Papa from 'papaparse';
import { readSheet } from 'read-excel-file/universal';
import { decodeCsvBytes, isZip } from '../shared/csv';

export type SerialImportProblem = 'empty' | 'no_serial_column' | 'unreadable';

export type SerialImport =
  | { ok: true; serials: string[]; /** The header of the column read, or null for a sheet of one column without one. */ column: string | null }
  | { ok: false; problem: SerialImportProblem };

/** Header cells that name a serial-number column, in Danish or English, as recyclers' systems write them. */
const SERIAL_HEADER = /^(serie\s*(nr\.?|nummer|numre)?|serial(\s*(no\.?|number|#))?|s\/?n|sn|serienr\.?)$/i;

const HEADER_SEARCH_ROWS = 10;

/** Picks the serial column of a table (rows of cells) and returns its values, blanks left out. */
export function serialsFromRows(rows: readonly (readonly unknown[])[]): SerialImport {
  const text = (v: unknown) => (v === null || v === undefined ? '' : String(v).trim());
  const nonEmpty = rows.filter((r) => r.some((c) => text(c) !== ''));
  if (nonEmpty.length === 0) return { ok: false, problem: 'empty' };
  // Certificates often carry a title or the recycler's name above the table: look for the header in the first rows.
  for (let h = 0; h < Math.min(HEADER_SEARCH_ROWS, nonEmpty.length); h++) {
    const header = nonEmpty[h] ?? [];
    const col = header.findIndex((c) => SERIAL_HEADER.test(text(c)));
    if (col < 0) continue;
    const serials = nonEmpty.slice(h + 1).map((r) => text(r[col])).filter((s) => s !== '');
    return serials.length > 0 ? { ok: true, serials, column: text(header[col]) } : { ok: false, problem: 'empty' };
  }
  const width = Math.max(...nonEmpty.map((r) => r.filter((c) => text(c) !== '').length));
  if (width !== 1) return { ok: false, problem: 'no_serial_column' };
  return { ok: true, serials: nonEmpty.map((r) => text(r.find((c) => text(c) !== ''))), column: null };
}

// The decoding is shared with the core's import of registers (issue 12).
export { decodeCsvBytes } from '../shared/csv';

export function serialsFromCsv(text: string): SerialImport {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  if (parsed.data.length === 0) return { ok: false, problem: 'empty' };
  return serialsFromRows(parsed.data);
}

export async function serialsFromXlsx(bytes: ArrayBuffer): Promise<SerialImport> {
  let rows: readonly (readonly unknown[])[];
  try {
    rows = await readSheet(bytes);
  } catch {
    return { ok: false, problem: 'unreadable' };
  }
  return serialsFromRows(rows);
}


/** Reads a file the person chose: XLSX by its content (whatever its name says), otherwise CSV or plain text. */
export async function serialsFromFile(file: Blob): Promise<SerialImport> {
  const buffer = await file.arrayBuffer();
  const bytes = new Uint8Array(buffer);
  if (isZip(bytes)) return serialsFromXlsx(buffer);
  return serialsFromCsv(decodeCsvBytes(bytes));
}
