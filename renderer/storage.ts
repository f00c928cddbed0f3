/** Web storage that never throws (private windows and locked-down browsers can refuse access). */
type Area = 'local' | 'session';

function area(which: Area): Storage | undefined {
  try {
    return which === 'local' ? window.localStorage : window.sessionStorage;
  } catch {
    return undefined;
  }
}

export function readStored(which: Area, key: string): string | undefined {
  try {
    return area(which)?.getItem(key) ?? undefined;
  } catch {
    return undefined;
  }
}

export function writeStored(which: Area, key: string, value: string | undefined): void {
  try {
    const s = area(which);
    if (value === undefined) s?.removeItem(key);
    else s?.setItem(key, value);
  } catch {
    // why: storage full or denied; the choice is simply not remembered
  }
}

export const STORAGE_KEYS = {
  locale: 'kredslob.locale',
  session: 'kredslob.session',
  lastShelf: 'kredslob.lastShelf',
  lastReceivingSite: 'kredslob.lastReceivingSite',
  handOverReplaces: 'kredslob.handOver.replacesNewPurchase',
  handOverPickedUpBy: 'kredslob.handOver.pickedUpBy',
  labelStock: 'kredslob.labels.stock',
  labelStart: 'kredslob.labels.start',
  /** The last pre-printed batch, so "print again" still has its tags after a restart. */
  labelBatch: 'kredslob.labels.lastBatch',
  moveShelf: 'kredslob.move.shelf',
  /** The stock-take under way in this window (sessionStorage): its location and the tags scanned so far. */
  stockTake: 'kredslob.stockTake',
} as const;
