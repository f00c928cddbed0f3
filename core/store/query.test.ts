import { describe, expect, it } from 'vitest';
import { TopK } from './query';

function topK(items: number[], k: number, cmp: (a: number, b: number) => number): number[] {
  const best = new TopK(k, cmp, items.length);
  for (const item of items) best.offer(item);
  return best.sorted();
}

describe('TopK', () => {
  const cmp = (a: number, b: number) => a - b;
  it('gives the same first k as a full sort, in order, whatever order the items come in', () => {
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) % 1000;
    for (const n of [0, 1, 5, 199, 2000]) {
      const shuffled = Array.from({ length: n }, random);
      for (const items of [shuffled, [...shuffled].sort(cmp), [...shuffled].sort((a, b) => b - a)]) {
        for (const k of [0, 1, 3, 50]) expect(topK([...items], k, cmp)).toEqual([...items].sort(cmp).slice(0, k));
      }
    }
  });
});
