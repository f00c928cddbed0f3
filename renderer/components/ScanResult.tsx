/** The big banner after a scan: green with the device on success, red with the core's reason on error. */
import type { ScanOutcome } from '../use-scan-station';
import { Banner } from './Banner';

export function ScanResult({ outcome }: { outcome: ScanOutcome | undefined }) {
  if (!outcome) return null;
  return (
    <div className="scan-result">
      <Banner key={outcome.n} kind={outcome.ok ? 'success' : 'error'} testId="scan-result">
        <p className="scan-result-text">{outcome.text}</p>
      </Banner>
    </div>
  );
}
