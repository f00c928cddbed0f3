/**
 * CO2e avoided per administration (the giving one): bars, and beside them a table with the credited
 * hand-overs, those without a factor and those not replacing a purchase, every figure a link.
 */
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import type { StatsSummary } from '../../shared/contract';
import { EmptyState } from '../components/EmptyState';
import { TableHead } from '../components/TableHead';
import { useI18n } from '../i18n';
import { CHART } from './chart-colors';
import { ChartWithTable } from './ChartWithTable';
import { FigureLink } from './FigureLink';
import type { StatsView } from './stats-view';
import { useStatFormat } from './use-stat-format';

export function Co2eChart({ summary, view }: { summary: StatsSummary; view: StatsView }) {
  const { t } = useI18n();
  const fmt = useStatFormat();
  const rows = summary.rows.filter((r) => r.amounts.reused.count > 0);
  const data = rows.map((r) => ({ department: fmt.groupLabel('department', r.key), kg: r.co2e.avoidedKg }));
  const link = (key: string, figure: 'co2e_credited' | 'co2e_no_factor' | 'not_replacing', text: string) => (
    <FigureLink view={view} figure={{ figure, groupBy: 'department', group: key }}>
      {text}
    </FigureLink>
  );
  return (
    <section className="card stat-chart" aria-labelledby="stats-co2e-title" data-testid="stats-co2e-chart">
      <h2 id="stats-co2e-title">{t('stats.co2eTitle')}</h2>
      {rows.length === 0 ? (
        <EmptyState>{t('stats.co2eEmpty')}</EmptyState>
      ) : (
        <ChartWithTable
          chart={
            <BarChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
              <CartesianGrid stroke={CHART.grid} vertical={false} />
              <XAxis dataKey="department" stroke={CHART.axis} tick={{ fontSize: 12 }} />
              <YAxis stroke={CHART.axis} tickFormatter={(n: number) => fmt.count(n)} />
              <Tooltip formatter={(value) => t('stats.kgCo2e', { kg: fmt.kg(Number(value)) })} />
              <Bar dataKey="kg" name={t('stats.co2eAvoided')} fill={CHART.co2e} isAnimationActive={false} />
            </BarChart>
          }
        >
          <table className="data-table stats-table" data-testid="stats-co2e-table">
            <caption>{t('stats.co2eCaption')}</caption>
            <TableHead columns={['stats.groupBy.department', ...(['stats.col.co2eKg', 'stats.credited', 'stats.noFactor', 'stats.notReplacing'] as const).map((key) => ({ key, numeric: true as const }))]} />
            <tbody>
              {rows.map((r) => (
                <tr key={r.key} data-group={r.key}>
                  <th scope="row">
                    <abbr title={fmt.groupTitle('department', r.key)}>{fmt.groupLabel('department', r.key)}</abbr>
                  </th>
                  <td className="num">{link(r.key, 'co2e_credited', fmt.kg(r.co2e.avoidedKg))}</td>
                  <td className="num">{link(r.key, 'co2e_credited', fmt.count(r.co2e.credited))}</td>
                  <td className="num">{link(r.key, 'co2e_no_factor', fmt.count(r.co2e.noFactor))}</td>
                  <td className="num">{link(r.key, 'not_replacing', fmt.count(r.co2e.notReplacing))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ChartWithTable>
      )}
    </section>
  );
}
