/** A table row's small action button (cancel a reservation, close a wanted request), saying it works while busy. */
import { useT } from '../i18n';

interface Props {
  label: string;
  /** Names the row's thing, since the visible label alone ("Luk") repeats on every row. */
  ariaLabel: string;
  /** This row's action is running. */
  busy: boolean;
  /** Some row's action is running: one at a time. */
  disabled: boolean;
  onClick(): void;
}

export function RowAction({ label, ariaLabel, busy, disabled, onClick }: Props) {
  const t = useT();
  return (
    <button type="button" className="button button-secondary button-small" disabled={disabled} aria-label={ariaLabel} onClick={onClick}>
      {busy ? t('common.working') : label}
    </button>
  );
}
