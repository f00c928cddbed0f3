/** Metode: how each figure of the statistics is counted (the README's "Statistics" in the user's words) and Boavizta's credit. */
import type { MessageKey } from '../../shared/i18n';
import { useT } from '../i18n';
import { href } from '../router';
import { pathOf } from '../screens';
import { STATS_PATH } from './Stats';

/** The method, one figure a section: a heading and its explanation. */
const SECTIONS = ['period', 'department', 'counts', 'reuseRate', 'co2e', 'days', 'ewaste', 'trace'] as const;
const titleKey = (s: (typeof SECTIONS)[number]) => `stats.method.${s}.title` as const satisfies MessageKey;
const textKey = (s: (typeof SECTIONS)[number]) => `stats.method.${s}.text` as const satisfies MessageKey;

export function StatsMethod() {
  const t = useT();
  return (
    <>
      <p>
        <a href={href(STATS_PATH)}>← {t('stats.backToStats')}</a>
      </p>
      <h1>{t('stats.method.title')}</h1>
      <p className="lead">{t('stats.method.intro')}</p>
      <section className="card stats-method" data-testid="stats-method">
        {SECTIONS.map((s) => (
          <div key={s}>
            <h2>{t(titleKey(s))}</h2>
            <p>{t(textKey(s))}</p>
          </div>
        ))}
        <p>
          <a href={href(pathOf('factors'))}>{t('stats.method.factorsLink')}</a>
        </p>
      </section>
      <section className="card" aria-labelledby="stats-credit-title" data-testid="factor-credit">
        <h2 id="stats-credit-title">{t('factors.creditTitle')}</h2>
        <p>{t('factors.credit')}</p>
        <p className="muted">{t('factors.caveat')}</p>
      </section>
    </>
  );
}
