/**
 * The admin screens' row actions (remove a location, deactivate a person): one at a time, and the outcome, a
 * success or the core's refusal in words (LOCATION_IN_USE names what stands there), reported to the screen's one banner.
 */
import { useState } from 'react';
import { errorText } from './api/instance';
import { useT } from './i18n';
import { useListForm, type ListForm } from './use-list-form';

export interface Outcome {
  kind: 'success' | 'error';
  text: string;
  /** A new number per outcome, so the same text twice is a new banner that takes the focus again. */
  seq: number;
  /** Whether the banner takes the focus: not after a form's save, which puts the focus back where the form was opened. */
  takeFocus: boolean;
}

let seq = 0;
export const outcome = (kind: Outcome['kind'], text: string, takeFocus = true): Outcome => ({ kind, text, seq: ++seq, takeFocus });

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

/**
 * Organisation's lists with an add form (useListForm): opening a form clears the last outcome; `saved` closes the
 * form, reports "… er gemt." and fetches the lists again.
 */
export function useAdminListForm<T>(report: (o: Outcome | undefined) => void, reload: () => void): ListForm<T> & { saved(name: string): void } {
  const t = useT();
  const form = useListForm<T>(() => report(undefined));
  return {
    ...form,
    saved(name: string) {
      form.close();
      report(outcome('success', t('org.saved', { name }), false));
      reload();
    },
  };
}
