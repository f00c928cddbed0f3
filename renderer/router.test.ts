import { afterEach, describe, expect, it, vi } from 'vitest';
import { leaveRoot, navigate, replaceQuery, writeQueryLater } from './router';

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

describe('leaveRoot', () => {
  /** A window whose location.replace records the address it was sent to. */
  function fakeRoot(hash: string) {
    const win = { location: { hash, replace: vi.fn((url: string) => (win.location.hash = url)) } };
    vi.stubGlobal('window', win);
    return win;
  }

  it('sends the bare address to the home screen, without a history entry', () => {
    for (const hash of ['', '#', '#/']) {
      const win = fakeRoot(hash);
      leaveRoot('/marketplace');
      expect(win.location.replace).toHaveBeenCalledWith('#/marketplace');
    }
  });

  it('leaves an address that moved on before it ran (a link followed just after sign-in) where it is', () => {
    const win = fakeRoot('#/ewaste');
    leaveRoot('/marketplace');
    expect(win.location.replace).not.toHaveBeenCalled();
    expect(win.location.hash).toBe('#/ewaste');
  });
});

describe('writeQueryLater', () => {
  /** A window where setting the hash is a navigation and replaceState changes the current entry, with timers. */
  function fakeBrowser(hash: string) {
    const entries = [hash];
    const win = {
      location: {
        get hash() {
          return entries.at(-1) ?? '';
        },
        set hash(next: string) {
          entries.push(next);
        },
      },
      history: { state: null, replaceState: (_s: unknown, _t: string, url: string) => entries.splice(-1, 1, url) },
      setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms),
      clearTimeout: (id: ReturnType<typeof setTimeout>) => clearTimeout(id),
    };
    vi.stubGlobal('window', win);
    return entries;
  }

  it('a page left before typing paused keeps in its history entry the text its field shows, not one caught mid-scan', () => {
    vi.useFakeTimers();
    try {
      const entries = fakeBrowser('#/marketplace?q=Lenovo');
      // A scan's first key stalls past the delay: the text of that moment reaches the URL.
      writeQueryLater(() => replaceQuery({ q: 'LenovoK' }, '/marketplace'), 400);
      vi.advanceTimersByTime(400);
      expect(entries).toEqual(['#/marketplace?q=LenovoK']);
      // The scan ends, the field gets its text back (a new write waits for its pause), and the scan opens the device.
      writeQueryLater(() => replaceQuery({ q: 'Lenovo' }, '/marketplace'), 400);
      navigate('/devices/d1');
      expect(entries).toEqual(['#/marketplace?q=Lenovo', '#/devices/d1']);
      // Nothing is written later over the device page.
      vi.advanceTimersByTime(1000);
      expect(entries).toEqual(['#/marketplace?q=Lenovo', '#/devices/d1']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a cancelled write is not done on navigation, and a flushed one only once', () => {
    vi.useFakeTimers();
    try {
      const entries = fakeBrowser('#/devices?q=a');
      const write = vi.fn(() => replaceQuery({ q: 'ab' }));
      writeQueryLater(write, 250).cancel();
      const flushed = writeQueryLater(write, 250);
      flushed.flush();
      flushed.flush();
      navigate('/devices/d1');
      vi.advanceTimersByTime(1000);
      expect(write).toHaveBeenCalledTimes(1);
      expect(entries).toEqual(['#/devices?q=ab', '#/devices/d1']);
    } finally {
      vi.useRealTimers();
    }
  });
});
