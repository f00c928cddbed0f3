/**
 * The devices behind one figure of the statistics: stats.devices with the figure's period, filters, row and
 * WEEE category, one row per counted event (a device reused in two cycles is listed twice), paged; its total
 * is the figure. Each row links to the device page.
 */
import { useState } from 'react';
import { client } from '../api/instance';
import { EmptyState } from '../components/EmptyState';
import { LoadError } from '../components/LoadError';
import { Loading } from '../components/Loading';
import { Pager } from '../components/Pager';
import { copenhagenDay } from '../../shared/days';
import type { MessageKey } from '../../shared/i18n';
import type { StatFigure } from '../../shared/contract';
import { useI18n } from '../i18n';
import { categoryKey, weeeKey } from '../labels';
import { useReference } from '../reference-context';
import { devicePath, href, useRoute } from '../router';
import { addDays, figureFromQuery, summaryInput, viewFromQuery, viewQuery } from '../stats/stats-view';
import { groupingKey } from '../stats/GroupTable';
import { useStatFormat } from '../stats/use-stat-format';
import { useAsync } from '../use-async';
import { STATS_PATH } from './Stats';

const PAGE = 50;
export const figureKey = (f: StatFigure) => `stats.figure.${f}` as const satisfies MessageKey;

export function StatsDevices() {
  const { t, tPlural, day, dateTime } = useI18n();
  const ref = useReference();
  const fmt = useStatFormat();
  const route = useRoute();
  const view = viewFromQuery(route.query, copenhagenDay(new Date()));
  const figure = figureFromQuery(route.query);
  const [offset, setOffset] = useState(0);
  const key = JSON.stringify(viewQuery(view, figure));
  const list = useAsync(
    () =>
      figure
        ? client.call('stats.devices', { ...summaryInput(view), figure: figure.figure, group: figure.group, weee: figure.weee, limit: PAGE, offset })
        : Promise.resolve(undefined),
    [key, offset],
  );
  const back = href(STATS_PATH, viewQuery(view));
  const credits = figure?.figure === 'co2e_credited';

  if (!figure)
    return (
      <>
        <h1>{t('stats.devicesTitle')}</h1>
        <EmptyState>
          {t('stats.devicesNoFigure')} <a href={back}>{t('stats.backToStats')}</a>
        </EmptyState>
      </>
    );

  const scope = [
    t('stats.periodRange', { from: day(view.from), last: day(addDays(view.to, -1)) }),
    figure.group !== undefined && `${t(groupingKey(view.groupBy))}: ${fmt.groupTitle(view.groupBy, figure.group)}`,
    figure.weee !== undefined && t(weeeKey(figure.weee)),
    view.departmentId !== undefined && ref.departmentLabel(view.departmentId),
    view.category !== undefined && t(categoryKey(view.category)),
  ].filter((s): s is string => typeof s === 'string');

  const data = list.data;
  return (
    <>
      <p>
        <a href={back} data-testid="stats-back">
          ← {t('stats.backToStats')}
        </a>
      </p>
      <h1 data-testid="stats-devices-title">{t(figureKey(figure.figure))}</h1>
      <p className="lead" data-testid="stats-devices-scope">
        {scope.join(' · ')}
      </p>
      {list.loading && !data && <Loading />}
      {list.error !== undefined && <LoadError error={list.error} onRetry={list.reload} />}
      {data && (
        <>
          <p data-testid="stats-devices-total" data-total={data.total}>
            {tPlural('stats.devicesTotal', data.total, { count: fmt.count(data.total) })}
          </p>
          {data.total === 0 ? (
            <EmptyState>{t('stats.devicesEmpty')}</EmptyState>
          ) : (
            <div className="table-wrap">
              <table className="data-table stats-table" data-testid="stats-devices">
                <caption className="visually-hidden">{t(figureKey(figure.figure))}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('stats.col.at')}</th>
                    <th scope="col">{t('col.assetTag')}</th>
                    <th scope="col">{t('col.device')}</th>
                    <th scope="col">{t('col.category')}</th>
                    <th scope="col">{t('stats.groupBy.department')}</th>
                    <th scope="col" className="num">
                      {t('stats.col.kg')}
                    </th>
                    {credits && (
                      <th scope="col" className="num">
                        {t('stats.col.co2eKg')}
                      </th>
                    )}
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((item, i) => (
                    <tr key={`${item.device.id}-${item.at}-${i}`} data-testid="stats-device-row" data-asset-tag={item.device.assetTag}>
                      <td>{dateTime(item.at)}</td>
                      <td className="mono">
                        <a href={href(devicePath(item.device.id))}>{item.device.assetTag}</a>
                      </td>
                      <td>
                        <span className="device-model">{item.device.model}</span>
                        <span className="device-manufacturer">{item.device.manufacturer}</span>
                      </td>
                      <td>{t(categoryKey(item.device.category))}</td>
                      <td>
                        <abbr title={ref.departmentName(item.departmentId)}>{ref.departmentCode(item.departmentId)}</abbr>
                      </td>
                      <td className="num">{fmt.kg(item.kg)}</td>
                      {credits && <td className="num">{item.co2eKg === null ? t('stats.none') : fmt.kg(item.co2eKg)}</td>}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pager offset={offset} limit={PAGE} total={data.total} onChange={setOffset} />
        </>
      )}
    </>
  );
}
