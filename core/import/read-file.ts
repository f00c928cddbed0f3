/**
 * A register file as rows of text cells: CSV (any separator papaparse detects, with or without a BOM, UTF-8 or
 * Windows-1252 as Danish Excel saves it, quoted newlines) or XLSX (its first sheet, read-excel-file). The type is
 * told by the content, not the name: a ZIP is read as XLSX, binary bytes are refused, anything else is CSV.
 *
 * A 100,000-row CSV is parsed a slice at a time with a turn of the event loop between slices, so other calls
 * keep being answered (papaparse's chunk mode, paused and resumed).
 */
import Papa from 'papaparse';
import { readSheet } from 'read-excel-file/node';
import { isZip } from '../../shared/csv';
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS } from '../../shared/import';
import { AppError } from '../errors';
import { nextTurn } from '../lifecycle/step';
import { ownString } from '../strings';

export interface ImportRow {
  /** The row's number as a spreadsheet shows it (the header is 1). */
  n: number;
  cells: string[];
}

export interface ImportFile {
  format: 'csv' | 'xlsx';
  headers: string[];
  rows: ImportRows;
}

/**
 * A file's data rows, each kept as one string (its trimmed cells joined by a separator the file never holds)
 * and cut into cells when asked for: some 20 MB at 100,000 rows. As arrays of cells they took some 60 MB in
 * 1.4 million small objects, every one of them copied by each young-generation collection while the file was
 * being read (the collections that held the event loop longest) and then garbage for a full one; a cell also
 * kept the whole file's text alive (V8 cuts a substring out of its parent without copying it).
 */
export class ImportRows {
  private readonly texts: (string | undefined)[] = [];
  private readonly numbers: number[] = [];

  constructor(private readonly separator: string) {}

  get length(): number {
    return this.texts.length;
  }

  push(n: number, cells: readonly string[]): void {
    this.numbers.push(n);
    this.texts.push(cells.join(this.separator));
  }

  /** The data row at `i` (0 is the first after the header). @throws when the row was released */
  at(i: number): ImportRow {
    const text = this.texts[i];
    if (text === undefined) throw new Error(`import row ${i} was asked for after it was released`);
    return { n: this.numbers[i]!, cells: text.split(this.separator) };
  }

  /** Lets rows `from` … `to - 1` go (an import drafts each batch once). */
  release(from: number, to: number): void {
    this.texts.fill(undefined, from, to);
  }
}

/** Characters that may join a row's cells: control characters a register never has in a cell. */
const SEPARATORS = ['\u0000', '\u0001', '\u0002', '\u0003', '\u0004', '\u0005', '\u0006', '\u0007', '\u0008'];

/** The first separator the file's text does not hold. @throws IMPORT_NOT_TEXT when it holds them all */
function separatorFor(fileName: string, holds: (c: string) => boolean): string {
  const separator = SEPARATORS.find((c) => !holds(c));
  if (separator === undefined) throw new AppError('IMPORT_NOT_TEXT', { fileName });
  return separator;
}

/** Characters of CSV text papaparse reads per slice: 2–3 ms of parsing (four times that on a busy shared machine). */
const CSV_SLICE_CHARS = 64 * 1024;
/** Rows trimmed between two turns of the event loop. */
const ROWS_PER_TURN = 1000;
/** How much of the file is looked at for binary bytes. */
const SNIFF_BYTES = 64 * 1024;
const MB = 1024 * 1024;

/**
 * A text file has no NUL bytes and hardly any other control characters; an image, a PDF's streams or an old
 * .xls renamed .csv have many.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  return control > n / 100;
}

/**
 * Reads the file into a header and data rows. Rows with nothing in them are left out but keep their numbers.
 * @throws IMPORT_TOO_LARGE, IMPORT_EMPTY, IMPORT_HEADER_ONLY, IMPORT_NOT_TEXT, IMPORT_UNREADABLE, IMPORT_TOO_MANY_ROWS
 */
export async function readImportFile(fileName: string, bytes: Uint8Array): Promise<ImportFile> {
  if (bytes.length > IMPORT_MAX_BYTES) {
    throw new AppError('IMPORT_TOO_LARGE', { fileName, sizeMb: (bytes.length / MB).toFixed(1), maxMb: IMPORT_MAX_BYTES / MB });
  }
  if (bytes.length === 0) throw new AppError('IMPORT_EMPTY', { fileName });
  let format: ImportFile['format'];
  let header: string[] | undefined;
  let data: ImportRows;
  /** Record `n` (the header is 1) of the file: the first with anything in it is the header, the others data. */
  const take = (n: number, record: readonly string[]) => {
    const cells = record.map((c) => c.trim());
    if (!cells.some((c) => c !== '')) return;
    // A header cell is cut out of the file's whole text, kept as long as the file is: a copy of its own instead.
    if (header === undefined) header = cells.map(ownString);
    else data.push(n, cells);
  };
  if (isZip(bytes)) {
    format = 'xlsx';
    const table = await readXlsx(fileName, bytes);
    data = new ImportRows(separatorFor(fileName, (c) => table.some((row) => row.some((cell) => cell.includes(c)))));
    for (let i = 0; i < table.length; i++) {
      take(i + 1, table[i]!);
      if (i % ROWS_PER_TURN === ROWS_PER_TURN - 1) await nextTurn();
    }
  } else if (/\.xlsx$/i.test(fileName)) {
    // Named XLSX but not a ZIP: a damaged workbook, or another format renamed.
    throw new AppError('IMPORT_UNREADABLE', { fileName });
  } else {
    if (looksBinary(bytes)) throw new AppError('IMPORT_NOT_TEXT', { fileName });
    format = 'csv';
    const text = (await decodeSliced(bytes)).replace(/^\uFEFF/, '');
    data = new ImportRows(separatorFor(fileName, (c) => text.includes(c)));
    let n = 0;
    // Each slice's records are taken as they come, so papaparse's arrays of cells are garbage young.
    await parseCsv(text, (record) => take(++n, record));
  }
  if (!header) throw new AppError('IMPORT_EMPTY', { fileName });
  if (data.length === 0) throw new AppError('IMPORT_HEADER_ONLY', { fileName });
  if (data.length > IMPORT_MAX_ROWS) throw new AppError('IMPORT_TOO_MANY_ROWS', { fileName, rows: data.length, max: IMPORT_MAX_ROWS });
  return { format, headers: header, rows: data };
}

/** Bytes decoded per slice: a strict UTF-8 decode of 12 MB of Danish text takes some 130 ms in one go. */
const DECODE_SLICE_BYTES = 128 * 1024;

/**
 * The text of a CSV file, as shared/csv.ts decodeCsvBytes reads it (UTF-8 when valid, else Windows-1252, as
 * Danish Excel saves "CSV"), a slice at a time between turns of the event loop.
 */
async function decodeSliced(bytes: Uint8Array): Promise<string> {
  for (const encoding of ['utf-8', 'windows-1252'] as const) {
    const decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8' });
    const parts: string[] = [];
    try {
      for (let i = 0; i < bytes.length; i += DECODE_SLICE_BYTES) {
        parts.push(decoder.decode(bytes.subarray(i, i + DECODE_SLICE_BYTES), { stream: i + DECODE_SLICE_BYTES < bytes.length }));
        await nextTurn();
      }
      return parts.join('');
    } catch {
      // Not UTF-8: read it again as Windows-1252, which decodes any byte.
    }
  }
  throw new Error('unreachable: Windows-1252 decodes every byte');
}

/** Every record of a CSV text to `onRecord`, a slice at a time (papaparse detects the separator from the first slice). */
function parseCsv(text: string, onRecord: (record: string[]) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    Papa.parse<string[]>(text, {
      chunkSize: CSV_SLICE_CHARS,
      chunk(results: Papa.ParseResult<string[]>, parser: Papa.Parser) {
        for (const row of results.data) onRecord(row);
        parser.pause();
        void nextTurn().then(() => parser.resume());
      },
      complete: () => resolve(),
      error: (err: Error) => reject(err),
    });
  });
}

/** A cell of the first sheet as text: a date as YYYY-MM-DD, a number with a decimal point, a formula as the value Excel saved. */
function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  return String(v);
}

async function readXlsx(fileName: string, bytes: Uint8Array): Promise<string[][]> {
  try {
    const sheet = await readSheet(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    return sheet.map((row) => row.map(cellText));
  } catch (err) {
    throw new AppError('IMPORT_UNREADABLE', { fileName }, `XLSX ${fileName} unreadable`, undefined, { cause: err });
  }
}
