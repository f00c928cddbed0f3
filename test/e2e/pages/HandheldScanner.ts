/**
 * A keyboard-wedge scanner: it types what it read into whatever has the focus, a few milliseconds a key, and
 * ends with Enter (or Tab).
 *
 * Two ways to drive it, because the pace matters:
 * - `scan` sends the keys through the DevTools protocol stamped 5 ms apart, the way the operating system stamps
 *   a real scanner's keys: the page sees the scanner's pace in `event.timeStamp`, however busy the machine is.
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

export class HandheldScanner {
  private cdp: CDPSession | undefined;

  constructor(
    readonly page: Page,
    readonly msPerKey = 5,
  ) {}

  /**
   * One label, as the scanner sends it: Shift around capitals, every key 5 ms after the one before. With
   * `stallAfterChars`, the page gets the rest `stallMs` later on the wall clock, still stamped 5 ms apart: a
   * loaded machine that falls behind the scanner's keys mid-scan (the page's own timers run meanwhile).
   */
  async scan(text: string, ending: 'Enter' | 'Tab' = 'Enter', stall?: { afterChars: number; ms: number }): Promise<void> {
    this.cdp ??= await this.page.context().newCDPSession(this.page);
    let at = Date.now() / 1000;
    const step = () => (at += this.msPerKey / 1000);
    for (const [i, ch] of [...text].entries()) {
      if (i === stall?.afterChars) await this.page.waitForTimeout(stall.ms);
      const shifted = /[A-Z]/.test(ch);
      if (shifted) await this.key('rawKeyDown', 'Shift', step());
      await this.send({ type: 'keyDown', key: ch, text: ch, modifiers: shifted ? 8 : 0, timestamp: step() });
      await this.send({ type: 'keyUp', key: ch, modifiers: shifted ? 8 : 0, timestamp: at + 0.001 });
      if (shifted) await this.key('keyUp', 'Shift', at + 0.002);
    }
    await this.key(ending === 'Enter' ? 'keyDown' : 'rawKeyDown', ending, step());
    await this.key('keyUp', ending, at + 0.001);
  }

  async scanAll(texts: readonly string[]): Promise<void> {
    for (const text of texts) await this.scan(text);
  }

  /** `page.keyboard.type(text, { delay: 5 })` then Enter, back to back for each text, without waiting for the app. */
  async typeLikeTheIssue(texts: readonly string[]): Promise<void> {
    for (const text of texts) {
      await this.page.keyboard.type(text, { delay: this.msPerKey });
      await this.page.keyboard.press('Enter');
    }
  }

  private async key(type: 'keyDown' | 'rawKeyDown' | 'keyUp', name: string, timestamp: number): Promise<void> {
    const k = KEY_CODES[name];
    if (!k) throw new Error(`no key code for ${name}`);
    await this.send({ type, key: name, code: k.code, windowsVirtualKeyCode: k.keyCode, ...(type === 'keyDown' && k.text ? { text: k.text } : {}), timestamp });
  }

  private async send(params: KeyEvent): Promise<void> {
    this.cdp ??= await this.page.context().newCDPSession(this.page);
    await this.cdp.send('Input.dispatchKeyEvent', params);
  }
}
