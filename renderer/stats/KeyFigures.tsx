/**
 * The period's key figures, each a link to the devices behind it: outcomes by count and kg, the reuse rate,
 * CO2e avoided (with the hand-overs that had no factor, shown, not hidden), days from surplus to reuse, and
 * the factor versions the CO2e came from.
 */
import type { StatOutcome, StatsSummary } from '../../shared/contract';
import { STAT_OUTCOMES } from '../../shared/contract';
import type { MessageKey } from '../../shared/i18n';
import { TableHead } from '../components/TableHead';
import { useI18n } from '../i18n';
import { categoryKey } from '../labels';
import { href } from '../router';
import { pathOf } from '../screens';
import { FigureLink } from './FigureLink';
import type { StatsView } from './stats-view';
import { useStatFormat } from './use-stat-format';

export const outcomeKey = (o: StatOutcome) => `stats.outcome.${o}` as const satisfies MessageKey;

export function KeyFigures({ summary, view }: { summary: StatsSummary; view: StatsView }) {
  const { t, dateTime } = useI18n();
  const fmt = useStatFormat();
  const { amounts, reuseRate, co2e, daysToReuse } = summary.totals;
  return (
    <section aria-labelledby="stats-key-title" data-testid="stats-key-figures">
      <h2 id="stats-key-title">{t('stats.keyTitle')}</h2>
      <div className="stat-grid">
        <div className="stat-card stat-card-main" data-testid="stat-reuse-rate">
          <h3>{t('stats.reuseRate')}</h3>
          <p className="stat-value">{fmt.percent(reuseRate.byCount)}</p>
          <p className="muted">{t('stats.reuseRateByKg', { value: fmt.percent(reuseRate.byKg) })}</p>
          <p className="stat-parts">
            {(['reused', 'recycled', 'destroyed'] as const).map((o) => (
              <span key={o}>
                {t(outcomeKey(o))}{' '}
                <FigureLink view={view} figure={{ figure: o }}>
                  {fmt.count(amounts[o].count)}
                </FigureLink>
              </span>
            ))}
          </p>
        </div>
        <div className="stat-card stat-card-main" data-testid="stat-co2e">
          <h3>{t('stats.co2eAvoided')}</h3>
          <p className="stat-value">
            <FigureLink view={view} figure={{ figure: 'co2e_credited' }} label={t('stats.co2eLinkLabel', { kg: fmt.kg(co2e.avoidedKg) })}>
              {t('stats.kgCo2e', { kg: fmt.kg(co2e.avoidedKg) })}
            </FigureLink>
          </p>
          <ul className="stat-list">
            {(
              [
                ['co2e_credited', 'stats.credited', co2e.credited],
                ['co2e_no_factor', 'stats.noFactor', co2e.noFactor],
                ['not_replacing', 'stats.notReplacing', co2e.notReplacing],
              ] as const
            ).map(([figure, label, n]) => (
              // "No factor" stands out when there are any: those hand-overs add 0, and the reader must see it.
              <li key={figure} className={figure === 'co2e_no_factor' && n > 0 ? 'warning-text' : undefined} data-testid={`stat-${figure}`}>
                {t(label)}{' '}
                <FigureLink view={view} figure={{ figure }}>
                  {fmt.count(n)}
                </FigureLink>
                {figure === 'co2e_no_factor' && summary.noFactorCategories.length > 0 && <> ({summary.noFactorCategories.map((c) => t(categoryKey(c))).join(', ')})</>}
              </li>
            ))}
          </ul>
        </div>
        <div className="stat-card stat-card-main" data-testid="stat-days">
          <h3>{t('stats.daysToReuse')}</h3>
          <p className="stat-value">{t('stats.daysMedian', { days: fmt.days(daysToReuse.median) })}</p>
          <p className="muted">{t('stats.daysP90', { days: fmt.days(daysToReuse.p90) })}</p>
          <p className="stat-parts">
            {t('stats.daysBasis')}{' '}
            <FigureLink view={view} figure={{ figure: 'reused' }}>
              {fmt.count(daysToReuse.n)}
            </FigureLink>
          </p>
        </div>
      </div>
      <table className="data-table stats-table stat-outcomes" data-testid="stat-outcomes">
        <caption>{t('stats.outcomesCaption')}</caption>
        <TableHead columns={['stats.col.outcome', { key: 'stats.col.count', numeric: true }, { key: 'stats.col.kg', numeric: true }]} />
        <tbody>
          {STAT_OUTCOMES.map((o) => (
            <tr key={o} data-outcome={o}>
              <th scope="row">{t(outcomeKey(o))}</th>
              <td className="num">
                <FigureLink view={view} figure={{ figure: o }}>
                  {fmt.count(amounts[o].count)}
                </FigureLink>
              </td>
              <td className="num">
                <FigureLink view={view} figure={{ figure: o }} label={t('stats.kgOf', { kg: fmt.kg(amounts[o].kg), what: t(outcomeKey(o)) })}>
                  {fmt.kg(amounts[o].kg)}
                </FigureLink>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="stat-versions" data-testid="stat-factor-versions">
        {t('stats.factorVersions')}{' '}
        {summary.factorVersions.map((v, i) => (
          <span key={v.number}>
            {i > 0 && ', '}
            <a href={href(pathOf('factors'), { version: v.number })}>{t('stats.factorVersion', { n: v.number, date: dateTime(v.createdAt), credited: fmt.count(v.credited) })}</a>
          </span>
        ))}
      </p>
    </section>
  );
}
