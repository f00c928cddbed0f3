/**
 * Print-and-scan, simulated: every stock's PDF with 65 tags is rasterised at 300 dpi (poppler's pdftoppm, as
 * a 300 dpi printer would) and every code on every page is decoded offline with zxing-wasm. Every tag must
 * come back, in order, from inside its own label, and the printed text must stay on its label and out of
 * the code's quiet zone.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import { formatAssetTag } from '../../shared/categories';
import { labelSlots, layoutLabel, type LabelSlot } from '../../shared/labels/layout';
import { tagPayload, type TagPayloadForm } from '../../shared/labels/payload';
import { qrSymbol } from '../../shared/labels/qr';
import { STOCK_IDS, STOCKS, type LabelStock, type StockId } from '../../shared/labels/stocks';
import { renderLabelPdf } from './pdf';

const DPI = 300;
const MM_PER_PX = 25.4 / DPI;
const MM_PER_PT = 25.4 / 72;
const ORGANISATION = 'Københavns Kommune';
/** 65 tags with differing digits, so a code read from the wrong label cannot pass. */
const TAGS = Array.from({ length: 65 }, (_, i) => formatAssetTag(1_000_003 + i * 7919));

let work: string;

function run(command: string, args: string[]): string {
  const r = spawnSync(command, args, { encoding: 'utf8' });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

beforeAll(async () => {
  if (spawnSync('pdftoppm', ['-v']).error) {
    throw new Error('pdftoppm was not found: install poppler-utils (apt-get install -y poppler-utils) to run the label decode test.');
  }
  // why: the decoder must work offline; zxing-wasm fetches its wasm from a CDN unless handed the file, so any fetch fails here
  vi.stubGlobal('fetch', (url: unknown) => Promise.reject(new Error(`the label decode test must not fetch ${String(url)}`)));
  const require = createRequire(import.meta.url);
  const wasmPath = require.resolve('zxing-wasm/reader/zxing_reader.wasm');
  const wasm = fs.readFileSync(wasmPath);
  await prepareZXingModule({
    overrides: { wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength), locateFile: () => wasmPath },
    fireImmediately: true,
  });
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'kredslob-labels-'));
});

afterAll(() => {
  vi.unstubAllGlobals();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

interface Found {
  slot: LabelSlot | undefined;
  text: string;
  ecLevel: string;
}

const inside = (slot: LabelSlot, xMm: number, yMm: number) =>
  xMm >= slot.x && xMm <= slot.x + slot.width && yMm >= slot.y && yMm <= slot.y + slot.height;

/** Renders, rasterises and decodes; each code is attributed to the label its centre lies in. */
async function printAndScan(stock: LabelStock, form: TagPayloadForm, name: string): Promise<{ pdf: string; slots: LabelSlot[]; found: Found[] }> {
  const sheet = await renderLabelPdf({ stock, tags: TAGS, start: 1, organisation: ORGANISATION, payload: form, title: name });
  const pdf = path.join(work, `${name}.pdf`);
  fs.writeFileSync(pdf, sheet.bytes);
  run('pdftoppm', ['-r', String(DPI), '-gray', pdf, path.join(work, name)]);
  const images = fs
    .readdirSync(work)
    .filter((f) => f.startsWith(`${name}-`) && f.endsWith('.pgm'))
    .sort();
  expect(images).toHaveLength(sheet.pages);
  const slots = labelSlots(stock, TAGS.length);
  const found: Found[] = [];
  for (const [page, file] of images.entries()) {
    const results = await readBarcodes(fs.readFileSync(path.join(work, file)), { formats: ['QRCode'], maxNumberOfSymbols: 255 });
    for (const r of results) {
      const p = r.position;
      const x = ((p.topLeft.x + p.topRight.x + p.bottomLeft.x + p.bottomRight.x) / 4) * MM_PER_PX;
      const y = ((p.topLeft.y + p.topRight.y + p.bottomLeft.y + p.bottomRight.y) / 4) * MM_PER_PX;
      found.push({ slot: slots.find((s) => s.page === page && inside(s, x, y)), text: r.text, ecLevel: r.ecLevel });
    }
  }
  return { pdf, slots, found };
}

function expectEveryTagInOrder(slots: LabelSlot[], found: Found[], form: TagPayloadForm): void {
  expect(found.every((f) => f.slot !== undefined)).toBe(true);
  const byPlace = [...found].sort((a, b) => (a.slot?.page ?? 0) - (b.slot?.page ?? 0) || (a.slot?.position ?? 0) - (b.slot?.position ?? 0));
  expect(byPlace.map((f) => f.text)).toEqual(TAGS.map((t) => tagPayload(t, form)));
  // One code per label, each where its tag belongs.
  expect(new Set(found.map((f) => f.slot)).size).toBe(slots.length);
  expect(found.every((f) => f.ecLevel === 'M')).toBe(true);
}

/** Words pdftotext finds, with their boxes in mm. */
function words(pdf: string): { page: number; text: string; x0: number; y0: number; x1: number; y1: number }[] {
  const html = run('pdftotext', ['-bbox', pdf, '-']);
  const out: ReturnType<typeof words> = [];
  let page = -1;
  for (const line of html.split('\n')) {
    if (line.includes('<page ')) page++;
    const m = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/.exec(line);
    if (m) out.push({ page, text: m[5] ?? '', x0: Number(m[1]) * MM_PER_PT, y0: Number(m[2]) * MM_PER_PT, x1: Number(m[3]) * MM_PER_PT, y1: Number(m[4]) * MM_PER_PT });
  }
  return out;
}

function expectTextOnItsLabel(stock: LabelStock, pdf: string, slots: LabelSlot[], form: TagPayloadForm): void {
  const TOLERANCE = 0.3; // pdftotext's word boxes come from font metrics, not ink
  const all = words(pdf);
  expect(all.length).toBeGreaterThan(0);
  for (const [i, slot] of slots.entries()) {
    const tag = TAGS[i] ?? '';
    const content = layoutLabel(stock, qrSymbol(tagPayload(tag, form)).size, ORGANISATION, tag);
    const mine = all.filter((w) => w.page === slot.page && inside(slot, (w.x0 + w.x1) / 2, (w.y0 + w.y1) / 2));
    expect(mine.map((w) => w.text).sort()).toEqual(['Kommune', 'Københavns', tag].sort());
    const qr = { x0: slot.x + content.qr.x, y0: slot.y + content.qr.y, x1: slot.x + content.qr.x + content.qr.size, y1: slot.y + content.qr.y + content.qr.size };
    for (const w of mine) {
      expect(w.x0).toBeGreaterThanOrEqual(slot.x + stock.safeInset.left - TOLERANCE);
      expect(w.x1).toBeLessThanOrEqual(slot.x + slot.width - stock.safeInset.right + TOLERANCE);
      expect(w.y0).toBeGreaterThanOrEqual(slot.y + stock.safeInset.top - TOLERANCE);
      expect(w.y1).toBeLessThanOrEqual(slot.y + slot.height - stock.safeInset.bottom + TOLERANCE);
      const overlapsQuietZone = w.x0 < qr.x1 - TOLERANCE && w.x1 > qr.x0 + TOLERANCE && w.y0 < qr.y1 - TOLERANCE && w.y1 > qr.y0 + TOLERANCE;
      expect(overlapsQuietZone).toBe(false);
    }
  }
}

describe('printed labels scan back', () => {
  it.each(STOCK_IDS)('%s: all 65 tags decode at 300 dpi, in order, each from its own label', async (id: StockId) => {
    const stock = STOCKS[id];
    const { pdf, slots, found } = await printAndScan(stock, 'tag', id);
    expectEveryTagInOrder(slots, found, 'tag');
    expectTextOnItsLabel(stock, pdf, slots, 'tag');
  });

  it('avery-l7651 (the smallest code) with the URL payload form: all 65 decode, in order', async () => {
    const stock = STOCKS['avery-l7651'];
    const { pdf, slots, found } = await printAndScan(stock, 'url', 'avery-l7651-url');
    expectEveryTagInOrder(slots, found, 'url');
    expectTextOnItsLabel(stock, pdf, slots, 'url');
  });
});
