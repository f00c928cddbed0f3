import type { MessageKey } from '../i18n';

/**
 * Label stock: one entry per product, all sizes in millimetres, page and labels in portrait reading order
 * (x to the right, y down from the top-left corner of the page). Adding a stock is adding one entry here;
 * the layout, the PDF, the contract's stock list and the CLI all read this table.
 *
 * Where the figures come from:
 * - Avery L7651 / L7160 / L7163: Avery's published A4 template specifications (top margin, side margin,
 *   vertical and horizontal pitch), which Label Planet republishes for the compatible LP65/38, LP21/63 and
 *   LP14/99 ("Label Printing Template Information", labelplanet.co.uk). Cross-checked against LibreOffice's
 *   extras/source/labels/labels.xml (Avery A4 C2651 / C2160 / C2163) and glabels' avery-iso-templates.xml:
 *   they agree within 0.2 mm, and each grid is centred on A4 (the side and top margins are what is left of
 *   210 × 297 mm, halved).
 * - Brother DK-11209: 62 × 29 mm die-cut; Brother's QL raster command reference gives a print area of
 *   696 × 271 of the label's 732 × 341 dots at 300 dpi (as tabulated in pklaus/brother_ql), hence the insets.
 * - Dymo 11355: 19 × 51 mm; the LabelWriter CUPS driver's paper "w54h144" (54 × 144 pt, portrait) with its
 *   imageable area about 1.0–1.5 mm in from the sides, 5.8 mm from the leading edge and 1.5 mm from the end.
 */

export const STOCK_IDS = ['avery-l7651', 'avery-l7160', 'avery-l7163', 'brother-dk11209', 'dymo-11355'] as const;
export type StockId = (typeof STOCK_IDS)[number];

/** The stock a first print offers unless the settings choose another: the A4 sheet most offices keep. */
export const DEFAULT_STOCK: StockId = 'avery-l7651';

export interface Size {
  width: number;
  height: number;
}

export interface Insets {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface LabelStock {
  id: StockId;
  /** The product name as printed on the box (not translated). */
  name: string;
  /** A sheet of many labels for an office printer, or single labels off a label printer's roll. */
  kind: 'sheet' | 'single';
  page: Size;
  label: Size;
  columns: number;
  rows: number;
  /** Page edge to the first label's top-left corner. */
  margin: { top: number; left: number };
  /** Corner to corner of neighbouring labels (label size plus the gap). */
  pitch: { x: number; y: number };
  /**
   * Nothing is drawn nearer the label's edge than this: the label printer's unprintable border, or on
   * sheets the feed tolerance of an office printer (a sheet can land a millimetre off).
   */
  safeInset: Insets;
}

function insets(vertical: number, horizontal: number): Insets {
  return { top: vertical, right: horizontal, bottom: vertical, left: horizontal };
}

const A4: Size = { width: 210, height: 297 };

type SheetFigures = Pick<LabelStock, 'id' | 'name' | 'label' | 'columns' | 'rows' | 'margin' | 'pitch' | 'safeInset'>;

/** An A4 sheet for an office printer. */
function a4Sheet(figures: SheetFigures): LabelStock {
  return { ...figures, kind: 'sheet', page: A4 };
}

/** One label per page: the page is the label, as a label printer's driver expects. */
function singleLabel(figures: Pick<LabelStock, 'id' | 'name' | 'label' | 'safeInset'>): LabelStock {
  const { width, height } = figures.label;
  return { ...figures, kind: 'single', page: { width, height }, columns: 1, rows: 1, margin: { top: 0, left: 0 }, pitch: { x: width, y: height } };
}

const STOCK_LIST: readonly LabelStock[] = [
  a4Sheet({
    id: 'avery-l7651',
    name: 'Avery L7651',
    label: { width: 38.1, height: 21.2 },
    columns: 5,
    rows: 13,
    margin: { top: 10.7, left: 4.75 },
    pitch: { x: 40.6, y: 21.2 },
    safeInset: insets(1, 1),
  }),
  a4Sheet({
    id: 'avery-l7160',
    name: 'Avery L7160',
    label: { width: 63.5, height: 38.1 },
    columns: 3,
    rows: 7,
    margin: { top: 15.15, left: 7.25 },
    pitch: { x: 66, y: 38.1 },
    safeInset: insets(1.5, 1.5),
  }),
  a4Sheet({
    id: 'avery-l7163',
    name: 'Avery L7163',
    label: { width: 99.1, height: 38.1 },
    columns: 2,
    rows: 7,
    margin: { top: 15.15, left: 4.65 },
    pitch: { x: 101.6, y: 38.1 },
    safeInset: insets(1.5, 1.5),
  }),
  singleLabel({ id: 'brother-dk11209', name: 'Brother DK-11209', label: { width: 62, height: 29 }, safeInset: insets(3, 1.5) }),
  singleLabel({
    id: 'dymo-11355',
    name: 'Dymo 11355',
    label: { width: 19, height: 51 },
    safeInset: { top: 5.8, right: 1.5, bottom: 1.6, left: 1.5 },
  }),
];

export const STOCKS: Readonly<Record<StockId, LabelStock>> = Object.fromEntries(
  STOCK_LIST.map((s) => [s.id, s]),
) as Record<StockId, LabelStock>; // why: built from STOCK_LIST, which has exactly one entry per StockId (checked in a test)

export function isStockId(value: string): value is StockId {
  return (STOCK_IDS as readonly string[]).includes(value);
}

export function labelsPerPage(stock: LabelStock): number {
  return stock.columns * stock.rows;
}

/** How a stock is described in a picker: a catalogue key and its parameters (the UI formats the numbers). */
export function stockDescription(stock: LabelStock): {
  key: Extract<MessageKey, 'labels.stock.sheet' | 'labels.stock.single'>;
  params: { name: string; count: number; width: number; height: number };
} {
  return {
    key: stock.kind === 'sheet' ? 'labels.stock.sheet' : 'labels.stock.single',
    params: { name: stock.name, count: labelsPerPage(stock), width: stock.label.width, height: stock.label.height },
  };
}
