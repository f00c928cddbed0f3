import { describe, expect, it } from 'vitest';
import { StockTakeCounter, type CountStorage } from './stock-take-count';

/** sessionStorage for one key, as a reload sees it. */
function memoryStorage(initial?: string): CountStorage & { value: string | undefined } {
  return {
    value: initial,
    read() {
      return this.value;
    },
    write(value) {
      this.value = value;
    },
  };
}

describe('the stock-take count in this window', () => {
  it('counts a tag once however often it is scanned, and keeps the order of first scans', () => {
    const counter = new StockTakeCounter(memoryStorage());
    counter.start('loc-shelf-A2');
    expect(counter.add('KK-0000002')).toBe('added');
    expect(counter.add('KK-0000001')).toBe('added');
    expect(counter.add('KK-0000002')).toBe('again');
    expect(counter.get()).toEqual({ locationId: 'loc-shelf-A2', tags: ['KK-0000002', 'KK-0000001'], finished: false });
  });

  it('survives a reload: a new counter over the same storage has the same count', () => {
    const storage = memoryStorage();
    const before = new StockTakeCounter(storage);
    before.start('loc-shelf-A2');
    before.add('KK-0000001');
    before.finish();
    expect(new StockTakeCounter(storage).get()).toEqual({ locationId: 'loc-shelf-A2', tags: ['KK-0000001'], finished: true });
  });

  it('takes a tag off again (the undo of its scan), and says when it was not on the count', () => {
    const counter = new StockTakeCounter(memoryStorage());
    counter.start('loc-shelf-A2');
    counter.add('KK-0000001');
    counter.add('KK-0000002');
    expect(counter.remove('KK-0000001')).toBe(true);
    expect(counter.remove('KK-0000001')).toBe(false);
    expect(counter.get()?.tags).toEqual(['KK-0000002']);
  });

  it('tells its subscribers about every change, and forgets the count when it is discarded', () => {
    const storage = memoryStorage();
    const counter = new StockTakeCounter(storage);
    let changes = 0;
    counter.subscribe(() => changes++);
    counter.start('loc-shelf-A2');
    counter.add('KK-0000001');
    counter.discard();
    expect(changes).toBe(3);
    expect(counter.get()).toBeUndefined();
    expect(storage.value).toBeUndefined();
  });

  it('stops at the most one comparison takes', () => {
    const counter = new StockTakeCounter(memoryStorage());
    counter.start('loc-shelf-A2');
    for (let i = 0; i < 5000; i++) counter.add(`KK-${String(i).padStart(7, '0')}`);
    expect(counter.add('KK-9999999')).toBe('full');
    expect(counter.get()?.tags).toHaveLength(5000);
  });

  it('drops a damaged or foreign stored entry instead of trusting it', () => {
    expect(new StockTakeCounter(memoryStorage('{not json')).get()).toBeUndefined();
    expect(new StockTakeCounter(memoryStorage('{"locationId":"x","tags":"KK-1"}')).get()).toBeUndefined();
  });

  it('refuses a scan when no count is under way', () => {
    expect(() => new StockTakeCounter(memoryStorage()).add('KK-0000001')).toThrow(/no stock-take/);
  });
});
