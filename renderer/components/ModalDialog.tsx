/** A modal dialog with its title and a close button (useModalDialog opens it; `dialogRef` comes from there). */
import { useId, type ReactNode, type RefObject } from 'react';

interface Props {
  dialogRef: RefObject<HTMLDialogElement | null>;
  title: string;
  closeLabel: string;
  /** Its class; the head is `<className>-head`. */
  className: string;
  testId: string;
  onClose(): void;
  children: ReactNode;
}

export function ModalDialog({ dialogRef, title, closeLabel, className, testId, onClose, children }: Props) {
  const titleId = useId();
  return (
    // why: the native modal <dialog> traps focus, closes on Escape (its "close" event) and makes the page inert
    <dialog ref={dialogRef} className={className} aria-labelledby={titleId} onClose={onClose} data-testid={testId}>
      <div className={`${className}-head`}>
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="button button-secondary button-small" onClick={() => dialogRef.current?.close()}>
          {closeLabel}
        </button>
      </div>
      {children}
    </dialog>
  );
}
