/**
 * Label layout maths, pure and in millimetres: where each label of a print run sits on which page, and
 * where the organisation's name, the QR code and the tag text sit inside one label. The PDF (core) and any
 * on-screen preview draw exactly these rectangles.
 */
import { ROBOTO_LINE_HEIGHT_EM, textWidthPt } from './roboto-metrics';
import { labelsPerPage, type LabelStock } from './stocks';

export const MM_PER_PT = 25.4 / 72;

/** One label of a print run. */
export interface LabelSlot {
  /** 0-based page of the PDF. */
  page: number;
  /** 1-based position on its page, across then down (how sheets are numbered on the box). */
  position: number;
  row: number;
  column: number;
  /** Top-left corner on the page, mm. */
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Why a start position is refused; the service turns it into the user's message. */
export function startPositionProblem(stock: LabelStock, start: number): string | undefined {
  const max = labelsPerPage(stock);
  if (!Number.isInteger(start) || start < 1 || start > max) return `start must be a whole number from 1 to ${max}`;
  return undefined;
}

/**
 * The slots of `count` labels, starting at position `start` of the first page (so a half-used sheet is
 * used up) and filling further pages from position 1.
 */
export function labelSlots(stock: LabelStock, count: number, start = 1): LabelSlot[] {
  const problem = startPositionProblem(stock, start);
  if (problem) throw new RangeError(`${stock.id}: ${problem}`);
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a whole number, got ${count}`);
  const perPage = labelsPerPage(stock);
  const slots: LabelSlot[] = [];
  for (let i = 0; i < count; i++) {
    const n = start - 1 + i;
    const onPage = n % perPage;
    const row = Math.floor(onPage / stock.columns);
    const column = onPage % stock.columns;
    slots.push({
      page: Math.floor(n / perPage),
      position: onPage + 1,
      row,
      column,
      x: stock.margin.left + column * stock.pitch.x,
      y: stock.margin.top + row * stock.pitch.y,
      width: stock.label.width,
      height: stock.label.height,
    });
  }
  return slots;
}

export function pageCount(stock: LabelStock, count: number, start = 1): number {
  return count === 0 ? 0 : Math.ceil((start - 1 + count) / labelsPerPage(stock));
}

/** Modules of white around the symbol, as the QR standard (ISO/IEC 18004) asks. */
export const QUIET_ZONE_MODULES = 4;

const TAG_PT = { min: 6, max: 11 };
const ORG_PT = { min: 4.5, max: 8 };
/** The tag's size follows the label's height (about a third of the room it has for content). */
const TAG_PT_PER_MM_HEIGHT = 0.36;
/** The organisation's name is a smaller heading above the code. */
const ORG_TO_TAG = 0.8;

export interface TextBlock {
  lines: string[];
  fontPt: number;
  /** Left edge and width of the box the lines are centred in, and the top of the first line, mm. */
  x: number;
  y: number;
  width: number;
  /** Height of one line, mm. */
  lineHeight: number;
}

/** Everything inside one label, relative to the label's top-left corner, mm. */
export interface LabelContent {
  org: TextBlock;
  qr: {
    /** Top-left of the quiet-zone square; the symbol starts QUIET_ZONE_MODULES modules further in. */
    x: number;
    y: number;
    /** Side of the square including the quiet zone. */
    size: number;
    module: number;
  };
  tag: TextBlock;
}

function lineHeightMm(fontPt: number): number {
  return fontPt * ROBOTO_LINE_HEIGHT_EM * MM_PER_PT;
}

function fitsWidth(lines: readonly string[], fontPt: number, widthMm: number): boolean {
  return lines.every((l) => textWidthPt(l, fontPt) * MM_PER_PT <= widthMm);
}

/** The largest size from `maxPt` down to `minPt` (quarter points) at which every line fits `widthMm`. */
function largestFittingPt(lines: readonly string[], widthMm: number, minPt: number, maxPt: number): number | undefined {
  for (let pt = Math.floor(maxPt * 4) / 4; pt >= minPt; pt -= 0.25) if (fitsWidth(lines, pt, widthMm)) return pt;
  return undefined;
}

/** The text in two lines, broken at the space nearest the middle; undefined for a single word. */
function twoLines(text: string): string[] | undefined {
  const spaces = [...text.matchAll(/ /g)].map((m) => m.index);
  if (spaces.length === 0) return undefined;
  const middle = text.length / 2;
  const at = spaces.reduce((best, i) => (Math.abs(i - middle) < Math.abs(best - middle) ? i : best));
  return [text.slice(0, at).trim(), text.slice(at + 1).trim()];
}

/** Shortened with an ellipsis until it fits: the name is a courtesy, the code and the tag are what count. */
function truncated(text: string, fontPt: number, widthMm: number): string {
  let cut = text;
  while (cut.length > 1 && !fitsWidth([`${cut}…`], fontPt, widthMm)) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

/**
 * Lay out one label: the organisation's name above, the QR code (with its quiet zone) as large as the rest
 * allows, the tag under it. `symbolModules` is the QR symbol's side in modules (21 for version 1).
 * @throws RangeError when the tag cannot be printed at a readable size on this stock
 */
export function layoutLabel(stock: LabelStock, symbolModules: number, orgName: string, tag: string): LabelContent {
  const inset = stock.safeInset;
  const box = {
    x: inset.left,
    y: inset.top,
    w: stock.label.width - inset.left - inset.right,
    h: stock.label.height - inset.top - inset.bottom,
  };
  const preferredTagPt = Math.min(TAG_PT.max, Math.max(TAG_PT.min, box.h * TAG_PT_PER_MM_HEIGHT));
  const tagPt = largestFittingPt([tag], box.w, TAG_PT.min, preferredTagPt);
  if (tagPt === undefined) throw new RangeError(`${stock.id}: the tag ${tag} does not fit at ${TAG_PT.min} pt`);
  const tagLine = lineHeightMm(tagPt);

  const orgMaxPt = Math.min(ORG_PT.max, Math.max(ORG_PT.min, tagPt * ORG_TO_TAG));
  const qrSide = (orgLines: number, orgPt: number) => Math.min(box.w, box.h - tagLine - orgLines * lineHeightMm(orgPt));
  let org = { lines: [orgName], pt: largestFittingPt([orgName], box.w, ORG_PT.min, orgMaxPt) };
  const split = twoLines(orgName);
  const splitPt = split && largestFittingPt(split, box.w, ORG_PT.min, orgMaxPt);
  // Two lines only where the label is tall enough that the second line costs the code nothing.
  if (split && splitPt !== undefined && splitPt > (org.pt ?? 0) && qrSide(2, splitPt) >= qrSide(1, splitPt)) {
    org = { lines: split, pt: splitPt };
  }
  const orgPt = org.pt ?? ORG_PT.min;
  const orgLines = org.pt === undefined ? [truncated(orgName, orgPt, box.w)] : org.lines;
  const orgHeight = orgLines.length * lineHeightMm(orgPt);

  const side = qrSide(orgLines.length, orgPt);
  const module = side / (symbolModules + 2 * QUIET_ZONE_MODULES);
  const size = module * (symbolModules + 2 * QUIET_ZONE_MODULES);
  // The three blocks as one group, centred in the printable box.
  const top = box.y + (box.h - (orgHeight + size + tagLine)) / 2;
  return {
    org: { lines: orgLines, fontPt: orgPt, x: box.x, y: top, width: box.w, lineHeight: lineHeightMm(orgPt) },
    qr: { x: box.x + (box.w - size) / 2, y: top + orgHeight, size, module },
    tag: { lines: [tag], fontPt: tagPt, x: box.x, y: top + orgHeight + size, width: box.w, lineHeight: tagLine },
  };
}
