/** The <option>s of a fixed list of values, each with its catalogue label, after an optional empty choice. */
import type { MessageKey } from '../../shared/i18n';
import { useT } from '../i18n';

interface Props<T extends string> {
  values: readonly T[];
  label: (value: T) => MessageKey;
  /** The text of a first option with value "" ("Vælg kategori", "Alle kategorier"). */
  empty?: string;
}

export function EnumOptions<T extends string>({ values, label, empty }: Props<T>) {
  const t = useT();
  return (
    <>
      {empty !== undefined && <option value="">{empty}</option>}
      {values.map((v) => (
        <option key={v} value={v}>
          {t(label(v))}
        </option>
      ))}
    </>
  );
}
