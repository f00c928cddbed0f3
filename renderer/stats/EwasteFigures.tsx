/**
 * E-waste per WEEE category: devices and their declared kg (the devices' recorded weights) collected,
 * certified and still missing a certificate, beside the kg weighed at sealing of the batches collected.
 */
import type { StatsSummary } from '../../shared/contract';
import { useI18n } from '../i18n';
import { weeeKey } from '../labels';
import { FigureLink } from './FigureLink';
import type { StatsView } from './stats-view';
import { useStatFormat } from './use-stat-format';

const COLUMNS = [
  ['collected', 'ewaste_collected', 'stats.ewaste.collected'],
  ['certified', 'ewaste_certified', 'stats.ewaste.certified'],
  ['missingCertificate', 'ewaste_missing_certificate', 'stats.ewaste.missing'],
] as const;

export function EwasteFigures({ summary, view }: { summary: StatsSummary; view: StatsView }) {
  const { t } = useI18n();
  const fmt = useStatFormat();
  return (
    <section className="card" aria-labelledby="stats-ewaste-title" data-testid="stats-ewaste">
      <h2 id="stats-ewaste-title">{t('stats.ewasteTitle')}</h2>
      <div className="table-wrap">
        <table className="data-table stats-table">
          <caption>{t('stats.ewasteCaption')}</caption>
          <thead>
            <tr>
              <th scope="col" rowSpan={2}>
                {t('stats.col.weee')}
              </th>
              {COLUMNS.map(([, , label]) => (
                <th key={label} scope="colgroup" colSpan={2} className="num">
                  {t(label)}
                </th>
              ))}
              <th scope="col" rowSpan={2} className="num">
                {t('stats.col.measuredKg')}
              </th>
            </tr>
            <tr>
              {COLUMNS.map(([, , label]) => [
                <th key={`${label}-n`} scope="col" className="num">
                  {t('stats.col.devices')}
                </th>,
                <th key={`${label}-kg`} scope="col" className="num">
                  {t('stats.col.declaredKg')}
                </th>,
              ])}
            </tr>
          </thead>
          <tbody>
            {summary.ewaste.map((e) => (
              <tr key={e.weee} data-weee={e.weee}>
                <th scope="row">{t(weeeKey(e.weee))}</th>
                {COLUMNS.map(([field, figure]) => [
                  <td key={`${figure}-n`} className="num">
                    <FigureLink view={view} figure={{ figure, weee: e.weee }}>
                      {fmt.count(e[field].count)}
                    </FigureLink>
                  </td>,
                  <td key={`${figure}-kg`} className="num">
                    <FigureLink view={view} figure={{ figure, weee: e.weee }}>
                      {fmt.kg(e[field].kg)}
                    </FigureLink>
                  </td>,
                ])}
                <td className="num">{e.measuredKg === null ? <span title={t('stats.measuredFiltered')}>{t('stats.none')}</span> : fmt.kg(e.measuredKg)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {summary.ewaste.some((e) => e.measuredKg === null) && <p className="muted">{t('stats.measuredFiltered')}</p>}
    </section>
  );
}
