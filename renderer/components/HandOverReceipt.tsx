/**
 * A device's hand-over receipt as a PDF, saved through the file mechanism (devices.handOverReceipt: the desktop
 * app's save dialog, the browser's download). On the hand-over screen after each hand-over, and on the device page
 * of every device that has been handed over.
 */
import { useState } from 'react';
import { ApiError } from '../api/client';
import { client } from '../api/instance';
import { useT } from '../i18n';
import { mayCall } from '../may-call';
import { useUser } from '../session-context';
import { Banner } from './Banner';

type Outcome = { kind: 'success' | 'info' | 'error'; text: string };

interface Props {
  deviceId: string;
  label: string;
  hint?: string;
  /** The card's id prefix (its heading's id) and test id. */
  id: string;
}

export function HandOverReceipt({ deviceId, label, hint, id }: Props) {
  const t = useT();
  const user = useUser();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | undefined>();
  if (!mayCall(user.role, 'devices.handOverReceipt')) return null;

  const save = async () => {
    setBusy(true);
    setOutcome(undefined);
    try {
      const saved = await client.saveFile('devices.handOverReceipt', { deviceId }, () => {});
      setOutcome(saved.saved ? { kind: 'success', text: t('handOver.receiptSaved', { file: saved.fileName }) } : { kind: 'info', text: t('handOver.receiptCancelled') });
    } catch (e) {
      setOutcome({ kind: 'error', text: e instanceof ApiError ? e.message : t('common.unexpectedError') });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid={id}>
      <h2 id={`${id}-title`}>{t('handOver.receiptTitle')}</h2>
      {hint && <p className="hint">{hint}</p>}
      <div className="button-row">
        <button type="button" className="button button-secondary" disabled={busy} onClick={() => void save()} data-testid={`${id}-download`}>
          {busy ? t('common.working') : label}
        </button>
      </div>
      {outcome && (
        <Banner kind={outcome.kind} testId={`${id}-note`}>
          {outcome.text}
        </Banner>
      )}
    </section>
  );
}
