/**
 * The marketplace's filters, each value with its facet count (how many results choosing it gives, with the
 * other filters kept). Plain selects and checkboxes: keyboard usable, each named by its label.
 */
import { memo } from 'react';
import type { MarketFacets } from '../../shared/market-facets';
import type { MarketFilter } from '../../shared/market-filter';
import { CATEGORIES, CONDITIONS, type Condition } from '../../shared/schemas';
import { useI18n } from '../i18n';
import { categoryKey, conditionKey } from '../labels';
import { hasFilters } from '../market-query';
import { memberOf } from '../member-of';
import { useReference } from '../reference-context';

interface Props {
  filter: MarketFilter;
  /** Counts of the results shown; undefined until the first answer. */
  facets: MarketFacets | undefined;
  onChange(filter: MarketFilter): void;
}

interface Choice {
  value: string;
  label: string;
  count: number | undefined;
}

// Memoised: typing in the search field changes none of its props (see MarketplaceSearch's stable onChange).
export const MarketFilters = memo(function MarketFilters({ filter: f, facets, onChange }: Props) {
  const { t, number } = useI18n();
  const ref = useReference();
  const label = (text: string, count: number | undefined) =>
    count === undefined ? text : t('market.valueCount', { value: text, count: number(count) });
  const set = (patch: Partial<MarketFilter>) => {
    const next: Record<string, unknown> = { ...f, ...patch };
    for (const k of Object.keys(next)) if (next[k] === undefined) delete next[k];
    onChange(next as MarketFilter); // why: the patch sets or clears fields of a MarketFilter
  };
  const num = (v: string) => (v === '' ? undefined : Number(v));
  const screen = f.screenMinInch === undefined && f.screenMaxInch === undefined ? '' : `${f.screenMinInch ?? ''}-${f.screenMaxInch ?? ''}`;

  const select = (id: string, text: string, value: string, choices: Choice[], onPick: (v: string) => void) => (
    <div className="field">
      <label htmlFor={`market-${id}`}>{text}</label>
      <select id={`market-${id}`} data-testid={`filter-${id}`} value={value} onChange={(e) => onPick(e.target.value)}>
        <option value="">{t('market.any')}</option>
        {/* A chosen value the results no longer contain stays choosable, so the select shows what is set. */}
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {label(c.label, c.count)}
          </option>
        ))}
      </select>
    </div>
  );

  const departments = new Map(facets?.departmentId.map((d) => [d.value, d.count]));
  const screenLabel = (min: number, max: number) =>
    min === 0 ? t('market.screenUnder', { max: number(Math.ceil(max)) }) : max >= 120 ? t('market.screenFrom', { min: number(min) }) : t('market.screenRange', { min: number(min), max: number(Math.ceil(max)) });

  return (
    <section className="market-filters" aria-labelledby="market-filters-title">
      <div className="market-filters-head">
        <h2 id="market-filters-title">{t('market.filters')}</h2>
        <button type="button" className="link-button" data-testid="filters-clear" disabled={!hasFilters(f)} onClick={() => onChange({})}>
          {t('market.clearAll')}
        </button>
      </div>
      {select(
        'category',
        t('search.category'),
        f.category ?? '',
        CATEGORIES.map((c) => ({ value: c, label: t(categoryKey(c)), count: facets?.category.find((x) => x.value === c)?.count })),
        (v) => set({ category: memberOf(CATEGORIES, v) }),
      )}
      {select(
        'department',
        t('search.department'),
        f.departmentId ?? '',
        ref.departments.map((d) => ({ value: d.id, label: ref.departmentLabel(d.id), count: facets ? (departments.get(d.id) ?? 0) : undefined })),
        (v) => set({ departmentId: v || undefined }),
      )}
      <fieldset className="field market-grades">
        <legend>{t('market.condition')}</legend>
        {CONDITIONS.map((c) => {
          const on = f.conditions?.includes(c) ?? false;
          const count = facets?.condition.find((x) => x.value === c)?.count;
          const toggle = (checked: boolean) => {
            const next: Condition[] = CONDITIONS.filter((x) => (x === c ? checked : (f.conditions?.includes(x) ?? false)));
            set({ conditions: next.length ? next : undefined });
          };
          return (
            <label key={c} className="check">
              <input type="checkbox" data-testid={`filter-grade-${c}`} checked={on} onChange={(e) => toggle(e.target.checked)} /> {label(t(conditionKey(c)), count)}
            </label>
          );
        })}
      </fieldset>
      {select(
        'ram',
        t('market.ram'),
        f.ramMinGb === undefined ? '' : String(f.ramMinGb),
        (facets?.ramMinGb ?? []).map((b) => ({ value: String(b.value), label: t('market.ramMin', { gb: number(b.value) }), count: b.count })),
        (v) => set({ ramMinGb: num(v) }),
      )}
      {select(
        'storage',
        t('market.storage'),
        f.storageMinGb === undefined ? '' : String(f.storageMinGb),
        (facets?.storageMinGb ?? []).map((b) => ({ value: String(b.value), label: t('market.storageMin', { gb: number(b.value) }), count: b.count })),
        (v) => set({ storageMinGb: num(v) }),
      )}
      {select(
        'screen',
        t('market.screen'),
        screen,
        (facets?.screen ?? []).map((b) => ({ value: `${b.minInch}-${b.maxInch}`, label: screenLabel(b.minInch, b.maxInch), count: b.count })),
        (v) => {
          const [min, max] = v === '' ? [] : v.split('-').map(Number);
          set({ screenMinInch: min, screenMaxInch: max });
        },
      )}
      {select(
        'year',
        t('market.year'),
        f.yearMin === undefined ? '' : String(f.yearMin),
        (facets?.yearMin ?? []).map((b) => ({ value: String(b.value), label: t('market.yearMin', { year: String(b.value) }), count: b.count })),
        (v) => set({ yearMin: num(v) }),
      )}
      {select(
        'wiped',
        t('market.wiped'),
        f.wiped === undefined ? '' : f.wiped ? '1' : '0',
        (facets?.wiped ?? []).map((b) => ({ value: b.value ? '1' : '0', label: t(b.value ? 'market.wipedTrue' : 'market.wipedFalse'), count: b.count })),
        (v) => set({ wiped: v === '' ? undefined : v === '1' }),
      )}
    </section>
  );
});
