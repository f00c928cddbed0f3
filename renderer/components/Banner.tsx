/** A message box: errors are role="alert" (read out at once), successes and info role="status". */
import type { ReactNode } from 'react';

export type BannerKind = 'error' | 'success' | 'info';

export function Banner({ kind, children, testId }: { kind: BannerKind; children: ReactNode; testId?: string }) {
  return (
    <div className={`banner banner-${kind}`} role={kind === 'error' ? 'alert' : 'status'} data-testid={testId}>
      <span className="banner-icon" aria-hidden="true" />
      <div className="banner-body">{children}</div>
    </div>
  );
}
