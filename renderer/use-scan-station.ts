/**
 * One scan → one action, for handheld scanners that type the tag and press Enter. After a success the tag
 * field is cleared and focused for the next scan; after an error the focus stays and the text is selected,
 * so the next scan simply replaces it.
 */
import { useRef, useState, type FormEvent } from 'react';
import { errorFields, errorText } from './api/instance';
import type { FieldErrors } from './form-errors';
import { useT } from './i18n';

export interface ScanOutcome {
  /** Counts scans, so the banner is re-announced even when two messages read the same. */
  n: number;
  ok: boolean;
  tag: string;
  text: string;
  deviceId?: string | undefined;
}

interface RunResult {
  text: string;
  deviceId: string;
}

export function useScanStation(initialTag: string) {
  const t = useT();
  const [tag, setTag] = useState(initialTag);
  const tagNow = useRef(tag);
  tagNow.current = tag;
  const inputRef = useRef<HTMLInputElement>(null);
  const [last, setLast] = useState<ScanOutcome | undefined>();
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [recent, setRecent] = useState<ScanOutcome[]>([]);
  const [busy, setBusy] = useState(0);

  const counter = useRef(0);
  function record(o: Omit<ScanOutcome, 'n'>) {
    const outcome = { ...o, n: ++counter.current };
    setLast(outcome);
    setRecent((old) => [outcome, ...old].slice(0, 8));
  }

  function refocus(selectText: boolean) {
    const el = inputRef.current;
    if (!el) return;
    el.focus();
    if (selectText) el.select();
  }

  /**
   * Run one scan. `check` returns client-side field errors (e.g. no shelf chosen); `run` calls the core.
   * Each submit keeps its own tag, so a fast second scan is not lost while the first is answered.
   */
  async function submit(e: FormEvent, check: (assetTag: string) => FieldErrors, run: (assetTag: string) => Promise<RunResult>) {
    e.preventDefault();
    const assetTag = tag.trim().toUpperCase();
    const problems = check(assetTag);
    if (Object.keys(problems).length > 0) {
      setFieldErrors(problems);
      record({ ok: false, tag: assetTag, text: t('validation.clientSummary') });
      refocus(true);
      return;
    }
    setBusy((n) => n + 1);
    try {
      const result = await run(assetTag);
      setFieldErrors({});
      record({ ok: true, tag: assetTag, text: result.text, deviceId: result.deviceId });
      if (tagNow.current.trim().toUpperCase() === assetTag) setTag('');
      refocus(false);
    } catch (ex) {
      setFieldErrors(errorFields(ex));
      record({ ok: false, tag: assetTag, text: errorText(ex, t('common.unexpectedError')) });
      refocus(tagNow.current.trim().toUpperCase() === assetTag);
    } finally {
      setBusy((n) => n - 1);
    }
  }

  return { tag, setTag, inputRef, last, fieldErrors, recent, busy: busy > 0, submit };
}
