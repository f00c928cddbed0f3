/** Per WEEE category: how many devices, the kg their weights declare, and the kg weighed at sealing. */
import type { BatchDetail } from '../../shared/contract';
import { useI18n } from '../i18n';
import { weeeKey } from '../labels';
import { EmptyState } from './EmptyState';
import { TableHead } from './TableHead';

export function BatchWeeeTable({ weee }: { weee: BatchDetail['weee'] }) {
  const { t, number } = useI18n();
  const kg = (n: number | undefined) => (n === undefined ? t('common.none') : number(n, 2));
  const sum = (pick: (r: BatchDetail['weee'][number]) => number | undefined) =>
    weee.reduce<number | undefined>((acc, r) => {
      const v = pick(r);
      return v === undefined ? acc : (acc ?? 0) + v;
    }, undefined);
  return (
    <section className="card" aria-labelledby="batch-weee-title">
      <h2 id="batch-weee-title">{t('batch.weeeTitle')}</h2>
      {weee.length === 0 ? (
        <EmptyState>{t('batch.weeeEmpty')}</EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="data-table batch-weee" data-testid="batch-weee">
            <TableHead
              columns={['device.weee', { key: 'batch.devices', numeric: true }, { key: 'batch.declaredKg', numeric: true }, { key: 'batch.measuredKg', numeric: true }]}
            />
            <tbody>
              {weee.map((r) => (
                <tr key={r.category} data-weee={r.category}>
                  <th scope="row">{t(weeeKey(r.category))}</th>
                  <td className="num">{number(r.devices)}</td>
                  <td className="num">{kg(r.declaredKg)}</td>
                  <td className="num">{kg(r.measuredKg)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('batch.total')}</th>
                <td className="num">{number(sum((r) => r.devices) ?? 0)}</td>
                <td className="num">{kg(sum((r) => r.declaredKg))}</td>
                <td className="num">{kg(sum((r) => r.measuredKg))}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </section>
  );
}
