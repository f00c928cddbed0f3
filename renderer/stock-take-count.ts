/**
 * The stock-take under way in this window: the location being counted and the tags scanned so far. It lives
 * in the browser while the count goes on (the core only compares, stocktake.compare) and is kept in
 * sessionStorage, so a reload in the middle of a shelf does not lose it; another window counts on its own.
 * Plain TypeScript with the storage passed in, so the counting rules are unit-tested; React reads it through
 * `subscribe`/`get`, and a scan's undo changes the same count whenever it runs.
 */
import { z } from 'zod';
import { STOCK_TAKE_MAX_TAGS } from '../shared/contract';
import { readStored, STORAGE_KEYS, writeStored } from './storage';

const StoredCount = z.object({
  locationId: z.string().min(1),
  tags: z.array(z.string()).max(STOCK_TAKE_MAX_TAGS),
  /** Counting is over; the report is shown (and recomputed after a reload). */
  finished: z.boolean(),
});
export type StockTakeCount = z.infer<typeof StoredCount>;

export interface CountStorage {
  read(): string | undefined;
  write(value: string | undefined): void;
}

export const sessionCountStorage: CountStorage = {
  read: () => readStored('session', STORAGE_KEYS.stockTake),
  write: (value) => writeStored('session', STORAGE_KEYS.stockTake, value),
};

/** What stored text holds, if it is a count at all (an older or damaged entry is dropped, not trusted). */
function parseStored(text: string | undefined): StockTakeCount | undefined {
  if (text === undefined) return undefined;
  try {
    const parsed = StoredCount.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined; // why: not JSON: a damaged entry means no count, not a crash
  }
}

export class StockTakeCounter {
  private current: StockTakeCount | undefined;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly storage: CountStorage) {
    this.current = parseStored(storage.read());
  }

  /** The count, the same object until it changes (for React's useSyncExternalStore). */
  get = (): StockTakeCount | undefined => this.current;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  start(locationId: string): void {
    this.set({ locationId, tags: [], finished: false });
  }

  /**
   * Counts a tag: 'added', or 'again' when it was counted already (it counts once), or 'full' at the most
   * one comparison takes. @throws Error when no count is under way (the station only exists during one)
   */
  add(tag: string): 'added' | 'again' | 'full' {
    const c = this.counting();
    if (c.tags.includes(tag)) return 'again';
    if (c.tags.length >= STOCK_TAKE_MAX_TAGS) return 'full';
    this.set({ ...c, tags: [...c.tags, tag] });
    return 'added';
  }

  /** Takes a tag off the count (the undo of its scan); false when it was not on it. */
  remove(tag: string): boolean {
    const c = this.current;
    if (!c?.tags.includes(tag)) return false;
    this.set({ ...c, tags: c.tags.filter((t) => t !== tag) });
    return true;
  }

  finish(): void {
    this.set({ ...this.counting(), finished: true });
  }

  /** Back to counting after a look at the report (a missing device turned up). */
  reopen(): void {
    const c = this.current;
    if (c) this.set({ ...c, finished: false });
  }

  discard(): void {
    this.set(undefined);
  }

  private counting(): StockTakeCount {
    if (!this.current) throw new Error('no stock-take under way');
    return this.current;
  }

  private set(next: StockTakeCount | undefined): void {
    this.current = next;
    this.storage.write(next ? JSON.stringify(next) : undefined);
    for (const l of [...this.listeners]) l();
  }
}

/** This window's count. */
export const stockTakeCount = new StockTakeCounter(sessionCountStorage);
