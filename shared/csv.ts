/**
 * CSV the way Danish Excel opens it with a double-click: `;` between cells (the comma is the decimal mark
 * in Danish), UTF-8 with a byte-order mark (without it Excel reads æøå as Windows-1252), CRLF line ends, and
 * a decimal comma in numbers. Every export of the app goes through here.
 *
 * A text cell that Excel would read as a formula (starting with =, +, -, @, a tab or a carriage return) gets a
 * leading apostrophe, so a serial number or a note typed by someone can never run as a formula when the file
 * is opened (CSV injection, OWASP). Numbers are written as numbers and are never prefixed: -3 is a number.
 */

export type CsvCell = string | number | boolean | null | undefined;

export const CSV_SEPARATOR = ';';
export const CSV_LINE_END = '\r\n';
export const CSV_BOM = '\uFEFF';

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[;"\r\n]/;

/** One cell as Excel should read it back: the same text or number, never a formula. */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  let text: string;
  if (typeof value === 'number') {
    // why: "1.5" is not a number to Danish Excel; NaN and Infinity have no cell form, so they stay empty
    text = Number.isFinite(value) ? String(value).replace('.', ',') : '';
  } else if (typeof value === 'boolean') {
    text = value ? 'TRUE' : 'FALSE';
  } else {
    text = FORMULA_START.test(value) ? `'${value}` : value;
  }
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One row with its line end: the row-at-a-time form, for a file written in slices (a 100,000-row export). */
export function csvLine(row: readonly CsvCell[]): string {
  return row.map(csvCell).join(CSV_SEPARATOR) + CSV_LINE_END;
}

/** A whole file: an optional header row then the rows, starting with the byte-order mark and ending with CRLF. */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return CSV_BOM + rows.map(csvLine).join('');
}

// ---- Reading (the certificate serials, and the import of registers, issue 12) ----

/** Text of a CSV file's bytes: UTF-8 when it is valid UTF-8, else Windows-1252 (Excel's "CSV" on Danish Windows). */
export function decodeCsvBytes(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** An XLSX file is a ZIP archive: it starts with "PK\x03\x04". */
export const isZip = (b: Uint8Array): boolean => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
