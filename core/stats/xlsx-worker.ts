/**
 * XLSX files written by write-excel-file in a worker thread. The library builds each sheet's XML as one string
 * and only then zips it to a stream, synchronously: 100,000 rows would stop the core for seconds. The rows are
 * sent to the worker a slice at a time (the core never holds the whole sheet), the worker holds the sheets
 * (write-excel-file cannot append to a file) and streams the zipped bytes back, which are written as they come.
 *
 * Same mechanism as core/pdf/pdfmake.ts: plain CommonJS evaluated in the worker, requiring the library by the
 * path this thread resolved (a worker cannot load TypeScript under Vitest or tsx, nor a second bundle entry).
 */
import type { Writable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import { resolveModule } from '../resolve-module';
import { writeChunk } from './write-chunk';

/**
 * A cell as it crosses to the worker: text is always written as a text cell (a shared string, never a
 * formula, whatever it starts with), a number as a number in its column's format, a day or date-time as a
 * real date (the Copenhagen wall-clock time as UTC milliseconds; a spreadsheet has no time zones).
 */
export type SheetCell = string | number | null | { day: number } | { time: number };

export interface SheetColumn {
  header: string;
  /** Characters. */
  width: number;
  /** Excel number format for numbers in this column, e.g. "#,##0.0". */
  numberFormat?: string;
}

export interface SheetSpec {
  name: string;
  columns: readonly SheetColumn[];
}

export const DAY_FORMAT = 'dd-mm-yyyy';
export const TIME_FORMAT = 'dd-mm-yyyy hh:mm';

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { getHeapStatistics } = require('node:v8');
const heap = () => parentPort.postMessage({ kind: 'heap', bytes: getHeapStatistics().used_heap_size });
const writeXlsxFile = require(workerData.entry);
const { sheets, dayFormat, timeFormat } = workerData;
const data = sheets.map((s) => [s.columns.map((c) => ({ value: c.header, type: String, fontWeight: 'bold' }))]);
const fail = (err) => parentPort.postMessage({ kind: 'error', message: String((err && err.stack) || err) });
function cell(v, column) {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return { value: v, type: String };
  if (typeof v === 'number') return column.numberFormat ? { value: v, type: Number, format: column.numberFormat } : { value: v, type: Number };
  if (typeof v.day === 'number') return { value: new Date(v.day), type: Date, format: dayFormat };
  return { value: new Date(v.time), type: Date, format: timeFormat };
}
parentPort.on('message', (msg) => {
  if (msg.kind === 'rows') {
    const columns = sheets[msg.sheet].columns;
    const out = data[msg.sheet];
    for (const row of msg.rows) out.push(row.map((v, i) => cell(v, columns[i])));
    return;
  }
  try {
    const file = writeXlsxFile(
      sheets.map((s, i) => ({ sheet: s.name, data: data[i], columns: s.columns.map((c) => ({ width: c.width })), stickyRowsCount: 1 })),
      { fontFamily: 'Calibri', fontSize: 11 },
    );
    heap();
    data.length = 0;
    file.toStream().then((stream) => {
      stream.on('data', (chunk) => parentPort.postMessage({ kind: 'chunk', bytes: new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength) }));
      stream.on('end', () => {
        heap();
        parentPort.postMessage({ kind: 'end' });
      });
      stream.on('error', fail);
    }, fail);
  } catch (err) {
    fail(err);
  }
});
`;

type WorkerReply = { kind: 'chunk'; bytes: Uint8Array } | { kind: 'heap'; bytes: number } | { kind: 'end' } | { kind: 'error'; message: string };

/**
 * The largest heap an XLSX worker of this process has reported (bytes, sampled when the sheets are built and
 * when the file is zipped): the worker's heap is its own, outside process.memoryUsage().heapUsed, so
 * `npm run bench:stats` reads it here.
 */
export const xlsxWorkerHeap = { peakBytes: 0 };

/** A workbook being written: add rows sheet by sheet, then `finish` streams the file to `out`. */
export class XlsxWriter {
  private readonly worker: Worker;

  constructor(sheets: readonly SheetSpec[]) {
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { entry: resolveModule('write-excel-file/node'), sheets, dayFormat: DAY_FORMAT, timeFormat: TIME_FORMAT },
    });
  }

  /** Sends rows of sheet `sheet` (its index) to the worker; the caller may drop them afterwards. */
  addRows(sheet: number, rows: readonly (readonly SheetCell[])[]): void {
    this.worker.postMessage({ kind: 'rows', sheet, rows });
  }

  /** Writes the file to `out` as the worker zips it; the worker ends with it. */
  finish(out: Writable): Promise<void> {
    const worker = this.worker;
    return new Promise<void>((resolve, reject) => {
      // Chunks are written in order: each waits for the one before it (and for the sink to drain).
      let written = Promise.resolve();
      const stop = (err?: Error) => {
        worker.removeAllListeners();
        void worker.terminate();
        if (err) reject(err);
        else resolve();
      };
      worker.on('message', (msg: WorkerReply) => {
        if (msg.kind === 'chunk') written = written.then(() => writeChunk(out, msg.bytes));
        else if (msg.kind === 'heap') xlsxWorkerHeap.peakBytes = Math.max(xlsxWorkerHeap.peakBytes, msg.bytes);
        else if (msg.kind === 'end') written.then(() => stop(), stop);
        else stop(new Error(`XLSX writing failed: ${msg.message}`));
      });
      worker.on('error', stop);
      worker.on('exit', (code) => stop(new Error(`XLSX worker exited with code ${code}`)));
      worker.postMessage({ kind: 'finish' });
    });
  }

  /** Stops the worker without writing (the export was abandoned). */
  abort(): void {
    void this.worker.terminate();
  }
}
