/**
 * pdfmake for the core's documents (QR labels, batch manifests, disposal certificates): loaded lazily (it is
 * ~1 MB with its fonts), Roboto embedded so æøå print, no URL ever fetched and no file read but the two fonts
 * (pdfmake 0.3.6 fixed a URL-access CVE). Long documents are laid out in a worker thread: pdfmake lays out a
 * 5,000-row table synchronously for seconds, which would freeze every other call to the core meanwhile.
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { resolveModule } from '../resolve-module';

type PdfMake = typeof import('pdfmake');

interface PdfMakeFiles {
  /** pdfmake's CommonJS entry, for the worker to require. */
  entry: string;
  regular: string;
  medium: string;
}

let files: PdfMakeFiles | undefined;

function pdfMakeFiles(): PdfMakeFiles {
  files ??= {
    entry: resolveModule('pdfmake'),
    regular: resolveModule('pdfmake/fonts/Roboto/Roboto-Regular.ttf'),
    medium: resolveModule('pdfmake/fonts/Roboto/Roboto-Medium.ttf'),
  };
  return files;
}

let pdfMakeReady: Promise<PdfMake> | undefined;

/** pdfmake in this thread, fonts and access policies set (for short documents and the labels' pdfkit tweak). */
export function loadPdfMake(): Promise<PdfMake> {
  pdfMakeReady ??= (async () => {
    const mod = await import('pdfmake');
    // why: pdfmake is CommonJS (`module.exports = new pdfmake()`); Node's ESM loader hands it over as the default export
    const pdfMake = ('default' in mod ? mod.default : mod) as PdfMake;
    const { regular, medium } = pdfMakeFiles();
    pdfMake.setFonts({ Roboto: { normal: regular, bold: medium, italics: regular, bolditalics: medium } });
    pdfMake.setUrlAccessPolicy(() => false);
    const fonts = new Set([regular, medium].map((f) => path.resolve(f)));
    pdfMake.setLocalAccessPolicy((file) => fonts.has(path.resolve(file)));
    return pdfMake;
  })();
  return pdfMakeReady;
}

/** The running footer of a document: a left text, and the page numbers from a template with {current} and {total}. */
export interface PdfFooter {
  left: string;
  /** e.g. "Side {current} af {total}". */
  pages: string;
}

/**
 * The worker's code, plain CommonJS: a worker thread cannot load a TypeScript file under Vitest or tsx, nor a
 * second entry out of the single esbuild bundle, so it requires pdfmake by the path this thread resolved. It
 * sets the same fonts and access policies as loadPdfMake, then renders each document it is sent, adding the
 * footer (a function cannot cross threads).
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const path = require('node:path');
const { files } = workerData;
const pdfMake = require(files.entry);
pdfMake.setFonts({ Roboto: { normal: files.regular, bold: files.medium, italics: files.regular, bolditalics: files.medium } });
pdfMake.setUrlAccessPolicy(() => false);
const fonts = new Set([files.regular, files.medium].map((f) => path.resolve(f)));
pdfMake.setLocalAccessPolicy((file) => fonts.has(path.resolve(file)));
const failed = (id, err) => parentPort.postMessage({ id, ok: false, message: String((err && err.stack) || err) });
parentPort.on('message', ({ id, doc, footer }) => {
  try {
    if (footer) {
      doc.footer = (current, total) => ({
        margin: [doc.pageMargins[0], 12, doc.pageMargins[2], 0],
        fontSize: 7,
        color: '#555555',
        columns: [
          { text: footer.left },
          { text: footer.pages.replace('{current}', String(current)).replace('{total}', String(total)), alignment: 'right', width: 'auto' },
        ],
      });
    }
    pdfMake.createPdf(doc).getBuffer().then(
      (buf) => parentPort.postMessage({ id, ok: true, bytes: new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength) }),
      (err) => failed(id, err),
    );
  } catch (err) {
    failed(id, err);
  }
});
`;

/** A document without functions (it crosses to the worker as data); page margins as [left, top, right, bottom]. */
export type PlainDocument = Omit<TDocumentDefinitions, 'footer' | 'header' | 'pageMargins'> & {
  pageMargins: [number, number, number, number];
};

type WorkerReply = { id: number; ok: true; bytes: Uint8Array } | { id: number; ok: false; message: string };

interface PdfWorker {
  worker: Worker;
  pending: Map<number, { resolve(bytes: Uint8Array): void; reject(err: Error): void }>;
}

let current: PdfWorker | undefined;
let nextJob = 1;

/**
 * The one PDF worker, started on first use and kept: starting one and loading pdfmake in it costs more than
 * laying out a one-page certificate. It holds the process open only while it has work.
 */
function pdfWorker(): PdfWorker {
  if (current) return current;
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { files: pdfMakeFiles() } });
  worker.unref();
  const state: PdfWorker = { worker, pending: new Map() };
  const failAll = (err: Error) => {
    if (current === state) current = undefined;
    for (const job of state.pending.values()) job.reject(err);
    state.pending.clear();
  };
  worker.on('message', (msg: WorkerReply) => {
    const job = state.pending.get(msg.id);
    state.pending.delete(msg.id);
    if (state.pending.size === 0) worker.unref();
    if (!job) return;
    if (msg.ok) job.resolve(msg.bytes);
    else job.reject(new Error(`PDF rendering failed: ${msg.message}`));
  });
  worker.on('error', failAll);
  worker.on('exit', (code) => failAll(new Error(`PDF worker exited with code ${code}`)));
  current = state;
  return state;
}

/**
 * The document's PDF bytes, laid out in the PDF worker thread so the core keeps answering other calls meanwhile.
 * @throws Error when pdfmake fails (a bug in the document, not the caller's input)
 */
export function renderPdfInWorker(doc: PlainDocument, footer?: PdfFooter): Promise<Uint8Array> {
  const { worker, pending } = pdfWorker();
  const id = nextJob++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    worker.ref();
    try {
      worker.postMessage({ id, doc, footer });
    } catch (err) {
      // A document that cannot be copied to the worker (a function slipped in): refuse it, keep the worker.
      pending.delete(id);
      if (pending.size === 0) worker.unref();
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
}
