/**
 * Choosing a warehouse shelf: the shelves grouped under their warehouse, as the check-in station lists them.
 * `useShelves` also answers whether a remembered shelf id still names a shelf.
 */
import { useMemo } from 'react';
import type { Location } from '../../shared/schemas';
import { fieldA11y } from '../form-errors';
import { useT } from '../i18n';
import { useReference } from '../reference-context';
import { Field } from './Field';

export function useShelves() {
  const ref = useReference();
  return useMemo(() => {
    const shelves = ref.locations.filter((l) => l.kind === 'shelf');
    const warehouses = ref.locations.filter((w) => shelves.some((s) => s.parentId === w.id));
    const groups = warehouses.map((w) => ({ warehouse: w, shelves: shelves.filter((s) => s.parentId === w.id) }));
    const orphans = shelves.filter((s) => !warehouses.some((w) => w.id === s.parentId));
    return { shelves, groups, orphans, isShelf: (id: string | undefined) => shelves.some((s) => s.id === id) };
  }, [ref.locations]);
}

interface ShelfSelectProps {
  id: string;
  label: string;
  value: string;
  onChange(id: string): void;
  error?: string | undefined;
}

export function ShelfSelect({ id, label, value, onChange, error }: ShelfSelectProps) {
  const t = useT();
  const { shelves, groups, orphans } = useShelves();
  const option = (s: Location) => (
    <option key={s.id} value={s.id}>
      {s.name}
    </option>
  );
  return (
    <Field id={id} label={label} error={error} hint={shelves.length === 0 ? t('shelf.none') : undefined} required>
      <select {...fieldA11y(id, { error, hint: shelves.length === 0 })} value={value} onChange={(e) => onChange(e.target.value)} aria-required>
        <option value="">{t('shelf.choose')}</option>
        {groups.map((g) => (
          <optgroup key={g.warehouse.id} label={g.warehouse.name}>
            {g.shelves.map(option)}
          </optgroup>
        ))}
        {orphans.map(option)}
      </select>
    </Field>
  );
}
