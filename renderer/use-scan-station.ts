/**
 * One scan → one action, for handheld scanners that type the tag and press Enter (or Tab). The scan leaves the
 * tag field the moment it ends, so the next scan starts in an empty field however slow the core is, and goes
 * into the station's queue, which runs scans one at a time in order. Scans made while the focus is elsewhere
 * on the page arrive through the app's wedge listener (ScannerProvider) and join the same queue.
 *
 * A station whose definition offers undo (scanning/stations.ts) gets `undo`: the button in ScanResult and the
 * Ctrl+Z (⌘Z) shortcut both queue the inverse of its last scan that can still be taken back.
 */
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore, type FormEvent, type KeyboardEvent } from 'react';
import type { FieldErrors } from './form-errors';
import { useT } from './i18n';
import { useStationQueue, useStationScans } from './scanning/ScannerProvider';
import type { ScanDone } from './scanning/scan-queue';
import { ScanRefused } from './scanning/scan-failure';
import { useReadTag, useTagExample } from './scanning/scanned-tag';
import { STATIONS, type StationId } from './scanning/stations';
import { endedBurst, isTextEntry } from './scanning/wedge-listener';

/** What a station makes of one tag, decided when it is scanned: the work to queue, or why it cannot be done. */
export type PreparedScan = { run(): Promise<ScanDone> } | { refuse: string; fieldErrors: FieldErrors };

/**
 * `choiceIds`: the ids of the controls of the choices a scan needs, by the key of their error, in page order. A scan
 * refused for a missing one puts the focus on the first in error (the next thing to do), not back in the tag field.
 */
export function useScanStation(id: StationId, initialTag: string, prepare: (assetTag: string) => PreparedScan, choiceIds: Readonly<Record<string, string>> = {}) {
  const t = useT();
  const queue = useStationQueue(id);
  const readTag = useReadTag();
  const tagExample = useTagExample();
  const view = useSyncExternalStore(queue.subscribe, queue.view);
  const [tag, setTag] = useState(initialTag);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const inputRef = useRef<HTMLInputElement>(null);
  const prepareNow = useRef(prepare);
  prepareNow.current = prepare;
  const choiceIdsNow = useRef(choiceIds);
  choiceIdsNow.current = choiceIds;

  /** Queues the scan; returns the control of the first missing choice when it was refused for one. */
  const enqueue = useCallback(
    (text: string): HTMLElement | undefined => {
      const assetTag = readTag(text);
      if (assetTag === undefined) {
        const label = text.trim();
        queue.add(label, () => Promise.reject(new ScanRefused(t('scan.notATag', { text: label, example: tagExample }))));
        return undefined;
      }
      const prepared = prepareNow.current(assetTag);
      if ('refuse' in prepared) {
        setFieldErrors(prepared.fieldErrors);
        queue.add(assetTag, () => Promise.reject(new ScanRefused(prepared.refuse)));
        const first = Object.entries(choiceIdsNow.current).find(([key]) => prepared.fieldErrors[key] !== undefined);
        return first ? (document.getElementById(first[1]) ?? undefined) : undefined;
      }
      setFieldErrors({});
      queue.add(assetTag, prepared.run);
      return undefined;
    },
    [queue, t, readTag, tagExample],
  );

  // The next action at a station is the next scan: its field takes the focus after each one.
  const focusField = useCallback(() => inputRef.current?.focus(), []);
  /** After a scan: the missing choice it was refused for, if it can take the focus (a signature pad cannot), else the tag field. */
  const focusAfter = useCallback(
    (missing: HTMLElement | undefined) => {
      missing?.focus();
      if (!missing || document.activeElement !== missing) focusField();
    },
    [focusField],
  );

  useStationScans(
    useMemo(
      () => ({
        scan(text: string) {
          focusAfter(enqueue(text));
        },
      }),
      [enqueue, focusAfter],
    ),
  );

  const undoable = STATIONS[id].undo;
  const undoLast = useCallback(() => {
    queue.undoLast();
    focusField();
  }, [queue, focusField]);

  useEffect(() => {
    if (!undoable) return undefined;
    const onKeyDown = (e: DocumentEventMap['keydown']) => {
      if (e.key.toLowerCase() !== 'z' || !(e.ctrlKey || e.metaKey) || e.shiftKey || e.altKey || e.repeat) return;
      const target = e.target instanceof Element ? e.target : null;
      // why: in a field with text Ctrl+Z undoes the typing; the empty tag field (where the focus rests
      // between scans) has no typing to undo, so there it means the last scan
      const emptyTagField = target !== null && target === inputRef.current && inputRef.current.value === '';
      if (isTextEntry(target) && !emptyTagField) return;
      e.preventDefault();
      undoLast();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [undoable, undoLast]);

  /** Enter in the tag field or the submit button: take the text off the field now and queue it. */
  function submit(e?: FormEvent | KeyboardEvent) {
    e?.preventDefault();
    const text = (inputRef.current?.value ?? tag).trim();
    focusField();
    if (!text) {
      setFieldErrors({ assetTag: t('validation.required') });
      return;
    }
    setTag('');
    focusAfter(enqueue(text));
  }

  /** A scanner set up to end with Tab: a burst that is not a tag (the listener took tags already) is still a scan here. */
  function onFieldKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'Tab' && endedBurst(e.nativeEvent)) submit(e);
  }

  // Work lists beside a station reload when a burst is over, not once per scan: at 20 scans back to back
  // that is one reload of a list of up to 500 devices instead of twenty.
  const settled = useRef(view.done);
  if (view.pending === 0) settled.current = view.done;

  return {
    tag,
    setTag,
    /** Scans done, counted only when nothing is waiting: a key for lists that should follow the station. */
    settledDone: settled.current,
    inputRef,
    fieldErrors,
    view,
    /** The station's form: green or red after its last scan; submitting takes the tag field's text. */
    formProps: { className: `form scan-form${view.last ? ` scan-form-${view.last.state}` : ''}`, noValidate: true, onSubmit: submit },
    onFieldKeyDown,
    acknowledge: () => {
      queue.acknowledge();
      focusField();
    },
    /** Only at a station whose action has an inverse: the scan it would take back, and taking it back. */
    undo: undoable ? { target: view.undoable, run: undoLast } : undefined,
    /** "Send igen": the scans that could not reach the server go again, in the order they were scanned. */
    resend: () => {
      queue.resend();
      focusField();
    },
    /** Start afresh: the scans so far leave the list and can no longer be taken back. */
    clear: () => queue.clear(),
  };
}

export type ScanStation = ReturnType<typeof useScanStation>;

