/**
 * A register file as rows of text cells: CSV (any separator papaparse detects, with or without a BOM, UTF-8 or
 * Windows-1252 as Danish Excel saves it, quoted newlines) or XLSX (its first sheet, read-excel-file). The type is
 * told by the content, not the name: a ZIP is read as XLSX, binary bytes are refused, anything else is CSV.
 *
 * A 100,000-row CSV is decoded and parsed a slice at a time with a turn of the event loop between slices, so
 * other calls keep being answered (papaparse reading a stream of decoded slices, paused and resumed). The file's
 * text is never one string: joining 10 million characters held the loop 30–40 ms (bench:import).
 */
import { Buffer, isUtf8 } from 'node:buffer';
import { Readable } from 'node:stream';
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
    // why: the separators are ASCII control characters, the same byte in UTF-8 and Windows-1252, so the bytes tell
    const whole = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    data = new ImportRows(separatorFor(fileName, (c) => whole.includes(c.charCodeAt(0))));
    let n = 0;
    // Each slice's records are taken as they come, so papaparse's arrays of cells are garbage young.
    await parseCsv(decodedSlices(bytes), (record) => take(++n, record));
  }
  if (!header) throw new AppError('IMPORT_EMPTY', { fileName });
  if (data.length === 0) throw new AppError('IMPORT_HEADER_ONLY', { fileName });
  if (data.length > IMPORT_MAX_ROWS) throw new AppError('IMPORT_TOO_MANY_ROWS', { fileName, rows: data.length, max: IMPORT_MAX_ROWS });
  return { format, headers: header, rows: data };
}

/** Bytes decoded (and then parsed) per slice: 2–3 ms of parsing, four times that on a busy shared machine. */
const DECODE_SLICE_BYTES = 64 * 1024;

/**
 * The text of a CSV file a slice at a time, as shared/csv.ts decodeCsvBytes reads it: UTF-8 when the whole file
 * is valid UTF-8 (a BOM left out), else Windows-1252, as Danish Excel saves "CSV". A character cut by a slice's
 * end is finished in the next slice.
 */
async function* decodedSlices(bytes: Uint8Array): AsyncGenerator<string> {
  const decoder = new TextDecoder(isUtf8(bytes) ? 'utf-8' : 'windows-1252');
  for (let i = 0; i < bytes.length; i += DECODE_SLICE_BYTES) {
    const text = decoder.decode(bytes.subarray(i, i + DECODE_SLICE_BYTES), { stream: i + DECODE_SLICE_BYTES < bytes.length });
    if (text !== '') yield text;
    await nextTurn();
  }
}

/**
 * Every record of a CSV text, given a slice at a time, to `onRecord` (papaparse detects the separator from the
 * first slice and joins a record a slice's end cut, quoted newlines included).
 */
function parseCsv(slices: AsyncIterable<string>, onRecord: (record: string[]) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const input = Readable.from(slices);
    input.on('error', reject);
    Papa.parse<string[]>(input, {
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
