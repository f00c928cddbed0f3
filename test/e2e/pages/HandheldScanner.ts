/**
 * A keyboard-wedge scanner: it types what it read into whatever has the focus, a few milliseconds a key, and
 * ends with Enter (or Tab).
 *
 * Two ways to drive it, because the pace matters:
 * - `scan`/`scanAll` send the keys through the DevTools protocol 5 ms apart and stamped 5 ms apart, the way the
 *   operating system stamps a real scanner's keys: the page sees the scanner's pace in `event.timeStamp`, however
 *   busy the machine is. The keys go out on a 5 ms clock without waiting for the browser to answer each one (a
 *   scanner does not wait for the app either): waiting made each key a round trip through the test runner and the
 *   browser, 20–150 ms on a loaded 2-core machine, and a 20-label burst took half a minute to type. The browser
 *   dispatches them in the order sent; `scan` returns once it has taken every key.
 * - `typeLikeTheIssue` is `page.keyboard.type(text, { delay: 5 })` and Enter, as issue 7 tried it. Each key then
 *   waits for the previous one's round trip through the test runner and the browser, so on a loaded 2-core
 *   machine the keys arrive 20–150 ms apart (measured): slower than a scanner, sometimes as slow as a person.
 *   The scan stations must take every such scan all the same (Enter in their tag field always ends a scan).
 */
import type { CDPSession, Page } from '@playwright/test';

const KEY_CODES: Record<string, { code: string; keyCode: number; text?: string }> = {
  Enter: { code: 'Enter', keyCode: 13, text: '\r' },
  Tab: { code: 'Tab', keyCode: 9 },
  Shift: { code: 'ShiftLeft', keyCode: 16 },
};

/** The parts of the protocol's Input.dispatchKeyEvent a scanner uses; `timestamp` in seconds since the epoch. */
interface KeyEvent {
  type: 'keyDown' | 'rawKeyDown' | 'keyUp';
  key: string;
  code?: string;
  text?: string;
  windowsVirtualKeyCode?: number;
  /** 8 = Shift held. */
  modifiers?: number;
  timestamp: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class HandheldScanner {
  private cdp: CDPSession | undefined;

  constructor(
    readonly page: Page,
    readonly msPerKey = 5,
  ) {}

  /**
   * One label, as the scanner sends it: Shift around capitals, every key 5 ms after the one before. With
   * `stall`, the page gets the keys after the first `afterChars` `ms` later on the wall clock, still stamped 5 ms
   * apart: a loaded machine that falls behind the scanner's keys mid-scan (the page's own timers run meanwhile).
   */
  async scan(text: string, ending: 'Enter' | 'Tab' = 'Enter', stall?: { afterChars: number; ms: number }): Promise<void> {
    await this.scanAll([text], ending, stall);
  }

  /** Labels back to back, without waiting for the app between them: one burst of keys, 5 ms apart. */
  async scanAll(texts: readonly string[], ending: 'Enter' | 'Tab' = 'Enter', stall?: { afterChars: number; ms: number }): Promise<void> {
    const cdp = (this.cdp ??= await this.page.context().newCDPSession(this.page));
    const keys = texts.flatMap((text) => this.keysOf(text, ending));
    const started = Date.now();
    let stalled = 0;
    const sent: Promise<unknown>[] = [];
    for (const [i, key] of keys.entries()) {
      if (i === stall?.afterChars) {
        // The keys sent so far reach the page first, then nothing for `ms`.
        await Promise.all(sent);
        await sleep(stall.ms);
        stalled = stall.ms;
      }
      // One key (its down, up and any Shift around it) every msPerKey, on the clock the stamps are on.
      const due = started + stalled + i * this.msPerKey - Date.now();
      if (due > 0) await sleep(due);
      for (const event of key(started / 1000 + (i * this.msPerKey) / 1000)) sent.push(cdp.send('Input.dispatchKeyEvent', event));
    }
    await Promise.all(sent);
  }

  /** `page.keyboard.type(text, { delay: 5 })` then Enter, back to back for each text, without waiting for the app. */
  async typeLikeTheIssue(texts: readonly string[]): Promise<void> {
    for (const text of texts) {
      await this.page.keyboard.type(text, { delay: this.msPerKey });
      await this.page.keyboard.press('Enter');
    }
  }

  /** Each key of `text` and its ending, as the events it sends when stamped at `at` (seconds since the epoch). */
  private keysOf(text: string, ending: 'Enter' | 'Tab'): ((at: number) => KeyEvent[])[] {
    const chars = [...text].map((ch) => (at: number): KeyEvent[] => {
      const shifted = /[A-Z]/.test(ch);
      const modifiers = shifted ? 8 : 0;
      return [
        ...(shifted ? [named('rawKeyDown', 'Shift', at - 0.001)] : []),
        { type: 'keyDown', key: ch, text: ch, modifiers, timestamp: at },
        { type: 'keyUp', key: ch, modifiers, timestamp: at + 0.001 },
        ...(shifted ? [named('keyUp', 'Shift', at + 0.002)] : []),
      ];
    });
    return [...chars, (at) => [named(ending === 'Enter' ? 'keyDown' : 'rawKeyDown', ending, at), named('keyUp', ending, at + 0.001)]];
  }
}

function named(type: KeyEvent['type'], name: string, timestamp: number): KeyEvent {
  const k = KEY_CODES[name];
  if (!k) throw new Error(`no key code for ${name}`);
  return { type, key: name, code: k.code, windowsVirtualKeyCode: k.keyCode, ...(type === 'keyDown' && k.text ? { text: k.text } : {}), timestamp };
}
