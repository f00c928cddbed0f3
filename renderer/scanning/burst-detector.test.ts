import { describe, expect, it } from 'vitest';
import { BurstDetector, type KeyPress, type KeyVerdict } from './burst-detector';
import { readScannedTag } from './scanned-tag';

/** Key presses for `text` then `ending`, `gapMs` apart, starting at `at`; returns them and the time after. */
function keys(text: string, gapMs: number, at = 1000, ending: string | null = 'Enter'): { presses: KeyPress[]; end: number } {
  const presses: KeyPress[] = [];
  let t = at;
  for (const ch of text) {
    presses.push({ key: ch, at: t });
    t += gapMs;
  }
  if (ending !== null) presses.push({ key: ending, at: t });
  return { presses, end: t };
}

function feed(d: BurstDetector, presses: KeyPress[]): KeyVerdict[] {
  return presses.map((p) => d.key(p));
}

/** The bursts a key sequence produces, as the detector reports them. */
function bursts(verdicts: KeyVerdict[]): string[] {
  return verdicts.flatMap((v) => (v.kind === 'burst' ? [v.text] : []));
}

/** The asset tags among those bursts: what would count as scans. */
function scans(verdicts: KeyVerdict[]): string[] {
  return bursts(verdicts).flatMap((text) => readScannedTag(text) ?? []);
}

describe('burst detection', () => {
  it('a tag typed by a scanner (5 ms a key) and Enter is one burst with exactly the tag', () => {
    const d = new BurstDetector();
    const v = feed(d, keys('KK-0001234', 5).presses);
    expect(bursts(v)).toEqual(['KK-0001234']);
    expect(v.at(-1)).toEqual({ kind: 'burst', text: 'KK-0001234', ending: 'Enter' });
  });

  it('the same tag typed by a person (a fast 60 ms a key) is typing, not a scan', () => {
    const d = new BurstDetector();
    expect(bursts(feed(d, keys('KK-0001234', 60).presses))).toEqual([]);
  });

  it('a person typing 35 ms a key, faster than people sustain, is still not taken for a scanner', () => {
    const d = new BurstDetector();
    expect(bursts(feed(d, keys('KK-0001234', 35).presses))).toEqual([]);
  });

  it('a Bluetooth scanner at 20 ms a key is a scan', () => {
    const d = new BurstDetector();
    expect(bursts(feed(d, keys('KK-0001234', 20).presses))).toEqual(['KK-0001234']);
  });

  it('a scanner set up to end with Tab gives a burst ending in Tab', () => {
    const d = new BurstDetector();
    const v = feed(d, keys('KK-0001234', 4, 0, 'Tab').presses);
    expect(v.at(-1)).toEqual({ kind: 'burst', text: 'KK-0001234', ending: 'Tab' });
  });

  it('a burst that never ends in Enter or Tab is no scan, and does not leak into the next one', () => {
    const d = new BurstDetector();
    const first = keys('KK-0001234', 5, 0, null);
    const second = keys('KK-0005678', 5, first.end + 500);
    expect(bursts(feed(d, [...first.presses, ...second.presses]))).toEqual(['KK-0005678']);
  });

  it('two bursts back to back (no pause after the first Enter) are two scans, never merged', () => {
    const d = new BurstDetector();
    const a = keys('KK-0001234', 5, 0);
    const b = keys('KK-0005678', 5, a.end + 5);
    const c = keys('KK-0009999', 5, b.end + 1);
    expect(bursts(feed(d, [...a.presses, ...b.presses, ...c.presses]))).toEqual(['KK-0001234', 'KK-0005678', 'KK-0009999']);
  });

  it('what a person typed before a scan is not part of the scan', () => {
    const d = new BurstDetector();
    const typed = keys('lenovo', 150, 0, null);
    const scan = keys('KK-0001234', 5, typed.end + 400);
    const v = feed(d, [...typed.presses, ...scan.presses]);
    expect(bursts(v)).toEqual(['KK-0001234']);
    // The field's value is remembered at the burst's first key: that key starts a run.
    expect(v[typed.presses.length]).toEqual({ kind: 'char', startsRun: true });
    expect(v[typed.presses.length + 1]).toEqual({ kind: 'char', startsRun: false });
  });

  it('a burst that is not a tag is still a burst; the tag predicate is what refuses it', () => {
    const d = new BurstDetector();
    const [text] = bursts(feed(d, keys('5701234567890', 5).presses));
    expect(text).toBe('5701234567890');
    expect(readScannedTag(text ?? '')).toBeUndefined();
    expect(readScannedTag(' kk-0001234 ')).toBe('KK-0001234');
    expect(readScannedTag('KK-12X')).toBeUndefined();
  });

  it('one late key (the page was busy for a moment) does not break a burst, a real pause does', () => {
    const d = new BurstDetector();
    const late = keys('KK-0001234', 5).presses.map((p, i) => (i >= 5 ? { ...p, at: p.at + 60 } : p));
    expect(bursts(feed(d, late))).toEqual(['KK-0001234']);
    // After a 300 ms pause only the keys after it form the burst, and they are no tag.
    const paused = keys('KK-0001234', 5).presses.map((p, i) => (i >= 5 ? { ...p, at: p.at + 300 } : p));
    expect(bursts(feed(new BurstDetector(), paused))).toEqual(['01234']);
  });

  it('a fast Enter after a slowly typed tag is typing (the whole run must be fast)', () => {
    const d = new BurstDetector();
    const slow = keys('KK-0001234', 70, 0, null);
    expect(bursts(feed(d, [...slow.presses, { key: 'Enter', at: slow.end - 70 + 3 }]))).toEqual([]);
  });

  it('Shift pressed for capitals inside a burst neither adds to it nor breaks it', () => {
    const d = new BurstDetector();
    const presses: KeyPress[] = [];
    let t = 0;
    for (const ch of 'KK-0001234') {
      if (ch === 'K') presses.push({ key: 'Shift', at: (t += 1) });
      presses.push({ key: ch, at: (t += 4) });
    }
    presses.push({ key: 'Enter', at: t + 4 });
    expect(bursts(feed(d, presses))).toEqual(['KK-0001234']);
  });

  it('a Ctrl or Alt shortcut in the middle breaks the run (Ctrl+V is a paste, not a scan)', () => {
    const d = new BurstDetector();
    const p = keys('KK-0001234', 5).presses;
    p.splice(4, 0, { key: 'v', at: (p[3]?.at ?? 0) + 1, ctrlKey: true });
    expect(scans(feed(d, p))).toEqual([]);
    expect(new BurstDetector().key({ key: 'v', at: 0, ctrlKey: true })).toEqual({ kind: 'other' });
    expect(new BurstDetector().key({ key: 'x', at: 0, altKey: true })).toEqual({ kind: 'other' });
    expect(new BurstDetector().key({ key: 'x', at: 0, metaKey: true })).toEqual({ kind: 'other' });
  });

  it('AltGr (Ctrl+Alt on Windows) types a character and keeps a burst going', () => {
    const d = new BurstDetector();
    const p = keys('ab@cd', 5).presses.map((k) => (k.key === '@' ? { ...k, ctrlKey: true, altKey: true } : k));
    expect(bursts(feed(d, p))).toEqual(['ab@cd']);
  });

  it('Ctrl+Enter or a held key (auto-repeat) never ends or makes a burst', () => {
    const d = new BurstDetector();
    const p = keys('KK-0001234', 5).presses;
    const last = p.at(-1);
    if (last) last.ctrlKey = true;
    expect(bursts(feed(d, p))).toEqual([]);
    const repeated = keys('1111111111', 5).presses.map((k, i) => (i > 0 && k.key === '1' ? { ...k, repeat: true } : k));
    expect(bursts(feed(new BurstDetector(), repeated))).toEqual([]);
  });

  it('Backspace while typing breaks the run: a person is editing', () => {
    const d = new BurstDetector();
    const p = keys('KK-0001234', 5).presses;
    p.splice(3, 0, { key: 'Backspace', at: (p[2]?.at ?? 0) + 2 });
    expect(scans(feed(d, p))).toEqual([]);
  });

  it('too short to be a code: two fast characters and Enter are not a burst', () => {
    expect(bursts(feed(new BurstDetector(), keys('ok', 5).presses))).toEqual([]);
  });
});
