/** Where a list's add button stands, and its form while open (useListForm): the open form takes the button's place. */
import type { ReactNode } from 'react';
import type { ListForm } from '../use-list-form';

interface Props<T> {
  form: ListForm<T>;
  slot: string;
  /** What the add button opens the form for (usually "new", with where the new item belongs). */
  add: T;
  label: string;
  /** The page's main action (a filled button), or one of several in cards (a small outlined one). */
  look: 'primary' | 'secondary' | 'small';
  /** The form for the open target; it calls form.close() when cancelled or saved. */
  children(target: T): ReactNode;
}

const LOOKS = { primary: 'button button-primary', secondary: 'button button-secondary', small: 'button button-secondary button-small' } as const;

export function ListFormSlot<T>({ form, slot, add, label, look, children }: Props<T>) {
  if (form.open?.slot === slot) return children(form.open.target);
  return (
    <div className="button-row">
      <button ref={form.addButton(slot)} type="button" className={LOOKS[look]} onClick={() => form.show(slot, add)}>
        {label}
      </button>
    </div>
  );
}
