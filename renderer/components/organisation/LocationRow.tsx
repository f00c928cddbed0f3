/** One location in the admin's lists: its name and address, "Redigér" and "Fjern" (refused while something stands there). */
import type { Location } from '../../../shared/schemas';
import { useT } from '../../i18n';
import { RowAction } from '../RowAction';

interface Props {
  location: Location;
  busy: string | undefined;
  onEdit(): void;
  onRemove(): void;
}

export function LocationRow({ location, busy, onEdit, onRemove }: Props) {
  const t = useT();
  return (
    <li className="button-row" data-testid="location-row" data-location-id={location.id}>
      <span>{location.name}</span>
      {location.address && <span className="muted">{location.address}</span>}
      <button type="button" className="button button-secondary button-small" aria-label={t('org.editNamed', { name: location.name })} onClick={onEdit}>
        {t('org.edit')}
      </button>
      <RowAction label={t('org.remove')} ariaLabel={t('org.removeNamed', { name: location.name })} busy={busy === location.id} disabled={busy !== undefined} onClick={onRemove} />
    </li>
  );
}
