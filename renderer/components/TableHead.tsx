/** A data table's header row from catalogue keys; a column may be named for screen readers only, or hold numbers (right-aligned). */
import type { MessageKey } from '../../shared/i18n';
import { useT } from '../i18n';

export type Column = MessageKey | { key: MessageKey; hidden: true } | { key: MessageKey; numeric: true };

export function TableHead({ columns }: { columns: readonly Column[] }) {
  const t = useT();
  return (
    <thead>
      <tr>
        {columns.map((c) =>
          typeof c === 'string' ? (
            <th key={c} scope="col">
              {t(c)}
            </th>
          ) : 'hidden' in c ? (
            <th key={c.key} scope="col">
              <span className="visually-hidden">{t(c.key)}</span>
            </th>
          ) : (
            <th key={c.key} scope="col" className="num">
              {t(c.key)}
            </th>
          ),
        )}
      </tr>
    </thead>
  );
}
