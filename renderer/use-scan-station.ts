/**
 * One scan → one action, for handheld scanners that type the tag and press Enter (or Tab). The scan leaves the
 * tag field the moment it ends, so the next scan starts in an empty field however slow the core is, and goes
 * into the station's queue, which runs scans one at a time in order. Scans made while the focus is elsewhere
 * on the page arrive through the app's wedge listener (ScannerProvider) and join the same queue.
 */
import { useCallback, useMemo, useRef, useState, useSyncExternalStore, type FormEvent, type KeyboardEvent } from 'react';
import type { FieldErrors } from './form-errors';
import { useT } from './i18n';
import { useStationQueue, useStationScans, type StationId } from './scanning/ScannerProvider';
import type { ScanDone } from './scanning/scan-queue';
import { ScanRefused } from './scanning/scan-failure';
import { readScannedTag } from './scanning/scanned-tag';
import { endedBurst } from './scanning/wedge-listener';

/** What a station makes of one tag, decided when it is scanned: the work to queue, or why it cannot be done. */
export type PreparedScan = { run(): Promise<ScanDone> } | { refuse: string; fieldErrors: FieldErrors };

export function useScanStation(id: StationId, initialTag: string, prepare: (assetTag: string) => PreparedScan) {
  const t = useT();
  const queue = useStationQueue(id);
  const view = useSyncExternalStore(queue.subscribe, queue.view);
  const [tag, setTag] = useState(initialTag);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const inputRef = useRef<HTMLInputElement>(null);
  const prepareNow = useRef(prepare);
  prepareNow.current = prepare;

  const enqueue = useCallback(
    (text: string) => {
      const assetTag = readScannedTag(text);
      if (assetTag === undefined) {
        const label = text.trim();
        queue.add(label, () => Promise.reject(new ScanRefused(t('scan.notATag', { text: label }))));
        return;
      }
      const prepared = prepareNow.current(assetTag);
      if ('refuse' in prepared) {
        setFieldErrors(prepared.fieldErrors);
        queue.add(assetTag, () => Promise.reject(new ScanRefused(prepared.refuse)));
        return;
      }
      setFieldErrors({});
      queue.add(assetTag, prepared.run);
    },
    [queue, t],
  );

  // The next action at a station is the next scan: its field takes the focus after each one.
  const focusField = useCallback(() => inputRef.current?.focus(), []);

  useStationScans(
    useMemo(
      () => ({
        scan(text: string) {
          enqueue(text);
          focusField();
        },
      }),
      [enqueue, focusField],
    ),
  );

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
    enqueue(text);
  }

  /** A scanner set up to end with Tab: a burst that is not a tag (the listener took tags already) is still a scan here. */
  function onFieldKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'Tab' && endedBurst(e.nativeEvent)) submit(e);
  }

  return {
    tag,
    setTag,
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
  };
}

export type ScanStation = ReturnType<typeof useScanStation>;

