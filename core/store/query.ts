/** Device search helpers shared by the in-process stores: text haystack, filters, ordering, top-k. */
import type { Device } from '../../shared/schemas';
import type { DeviceQuery } from './store';

/**
 * The lowercased text a search matches against: asset tag, serial, notes, and the model's words
 * (manufacturer, model, category, CPU). The model part is shared by every device of a model, so it is
 * computed once per model (keyed by the specs object, which devices of one model share once loaded).
 */
export function deviceHaystack(d: Device): string {
  const own = `${d.assetTag} ${d.serial}${d.notes ? ` ${d.notes}` : ''}`.toLowerCase();
  return `${modelPart(d)} ${own}`;
}

const modelParts = new WeakMap<object, Map<string, { manufacturer: string; category: string; text: string }>>();

function modelPart(d: Device): string {
  let byModel = modelParts.get(d.specs);
  if (!byModel) modelParts.set(d.specs, (byModel = new Map()));
  const hit = byModel.get(d.model);
  if (hit && hit.manufacturer === d.manufacturer && hit.category === d.category) return hit.text;
  const text = `${d.manufacturer} ${d.model} ${d.category} ${d.specs.cpu ?? ''}`.toLowerCase();
  if (!hit) byModel.set(d.model, { manufacturer: d.manufacturer, category: d.category, text });
  return text;
}

/** The words of a search text, each to be found somewhere in a device's haystack. */
export function searchTokens(text: string | undefined): string[] {
  return (text ?? '').toLowerCase().split(/\s+/).filter(Boolean);
}

export function matchesQuery(d: Device, q: DeviceQuery, tokens: readonly string[], haystack: string): boolean {
  // The text first: it reads only the haystack, while the fields read the device record, a memory fetch of its own
  // per device (on a narrow keystroke most of ~24,000 candidates fail the text).
  for (const t of tokens) if (!haystack.includes(t)) return false;
  if (q.status !== undefined && d.status !== q.status) return false;
  if (q.category !== undefined && d.category !== q.category) return false;
  if (q.departmentId !== undefined && d.departmentId !== q.departmentId) return false;
  if (q.locationId !== undefined && d.locationId !== q.locationId) return false;
  if (q.batchId !== undefined && d.batchId !== q.batchId) return false;
  if (q.serial !== undefined && d.serial.trim().toLowerCase() !== q.serial.trim().toLowerCase()) return false;
  return true;
}

/** What the sort orders read of a device. */
export type SortFields = Pick<Device, 'id' | 'updatedAt' | 'reportedAt' | 'manufacturer' | 'model' | 'year' | 'specs'>;

type Cmp = (a: SortFields, b: SortFields) => number;

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A UTF-16 unit's place in code point order: a surrogate (half of a character past U+FFFF) after U+E000-U+FFFF. */
const unitRank = (u: number) => (u < 0xd800 ? u : u <= 0xdfff ? u + 0x2000 : u - 0x800);

/**
 * Text people typed (manufacturer, model) in code point order, the order of PostgreSQL's COLLATE "C" (UTF-8
 * bytes): JavaScript's `<` compares UTF-16 units, which put a character past U+FFFF before one from U+E000 to
 * U+FFFF. Ids and times are ASCII, which both orders agree on.
 */
export function byText(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return unitRank(x) < unitRank(y) ? -1 : 1;
  }
  return a.length < b.length ? -1 : 1;
}

export function compareDevices(sort: DeviceQuery['sort']): Cmp {
  switch (sort) {
    case 'updated_desc':
      return (a, b) => byString(b.updatedAt, a.updatedAt) || byString(a.id, b.id);
    case 'reported_desc':
      return (a, b) => byString(b.reportedAt, a.reportedAt) || byString(a.id, b.id);
    case 'model_asc':
      return (a, b) => byText(a.manufacturer, b.manufacturer) || byText(a.model, b.model) || byString(a.id, b.id);
    case 'year_desc':
      return (a, b) => (b.year ?? 0) - (a.year ?? 0) || byString(a.id, b.id);
    case 'ram_desc':
      return (a, b) => (b.specs.ramGb ?? -1) - (a.specs.ramGb ?? -1) || byString(a.id, b.id);
  }
}

/**
 * The first k items in `cmp` order, offered one at a time, without sorting everything when k is small: a heap of
 * the k best so far, its worst on top. (A sorted array with inserts cost a splice per item when the items came in
 * roughly the opposite order, as listed devices do for "newest first": ~15 ms at 30,000 on the marketplace's
 * keystroke.) A search offers each match while it still has the record in hand: the comparison then reads a
 * record just read instead of one fetched again from memory after the scan (on the marketplace's broad
 * keystrokes, ~20,000 matches, that was most of the time a heap over the collected matches took).
 */
export class TopK<T> {
  private readonly heap: T[] = [];
  /** k is a large part of the items (a page far down the list): keeping them all and sorting once is cheaper. */
  private readonly keepAll: boolean;

  /** `most`: how many items may be offered, at most. */
  constructor(
    private readonly k: number,
    private readonly cmp: (a: T, b: T) => number,
    most: number,
  ) {
    this.keepAll = k >= most / 4;
  }

  offer(item: T): void {
    const { heap, k, cmp } = this;
    if (this.keepAll) heap.push(item);
    else if (heap.length < k) {
      heap.push(item);
      for (let i = heap.length - 1; i > 0 && cmp(heap[i]!, heap[(i - 1) >> 1]!) > 0; i = (i - 1) >> 1) this.swap(i, (i - 1) >> 1);
    } else if (k > 0 && cmp(item, heap[0]!) < 0) {
      heap[0] = item;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let top = i;
        if (l < k && cmp(heap[l]!, heap[top]!) > 0) top = l;
        if (r < k && cmp(heap[r]!, heap[top]!) > 0) top = r;
        if (top === i) break;
        this.swap(i, top);
        i = top;
      }
    }
  }

  /** The best items offered, best first. */
  sorted(): T[] {
    const sorted = this.heap.sort(this.cmp);
    return this.keepAll ? sorted.slice(0, this.k) : sorted;
  }

  private swap(i: number, j: number): void {
    const x = this.heap[i]!;
    this.heap[i] = this.heap[j]!;
    this.heap[j] = x;
  }
}
