import { describe, expect, it } from 'vitest';
import { TopK, byText } from './query';

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

describe('byText', () => {
  /** The order PostgreSQL's COLLATE "C" gives: the UTF-8 bytes'. */
  const bytes = (a: string, b: string) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
  it('orders text by its UTF-8 bytes, as COLLATE "C" does, also where UTF-16 units disagree (past U+FFFF against U+E000-U+FFFF)', () => {
    const words = ['', 'a', 'A', 'ThinkPad', 'ThinkPad T14', 'Æble', 'Øst', 'å', '\uFF41 T14', '\u{1D41A} T14', '\uE000', '\uD7FF', '\u{10000}', '\u{1F600}x', '\u{1F600}', 'zz'];
    for (const a of words) for (const b of words) expect(Math.sign(byText(a, b)), `${a} / ${b}`).toBe(Math.sign(bytes(a, b)));
    // The case JavaScript's own order gets wrong.
    expect('\u{1D41A}' < '\uFF41').toBe(true);
    expect(byText('\u{1D41A}', '\uFF41')).toBe(1);
  });
});
