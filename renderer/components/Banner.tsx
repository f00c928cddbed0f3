/** A message box: errors are role="alert" (read out at once), successes and info role="status". */
import { useEffect, useRef, type ReactNode } from 'react';

export type BannerKind = 'error' | 'success' | 'info';

interface Props {
  kind: BannerKind;
  children: ReactNode;
  testId?: string;
  /**
   * The banner reports the outcome of what the person just did: it takes the focus when it appears, so a keyboard
   * or screen-reader user is at the result (the button they pressed may be gone) rather than back at the page body.
   */
  takeFocus?: boolean;
}

export function Banner({ kind, children, testId, takeFocus = false }: Props) {
  const box = useRef<HTMLDivElement>(null);
  // Read once: only on appearing; a re-render of the same banner must not pull the focus back from where the person went.
  const focusOnAppear = useRef(takeFocus);
  useEffect(() => {
    if (focusOnAppear.current) box.current?.focus();
  }, []);
  return (
    <div
      ref={box}
      className={`banner banner-${kind}`}
      role={kind === 'error' ? 'alert' : 'status'}
      data-testid={testId}
      tabIndex={takeFocus ? -1 : undefined}
    >
      <span className="banner-icon" aria-hidden="true" />
      <div className="banner-body">{children}</div>
    </div>
  );
}
