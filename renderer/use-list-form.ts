/**
 * A list with an add form (Organisation's tabs): one form open at a time, standing in the place of the add button
 * of the list it belongs to (a slot; see ListFormSlot). Closing it (cancel or save) returns the focus to the button
 * that opened it: an edit button in a row, or else the slot's add button, back in the form's place.
 */
import { useCallback, useEffect, useRef, useState } from 'react';

export interface ListForm<T> {
  /** The open form's slot and what it is open for (a new item, or the one to edit); undefined while none is. */
  readonly open: { slot: string; target: T } | undefined;
  /** Open the form in `slot` for `target`, in place of any form open before. */
  show(slot: string, target: T): void;
  /** Close the form; the focus goes back to where it was opened. */
  close(): void;
  /** The ref of `slot`'s add button. */
  addButton(slot: string): (el: HTMLButtonElement | null) => void;
}

/** `onShow`: what opening a form also does (Organisation clears the last outcome's banner). */
export function useListForm<T>(onShow?: () => void): ListForm<T> {
  const [open, setOpen] = useState<{ slot: string; target: T } | undefined>();
  const opener = useRef<HTMLElement | null>(null);
  const addButtons = useRef(new Map<string, HTMLButtonElement>());
  /** Set by close(): the slot whose form just closed, so the effect after that render can place the focus. */
  const closing = useRef<string | undefined>(undefined);

  useEffect(() => {
    const slot = closing.current;
    if (slot === undefined || open) return;
    closing.current = undefined;
    // The add button that opened the form was replaced by it, so it is a new element now; an edit button in a row
    // is still there (unless the save removed its row).
    const back = opener.current?.isConnected ? opener.current : addButtons.current.get(slot);
    back?.focus();
  });

  const show = (slot: string, target: T) => {
    // The pressed button (a click focuses it in Chromium and Firefox; where it does not, the slot's add button serves).
    opener.current = document.activeElement instanceof HTMLButtonElement ? document.activeElement : null;
    closing.current = undefined;
    onShow?.();
    setOpen({ slot, target });
  };

  const close = () => {
    closing.current = open?.slot;
    setOpen(undefined);
  };

  const addButton = useCallback(
    (slot: string) => (el: HTMLButtonElement | null) => {
      if (el) addButtons.current.set(slot, el);
      else addButtons.current.delete(slot);
    },
    [],
  );

  return { open, show, close, addButton };
}
