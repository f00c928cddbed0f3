import { describe, expect, it } from 'vitest';
import { SlotSet, SpreadMap } from './spread-index';

/** A small deterministic generator, so a failure repeats. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 2 ** 32;
  };
}

describe('SpreadMap', () => {
  it('answers as a Map does through a long run of sets, overwrites and deletes', () => {
    const next = random(7);
    const map = new SpreadMap<number>();
    const model = new Map<string, number>();
    for (let i = 0; i < 20_000; i++) {
      const key = `dev-${Math.floor(next() * 3000)}`;
      const op = next();
      if (op < 0.6) {
        map.set(key, i);
        model.set(key, i);
      } else if (op < 0.85) {
        expect(map.delete(key)).toBe(model.delete(key));
      } else {
        expect(map.get(key)).toBe(model.get(key));
        expect(map.has(key)).toBe(model.has(key));
      }
      expect(map.size).toBe(model.size);
    }
    expect(new Map(map.entries())).toEqual(model);
    expect(new Set(map.keys())).toEqual(new Set(model.keys()));
    expect([...map.values()].sort()).toEqual([...model.values()].sort());
    expect(new Map(map)).toEqual(model);
  });

  it('gives a copy that later changes to either side do not reach', () => {
    const map = new SpreadMap<string>();
    map.set('a', '1').set('b', '2');
    const copy = map.copy();
    map.set('a', 'changed');
    map.delete('b');
    copy.set('c', '3');
    expect(new Map(copy)).toEqual(new Map([['a', '1'], ['b', '2'], ['c', '3']]));
    expect(new Map(map)).toEqual(new Map([['a', 'changed']]));
    expect(copy.size).toBe(3);
    expect(map.size).toBe(1);
  });

  it('spreads sequential asset tags unevenly over its parts, so the parts double at different counts', () => {
    const map = new SpreadMap<number>();
    const n = 131_072;
    for (let i = 0; i < n; i++) map.set(`KBH-${String(i).padStart(7, '0')}`, i);
    const sizes = map.shardSizes();
    expect(sizes).toHaveLength(64);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(n);
    // Each part holds about 1/64: no part is a large share, so no doubling copies many entries.
    expect(Math.max(...sizes)).toBeLessThan((n / 64) * 1.15);
    expect(Math.min(...sizes)).toBeGreaterThan((n / 64) * 0.85);
    // A key's last characters alone would have filled the parts in lockstep: here they differ.
    expect(new Set(sizes).size).toBeGreaterThan(40);
  });
});

describe('SlotSet', () => {
  it('answers as a Set of slots does, and iterates in ascending order', () => {
    const next = random(11);
    const set = new SlotSet();
    const model = new Set<number>();
    for (let i = 0; i < 20_000; i++) {
      const slot = Math.floor(next() * 5000);
      if (next() < 0.65) {
        set.add(slot);
        model.add(slot);
      } else {
        expect(set.delete(slot)).toBe(model.delete(slot));
      }
      expect(set.has(slot)).toBe(model.has(slot));
      expect(set.size).toBe(model.size);
    }
    const ascending = [...model].sort((a, b) => a - b);
    expect([...set]).toEqual(ascending);
    const visited: number[] = [];
    set.forEach((slot) => visited.push(slot));
    expect(visited).toEqual(ascending);
  });

  it('holds the slots at word edges (31, 32, 63) and far beyond what it holds', () => {
    const set = new SlotSet();
    for (const slot of [0, 31, 32, 63, 64, 199_999]) set.add(slot);
    set.add(31);
    expect(set.size).toBe(6);
    expect([...set]).toEqual([0, 31, 32, 63, 64, 199_999]);
    expect(set.has(30)).toBe(false);
    expect(set.has(1_000_000)).toBe(false);
    expect(set.delete(1_000_000)).toBe(false);
    expect(set.delete(31)).toBe(true);
    expect([...set]).toEqual([0, 32, 63, 64, 199_999]);
  });

  it('refuses what is not a slot', () => {
    const set = new SlotSet();
    expect(() => set.add(-1)).toThrow('SlotSet: -1 is not a slot');
    expect(() => set.add(1.5)).toThrow('SlotSet: 1.5 is not a slot');
    expect(set.size).toBe(0);
  });
});
