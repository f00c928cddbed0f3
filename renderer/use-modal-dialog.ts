/**
 * A native modal <dialog> open while its component is mounted: it traps the focus, closes on Escape (its "close"
 * event) and makes the page behind it inert; unmounting closes it, so the opener gets the focus back.
 */
import { useEffect, useRef, type RefObject } from 'react';

export function useModalDialog(): RefObject<HTMLDialogElement | null> {
  const dialogRef = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      if (dialog?.open) dialog.close();
    };
  }, []);
  return dialogRef;
}
