/** One version of the emission-factor table: each category with its kg CO2e, or "no factor". */
import type { EmissionFactors } from '../../shared/emission-factors';
import { CATEGORIES } from '../../shared/schemas';
import { useI18n } from '../i18n';
import { categoryKey } from '../labels';
import { TableHead } from './TableHead';

export function FactorTable({ factors }: { factors: EmissionFactors }) {
  const { t, number } = useI18n();
  return (
    <table className="data-table" data-testid="factor-table">
      <TableHead columns={['factors.col.category', { key: 'factors.col.kg', numeric: true }]} />
      <tbody>
        {CATEGORIES.map((c) => {
          const kg = factors[c];
          return (
            <tr key={c} data-category={c}>
              <td>{t(categoryKey(c))}</td>
              <td className="num">{kg === null ? <span className="muted">{t('factors.none')}</span> : number(kg, 1)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
