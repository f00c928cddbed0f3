/** Every figure per row of the chosen grouping (month, administration or category), each count a link. */
import { STAT_OUTCOMES, type StatsSummary } from '../../shared/contract';
import type { MessageKey } from '../../shared/i18n';
import { EmptyState } from '../components/EmptyState';
import { TableHead } from '../components/TableHead';
import { useI18n } from '../i18n';
import { FigureLink } from './FigureLink';
import { outcomeKey } from './KeyFigures';
import type { StatsView } from './stats-view';
import { useStatFormat } from './use-stat-format';

export const groupingKey = (g: StatsView['groupBy']) => `stats.groupBy.${g}` as const satisfies MessageKey;

export function GroupTable({ summary, view }: { summary: StatsSummary; view: StatsView }) {
  const { t } = useI18n();
  const fmt = useStatFormat();
  const groupBy = summary.groupBy;
  return (
    <section className="card" aria-labelledby="stats-group-title" data-testid="stats-group">
      <h2 id="stats-group-title">{t('stats.groupTitle', { by: t(groupingKey(groupBy)).toLowerCase() })}</h2>
      {summary.rows.length === 0 ? (
        <EmptyState>{t('stats.empty')}</EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="data-table stats-table stats-group-table" data-testid="stats-group-table">
            <caption className="visually-hidden">{t('stats.groupTitle', { by: t(groupingKey(groupBy)).toLowerCase() })}</caption>
            <TableHead
              columns={[
                groupingKey(groupBy),
                ...[...STAT_OUTCOMES.map(outcomeKey), 'stats.reuseRate' as const, 'stats.col.co2eKg' as const, 'stats.col.daysMedian' as const].map((key) => ({ key, numeric: true as const })),
              ]}
            />
            <tbody>
              {summary.rows.map((r) => (
                <tr key={r.key} data-group={r.key}>
                  <th scope="row">
                    <abbr title={fmt.groupTitle(groupBy, r.key)}>{fmt.groupLabel(groupBy, r.key)}</abbr>
                  </th>
                  {STAT_OUTCOMES.map((o) => (
                    <td key={o} className="num">
                      <FigureLink view={view} figure={{ figure: o, groupBy, group: r.key }}>
                        {fmt.count(r.amounts[o].count)}
                      </FigureLink>
                    </td>
                  ))}
                  <td className="num">{fmt.percent(r.reuseRate.byCount)}</td>
                  <td className="num">
                    <FigureLink view={view} figure={{ figure: 'co2e_credited', groupBy, group: r.key }}>
                      {fmt.kg(r.co2e.avoidedKg)}
                    </FigureLink>
                  </td>
                  <td className="num">{fmt.days(r.daysToReuse.median)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
