/**
 * Statistik: for a period of Danish days, optionally one administration and/or category, the key figures,
 * reuse rate and outcomes per month, CO2e avoided per administration (each chart with its table), e-waste
 * per WEEE category, every figure per row of the chosen grouping, and the exports for Excel. Every figure links to the devices
 * behind it (#/stats/devices). The method is on its own page (#/stats/method).
 */
import { client } from '../api/instance';
import { EmptyState } from '../components/EmptyState';
import { LoadError } from '../components/LoadError';
import { Loading } from '../components/Loading';
import { copenhagenDay } from '../../shared/days';
import type { StatsSummary } from '../../shared/contract';
import { useI18n } from '../i18n';
import { href, navigate, useRoute } from '../router';
import { Co2eChart } from '../stats/Co2eChart';
import { EwasteFigures } from '../stats/EwasteFigures';
import { GroupTable } from '../stats/GroupTable';
import { KeyFigures } from '../stats/KeyFigures';
import { MonthChart } from '../stats/MonthChart';
import { StatsExport } from '../stats/StatsExport';
import { StatsFilters } from '../stats/StatsFilters';
import { summaryInput, viewFromQuery, viewQuery, type Grouping, type StatsView } from '../stats/stats-view';
import { useAsync } from '../use-async';

export const STATS_PATH = '/stats';
export const STATS_METHOD_PATH = '/stats/method';

/** The summary grouped as asked plus the two the charts need (by month, by administration), one call per grouping. */
async function loadSummaries(view: StatsView): Promise<Record<Grouping, StatsSummary>> {
  const groupings = [...new Set<Grouping>([view.groupBy, 'month', 'department'])];
  const got = await Promise.all(groupings.map((g) => client.call('stats.summary', summaryInput(view, g))));
  const out: Partial<Record<Grouping, StatsSummary>> = {};
  for (const s of got) out[s.groupBy] = s;
  return out as Record<Grouping, StatsSummary>; // why: one summary per grouping asked for, and the three used are asked for
}

export function Stats() {
  const { t } = useI18n();
  const route = useRoute();
  const today = copenhagenDay(new Date());
  const view = viewFromQuery(route.query, today);
  const key = JSON.stringify(viewQuery(view));
  const summaries = useAsync(() => loadSummaries(view), [key]);
  const data = summaries.data;
  const totals = data?.[view.groupBy].totals;
  const nothing = totals !== undefined && Object.values(totals.amounts).every((a) => a.count === 0) && data![view.groupBy].ewaste.every((e) => e.collected.count + e.certified.count === 0);

  return (
    <>
      <h1>{t('stats.title')}</h1>
      <p className="lead">
        {t('stats.intro')} <a href={href(STATS_METHOD_PATH)}>{t('stats.methodLink')}</a>
      </p>
      <StatsFilters key={key} view={view} today={today} onChange={(v) => navigate(STATS_PATH, viewQuery(v))} />
      {summaries.loading && <Loading />}
      {summaries.error !== undefined && <LoadError error={summaries.error} onRetry={summaries.reload} />}
      {data && !summaries.loading && (
        <div data-testid="stats-loaded">
          {nothing && <EmptyState>{t('stats.empty')}</EmptyState>}
          <KeyFigures summary={data[view.groupBy]} view={view} />
          <MonthChart summary={data.month} view={view} />
          <Co2eChart summary={data.department} view={view} />
          <EwasteFigures summary={data[view.groupBy]} view={view} />
          <GroupTable summary={data[view.groupBy]} view={view} />
          <StatsExport view={view} />
        </div>
      )}
    </>
  );
}
