/**
 * The statistics' period picker (a month, a quarter, a year or one's own days), the filters (administration,
 * category) and the grouping. Every change is a new address, so the back button and a reload keep the view.
 */
import { useState, type FormEvent } from 'react';
import { STAT_GROUPINGS } from '../../shared/contract';
import { CATEGORIES } from '../../shared/schemas';
import type { MessageKey } from '../../shared/i18n';
import { DepartmentOptions } from '../components/DepartmentOptions';
import { EnumOptions } from '../components/EnumOptions';
import { useI18n } from '../i18n';
import { categoryKey } from '../labels';
import { memberOf } from '../member-of';
import { addDays, PERIOD_KINDS, periodChoices, periodFrom, periodStart, validPeriod, type PeriodKind, type StatsView } from './stats-view';
import { groupingKey } from './GroupTable';
import { useStatFormat } from './use-stat-format';

const periodKindKey = (k: PeriodKind) => `stats.period.${k}` as const satisfies MessageKey;

/** How many of each kind of period the picker offers; older ones are a custom period away. */
const CHOICES = { month: 36, quarter: 16, year: 10 } as const;

export function StatsFilters({ view, today, onChange }: { view: StatsView; today: string; onChange(view: StatsView): void }) {
  const { t, day } = useI18n();
  const fmt = useStatFormat();
  const [customFrom, setCustomFrom] = useState(view.from);
  /** The last day shown, inclusive: people write "1.–30. november", the period is [from, to). */
  const [customLast, setCustomLast] = useState(addDays(view.to, -1));
  const [customError, setCustomError] = useState(false);

  function chooseKind(kind: PeriodKind) {
    if (kind === 'custom') {
      setCustomFrom(view.from);
      setCustomLast(addDays(view.to, -1));
      onChange({ ...view, kind });
    } else {
      // The new period holds the last day shown (or today): from "this year so far" to "this month".
      const last = addDays(view.to, -1);
      onChange({ ...view, kind, ...periodFrom(kind, periodStart(kind, last < today ? last : today), today) });
    }
  }

  function applyCustom(e: FormEvent) {
    e.preventDefault();
    const to = customLast ? addDays(customLast, 1) : '';
    const ok = validPeriod(customFrom, to);
    setCustomError(!ok);
    if (ok) onChange({ ...view, kind: 'custom', from: customFrom, to });
  }

  const kind = view.kind;
  const label = (start: string) => {
    if (kind === 'month') return fmt.groupLabel('month', start.slice(0, 7));
    const year = start.slice(0, 4);
    if (kind === 'year') return year;
    return t('stats.quarterOption', { q: (Number(start.slice(5, 7)) + 2) / 3, year });
  };

  return (
    <section className="card stats-filters" aria-labelledby="stats-filters-title">
      <h2 id="stats-filters-title" className="visually-hidden">
        {t('stats.filtersTitle')}
      </h2>
      <div className="form-grid">
        <div className="field">
          <label htmlFor="stats-kind">{t('stats.periodKind')}</label>
          <select id="stats-kind" data-testid="stats-period-kind" value={kind} onChange={(e) => chooseKind(memberOf(PERIOD_KINDS, e.target.value) ?? 'year')}>
            <EnumOptions values={PERIOD_KINDS} label={periodKindKey} />
          </select>
        </div>
        {kind !== 'custom' && (
          <div className="field">
            <label htmlFor="stats-period">{t('stats.period')}</label>
            <select
              id="stats-period"
              data-testid="stats-period"
              value={view.from}
              onChange={(e) => onChange({ ...view, ...periodFrom(kind, e.target.value, today) })}
            >
              {/* A period reached by an address (an older one) is offered too, so the select shows it. */}
              {[...new Set([...periodChoices(kind, today, CHOICES[kind]), view.from])].map((start) => (
                <option key={start} value={start}>
                  {label(start)}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field">
          <label htmlFor="stats-department">{t('stats.department')}</label>
          <select id="stats-department" data-testid="stats-department" value={view.departmentId ?? ''} onChange={(e) => onChange({ ...view, departmentId: e.target.value || undefined })}>
            <DepartmentOptions />
          </select>
        </div>
        <div className="field">
          <label htmlFor="stats-category">{t('stats.category')}</label>
          <select id="stats-category" data-testid="stats-category" value={view.category ?? ''} onChange={(e) => onChange({ ...view, category: memberOf(CATEGORIES, e.target.value) })}>
            <EnumOptions values={CATEGORIES} label={categoryKey} empty={t('search.allCategories')} />
          </select>
        </div>
        <div className="field">
          <label htmlFor="stats-group">{t('stats.groupByLabel')}</label>
          <select id="stats-group" data-testid="stats-group" value={view.groupBy} onChange={(e) => onChange({ ...view, groupBy: memberOf(STAT_GROUPINGS, e.target.value) ?? 'month' })}>
            <EnumOptions values={STAT_GROUPINGS} label={groupingKey} />
          </select>
        </div>
      </div>
      {kind === 'custom' && (
        <form className="stats-custom" onSubmit={applyCustom} noValidate>
          <div className="form-grid">
            <div className="field">
              <label htmlFor="stats-from">{t('stats.customFrom')}</label>
              <input id="stats-from" type="date" value={customFrom} onChange={(e) => setCustomFrom(e.target.value)} aria-invalid={customError || undefined} />
            </div>
            <div className="field">
              <label htmlFor="stats-last">{t('stats.customLast')}</label>
              <input
                id="stats-last"
                type="date"
                value={customLast}
                onChange={(e) => setCustomLast(e.target.value)}
                aria-invalid={customError || undefined}
                aria-describedby={customError ? 'stats-custom-error' : undefined}
              />
              {customError && (
                <p className="field-error" id="stats-custom-error">
                  {t('stats.customInvalid')}
                </p>
              )}
            </div>
          </div>
          <button type="submit" className="button button-secondary">
            {t('stats.customApply')}
          </button>
        </form>
      )}
      <p className="muted" data-testid="stats-period-shown">
        {t('stats.periodShown', { from: day(view.from), last: day(addDays(view.to, -1)) })}
      </p>
    </section>
  );
}
