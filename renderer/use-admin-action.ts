/**
 * The admin screens' row actions (remove a location, deactivate a person): one at a time, and the outcome, a
 * success or the core's refusal in words (LOCATION_IN_USE names what stands there), reported to the screen's one banner.
 */
import { useState } from 'react';
import { errorText } from './api/instance';
import { useT } from './i18n';

export interface Outcome {
  kind: 'success' | 'error';
  text: string;
  /** A new number per outcome, so the same text twice is a new banner that takes the focus again. */
  seq: number;
}

let seq = 0;
export const outcome = (kind: Outcome['kind'], text: string): Outcome => ({ kind, text, seq: ++seq });

export function useAdminAction(report: (o: Outcome | undefined) => void, reload: () => void) {
  const t = useT();
  const [busy, setBusy] = useState<string | undefined>();
  async function act(id: string, call: () => Promise<unknown>, success: string): Promise<void> {
    if (busy !== undefined) return;
    setBusy(id);
    try {
      await call();
      report(outcome('success', success));
    } catch (e) {
      report(outcome('error', errorText(e, t('common.unexpectedError'))));
    } finally {
      setBusy(undefined);
      reload();
    }
  }
  return { busy, act };
}
