/**
 * Listens for keyboard-wedge scans anywhere on the page: every keydown goes through a BurstDetector in the
 * capture phase on the document, before any field or form sees it. A burst that forms an asset tag is taken:
 * its ending key is swallowed (no form submits, focus does not move on Tab) and the field the burst was
 * typed into gets back the value it had before the burst. Everything else stays ordinary typing.
 */
import { BurstDetector, type BurstEnding, type BurstThresholds } from './burst-detector';
import type { ReadTag } from './scanned-tag';

type ValueField = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

interface FieldSnapshot {
  field: ValueField;
  value: string;
  selectionStart: number | null;
  selectionEnd: number | null;
}

export interface WedgeBurst {
  /** What the scanner typed. */
  text: string;
  /** The element that had focus while the burst was typed. */
  target: Element | null;
}

export interface WedgeScan extends WedgeBurst {
  /** The asset tag the burst carries; undefined for a burst taken by `takeOtherBurst`. */
  tag: string | undefined;
  ending: BurstEnding;
}

export interface WedgeOptions {
  readTag: ReadTag;
  onScan(scan: WedgeScan): void;
  /**
   * Whether a burst that is not a tag is a scan anyway (the field is restored, the ending key swallowed and
   * `onScan` called without a tag), e.g. a wrong barcode read at a scan station; otherwise it stays typing.
   */
  takeOtherBurst?(burst: WedgeBurst): boolean;
  thresholds?: BurstThresholds;
}

const burstEnds = new WeakSet<Event>();

/** True for an Enter/Tab keydown that ended a scanner burst the listener left alone (not a tag). */
export function endedBurst(event: Event): boolean {
  return burstEnds.has(event);
}

/** Text-like inputs whose value a burst can change; buttons, checkboxes and the like are not. */
const TEXT_INPUT_TYPES = new Set(['text', 'search', 'email', 'url', 'tel', 'password', 'number', '']);

function valueField(el: EventTarget | null): ValueField | undefined {
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) return el;
  if (el instanceof HTMLInputElement && TEXT_INPUT_TYPES.has(el.type)) return el;
  return undefined;
}

/**
 * A field marked `data-scan-fill` takes a scanned tag as its value (e.g. the pre-printed tag when reporting a
 * device): the burst fills it with the tag alone and its ending key neither submits the form nor moves on.
 */
export const SCAN_FILL_ATTRIBUTE = 'data-scan-fill';

function fillField(el: EventTarget | null): ValueField | undefined {
  const field = valueField(el);
  return field && !(field instanceof HTMLSelectElement) && field.closest(`[${SCAN_FILL_ATTRIBUTE}]`) ? field : undefined;
}

/** Is the focus in a field where typing means writing text (so a non-tag burst there is someone's input)? */
export function isTextEntry(el: Element | null): boolean {
  return valueField(el) !== undefined && !(el instanceof HTMLSelectElement);
}

function snapshot(target: EventTarget | null): FieldSnapshot | undefined {
  const field = valueField(target);
  if (!field) return undefined;
  const selectable = !(field instanceof HTMLSelectElement) && !(field instanceof HTMLInputElement && field.type === 'number');
  return {
    field,
    value: field.value,
    selectionStart: selectable ? field.selectionStart : null,
    selectionEnd: selectable ? field.selectionEnd : null,
  };
}

/**
 * Sets a field's value through the element's own setter, then sends the input (or change) event, so a
 * React-controlled field updates its state as if the person had typed.
 */
function setFieldValue(field: ValueField, value: string): void {
  const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(field), 'value')?.set;
  if (setter) setter.call(field, value);
  else field.value = value;
  field.dispatchEvent(new Event(field instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
}

/** Puts a field back as it was before the burst. */
function restore(snap: FieldSnapshot | undefined): void {
  if (!snap?.field.isConnected || snap.field.value === snap.value) return;
  const { field } = snap;
  setFieldValue(field, snap.value);
  if (!(field instanceof HTMLSelectElement) && snap.selectionStart !== null && snap.selectionEnd !== null) {
    try {
      field.setSelectionRange(snap.selectionStart, snap.selectionEnd);
    } catch {
      // why: some input types (email) refuse selection ranges; the value is what matters
    }
  }
}

/** Starts listening on `doc`; returns the function that stops it. */
export function listenForScans(doc: Document, options: WedgeOptions): () => void {
  const detector = new BurstDetector(options.thresholds);
  let before: FieldSnapshot | undefined;

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.isComposing) return;
    const verdict = detector.key({
      key: event.key,
      at: event.timeStamp,
      ctrlKey: event.ctrlKey,
      altKey: event.altKey,
      metaKey: event.metaKey,
      repeat: event.repeat,
    });
    if (verdict.kind === 'char') {
      // The value before the run's first key is what the field held before any burst in it.
      if (verdict.startsRun) before = snapshot(event.target);
      return;
    }
    if (verdict.kind !== 'burst') return;
    const target = event.target instanceof Element ? event.target : null;
    const tag = options.readTag(verdict.text);
    const take = tag !== undefined || (options.takeOtherBurst?.({ text: verdict.text, target }) ?? false);
    if (!take) {
      burstEnds.add(event);
      return;
    }
    event.preventDefault();
    event.stopPropagation();
    const fill = fillField(event.target);
    if (tag !== undefined && fill) {
      setFieldValue(fill, tag);
      before = undefined;
      return;
    }
    if (before && before.field === valueField(event.target)) restore(before);
    before = undefined;
    options.onScan({ text: verdict.text, tag, ending: verdict.ending, target });
  };

  doc.addEventListener('keydown', onKeyDown, { capture: true });
  return () => doc.removeEventListener('keydown', onKeyDown, { capture: true });
}
