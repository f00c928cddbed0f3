/**
 * pdfmake for the core's documents (QR labels, batch manifests, disposal certificates): loaded lazily (it is
 * ~1 MB with its fonts), Roboto embedded so æøå print, no URL ever fetched and no file read but the two fonts
 * (pdfmake 0.3.6 fixed a URL-access CVE). Long documents are laid out in a worker thread: pdfmake lays out a
 * 5,000-row table synchronously for seconds, which would freeze every other call to the core meanwhile.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';

type PdfMake = typeof import('pdfmake');

interface PdfMakeFiles {
  /** pdfmake's CommonJS entry, for the worker to require. */
  entry: string;
  regular: string;
  medium: string;
}

let files: PdfMakeFiles | undefined;

function pdfMakeFiles(): PdfMakeFiles {
  // why: the bundles (desktop CommonJS, server ESM with a require banner) and Vitest have require; tsx (the CLI) only import.meta.url
  const resolve = typeof require === 'function' ? require.resolve : createRequire(import.meta.url).resolve;
  files ??= {
    entry: resolve('pdfmake'),
    regular: resolve('pdfmake/fonts/Roboto/Roboto-Regular.ttf'),
    medium: resolve('pdfmake/fonts/Roboto/Roboto-Medium.ttf'),
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
 * sets the same fonts and access policies as loadPdfMake and adds the footer (a function cannot cross threads).
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const path = require('node:path');
const { files, doc, footer } = workerData;
try {
  const pdfMake = require(files.entry);
  pdfMake.setFonts({ Roboto: { normal: files.regular, bold: files.medium, italics: files.regular, bolditalics: files.medium } });
  pdfMake.setUrlAccessPolicy(() => false);
  const fonts = new Set([files.regular, files.medium].map((f) => path.resolve(f)));
  pdfMake.setLocalAccessPolicy((file) => fonts.has(path.resolve(file)));
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
    (buf) => parentPort.postMessage({ ok: true, bytes: new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength) }),
    (err) => parentPort.postMessage({ ok: false, message: String(err && err.stack || err) }),
  );
} catch (err) {
  parentPort.postMessage({ ok: false, message: String(err && err.stack || err) });
}
`;

/** A document without functions (it crosses to the worker as data); page margins as [left, top, right, bottom]. */
export type PlainDocument = Omit<TDocumentDefinitions, 'footer' | 'header' | 'pageMargins'> & {
  pageMargins: [number, number, number, number];
};

/**
 * The document's PDF bytes, laid out in a worker thread so the core keeps answering other calls meanwhile.
 * @throws Error when pdfmake fails (a bug in the document, not the caller's input)
 */
export function renderPdfInWorker(doc: PlainDocument, footer?: PdfFooter): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { files: pdfMakeFiles(), doc, footer } });
    let settled = false;
    worker.once('message', (msg: { ok: true; bytes: Uint8Array } | { ok: false; message: string }) => {
      settled = true;
      void worker.terminate();
      if (msg.ok) resolve(msg.bytes);
      else reject(new Error(`PDF rendering failed: ${msg.message}`));
    });
    worker.once('error', (err) => {
      settled = true;
      reject(err);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`PDF worker exited with code ${code} before answering`));
    });
  });
}
