/**
 * Reuse rate and outcomes per month: stacked bars (reused, recycled, destroyed) with the reuse rate by count
 * as a line, and beside it the same figures as a table (the accessible version), every count a link.
 */
import { Bar, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from 'recharts';
import type { StatsSummary } from '../../shared/contract';
import { TableHead } from '../components/TableHead';
import { useI18n } from '../i18n';
import { CHART } from './chart-colors';
import { ChartWithTable } from './ChartWithTable';
import { FigureLink } from './FigureLink';
import { outcomeKey } from './KeyFigures';
import type { StatsView } from './stats-view';
import { useStatFormat } from './use-stat-format';

const OUTCOMES = ['reused', 'recycled', 'destroyed'] as const;

export function MonthChart({ summary, view }: { summary: StatsSummary; view: StatsView }) {
  const { t } = useI18n();
  const fmt = useStatFormat();
  const data = summary.rows.map((r) => ({
    month: fmt.groupLabel('month', r.key),
    reused: r.amounts.reused.count,
    recycled: r.amounts.recycled.count,
    destroyed: r.amounts.destroyed.count,
    // Recharts leaves a gap for null: a month without outcomes has no rate, not 0 %.
    rate: r.reuseRate.byCount === null ? null : Math.round(r.reuseRate.byCount * 1000) / 10,
  }));
  return (
    <section className="card stat-chart" aria-labelledby="stats-month-title" data-testid="stats-month-chart">
      <h2 id="stats-month-title">{t('stats.monthTitle')}</h2>
      <ChartWithTable
        chart={
          <ComposedChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
            <CartesianGrid stroke={CHART.grid} vertical={false} />
            <XAxis dataKey="month" stroke={CHART.axis} tick={{ fontSize: 12 }} />
            <YAxis yAxisId="count" allowDecimals={false} stroke={CHART.axis} tickFormatter={(n: number) => fmt.count(n)} />
            <YAxis yAxisId="rate" orientation="right" domain={[0, 100]} stroke={CHART.axis} tickFormatter={(n: number) => fmt.percent(n / 100)} />
            <Tooltip formatter={(value, name) => (name === t('stats.reuseRate') ? fmt.percent(Number(value) / 100) : fmt.count(Number(value)))} />
            <Legend />
            {OUTCOMES.map((o) => (
              <Bar key={o} yAxisId="count" dataKey={o} name={t(outcomeKey(o))} stackId="outcomes" fill={CHART[o]} isAnimationActive={false} />
            ))}
            <Line yAxisId="rate" dataKey="rate" name={t('stats.reuseRate')} stroke={CHART.rate} strokeWidth={2} connectNulls={false} isAnimationActive={false} />
          </ComposedChart>
        }
      >
        <table className="data-table stats-table" data-testid="stats-month-table">
          <caption>{t('stats.monthCaption')}</caption>
          <TableHead columns={['stats.groupBy.month', ...OUTCOMES.map((o) => ({ key: outcomeKey(o), numeric: true as const })), { key: 'stats.reuseRate', numeric: true }]} />
          <tbody>
            {summary.rows.map((r) => (
              <tr key={r.key} data-group={r.key}>
                <th scope="row">{fmt.groupLabel('month', r.key)}</th>
                {OUTCOMES.map((o) => (
                  <td key={o} className="num">
                    <FigureLink view={view} figure={{ figure: o, groupBy: 'month', group: r.key }}>
                      {fmt.count(r.amounts[o].count)}
                    </FigureLink>
                  </td>
                ))}
                <td className="num">{fmt.percent(r.reuseRate.byCount)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ChartWithTable>
    </section>
  );
}
