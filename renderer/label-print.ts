/**
 * The pure part of printing labels: the print settings a person left last time, the start-position rule
 * the contract's schema cannot state (it depends on the chosen stock), the last pre-printed batch, and the
 * selection of devices in a result list. No DOM, no React.
 */
import { z } from 'zod';
import { startPositionProblem } from '../shared/labels/layout';
import { DEFAULT_STOCK, isStockId, labelsPerPage, STOCKS, type LabelStock, type StockId } from '../shared/labels/stocks';
import { AssetTag } from '../shared/schemas';
import { parseInteger } from './form-model';

export interface PrintSettings {
  stock: StockId;
  /** The start position as the field shows it. */
  start: string;
}

/**
 * The settings remembered from the last print, or the defaults where they are missing or no longer fit: the
 * organisation's default stock (Indstillinger), else DEFAULT_STOCK.
 */
export function rememberedSettings(stockText: string | undefined, startText: string | undefined, defaultStock: StockId = DEFAULT_STOCK): PrintSettings {
  const stock = stockText !== undefined && isStockId(stockText) ? stockText : defaultStock;
  const start = parseInteger(startText ?? '');
  const fits = start !== undefined && !Number.isNaN(start) && startPositionProblem(STOCKS[stock], start) === undefined;
  return { stock, start: fits ? String(start) : '1' };
}

/** The chosen stock, if the value names one. */
export function stockOf(value: string): LabelStock | undefined {
  return isStockId(value) ? STOCKS[value] : undefined;
}

/**
 * The start position the stock does not have, with what the message needs; undefined when it fits or when
 * the field holds no whole number (the schema says that in its own words).
 */
export function startOutOfRange(stockValue: string, startText: string): { start: number; stock: string; max: number } | undefined {
  const stock = stockOf(stockValue);
  const start = parseInteger(startText);
  if (!stock || start === undefined || Number.isNaN(start)) return undefined;
  return startPositionProblem(stock, start) ? { start, stock: stock.name, max: labelsPerPage(stock) } : undefined;
}

const Batch = z.array(AssetTag).min(1).max(1000);

/** The last pre-printed batch as stored; anything else (damaged, edited, from an older version) is no batch. */
export function parseBatch(text: string | undefined): string[] | undefined {
  if (text === undefined) return undefined;
  try {
    const parsed = Batch.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Selected devices: id → asset tag (the tag names the PDF file and orders the labels). */
export type Selection = ReadonlyMap<string, string>;

export function toggleDevice(selection: Selection, device: { id: string; assetTag: string }, on: boolean): Selection {
  const next = new Map(selection);
  if (on) next.set(device.id, device.assetTag);
  else next.delete(device.id);
  return next;
}

/** Select every device on the page, or, when all of them already are, unselect them (other pages keep theirs). */
export function togglePage(selection: Selection, page: readonly { id: string; assetTag: string }[]): Selection {
  const next = new Map(selection);
  const all = page.length > 0 && page.every((d) => selection.has(d.id));
  for (const d of page) {
    if (all) next.delete(d.id);
    else next.set(d.id, d.assetTag);
  }
  return next;
}

/** Whether the page's "select all" box shows ticked, unticked or partly ticked. */
export function pageState(selection: Selection, page: readonly { id: string }[]): 'all' | 'some' | 'none' {
  const n = page.filter((d) => selection.has(d.id)).length;
  return n === 0 ? 'none' : n === page.length ? 'all' : 'some';
}

/** The selection in asset-tag order, so the sheet reads like the shelf list. */
export function selectionInTagOrder(selection: Selection): { deviceIds: string[]; tags: string[] } {
  const sorted = [...selection].sort((a, b) => a[1].localeCompare(b[1]));
  return { deviceIds: sorted.map(([id]) => id), tags: sorted.map(([, tag]) => tag) };
}
