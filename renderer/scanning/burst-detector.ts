/**
 * Tells a handheld scanner's keystrokes from a person's. A keyboard-wedge scanner "types" the code it read as
 * a burst of key presses a few milliseconds apart and ends it with Enter (or Tab, as some are set up). Pure
 * logic over key names and times, so it is tested without a browser; `wedge-listener.ts` feeds it DOM events.
 *
 * Thresholds, from how the two actually type:
 * - USB and Bluetooth HID scanners send a key every 1–20 ms (USB polls at 1–8 ms; Bluetooth packs a few keys
 *   per 7.5–15 ms connection interval). People average 120–250 ms per key; the fastest typists reach ~60 ms
 *   on average and only single familiar digraphs drop below 35 ms, never a whole tag.
 * - `maxMeanGapMs` (30): a burst's keys, its ending key included, average at most this far apart.
 * - `maxGapMs` (80): one key may lag this far behind the previous one without ending the burst (the page was
 *   busy rendering, or a Bluetooth packet came late). A longer pause starts a new run: what a person typed
 *   before a scan is not part of the scan.
 * - `minChars` (3): shorter runs are a person's quick "ok"-and-Enter, not a code.
 * Two bursts back to back stay two bursts: Enter/Tab always ends the run, whatever comes after it.
 */

export interface BurstThresholds {
  maxMeanGapMs: number;
  maxGapMs: number;
  minChars: number;
}

export const BURST_THRESHOLDS: BurstThresholds = { maxMeanGapMs: 30, maxGapMs: 80, minChars: 3 };

/** A key press as the detector needs it: the `key` name of a KeyboardEvent and its time in milliseconds. */
export interface KeyPress {
  key: string;
  at: number;
  ctrlKey?: boolean;
  altKey?: boolean;
  metaKey?: boolean;
  /** Auto-repeat of a held key: a person, never a scanner. */
  repeat?: boolean;
}

export type BurstEnding = 'Enter' | 'Tab';

export type KeyVerdict =
  /** A printable character; `startsRun` when it begins a new run (the moment to remember a field's value). */
  | { kind: 'char'; startsRun: boolean }
  /** Enter/Tab that ends a scanner burst of `text`. */
  | { kind: 'burst'; text: string; ending: BurstEnding }
  /** Anything else: a modifier on its own, a person's Enter, an editing or shortcut key. */
  | { kind: 'other' };

/** Shift and friends come and go inside a burst (a scanner presses Shift for capitals); they neither add nor break. */
const MODIFIER_KEYS = new Set(['Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'OS', 'CapsLock', 'NumLock', 'Fn', 'FnLock', 'Hyper', 'Super', 'Symbol']);

function isPrintable(k: KeyPress): boolean {
  if (k.key.length !== 1 || k.repeat || k.metaKey) return false;
  // why: Ctrl+Alt together is AltGr on Windows (e.g. "@" on a Danish keyboard) and types a character;
  // Ctrl or Alt alone is a shortcut (Ctrl+V pastes, Alt+key opens menus), not typing.
  return Boolean(k.ctrlKey) === Boolean(k.altKey);
}

export class BurstDetector {
  private chars: string[] = [];
  private firstAt = 0;
  private lastAt = 0;

  constructor(private readonly limits: BurstThresholds = BURST_THRESHOLDS) {}

  /** Feed one keydown; returns what it means. */
  key(k: KeyPress): KeyVerdict {
    if (MODIFIER_KEYS.has(k.key)) return { kind: 'other' };
    if (isPrintable(k)) {
      const startsRun = this.chars.length === 0 || k.at - this.lastAt > this.limits.maxGapMs;
      if (startsRun) {
        this.chars = [];
        this.firstAt = k.at;
      }
      this.chars.push(k.key);
      this.lastAt = k.at;
      return { kind: 'char', startsRun };
    }
    const ending = k.key === 'Enter' ? 'Enter' : k.key === 'Tab' ? 'Tab' : undefined;
    const plain = !k.ctrlKey && !k.altKey && !k.metaKey && !k.repeat;
    const verdict: KeyVerdict =
      ending && plain && this.isBurstEndingAt(k.at) ? { kind: 'burst', text: this.chars.join(''), ending } : { kind: 'other' };
    this.chars = [];
    return verdict;
  }

  private isBurstEndingAt(at: number): boolean {
    const n = this.chars.length;
    if (n < this.limits.minChars) return false;
    if (at - this.lastAt > this.limits.maxGapMs) return false;
    // n characters and the ending key: n gaps from the first character to the ending.
    return (at - this.firstAt) / n <= this.limits.maxMeanGapMs;
  }
}
