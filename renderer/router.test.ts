import { afterEach, describe, expect, it, vi } from 'vitest';
import { replaceQuery } from './router';

/** A window with only what replaceQuery reads and writes: the hash and history.replaceState. */
function fakeWindow(hash: string) {
  const replaceState = vi.fn((_state: unknown, _title: string, url: string) => {
    win.location.hash = url;
  });
  const win = { location: { hash }, history: { state: null, replaceState } };
  vi.stubGlobal('window', win);
  return win;
}

afterEach(() => vi.unstubAllGlobals());

describe('replaceQuery', () => {
  it("writes the current page's query without a new history entry", () => {
    const win = fakeWindow('#/marketplace?q=old');
    replaceQuery({ q: 'thinkpad', ram: 16 });
    expect(win.location.hash).toBe('#/marketplace?q=thinkpad&ram=16');
    expect(win.history.replaceState).toHaveBeenCalledTimes(1);
  });

  it('leaves another page alone when told which page the query is for (a write left pending as its screen went)', () => {
    const win = fakeWindow('#/wanted?category=laptop&grade=A,B');
    replaceQuery({ q: 'thinkpad' }, '/marketplace');
    expect(win.location.hash).toBe('#/wanted?category=laptop&grade=A,B');
    expect(win.history.replaceState).not.toHaveBeenCalled();
  });
});
